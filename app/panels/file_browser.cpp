#include "app/panels/file_browser.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "app/imgui_compat.h"
#include "app/shell/strings.h"

namespace gs::app {
namespace {

namespace fs = std::filesystem;

const char* T(Lang l, const char* en, const char* zh) {
  return l == Lang::kZh ? zh : en;
}

bool IsScenarioName(const std::string& n) {
  return n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0;
}

// Runs zenity and returns the chosen path ("" when cancelled). Besides fixed strings only
// the start folder, quoted, reaches the shell.
std::string RunZenity(std::string dir) {
  // The start folder is single-quoted for the shell ('\'' for a quote inside it).
  std::string quoted = "'";
  for (char c : dir) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  const std::string cmd =
      "cd " + quoted +
      " 2>/dev/null; zenity --file-selection "
      "--title='Gopherscope: open a scenario' "
      "--file-filter='Scenarios | *.json' --file-filter='All files | *' 2>/dev/null";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), int(buf.size()), p)) out += buf.data();
    ::pclose(p);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

}  // namespace

bool FileBrowser::NativeAvailable() {
  if (const char* no = std::getenv("GS_NO_NATIVE_DIALOG"); no && *no && *no != '0') return false;
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::string p = path;
  std::size_t start = 0;
  while (start <= p.size()) {
    const std::size_t end = std::min(p.find(':', start), p.size());
    std::error_code ec;
    if (end > start && fs::exists(fs::path(p.substr(start, end - start)) / "zenity", ec)) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

void FileBrowser::Open(const std::string& dir, bool allow_native) {
  std::error_code ec;
  m_dir = fs::is_directory(dir, ec) ? fs::absolute(dir, ec).lexically_normal().string()
                                    : fs::current_path(ec).string();
  if (allow_native && NativeAvailable()) {
    m_native = std::async(std::launch::async, RunZenity, m_dir);
    return;
  }
  m_open = true;
  m_just_opened = true;
  m_path[0] = 0;
  List();
}

void FileBrowser::Enter(const std::string& name) {
  fs::path next = name == ".." ? fs::path(m_dir).parent_path() : fs::path(m_dir) / name;
  std::error_code ec;
  if (!fs::is_directory(next, ec)) return;
  m_dir = next.lexically_normal().string();
  List();
}

void FileBrowser::List() {
  m_entries.clear();
  m_error.clear();
  m_truncated = false;
  std::error_code ec;
  fs::directory_iterator it(m_dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    m_error = ec.message();
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files
    std::error_code ec2;
    const bool dir = it->is_directory(ec2);
    if (!dir && !IsScenarioName(name)) continue;
    if (m_entries.size() >= kMaxEntries) {
      m_truncated = true;
      break;
    }
    m_entries.push_back({name, dir});
  }
  std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
    return a.dir != b.dir ? a.dir : a.name < b.name;
  });
}

std::string FileBrowser::Draw(Lang l, const std::vector<std::string>& recent) {
  if (m_native.valid()) {
    if (m_native.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return "";
    return m_native.get();  // "" when cancelled
  }
  if (!m_open) return "";
  const char* title = T(l, "Open a scenario###file_browser", "打开场景###file_browser");
  if (m_just_opened) {
    ImGui::OpenPopup(title);
    m_just_opened = false;
  }
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.8f, ImGui::GetFontSize() * 36),
                                  std::min(display.y * 0.8f, ImGui::GetFontSize() * 26)),
                           ImGuiCond_Appearing);
  std::string chosen;
  if (!ImGui::BeginPopupModal(title, &m_open)) return "";
  if (ImGui::Button("..")) Enter("..");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", m_dir.c_str());
  if (!recent.empty() && ImGui::BeginCombo("##recent", Tr(Str::kRecent, l))) {
    for (const std::string& r : recent) {
      if (ImGui::Selectable(r.c_str())) chosen = r;
    }
    ImGui::EndCombo();
  }
  const float footer = ImGui::GetFrameHeightWithSpacing() * 2.2f;
  ImGui::BeginChild("##files", ImVec2(0, -footer), true);
  if (!m_error.empty()) ImGui::TextDisabled("%s", m_error.c_str());
  std::string enter;
  for (const Entry& e : m_entries) {
    ImGui::PushID(e.name.c_str());
    const std::string label = e.dir ? e.name + "/" : e.name;
    if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (e.dir) {
        enter = e.name;  // entering re-lists: after the loop
      } else {
        std::snprintf(m_path, sizeof m_path, "%s", (fs::path(m_dir) / e.name).c_str());
        if (ImGui::IsMouseDoubleClicked(0)) chosen = m_path;
      }
    }
    ImGui::PopID();
  }
  if (m_truncated) ImGui::TextDisabled(T(l, "(more files not listed)", "（还有文件未列出）"));
  ImGui::EndChild();
  if (!enter.empty()) Enter(enter);
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 8);
  const bool typed =
      ImGui::InputText("##path", m_path, sizeof m_path, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button(Tr(Str::kOpen, l)) || typed) && m_path[0]) chosen = m_path;
  ImGui::SameLine();
  if (ImGui::Button(Tr(Str::kClose, l))) m_open = false;
  if (!chosen.empty()) m_open = false;
  if (!m_open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return chosen;
}

}  // namespace gs::app
