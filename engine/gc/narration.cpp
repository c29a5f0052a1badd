// Bilingual narration for tri-color steps: what happened, why, and which runtime function
// (mgc.go, mgcmark.go, mbarrier.go, mwbbuf.go, mgcsweep.go) does it.
#include <string>

#include "engine/gc/gc_run.h"

namespace gs::gc {
namespace {

std::string ObjName(const Program& p, std::int32_t o) {
  return o == kNil ? "nil" : p.ObjectName(o);
}

std::string SlotName(const Program& p, const Event& e) {
  if (e.on_root || e.root != kNil) {
    std::string root = p.RootName(e.root);
    return root + "[" + (e.field < 0 ? std::string("new") : std::to_string(e.field)) + "]";
  }
  return p.ObjectName(e.obj) + ".f" + std::to_string(e.field);
}

std::string EdgeName(const Program& p, const EdgeRef& e) {
  std::string from = e.from_root ? p.RootName(e.from) + "[" + std::to_string(e.slot) + "]"
                                 : p.ObjectName(e.from) + ".f" + std::to_string(e.slot);
  return from + " -> " + p.ObjectName(e.to);
}

const char* ColorZh(Color c) {
  switch (c) {
    case Color::kWhite:
      return "白";
    case Color::kGrey:
      return "灰";
    case Color::kBlack:
      return "黑";
  }
  return "?";
}

std::string CauseName(ShadeCause c) {
  switch (c) {
    case ShadeCause::kRootScan:
      return "root";
    case ShadeCause::kScan:
      return "scan";
    case ShadeCause::kInsertion:
      return "insertion half";
    case ShadeCause::kDeletion:
      return "deletion half";
    case ShadeCause::kRescan:
      return "rescan";
    case ShadeCause::kAlloc:
      return "alloc";
  }
  return "?";
}

const char* CauseZh(ShadeCause c) {
  switch (c) {
    case ShadeCause::kRootScan:
      return "根扫描";
    case ShadeCause::kScan:
      return "扫描";
    case ShadeCause::kInsertion:
      return "插入屏障";
    case ShadeCause::kDeletion:
      return "删除屏障";
    case ShadeCause::kRescan:
      return "重扫";
    case ShadeCause::kAlloc:
      return "分配";
  }
  return "?";
}

const char* BarrierEn(Barrier b) {
  switch (b) {
    case Barrier::kNone:
      return "No barrier";
    case Barrier::kDijkstra:
      return "Dijkstra's insertion barrier";
    case Barrier::kYuasa:
      return "Yuasa's deletion barrier";
    case Barrier::kHybrid:
      return "The hybrid barrier (Go 1.8 design)";
    case Barrier::kGo:
      return "Go's write barrier (gcWriteBarrier)";
  }
  return "?";
}

const char* BarrierZh(Barrier b) {
  switch (b) {
    case Barrier::kNone:
      return "无屏障";
    case Barrier::kDijkstra:
      return "Dijkstra 插入写屏障";
    case Barrier::kYuasa:
      return "Yuasa 删除写屏障";
    case Barrier::kHybrid:
      return "混合写屏障（Go 1.8 设计）";
    case Barrier::kGo:
      return "Go 运行时的写屏障（gcWriteBarrier）";
  }
  return "?";
}

struct Builder {
  std::string en, zh, func;
  void Say(const std::string& e, const std::string& z) {
    if (!en.empty()) en += " ";
    if (!zh.empty()) zh += "";
    en += e;
    zh += z;
  }
  void Func(const char* f) {
    if (func.empty()) func = f;
  }
};

const char* PhaseZh(Phase ph) {
  switch (ph) {
    case Phase::kOff:
      return "关闭";
    case Phase::kSweepTermination:
      return "清扫终止";
    case Phase::kMark:
      return "标记";
    case Phase::kMarkTermination:
      return "标记终止";
    case Phase::kSweep:
      return "清扫";
  }
  return "?";
}

std::string EventLineZh(const Program& p, const Event& e) {
  auto cause = [&e] { return std::string("（") + CauseZh(e.cause) + "）"; };
  switch (e.kind) {
    case EventKind::kStopTheWorld:
      return "停止世界（STW）";
    case EventKind::kStartTheWorld:
      return "恢复世界";
    case EventKind::kPhase:
      return std::string("阶段 → ") + PhaseZh(e.phase);
    case EventKind::kRootJobsQueued:
      return "排入根任务：" + std::to_string(e.count) + " 个";
    case EventKind::kScanRoot:
      return "扫描根 " + p.RootName(e.root);
    case EventKind::kShade:
      return "着色 " + ObjName(p, e.obj) + " " + ColorZh(e.from) + "→" + ColorZh(e.to) + cause();
    case EventKind::kAlreadyShaded:
      return ObjName(p, e.obj) + " 已是" + ColorZh(e.from) + "色" + cause();
    case EventKind::kScanObject:
      return "扫描 " + ObjName(p, e.obj);
    case EventKind::kBlacken:
      return "涂黑 " + ObjName(p, e.obj);
    case EventKind::kBarrier:
      return "写屏障[" + std::string(BarrierName(e.barrier)) + "] " + SlotName(p, e) + "：旧值 " +
             ObjName(p, e.old_value) + "，新值 " + ObjName(p, e.new_value) +
             (e.count != kNil ? "，写入者 " + p.RootName(e.count) +
                                    (e.from == Color::kGrey ? " 未扫描" : " 已扫描")
                              : "");
    case EventKind::kWbEnqueue:
      return "wbBuf += " + ObjName(p, e.obj) + cause();
    case EventKind::kWbFlush:
      return "wbBuf 刷新 " + std::to_string(e.count) + " 条";
    case EventKind::kWrite:
      return "写入 " + SlotName(p, e) + " = " + ObjName(p, e.new_value) + "（原为 " +
             ObjName(p, e.old_value) + "）";
    case EventKind::kRootWrite:
      return "设置 " + SlotName(p, e) + " = " + ObjName(p, e.new_value) + "（原为 " +
             ObjName(p, e.old_value) + "）";
    case EventKind::kAlloc:
      return "分配 " + ObjName(p, e.obj) + "（" + ColorZh(e.to) + "色）→ " + SlotName(p, e);
    case EventKind::kMarkDoneWork:
      return "gcMarkDone：仍有工作";
    case EventKind::kRescanStack:
      return "重扫 " + p.RootName(e.root) + "（STW）";
    case EventKind::kFree:
      return "释放 " + ObjName(p, e.obj);
    case EventKind::kDangling: {
      std::string path = p.RootName(e.path[0]);
      for (std::size_t i = 1; i < e.path.size(); ++i) path += "->" + ObjName(p, e.path[i]);
      return "悬空指针：" + ObjName(p, e.obj) + " 仍可经 " + path + " 到达";
    }
    case EventKind::kSweepDone:
      return "清扫完成：释放 " + std::to_string(e.count) + " 个";
    case EventKind::kNoWork:
      return "没有标记工作";
    case EventKind::kStrongViolation:
      return "强不变式被破坏：" + EdgeName(p, e.edge);
    case EventKind::kWeakViolation:
      return "弱不变式被破坏：" + EdgeName(p, e.edge);
  }
  return "?";
}

}  // namespace

std::string EventLine(const Program& p, const Event& e, Lang lang) {
  if (lang == Lang::kZh) return EventLineZh(p, e);
  switch (e.kind) {
    case EventKind::kStopTheWorld:
      return "stop the world";
    case EventKind::kStartTheWorld:
      return "start the world";
    case EventKind::kPhase:
      return "phase -> " + std::string(PhaseName(e.phase));
    case EventKind::kRootJobsQueued:
      return "root jobs queued: " + std::to_string(e.count);
    case EventKind::kScanRoot:
      return "scan root " + p.RootName(e.root);
    case EventKind::kShade:
      return "shade " + ObjName(p, e.obj) + " " + std::string(ColorName(e.from)) + "->" +
             std::string(ColorName(e.to)) + " (" + CauseName(e.cause) + ")";
    case EventKind::kAlreadyShaded:
      return "already " + std::string(ColorName(e.from)) + ": " + ObjName(p, e.obj) + " (" +
             CauseName(e.cause) + ")";
    case EventKind::kScanObject:
      return "scan " + ObjName(p, e.obj);
    case EventKind::kBlacken:
      return "blacken " + ObjName(p, e.obj);
    case EventKind::kBarrier:
      return "barrier[" + std::string(BarrierName(e.barrier)) + "] " + SlotName(p, e) + ": old " +
             ObjName(p, e.old_value) + ", new " + ObjName(p, e.new_value) +
             (e.count != kNil ? ", writer " + p.RootName(e.count) + " " +
                                    (e.from == Color::kGrey ? "unscanned" : "scanned")
                              : "");
    case EventKind::kWbEnqueue:
      return "wbBuf += " + ObjName(p, e.obj) + " (" + CauseName(e.cause) + ")";
    case EventKind::kWbFlush:
      return "wbBuf flush " + std::to_string(e.count);
    case EventKind::kWrite:
      return "write " + SlotName(p, e) + " = " + ObjName(p, e.new_value) + " (was " +
             ObjName(p, e.old_value) + ")";
    case EventKind::kRootWrite:
      return "set " + SlotName(p, e) + " = " + ObjName(p, e.new_value) + " (was " +
             ObjName(p, e.old_value) + ")";
    case EventKind::kAlloc:
      return "alloc " + ObjName(p, e.obj) + " " + std::string(ColorName(e.to)) + " -> " +
             SlotName(p, e);
    case EventKind::kMarkDoneWork:
      return "gcMarkDone: work left";
    case EventKind::kRescanStack:
      return "rescan " + p.RootName(e.root) + " (STW)";
    case EventKind::kFree:
      return "free " + ObjName(p, e.obj);
    case EventKind::kDangling: {
      std::string path = p.RootName(e.path[0]);
      for (std::size_t i = 1; i < e.path.size(); ++i) path += "->" + ObjName(p, e.path[i]);
      return "DANGLING " + ObjName(p, e.obj) + " still reachable via " + path;
    }
    case EventKind::kSweepDone:
      return "sweep done: " + std::to_string(e.count) + " freed";
    case EventKind::kNoWork:
      return "no mark work";
    case EventKind::kStrongViolation:
      return "strong invariant broken: " + EdgeName(p, e.edge);
    case EventKind::kWeakViolation:
      return "weak invariant broken: " + EdgeName(p, e.edge);
  }
  return "?";
}

Narration NarrateEvents(const Program& p, std::span<const Event> events) {
  Builder b;
  // Shades and blackenings are summarised after the event that caused them.
  std::string shaded_en, shaded_zh, noscan_en, noscan_zh;
  auto flush_shades = [&](const std::string& lead_en, const std::string& lead_zh) {
    if (!shaded_en.empty()) b.Say(lead_en + shaded_en + ".", lead_zh + shaded_zh + "。");
    if (!noscan_en.empty()) {
      b.Say(noscan_en + " has no pointers (noscan), so greyobject marks it black at once.",
            noscan_zh + " 不含指针（noscan），greyobject 直接把它标为黑色。");
    }
    shaded_en.clear();
    shaded_zh.clear();
    noscan_en.clear();
    noscan_zh.clear();
  };
  std::string lead_en = "It shades ", lead_zh = "它把这些对象标灰：";
  for (const Event& e : events) {
    const std::string o = ObjName(p, e.obj);
    switch (e.kind) {
      case EventKind::kStopTheWorld:
      case EventKind::kStartTheWorld:
      case EventKind::kRootJobsQueued:
      case EventKind::kBlacken:
        break;
      case EventKind::kPhase:
        if (e.phase == Phase::kSweepTermination) {
          b.Func("gcStart");
          b.Say(
              "gcStart stops the world (STW) for sweep termination: every goroutine pauses "
              "while the collector finishes leftover sweeping and prepares the cycle.",
              "gcStart 停止世界（STW），进入清扫终止阶段：所有 goroutine "
              "暂停，收集器完成遗留的清扫并准备本轮回收。");
        } else if (e.phase == Phase::kMark) {
          b.Func("gcMarkRootPrepare");
          std::int32_t jobs = 0;
          for (const Event& q : events) {
            if (q.kind == EventKind::kRootJobsQueued) jobs = q.count;
          }
          b.Say(
              "setGCPhase(_GCmark) turns the write barrier on and gcMarkRootPrepare queues " +
                  std::to_string(jobs) +
                  " root job(s): globals first, then goroutine stacks. The world restarts; "
                  "marking now runs concurrently with the program.",
              "setGCPhase(_GCmark) 打开写屏障，gcMarkRootPrepare 排入 " + std::to_string(jobs) +
                  " 个根扫描任务：先全局变量，再 goroutine 栈。世界恢复运行，标记与程序并发进行。");
        } else if (e.phase == Phase::kMarkTermination) {
          b.Func("gcMarkDone");
          b.Say(
              "No root jobs, no grey objects and no buffered barrier work remain, so gcMarkDone "
              "stops the world for mark termination.",
              "没有根任务、没有灰色对象、写屏障缓冲也已清空，gcMarkDone "
              "停止世界，进入标记终止阶段。");
        } else if (e.phase == Phase::kSweep) {
          b.Func("gcSweep");
          b.Say(
              "gcMarkTermination → gcSweep: setGCPhase(_GCoff) turns the barrier off, the world "
              "restarts and concurrent sweeping begins. Every object still white is garbage.",
              "gcMarkTermination → gcSweep：setGCPhase(_GCoff) "
              "关闭写屏障，世界恢复，开始并发清扫。仍为白色的对象都是垃圾。");
        } else if (e.phase == Phase::kOff) {
          // Reported by kSweepDone.
        }
        break;
      case EventKind::kScanRoot: {
        bool stack = p.roots[std::size_t(e.root)].kind == RootKind::kStack;
        b.Func(stack ? "scanstack" : "markroot");
        if (stack) {
          b.Say("markroot → scanstack suspends the goroutine of " + p.RootName(e.root) +
                    ", scans its stack for pointers and resumes it; the stack is now black.",
                "markroot → scanstack 暂停 " + p.RootName(e.root) +
                    " 对应的 goroutine，扫描它的栈上的指针，然后恢复它；这个栈现在是黑色。");
        } else {
          b.Say("markroot scans the global root " + p.RootName(e.root) + " (data/bss segment).",
                "markroot 扫描全局根 " + p.RootName(e.root) + "（data/bss 段）。");
        }
        lead_en = "It shades ";
        lead_zh = "它标灰了：";
        break;
      }
      case EventKind::kRescanStack:
        b.Func("scanstack");
        b.Say(
            "Dijkstra barrier only: stack writes had no barrier, so with the world stopped "
            "mark termination must scan " +
                p.RootName(e.root) + " again — the pause Go 1.8's hybrid barrier removed.",
            "仅 Dijkstra 屏障需要：栈写入没有屏障，所以标记终止时必须在 STW 下重新扫描 " +
                p.RootName(e.root) + "——Go 1.8 的混合写屏障消除了这次停顿。");
        lead_en = "The rescan shades ";
        lead_zh = "重扫标灰了：";
        break;
      case EventKind::kScanObject:
        b.Func("scanobject");
        b.Say("gcDrain takes " + o +
                  " from the grey queue (tryGet pops the newest entry: a "
                  "workbuf is a stack) and scanobject scans its pointer fields.",
              "gcDrain 从灰色队列取出 " + o +
                  "（tryGet 取最新放入的：workbuf 是栈），scanobject 扫描它的指针字段。");
        lead_en = "It shades ";
        lead_zh = "它标灰了：";
        break;
      case EventKind::kShade:
        if (e.cause == ShadeCause::kInsertion || e.cause == ShadeCause::kDeletion) {
          bool ins = e.cause == ShadeCause::kInsertion;
          b.Say(std::string(ins ? "Insertion half: " : "Deletion half: ") + "shade " + o + " " +
                    std::string(ColorName(e.from)) + " → " + std::string(ColorName(e.to)) +
                    (ins ? " (the new pointer)." : " (the old pointer being overwritten)."),
                std::string(ins ? "插入屏障：" : "删除屏障：") + "把 " + o + " 从" +
                    ColorZh(e.from) + "色标为" + ColorZh(e.to) + "色" +
                    (ins ? "（新写入的指针）。" : "（被覆盖的旧指针）。"));
        } else if (e.to == Color::kBlack) {
          noscan_en += (noscan_en.empty() ? "" : ", ") + o;
          noscan_zh += (noscan_zh.empty() ? "" : "、") + o;
        } else {
          shaded_en += (shaded_en.empty() ? "" : ", ") + o;
          shaded_zh += (shaded_zh.empty() ? "" : "、") + o;
        }
        break;
      case EventKind::kAlreadyShaded:
        b.Say(std::string(e.cause == ShadeCause::kInsertion ? "Insertion half: "
                                                            : "Deletion half: ") +
                  o + " is already " + std::string(ColorName(e.from)) + "; nothing to do.",
              std::string(e.cause == ShadeCause::kInsertion ? "插入屏障：" : "删除屏障：") + o +
                  " 已经是" + ColorZh(e.from) + "色，无需处理。");
        break;
      case EventKind::kBarrier: {
        b.Func("gcWriteBarrier");
        std::string slot = SlotName(p, e);
        b.Say(std::string(BarrierEn(e.barrier)) + " runs before the store " + slot + " = " +
                  ObjName(p, e.new_value) + " (old value " + ObjName(p, e.old_value) + ").",
              std::string(BarrierZh(e.barrier)) + "在写入 " + slot + " = " +
                  ObjName(p, e.new_value) + " 之前执行（旧值 " + ObjName(p, e.old_value) + "）。");
        if (e.barrier == Barrier::kHybrid && e.count != kNil && e.from == Color::kBlack) {
          b.Say("The writing goroutine's stack (" + p.RootName(e.count) +
                    ") is already scanned, so the insertion half is skipped.",
                "写入者的栈（" + p.RootName(e.count) + "）已扫描，所以跳过插入部分。");
        }
        if (e.barrier == Barrier::kGo) {
          b.Say("The runtime records both pointers and shades both (wbBufFlush1).",
                "运行时同时记录新旧两个指针并都标灰（wbBufFlush1）。");
        }
        if (e.old_value == kNil && e.new_value == kNil) {
          b.Say("Both pointers are nil: nothing to shade.", "新旧指针都是 nil，无需标记。");
        }
        break;
      }
      case EventKind::kWbEnqueue:
        b.Say("wbBuf records " + o + " (" + CauseName(e.cause) +
                  "); it is shaded when the buffer is flushed.",
              "wbBuf 记录 " + o + "（" + CauseZh(e.cause) + "），缓冲区刷新时才标灰。");
        break;
      case EventKind::kWbFlush:
        b.Func("wbBufFlush1");
        b.Say("wbBufFlush1 empties the per-P write-barrier buffer (" + std::to_string(e.count) +
                  " record(s)) and greys every pointer in it.",
              "wbBufFlush1 清空该 P 的写屏障缓冲（" + std::to_string(e.count) +
                  " 条记录），把其中每个指针标灰。");
        break;
      case EventKind::kWrite: {
        b.Func("(mutator)");
        std::string slot = SlotName(p, e);
        b.Say("The program stores " + slot + " = " + ObjName(p, e.new_value) + " (it was " +
                  ObjName(p, e.old_value) + ").",
              "程序执行写入 " + slot + " = " + ObjName(p, e.new_value) + "（原来是 " +
                  ObjName(p, e.old_value) + "）。");
        if (BarrierEnabled(e.phase) && e.barrier == Barrier::kNone) {
          b.Say("There is no write barrier, so the collector never hears about this store.",
                "没有写屏障，收集器完全不知道这次写入。");
        }
        break;
      }
      case EventKind::kRootWrite: {
        b.Func("(mutator)");
        bool stack = p.roots[std::size_t(e.root)].kind == RootKind::kStack;
        std::string slot = SlotName(p, e);
        if (e.cause == ShadeCause::kScan) {
          b.Say("The goroutine loads a pointer from the heap into " + slot + ": now " +
                    ObjName(p, e.new_value) + ".",
                "goroutine 从堆中读取指针存入 " + slot + "：现在是 " + ObjName(p, e.new_value) +
                    "。");
        } else {
          b.Say("The program sets " + slot + " = " + ObjName(p, e.new_value) + " (it was " +
                    ObjName(p, e.old_value) + ").",
                "程序设置 " + slot + " = " + ObjName(p, e.new_value) + "（原来是 " +
                    ObjName(p, e.old_value) + "）。");
        }
        if (stack) {
          b.Say("Stack writes never run a write barrier.", "栈上的写入从不触发写屏障。");
        }
        break;
      }
      case EventKind::kAlloc:
        b.Func(e.to == Color::kBlack ? "gcmarknewobject" : "mallocgc");
        if (e.to == Color::kBlack) {
          b.Say("mallocgc allocates " + o +
                    " during marking, so gcmarknewobject sets its mark bit "
                    "at once: it is born black and survives this cycle "
                    "even if it dies immediately (floating garbage).",
                "标记期间 mallocgc 分配 " + o +
                    "，gcmarknewobject 立即设置其标记位：它生来就是黑色，"
                    "即使马上不再使用也会活过本轮（浮动垃圾）。");
        } else {
          b.Say("mallocgc allocates " + o + "; no marking is running, so it starts white.",
                "mallocgc 分配 " + o + "；当前没有在标记，它是白色。");
        }
        b.Say("Its pointer goes into " + SlotName(p, e) + ".",
              "它的指针存入 " + SlotName(p, e) + "。");
        break;
      case EventKind::kMarkDoneWork:
        b.Func("gcMarkDone");
        b.Say("gcMarkDone finds work left, so marking cannot end yet; it keeps draining.",
              "gcMarkDone 发现还有工作，标记还不能结束，继续处理。");
        break;
      case EventKind::kFree:
        b.Func("sweepone");
        b.Say(
            "sweepone frees " + o + ": its mark bit is clear (white), so marking never reached it.",
            "sweepone 释放 " + o + "：它的标记位未设置（白色），标记阶段没有到达它。");
        break;
      case EventKind::kDangling: {
        std::string path = p.RootName(e.path[0]);
        for (std::size_t i = 1; i < e.path.size(); ++i) path += " → " + ObjName(p, e.path[i]);
        b.Say("But " + o + " is still reachable (" + path +
                  "): it is freed while in use, and the program now holds a dangling pointer.",
              "但 " + o + " 仍然可达（" + path + "）：它在使用中被释放，程序现在持有悬空指针。");
        break;
      }
      case EventKind::kSweepDone:
        b.Func("sweepone");
        b.Say("Sweeping is done: " + std::to_string(e.count) +
                  " object(s) freed. Fresh mark bits are all clear, so every live object is white "
                  "again, ready for the next cycle.",
              "清扫完成：释放了 " + std::to_string(e.count) +
                  " 个对象。新的标记位全部清零，所有存活对象重新变白，等待下一轮。");
        break;
      case EventKind::kNoWork:
        b.Func("gcDrain");
        b.Say("gcDrain finds no root jobs and an empty grey queue: nothing to do.",
              "gcDrain 发现没有根任务，灰色队列也为空：无事可做。");
        break;
      case EventKind::kStrongViolation:
        b.Say("Strong invariant broken: " + EdgeName(p, e.edge) + " is a black-to-white pointer.",
              "强三色不变式被破坏：" + EdgeName(p, e.edge) + " 是黑色指向白色的指针。");
        break;
      case EventKind::kWeakViolation:
        b.Say("Weak invariant broken: no grey object protects " + ObjName(p, e.edge.to) +
                  " any more; unless something shades it, it will be freed while in use.",
              "弱三色不变式被破坏：已没有灰色对象保护 " + ObjName(p, e.edge.to) +
                  "；如果没有谁再标记它，它会在使用中被释放。");
        break;
    }
    if (e.kind == EventKind::kBlacken) {
      flush_shades(lead_en, lead_zh);
      b.Say("Then " + o + " is black: fully scanned.", "随后 " + o + " 变黑：扫描完毕。");
    }
  }
  flush_shades(lead_en, lead_zh);
  return Narration{{b.en, b.zh}, b.func};
}

}  // namespace gs::gc
