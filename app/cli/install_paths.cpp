#include "app/cli/install_paths.h"

#include <filesystem>
#include <system_error>

namespace gs::cli {

std::string ScenarioDir(const std::string& built_in) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return built_in;
  const fs::path installed =
      exe.parent_path().parent_path() / "share" / "gopherscope" / "scenarios";
  if (fs::is_directory(installed, ec)) return installed.string();
  return built_in;
}

}  // namespace gs::cli
