// Pacer narration: what a step did and why, in both languages, naming the runtime function.
#include <string>

#include "engine/pacer/gctrace.h"
#include "engine/pacer/pacer_math.h"
#include "engine/pacer/pacer_run.h"

namespace gs::pacer {

std::string Bytes(std::uint64_t b) {
  if (b == kNoLimit) return "∞";
  if (b < kMiB) return std::to_string(b >> 10) + " KiB";
  const std::uint64_t tenths = (b * 10 + kMiB / 2) / kMiB;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MiB";
}

namespace {

std::string GogcText(std::uint64_t plus_one) {
  return plus_one == 0 ? "off" : std::to_string(std::int64_t(plus_one) - 1);
}

}  // namespace

std::string EventLine(const Program& p, const Event& e, Lang lang) {
  const bool zh = lang == Lang::kZh;
  switch (e.kind) {
    case EventKind::kAlloc:
      if (e.b > 0) {
        return zh ? "堆上分配 " + Bytes(e.a) + "，栈上 " + Bytes(e.b)
                  : "alloc " + Bytes(e.a) + " on the heap, " + Bytes(e.b) + " on the stack";
      }
      return zh ? "堆上分配 " + Bytes(e.a) : "alloc " + Bytes(e.a);
    case EventKind::kDrop:
      return zh ? "程序放弃 " + Bytes(e.a) + " 的数据" : "drop " + Bytes(e.a) + " of live data";
    case EventKind::kTrigger:
      return zh ? "heapLive " + Bytes(e.a) + " ≥ 触发点 " + Bytes(e.b) + "：开始回收"
                : "heapLive " + Bytes(e.a) + " >= trigger " + Bytes(e.b) + ": gcStart";
    case EventKind::kForcedStart:
      return zh ? "runtime.GC：强制回收" : "runtime.GC: forced cycle";
    case EventKind::kMarkWork:
      return zh ? "后台标记 " + Bytes(e.a) + "，剩余 " + Bytes(e.b)
                : "background mark " + Bytes(e.a) + ", " + Bytes(e.b) + " left";
    case EventKind::kAssist:
      return zh ? "标记辅助 " + Bytes(e.a) : "mark assist " + Bytes(e.a);
    case EventKind::kCycleEnd:
      return GctraceLine(e.cycle, p.config);
    case EventKind::kCommit:
      return zh ? "目标 " + Bytes(e.a) + "，触发点 " + Bytes(e.b)
                : "goal " + Bytes(e.a) + ", trigger " + Bytes(e.b);
    case EventKind::kSetGcPercent:
      return "GOGC " + GogcText(e.a) + " -> " + GogcText(e.b);
    case EventKind::kSetMemoryLimit:
      return "GOMEMLIMIT " + Bytes(e.a);
    case EventKind::kOverGoal:
      return zh ? "heapLive " + Bytes(e.a) + " 超过目标 " + Bytes(e.b)
                : "heapLive " + Bytes(e.a) + " is past the goal " + Bytes(e.b);
  }
  return {};
}

Narration NarrateEvents(const Program& p, std::span<const Event> events) {
  const Event* alloc = nullptr;
  const Event* trigger = nullptr;
  const Event* assist = nullptr;
  const Event* mark = nullptr;
  const Event* end = nullptr;
  const Event* commit = nullptr;
  const Event* setting = nullptr;
  const Event* drop = nullptr;
  const Event* over = nullptr;
  for (const Event& e : events) {
    switch (e.kind) {
      case EventKind::kAlloc:
        alloc = &e;
        break;
      case EventKind::kTrigger:
      case EventKind::kForcedStart:
        trigger = &e;
        break;
      case EventKind::kAssist:
        assist = &e;
        break;
      case EventKind::kMarkWork:
        mark = &e;
        break;
      case EventKind::kCycleEnd:
        end = &e;
        break;
      case EventKind::kCommit:
        commit = &e;
        break;
      case EventKind::kSetGcPercent:
      case EventKind::kSetMemoryLimit:
        setting = &e;
        break;
      case EventKind::kDrop:
        drop = &e;
        break;
      case EventKind::kOverGoal:
        over = &e;
        break;
    }
  }
  Narration n;
  auto add = [&n](const std::string& en, const std::string& zh) {
    n.text.en += (n.text.en.empty() ? "" : " ") + en;
    n.text.zh += zh;
  };
  if (end) {
    const CycleRecord& r = end->cycle;
    n.func = "gcMarkTermination";
    add("Cycle " + std::to_string(r.n) + " ends: " + Bytes(r.heap2) +
            " is marked (what was reachable at the start plus everything allocated black "
            "during mark). Sweeping frees the rest, so heapLive drops to " +
            Bytes(r.heap2) + ".",
        "第 " + std::to_string(r.n) + " 轮回收结束：标记了 " + Bytes(r.heap2) +
            "（开始时可达的对象，加上标记期间新分配的黑色对象）。清扫释放其余部分，heapLive 降到 " +
            Bytes(r.heap2) + "。");
    if (commit) {
      const bool pct = p.config.stacks + p.config.globals == 0;
      std::string why_en, why_zh;
      switch (commit->source) {
        case GoalSource::kGcPercent:
          why_en = pct ? " = heapMarked × (1 + GOGC/100)"
                       : " = heapMarked + (heapMarked + stacks + globals) × GOGC/100";
          why_zh = pct ? " = heapMarked × (1 + GOGC/100)"
                       : " = heapMarked + (heapMarked + 栈 + 全局变量) × GOGC/100";
          break;
        case GoalSource::kHeapMinimum:
          why_en = ", the floor heapMinimum = 4 MiB × GOGC/100 (the GOGC formula gives less)";
          why_zh = "，即下限 heapMinimum = 4 MiB × GOGC/100（GOGC 公式算出的更小）";
          break;
        case GoalSource::kMemoryLimit:
          why_en =
              ", the memory limit's goal (limit − non-heap memory − 1 MiB), smaller than GOGC's";
          why_zh = "，即内存上限的目标（上限 − 非堆内存 − 1 MiB），比 GOGC 的更小";
          break;
        case GoalSource::kOff:
          why_en = " (GOGC=off and no memory limit: no goal)";
          why_zh = "（GOGC=off 且没有内存上限：没有目标）";
          break;
      }
      add("commit sets the next goal to " + Bytes(commit->a) + why_en + ", and the trigger to " +
              Bytes(commit->b) + ".",
          "commit 把下一个目标设为 " + Bytes(commit->a) + why_zh + "，触发点设为 " +
              Bytes(commit->b) + "。");
    }
    return n;
  }
  if (trigger) {
    if (trigger->kind == EventKind::kForcedStart) {
      n.func = "runtime.GC";
      add("runtime.GC runs a whole cycle at once; the caller waits, so nothing is allocated "
          "while it marks.",
          "runtime.GC 一次跑完整轮回收；调用者等待，标记期间没有新的分配。");
    } else {
      n.func = "gcStart";
      add("heapLive reached the trigger (" + Bytes(trigger->b) +
              "), so mallocgc starts a cycle. The trigger sits before the goal so that marking "
              "can finish before the heap reaches the goal.",
          "heapLive 达到触发点（" + Bytes(trigger->b) +
              "），mallocgc 开始一轮回收。触发点在目标之前，让标记在堆长到目标之前完成。");
    }
    return n;
  }
  if (assist) {
    n.func = "gcAssistAlloc";
    add("This goroutine allocated faster than the background worker marks: it owes " +
            std::to_string(assist->b * 100 / 1024) +
            "% of each allocated byte in scan work (assistWorkPerByte), more than the "
            "background credit covers, so it scans " +
            Bytes(assist->a) + " itself before it may allocate.",
        "这个 goroutine 分配得比后台标记快：每分配一字节要还 " +
            std::to_string(assist->b * 100 / 1024) +
            "% 字节的扫描工作（assistWorkPerByte），后台积累的额度不够，所以它先自己扫描 " +
            Bytes(assist->a) + " 才能继续分配。");
    return n;
  }
  if (setting) {
    n.func = setting->kind == EventKind::kSetGcPercent ? "setGCPercent" : "setMemoryLimit";
    if (setting->kind == EventKind::kSetGcPercent) {
      add("GOGC is now " + GogcText(setting->b) + ".",
          "GOGC 现在是 " + GogcText(setting->b) + "。");
    } else {
      add("The memory limit is now " + Bytes(setting->a) + ".",
          "内存上限现在是 " + Bytes(setting->a) + "。");
    }
    if (commit) {
      add("commit recomputes the goal (" + Bytes(commit->a) + ") and the trigger (" +
              Bytes(commit->b) + ") at once.",
          "commit 立即重新计算目标（" + Bytes(commit->a) + "）和触发点（" + Bytes(commit->b) +
              "）。");
    }
    return n;
  }
  if (drop) {
    add("The program lets go of " + Bytes(drop->a) +
            ". heapLive does not change: only the next cycle finds it unreachable.",
        "程序不再引用 " + Bytes(drop->a) +
            " 的数据。heapLive 不变：要等下一轮回收才发现它不可达。");
    return n;
  }
  if (alloc) {
    n.func = "mallocgc";
    if (mark) {
      add("The mutator allocates " + Bytes(alloc->a) + " while the background worker marks " +
              Bytes(mark->a) + " (" + Bytes(mark->b) +
              " of scan work left); new objects are allocated black.",
          "标记期间程序分配 " + Bytes(alloc->a) + "，后台标记 " + Bytes(mark->a) + "（还剩 " +
              Bytes(mark->b) + " 扫描工作）；新对象直接是黑色。");
      if (over) {
        add("heapLive is past the goal: marking started too late for this allocation rate.",
            "heapLive 已超过目标：对这个分配速度来说，标记开始得太晚了。");
      }
    } else if (alloc->b > 0) {
      add("The mutator allocates " + Bytes(alloc->a) + " on the heap; " + Bytes(alloc->b) +
              " did not escape and lives on the stack, which no GC cycle has to reclaim.",
          "程序在堆上分配 " + Bytes(alloc->a) + "；另有 " + Bytes(alloc->b) +
              " 没有逃逸，留在栈上，不需要任何一轮回收。");
    } else {
      add("The mutator allocates " + Bytes(alloc->a) + "; heapLive grows toward the trigger.",
          "程序分配 " + Bytes(alloc->a) + "；heapLive 向触发点增长。");
    }
  }
  return n;
}

}  // namespace gs::pacer
