#include "app/shell/window_icon.h"

#include <GLFW/glfw3.h>
#include <stb_image.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace gs::app {

int SetWindowIcon(GLFWwindow* win) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return 0;
  const fs::path dir = exe.parent_path();
  const std::string name = "org.gopherscope.Gopherscope.png";
  std::vector<GLFWimage> images;
  std::vector<unsigned char*> pixels;
  for (int size : {48, 128, 256}) {
    const std::string n = std::to_string(size);
    // Installed: <prefix>/bin/gopherscope and <prefix>/share/icons/hicolor/NxN/apps/; in
    // the build folder: <build>/app/gopherscope and <build>/icons/N/.
    for (const fs::path& p :
         {dir.parent_path() / "share/icons/hicolor" / (n + "x" + n) / "apps" / name,
          dir.parent_path() / "icons" / n / name}) {
      int w = 0, h = 0, channels = 0;
      unsigned char* data = stbi_load(p.c_str(), &w, &h, &channels, 4);
      if (!data) continue;
      images.push_back(GLFWimage{w, h, data});
      pixels.push_back(data);
      break;
    }
  }
  if (!images.empty()) glfwSetWindowIcon(win, int(images.size()), images.data());
  for (unsigned char* p : pixels) stbi_image_free(p);
  return int(images.size());
}

}  // namespace gs::app
