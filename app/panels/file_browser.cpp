#include "app/panels/file_browser.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "app/imgui_compat.h"
#include "app/shell/keys.h"
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

}  // namespace

FileBrowser::~FileBrowser() {
  // Asked again until the dialog's thread is done, in case it had not started the program
  // yet when first asked.
  while (m_native.valid() &&
         m_native.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
    CancelNativeDialogs();
  }
}

void FileBrowser::Open(const std::string& dir, bool allow_native) {
  Start(dir, allow_native, {DialogMode::kOpen, "", "", "Gopherscope: open a scenario"});
}

void FileBrowser::OpenSave(const std::string& dir, const std::string& name, bool allow_native) {
  Start(dir, allow_native, {DialogMode::kSave, "", name, "Gopherscope: save the scenario as"});
}

void FileBrowser::Start(const std::string& dir, bool allow_native, DialogRequest req) {
  std::error_code ec;
  m_dir = fs::is_directory(dir, ec) ? fs::absolute(dir, ec).lexically_normal().string()
                                    : fs::current_path(ec).string();
  m_mode = req.mode;
  m_replace.clear();
  m_chosen.clear();
  req.dir = m_dir;
  // Save As suggests a name in the folder shown (a bare name is saved there).
  std::snprintf(m_path, sizeof m_path, "%s", req.mode == DialogMode::kSave ? req.name.c_str() : "");
  if (allow_native && NativeDialogAvailable()) {
    // The runner is picked here, on the UI thread; the dialog blocks on another one.
    m_native = std::async(std::launch::async, RunNativeDialog, CurrentDialogRunner(), req);
    return;
  }
  m_open = true;
  m_just_opened = true;
  m_focus_path = req.mode == DialogMode::kSave;
  List();
}

void FileBrowser::Submit(const std::string& typed) {
  if (typed.empty()) return;
  if (m_mode == DialogMode::kOpen) {
    m_chosen = typed;
    m_open = false;
    return;
  }
  // A bare name is saved in the folder shown.
  fs::path p = WithScenarioExtension(typed);
  if (!p.has_parent_path()) p = fs::path(m_dir) / p;
  std::error_code ec;
  if (fs::exists(p, ec)) {
    m_replace = p.string();  // asked in the dialog; nothing is returned yet
    m_open = true;
    return;
  }
  m_chosen = p.string();
  m_open = false;
}

void FileBrowser::AnswerReplace(bool yes) {
  if (m_replace.empty()) return;
  if (yes) {
    m_chosen = m_replace;
    m_open = false;
  }
  m_replace.clear();
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
    const std::string picked = m_native.get();  // "" when cancelled
    if (picked.empty() || m_mode == DialogMode::kOpen || picked == WithScenarioExtension(picked)) {
      return picked;  // zenity itself asked before replacing `picked`
    }
    // ".json" was added: zenity did not ask about that name, so ask here if it exists.
    Submit(picked);
    if (!m_replace.empty()) m_just_opened = true;
  }
  if (!m_chosen.empty()) {
    std::string chosen;
    chosen.swap(m_chosen);
    return chosen;
  }
  if (!m_open) return "";
  const bool saving = m_mode == DialogMode::kSave;
  const char* title = saving
                          ? T(l, "Save the scenario as###file_browser", "场景另存为###file_browser")
                          : T(l, "Open a scenario###file_browser", "打开场景###file_browser");
  if (m_just_opened) {
    ImGui::OpenPopup(title);
    m_just_opened = false;
  }
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.8f, ImGui::GetFontSize() * 36),
                                  std::min(display.y * 0.8f, ImGui::GetFontSize() * 26)),
                           ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(title, &m_open)) return "";
  if (!m_replace.empty()) {
    // Save As over an existing file: only an explicit Replace writes over it.
    ImGui::TextWrapped("%s %s", m_replace.c_str(),
                       T(l, "exists already. Replace it?", "已存在。要替换它吗？"));
    if (ImGui::Button(T(l, "Replace", "替换"))) AnswerReplace(true);
    ImGui::SameLine();
    if (ImGui::Button(T(l, "Cancel", "取消")) || ImGui::IsKeyPressed(keys::kEscape, false)) {
      AnswerReplace(false);
    }
    if (!m_open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return "";  // the chosen file comes back on the next frame
  }
  if (ImGui::Button("..")) Enter("..");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", m_dir.c_str());
  std::string submit;
  if (!saving && !recent.empty() && ImGui::BeginCombo("##recent", Tr(Str::kRecent, l))) {
    for (const std::string& r : recent) {
      if (ImGui::Selectable(r.c_str())) submit = r;
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
        std::snprintf(m_path, sizeof m_path, "%s",
                      saving ? e.name.c_str() : (fs::path(m_dir) / e.name).c_str());
        if (ImGui::IsMouseDoubleClicked(0)) submit = m_path;
      }
    }
    ImGui::PopID();
  }
  if (m_truncated) ImGui::TextDisabled("%s", T(l, "(more files not listed)", "（还有文件未列出）"));
  ImGui::EndChild();
  if (!enter.empty()) Enter(enter);  // Save As keeps the typed name
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 8);
  if (m_focus_path) {
    ImGui::SetKeyboardFocusHere();
    m_focus_path = false;
  }
  const bool typed =
      ImGui::InputText("##path", m_path, sizeof m_path, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  const char* action = saving ? T(l, "Save", "保存") : Tr(Str::kOpen, l);
  if ((ImGui::Button(action) || typed) && m_path[0]) submit = m_path;
  ImGui::SameLine();
  if (ImGui::Button(Tr(Str::kClose, l))) m_open = false;
  if (!submit.empty()) Submit(submit);
  if (!m_open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  if (!m_chosen.empty()) {
    std::string chosen;
    chosen.swap(m_chosen);
    return chosen;
  }
  return "";
}

}  // namespace gs::app
