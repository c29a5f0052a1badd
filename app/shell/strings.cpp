#include "app/shell/strings.h"

namespace gs::app {
namespace {

struct Entry {
  const char* en;
  const char* zh;
};

// In the order of enum Str.
constexpr Entry kStrings[] = {
    {"Gopherscope", "Gopherscope"},
    {"Scenarios", "场景"},
    {"Open file", "打开文件"},
    {"Open", "打开"},
    {"Reload", "重新加载"},
    {"Play", "播放"},
    {"Pause", "暂停"},
    {"First step", "第一步"},
    {"Previous step", "上一步"},
    {"Next step", "下一步"},
    {"Last step", "最后一步"},
    {"Speed", "速度"},
    {"Step", "步骤"},
    {"What happens", "发生了什么"},
    {"Runtime function", "运行时函数"},
    {"Errors", "错误"},
    {"No errors.", "没有错误。"},
    {"The file has errors; the last good version stays on screen.",
     "文件有错误；屏幕上保留最后一个正确的版本。"},
    {"Help", "帮助"},
    {"Keys", "快捷键"},
    {"Space  play / pause", "空格  播放 / 暂停"},
    {"Left / Right  step back / forward", "左 / 右  后退 / 前进一步"},
    {"Home / End  first / last step", "Home / End  第一步 / 最后一步"},
    {"+ / -  bigger / smaller text", "+ / -  放大 / 缩小文字"},
    {"F11  full screen", "F11  全屏"},
    {"T  dark / light (projector) theme", "T  深色 / 浅色（投影）主题"},
    {"L  English / 简体中文", "L  English / 简体中文"},
    {"F1  this help", "F1  显示本帮助"},
    {"Ctrl+R  reload the scenario from disk", "Ctrl+R  从磁盘重新加载场景"},
    {"Theme", "主题"},
    {"Dark", "深色"},
    {"Light (projector)", "浅色（投影）"},
    {"Language", "语言"},
    {"View", "视图"},
    {"File", "文件"},
    {"Bigger text", "放大文字"},
    {"Smaller text", "缩小文字"},
    {"Full screen", "全屏"},
    {"This kind of scenario has no view yet; the narration still explains every step.",
     "这类场景还没有视图；旁白仍会解释每一步。"},
    {"Drop a scenario file on the window to open it.", "把场景文件拖到窗口上即可打开。"},
    {"Loaded", "已加载"},
    {"Reloaded from disk", "已从磁盘重新加载"},
    {"About this scenario", "关于本场景"},
    {"Close", "关闭"},
    {"Garbage collector", "垃圾回收"},
    {"Scheduler (GMP)", "调度器（GMP）"},
    {"Maps", "map"},
    {"Stack frames", "栈帧"},
    {"Other", "其他"},
    {"Quit", "退出"},
    {"Debug", "调试"},
    {"ImGui metrics", "ImGui 指标"},
    {"Phase", "阶段"},
    {"Grey queue (workbuf, top first)", "灰色队列（workbuf，栈顶在前）"},
    {"Roots", "根"},
    {"Heap", "堆"},
    {"Barrier", "写屏障"},
    {"write barrier ON", "写屏障 开启"},
    {"write barrier off", "写屏障 关闭"},
    {"STOP THE WORLD: every goroutine is paused", "STOP THE WORLD：所有 goroutine 暂停"},
    {"Invariants", "不变式"},
    {"strong: holds", "强不变式：成立"},
    {"strong: broken", "强不变式：被破坏"},
    {"weak: holds", "弱不变式：成立"},
    {"weak: BROKEN", "弱不变式：被破坏"},
    {"white", "白"},
    {"grey", "灰"},
    {"black", "黑"},
    {"freed", "已释放"},
    {"(empty)", "（空）"},
    {"scanned", "已扫描"},
    {"not scanned", "未扫描"},
    {"DANGLING: freed while reachable", "悬空指针：仍可达却被释放"},
    {"not allocated yet", "尚未分配"},
    {"Compare barriers", "对比写屏障"},
    {"The same scenario under several barrier modes, stepping together.",
     "同一场景在多种写屏障下同步前进。"},
    {"Outcome", "结果"},
    {"Sandbox: record actions", "沙盒：录制操作"},
    {"Record at this step", "在此步录制"},
    {"Allocate a new object", "分配新对象"},
    {"Click an object or a root to change its pointers.", "点击对象或根来修改它的指针。"},
    {"Undo", "撤销"},
    {"Save as scenario...", "另存为场景……"},
    {"SANDBOX: your actions become script ops at this step", "沙盒：你的操作会在此步成为脚本指令"},
    {"barrier: insertion half", "写屏障：插入"},
    {"barrier: deletion half", "写屏障：删除"},
    {"born black", "生来即黑"},
    {"Predict the next step:", "预测下一步："},
    {"Right! The answer is", "答对了！答案是"},
    {"Not quite. The answer is", "不对。答案是"},
};

static_assert(sizeof(kStrings) / sizeof(kStrings[0]) == static_cast<int>(Str::kCount),
              "every Str needs an entry");

}  // namespace

const char* Tr(Str id, Lang lang) {
  const Entry& e = kStrings[static_cast<int>(id)];
  return lang == Lang::kZh ? e.zh : e.en;
}

}  // namespace gs::app
