// Bilingual narration of stack steps: what happened, why, and which runtime function (or
// which piece of compiled code) did it. Sources: runtime/stack.go (morestack, newstack,
// copystack, shrinkstack), malloc.go (newobject), slice.go (makeslice), map.go, chan.go,
// iface.go (convT64), cmd/compile/internal/escape, cmd/compile/abi-internal.md.
#include <cinttypes>
#include <cstdio>
#include <string>

#include "engine/stack/stack_run.h"

namespace gs::stack {
namespace {

std::string Dec(std::int64_t v) {
  return std::to_string(v);
}

std::string Val(std::uint64_t bits, WordKind k) {
  switch (k) {
    case WordKind::kPtr:
      return bits == 0 ? "nil" : HexAddr(bits);
    case WordKind::kRetPC:
    case WordKind::kSavedBP:
    case WordKind::kFuncPC:
      return HexAddr(bits);
    case WordKind::kInt:
      return Dec(std::int64_t(bits));
    case WordKind::kUnset:
      return "?";
  }
  return "?";
}

std::string Label(const Program& p, std::int32_t l) {
  return l < 0 || std::size_t(l) >= p.labels.size() ? "?" : p.labels[std::size_t(l)];
}

std::string FuncName(const Program& p, std::int32_t f) {
  return f < 0 ? "?" : p.F(f).name;
}

std::string VarName(const Program& p, std::int32_t f, std::int32_t v) {
  if (f < 0 || v < 0) return "?";
  return p.F(f).vars[std::size_t(v)].name;
}

struct Builder {
  std::string en, zh, func;
  void Say(const std::string& e, const std::string& z) {
    if (!en.empty()) en += " ";
    en += e;
    zh += z;
  }
  void Func(const std::string& f) {
    if (func.empty()) func = f;
  }
};

std::string SiteFunc(const Program& p, const Site& s) {
  if (s.kind == SiteKind::kMake) {
    if (s.obj.text == "hchan") return "makechan";
    if (s.obj.text == "hmap") return "makemap";
    return "makeslice";
  }
  if (s.kind == SiteKind::kClosure) return "newobject";
  (void)p;
  return "newobject";
}

// walk/convert.go dataWordFuncName: which runtime function boxes a value of this type for an
// interface (pointer-shaped values need none; they are their own data word).
const char* ConvFunc(const Type& t) {
  if (!t.has_pointers && t.size == 2) return "convT16";
  if (!t.has_pointers && t.size == 4) return "convT32";
  if (!t.has_pointers && t.size == 8) return "convT64";
  if (t.cls == TypeClass::kString) return "convTstring";
  if (t.cls == TypeClass::kSlice) return "convTslice";
  return t.has_pointers ? "convT" : "convTnoptr";
}

// What a boxed value looks like in a line: an integer by value, anything else by its type.
std::string BoxedValue(const Site& s, std::uint64_t bits) {
  if (s.obj.cls == TypeClass::kInt) return Dec(std::int64_t(bits));
  return s.obj.text + ", " + Dec(s.obj.size) + " bytes";
}

}  // namespace

std::string HexAddr(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%" PRIx64, v);
  return buf;
}

std::string OverflowText(const Event& e) {
  // newstack (stack.go): maxstacksize, then gp.sched.sp and the bounds, then throw.
  return "runtime: goroutine stack exceeds " + std::to_string(e.m) +
         "-byte limit\nruntime: sp=" + HexAddr(e.addr) + " stack=[" + HexAddr(e.addr2) + ", " +
         HexAddr(e.bits) + "]\nfatal error: stack overflow";
}

namespace {

const char* ReasonZh(Reason r) {
  switch (r) {
    case Reason::kNoEscape:
      return "不逃逸";
    case Reason::kReturned:
      return "被返回";
    case Reason::kGlobal:
      return "存入全局变量";
    case Reason::kHeapStore:
      return "存入堆";
    case Reason::kCaptured:
      return "被闭包捕获";
    case Reason::kHeldByEscaped:
      return "被已逃逸的对象持有";
    case Reason::kTooLarge:
      return "太大";
    case Reason::kNonConstSize:
      return "大小不是常量";
    case Reason::kInterface:
      return "转为接口";
    case Reason::kUnknownCall:
      return "传给未知调用";
    case Reason::kCalleeLeaks:
      return "被调用者泄漏";
  }
  return "?";
}

// What a boxed value looks like in a zh line: an integer by value, anything else by its type.
std::string BoxedValueZh(const Site& s, std::uint64_t bits) {
  if (s.obj.cls == TypeClass::kInt) return Dec(std::int64_t(bits));
  return s.obj.text + "，" + Dec(s.obj.size) + " 字节";
}

std::string EventLineZh(const Program& p, const Event& e) {
  switch (e.kind) {
    case EventKind::kCall:
      return "调用 " + FuncName(p, e.func) + (e.n > 0 ? "（第 " + Dec(e.n + 1) + " 层）" : "") +
             "：返回地址 " + HexAddr(e.bits) + " @" + HexAddr(e.addr);
    case EventKind::kStackCheck:
      return "栈检查通过：" + HexAddr(e.addr) + " > stackguard0 " + HexAddr(e.addr2) + "（栈帧 " +
             Dec(e.n) + "）";
    case EventKind::kNoSplit:
      return "nosplit " + FuncName(p, e.func) + "（栈帧 " + Dec(e.n) + "，不做栈检查）";
    case EventKind::kSaveBP:
      return "保存 BP " + HexAddr(e.bits) + " @" + HexAddr(e.addr);
    case EventKind::kFramePush:
      return "栈帧 " + FuncName(p, e.func) + " [" + HexAddr(e.addr2) + ", " + HexAddr(e.addr + 8) +
             ") " + Dec(e.n) + "+8 字节，内含 " + Dec(e.m) + " 个残留字";
    case EventKind::kSpill:
      return "溢出到栈 " + FuncName(p, e.func) + "." + VarName(p, e.func, e.var) + " = " +
             Val(e.bits, e.word_kind) + " @" + HexAddr(e.addr);
    case EventKind::kZero:
    case EventKind::kInit: {
      std::string s = std::string(e.kind == EventKind::kZero ? "清零 " : "初始化 ") +
                      Label(p, e.label) + " = " + Val(e.bits, e.word_kind) + " @" +
                      HexAddr(e.addr) + (e.n > 1 ? "（" + Dec(e.n) + " 个字）" : "");
      if (e.flag) s += "，覆盖残留的 " + Label(p, e.old_label) + "=" + Val(e.old_bits, e.old_kind);
      return s;
    }
    case EventKind::kMovedToHeap:
      return "移到堆上：" + VarName(p, e.func, e.var) + " → newobject " + HexAddr(e.addr2) + "（" +
             Dec(e.n) + " 字节），槽位 @" + HexAddr(e.addr) + " 存放指针";
    case EventKind::kAssign:
      return "赋值 " + Label(p, e.label) + " @" + HexAddr(e.addr) + "：" +
             Val(e.old_bits, e.old_kind) + " → " + Val(e.bits, e.word_kind);
    case EventKind::kStore:
      return "写入 *" + HexAddr(e.addr) + "（" + Label(p, e.label) + "）：" +
             Val(e.old_bits, e.old_kind) + " → " + Val(e.bits, e.word_kind);
    case EventKind::kAddr:
      return "取地址 &" + VarName(p, e.func, e.var) + " = " + HexAddr(e.bits);
    case EventKind::kHeapAlloc:
      return "堆分配 " + p.sites[std::size_t(e.site)].expr + " @" + HexAddr(e.addr) + "（" +
             Dec(e.n) + " 字节）：" + ReasonZh(p.sites[std::size_t(e.site)].reason);
    case EventKind::kStackAlloc:
      return "栈上分配 " + p.sites[std::size_t(e.site)].expr + " @" + HexAddr(e.addr) + "（" +
             Dec(e.n) + " 字节）" + (e.flag ? "，清零覆盖残留的 " + Label(p, e.old_label) : "");
    case EventKind::kBox:
      return "装箱 " + p.sites[std::size_t(e.site)].expr + " = " +
             BoxedValueZh(p.sites[std::size_t(e.site)], e.bits) + " @" + HexAddr(e.addr);
    case EventKind::kStaticBox:
      return "装箱 " + p.sites[std::size_t(e.site)].expr + " = " + Dec(std::int64_t(e.bits)) +
             " → staticuint64s[" + Dec(std::int64_t(e.bits)) + "]";
    case EventKind::kPrint:
      return "打印 \"" + e.text + "\"";
    case EventKind::kReturn:
      return FuncName(p, e.func) + " 返回" + (e.n > 0 ? " " + Val(e.bits, e.word_kind) : "");
    case EventKind::kPop:
      return "弹出 " + FuncName(p, e.func) + "：SP " + HexAddr(e.addr) + " → " + HexAddr(e.addr2) +
             "，留下 " + Dec(e.n) + " 个残留字";
    case EventKind::kGoexit:
      return "goexit";
    case EventKind::kMorestack:
      return "morestack：" + HexAddr(e.addr) + " <= stackguard0 " + HexAddr(e.addr2) + "（栈帧 " +
             Dec(e.n) + "）";
    case EventKind::kNewStack:
      return "newstack " + Dec(e.n) + " → " + Dec(e.m) + " 字节";
    case EventKind::kCopyStack:
      return "copystack [" + HexAddr(e.addr) + ", " + HexAddr(e.addr2) + ") → [" + HexAddr(e.bits) +
             ", " + HexAddr(e.bits + std::uint64_t(e.m)) + ")，已用 " + Dec(e.n) + " 字节";
    case EventKind::kAdjust:
      return std::string(e.flag ? "调整 BP " : "调整 ") + Label(p, e.label) + " @" +
             HexAddr(e.addr) + "：" + HexAddr(e.old_bits) + " → " + HexAddr(e.bits);
    case EventKind::kStackFree:
      return "stackfree " + HexAddr(e.addr) + "（" + Dec(e.n) + " 字节）";
    case EventKind::kOverflow:
      return "fatal error: stack overflow（需要 " + Dec(e.n) + " > " + Dec(e.m) + "）";
    case EventKind::kGcScan:
      return "scanstack " + Dec(e.n) + " 个字";
    case EventKind::kShrinkSkip:
      return "不收缩：已用 " + Dec(e.n) + " / " + Dec(e.m) + (e.flag ? "（已是最小尺寸）" : "");
    case EventKind::kShrink:
      return "收缩：已用 " + Dec(e.n) + " < " + Dec(e.m) + "/4";
  }
  return "?";
}

}  // namespace

std::string EventLine(const Program& p, const Event& e, Lang lang) {
  if (lang == Lang::kZh) return EventLineZh(p, e);
  switch (e.kind) {
    case EventKind::kCall:
      return "call " + FuncName(p, e.func) + (e.n > 0 ? " (level " + Dec(e.n + 1) + ")" : "") +
             ": ret PC " + HexAddr(e.bits) + " @" + HexAddr(e.addr);
    case EventKind::kStackCheck:
      return "stack check ok: " + HexAddr(e.addr) + " > stackguard0 " + HexAddr(e.addr2) +
             " (frame " + Dec(e.n) + ")";
    case EventKind::kNoSplit:
      return "nosplit " + FuncName(p, e.func) + " (frame " + Dec(e.n) + ")";
    case EventKind::kSaveBP:
      return "save BP " + HexAddr(e.bits) + " @" + HexAddr(e.addr);
    case EventKind::kFramePush:
      return "frame " + FuncName(p, e.func) + " [" + HexAddr(e.addr2) + ", " + HexAddr(e.addr + 8) +
             ") " + Dec(e.n) + "+8 bytes, " + Dec(e.m) + " stale words inside";
    case EventKind::kSpill:
      return "spill " + FuncName(p, e.func) + "." + VarName(p, e.func, e.var) + " = " +
             Val(e.bits, e.word_kind) + " @" + HexAddr(e.addr);
    case EventKind::kZero:
    case EventKind::kInit: {
      std::string s = std::string(e.kind == EventKind::kZero ? "zero " : "init ") +
                      Label(p, e.label) + " = " + Val(e.bits, e.word_kind) + " @" +
                      HexAddr(e.addr) + (e.n > 1 ? " (" + Dec(e.n) + " words)" : "");
      if (e.flag) s += " over stale " + Label(p, e.old_label) + "=" + Val(e.old_bits, e.old_kind);
      return s;
    }
    case EventKind::kMovedToHeap:
      return "moved to heap: " + VarName(p, e.func, e.var) + " -> newobject " + HexAddr(e.addr2) +
             " (" + Dec(e.n) + " bytes), slot @" + HexAddr(e.addr) + " holds the pointer";
    case EventKind::kAssign:
      return "set " + Label(p, e.label) + " @" + HexAddr(e.addr) + ": " +
             Val(e.old_bits, e.old_kind) + " -> " + Val(e.bits, e.word_kind);
    case EventKind::kStore:
      return "store *" + HexAddr(e.addr) + " (" + Label(p, e.label) +
             "): " + Val(e.old_bits, e.old_kind) + " -> " + Val(e.bits, e.word_kind);
    case EventKind::kAddr:
      return "&" + VarName(p, e.func, e.var) + " = " + HexAddr(e.bits);
    case EventKind::kHeapAlloc:
      return "heap " + p.sites[std::size_t(e.site)].expr + " @" + HexAddr(e.addr) + " (" +
             Dec(e.n) + " bytes): " + std::string(ReasonName(p.sites[std::size_t(e.site)].reason));
    case EventKind::kStackAlloc:
      return "stack " + p.sites[std::size_t(e.site)].expr + " @" + HexAddr(e.addr) + " (" +
             Dec(e.n) + " bytes)" + (e.flag ? " zeroed over stale " + Label(p, e.old_label) : "");
    case EventKind::kBox:
      return "box " + p.sites[std::size_t(e.site)].expr + " = " +
             BoxedValue(p.sites[std::size_t(e.site)], e.bits) + " @" + HexAddr(e.addr);
    case EventKind::kStaticBox:
      return "box " + p.sites[std::size_t(e.site)].expr + " = " + Dec(std::int64_t(e.bits)) +
             " -> staticuint64s[" + Dec(std::int64_t(e.bits)) + "]";
    case EventKind::kPrint:
      return "print \"" + e.text + "\"";
    case EventKind::kReturn:
      return "return " + FuncName(p, e.func) + (e.n > 0 ? " " + Val(e.bits, e.word_kind) : "");
    case EventKind::kPop:
      return "pop " + FuncName(p, e.func) + ": SP " + HexAddr(e.addr) + " -> " + HexAddr(e.addr2) +
             ", " + Dec(e.n) + (e.n == 1 ? " word" : " words") + " left stale";
    case EventKind::kGoexit:
      return "goexit";
    case EventKind::kMorestack:
      return "morestack: " + HexAddr(e.addr) + " <= stackguard0 " + HexAddr(e.addr2) + " (frame " +
             Dec(e.n) + ")";
    case EventKind::kNewStack:
      return "newstack " + Dec(e.n) + " -> " + Dec(e.m) + " bytes";
    case EventKind::kCopyStack:
      return "copystack [" + HexAddr(e.addr) + ", " + HexAddr(e.addr2) + ") -> [" +
             HexAddr(e.bits) + ", " + HexAddr(e.bits + std::uint64_t(e.m)) + "), " + Dec(e.n) +
             " bytes used";
    case EventKind::kAdjust:
      return std::string(e.flag ? "adjust BP " : "adjust ") + Label(p, e.label) + " @" +
             HexAddr(e.addr) + ": " + HexAddr(e.old_bits) + " -> " + HexAddr(e.bits);
    case EventKind::kStackFree:
      return "stackfree " + HexAddr(e.addr) + " (" + Dec(e.n) + " bytes)";
    case EventKind::kOverflow:
      return "fatal error: stack overflow (wanted " + Dec(e.n) + " > " + Dec(e.m) + ")";
    case EventKind::kGcScan:
      return "scanstack " + Dec(e.n) + " words";
    case EventKind::kShrinkSkip:
      return "no shrink: used " + Dec(e.n) + " of " + Dec(e.m) + (e.flag ? " (minimum size)" : "");
    case EventKind::kShrink:
      return "shrink: used " + Dec(e.n) + " < " + Dec(e.m) + "/4";
  }
  return "?";
}

Narration NarrateEvents(const Program& p, std::span<const Event> events) {
  Builder b;
  const Config& c = p.config;
  int adjusted_ptr = 0, adjusted_bp = 0;
  std::string adjusted_names;
  std::uint64_t delta = 0;
  for (const Event& e : events) {
    const std::string fn = FuncName(p, e.func);
    switch (e.kind) {
      case EventKind::kCall:
        b.Func("CALL + " + fn + " prologue");
        if (e.bits == 0x4601e1) {
          b.Say("The goroutine starts in " + fn +
                    ": its return address is goexit, so returning "
                    "from " +
                    fn +
                    " ends the goroutine. newproc1 left the top 32 bytes of the stack free "
                    "(totalSize, in case a read strays past the frame), so frames grow down "
                    "from " +
                    HexAddr(e.addr + 8) + ".",
                "goroutine 从 " + fn + " 开始执行：它的返回地址是 goexit，所以 " + fn +
                    " 返回时 goroutine 就结束了。newproc1 在栈顶留出了 32 字节（totalSize，"
                    "以防读取稍稍越过栈帧），所以栈帧从 " +
                    HexAddr(e.addr + 8) + " 向低地址增长。");
        } else {
          b.Say("CALL " + fn + (e.n > 0 ? " (recursion level " + Dec(e.n + 1) + ")" : "") +
                    " pushes the return address at " + HexAddr(e.addr) + ".",
                "CALL " + fn + (e.n > 0 ? "（第 " + Dec(e.n + 1) + " 层递归）" : "") +
                    " 把返回地址压到 " + HexAddr(e.addr) + "。");
        }
        break;
      case EventKind::kSpill:
        b.Say("Its argument " + VarName(p, e.func, e.var) +
                  " arrives in a register (RAX, RBX, ... "
                  "in ABIInternal) and is spilled to the slot the caller reserved just above the "
                  "return "
                  "address (this model always spills).",
              "参数 " + VarName(p, e.func, e.var) +
                  " 通过寄存器传入（ABIInternal 用 RAX、RBX……），"
                  "再被溢出到调用者在返回地址上方预留的槽位（本模型总是溢出）。");
        break;
      case EventKind::kStackCheck:
        b.Say("The prologue compares SP with stackguard0 = stack.lo + " + Dec(c.stack_guard) +
                  (e.n > c.stack_small ? " (SP - (framesize - " + Dec(c.stack_small) + ") for a " +
                                             Dec(e.n) + "-byte frame)"
                                       : "") +
                  ": " + HexAddr(e.addr) + " > " + HexAddr(e.addr2) + ", so the frame fits.",
              "函数序言把 SP 与 stackguard0 = stack.lo + " + Dec(c.stack_guard) + " 比较" +
                  (e.n > c.stack_small ? "（" + Dec(e.n) + " 字节的帧要比较 SP - (framesize - " +
                                             Dec(c.stack_small) + ")）"
                                       : "") +
                  "：" + HexAddr(e.addr) + " > " + HexAddr(e.addr2) + "，空间足够。");
        break;
      case EventKind::kNoSplit:
        b.Say(fn + " calls nothing and its frame is under " + Dec(c.stack_small) +
                  " bytes, so the assembler marks it NOSPLIT: no stack check; the " +
                  Dec(c.stack_guard) + "-byte guard leaves room for it.",
              fn + " 不调用其他函数，帧小于 " + Dec(c.stack_small) +
                  " 字节，汇编器把它标为 NOSPLIT：不做栈检查，" + Dec(c.stack_guard) +
                  " 字节的保护区足够容纳它。");
        break;
      case EventKind::kSaveBP:
        b.Say("It saves the caller's frame pointer (BP = " + HexAddr(e.bits) + ").",
              "保存调用者的帧指针（BP = " + HexAddr(e.bits) + "）。");
        break;
      case EventKind::kFramePush:
        if (e.n == 0) {
          b.Say(
              fn +
                  " has no locals and no outgoing arguments: its frame is just the return address "
                  "(no BP is saved, SP stays at " +
                  HexAddr(e.addr2) + ").",
              fn + " 没有局部变量，也没有调用参数区：它的栈帧只有返回地址（不保存 BP，SP 停在 " +
                  HexAddr(e.addr2) + "）。");
          break;
        }
        b.Say("SUBQ moves SP down to " + HexAddr(e.addr2) + ": a " + Dec(e.n) +
                  "-byte frame (saved BP, locals, outgoing argument space)." +
                  (e.m > 0 ? " Nothing is cleared: " + Dec(e.m) +
                                 " words of an earlier frame are still in this range (stale bytes)."
                           : ""),
              "SUBQ 把 SP 下移到 " + HexAddr(e.addr2) + "：" + Dec(e.n) +
                  " 字节的栈帧（保存的 BP、局部变量、调用参数区）。" +
                  (e.m > 0 ? "这块内存没有被清零：之前栈帧留下的 " + Dec(e.m) +
                                 " 个字还在这里（陈旧数据）。"
                           : ""));
        break;
      case EventKind::kZero:
      case EventKind::kInit: {
        std::string who = Label(p, e.label);
        bool zero = e.kind == EventKind::kZero;
        b.Func(zero ? "zeroing store (compiled code)" : "initializing store (compiled code)");
        if (zero) {
          b.Say("var " + who + ": the compiler emits a store of the zero value (" +
                    Val(e.bits, e.word_kind) + (e.n > 1 ? ", " + Dec(e.n) + " words" : "") +
                    ") at " + HexAddr(e.addr) + ".",
                "var " + who + "：编译器在声明处写入零值（" + Val(e.bits, e.word_kind) +
                    (e.n > 1 ? "，共 " + Dec(e.n) + " 个字" : "") + "），地址 " + HexAddr(e.addr) +
                    "。");
        } else {
          b.Say(who + " := " + Val(e.bits, e.word_kind) + ": one initializing store at " +
                    HexAddr(e.addr) + ".",
                who + " := " + Val(e.bits, e.word_kind) + "：在 " + HexAddr(e.addr) +
                    " 做一次初始化写入。");
        }
        if (e.flag) {
          b.Say("That slot still held " + Val(e.old_bits, e.old_kind) + " left by " +
                    Label(p, e.old_label) +
                    " from a frame that already returned; the declaration overwrites it, so stale "
                    "bytes never become a variable's value.",
                "这个槽位里还留着已返回栈帧中 " + Label(p, e.old_label) + " 的值 " +
                    Val(e.old_bits, e.old_kind) +
                    "；声明会覆盖它，所以陈旧数据永远不会成为变量的值。");
        }
        break;
      }
      case EventKind::kMovedToHeap: {
        const Site& s = p.sites[std::size_t(e.site)];
        LocalizedText why = ReasonText(s.reason);
        b.Func("newobject");
        b.Say("\"" + s.message + "\": " + why.en +
                  ". So the declaration calls runtime.newobject (" + Dec(e.n) +
                  " zeroed bytes at " + HexAddr(e.addr2) + ") and the frame slot at " +
                  HexAddr(e.addr) + " holds only the pointer.",
              "“" + s.message + "”：" + why.zh + "。所以声明时调用 runtime.newobject（在 " +
                  HexAddr(e.addr2) + " 分配 " + Dec(e.n) + " 个已清零的字节），栈帧里 " +
                  HexAddr(e.addr) + " 的槽位只保存指针。");
        break;
      }
      case EventKind::kAssign:
        b.Func("store (compiled code)");
        b.Say(Label(p, e.label) + " = " + Val(e.bits, e.word_kind) + " (was " +
                  Val(e.old_bits, e.old_kind) + ").",
              Label(p, e.label) + " = " + Val(e.bits, e.word_kind) + "（原来是 " +
                  Val(e.old_bits, e.old_kind) + "）。");
        break;
      case EventKind::kStore:
        b.Func("store through pointer (compiled code)");
        b.Say("*p = " + Val(e.bits, e.word_kind) + ": the store goes through the pointer to " +
                  HexAddr(e.addr) + " (" + Label(p, e.label) + ").",
              "*p = " + Val(e.bits, e.word_kind) + "：通过指针写到 " + HexAddr(e.addr) + "（" +
                  Label(p, e.label) + "）。");
        break;
      case EventKind::kAddr:
        b.Func("LEAQ (compiled code)");
        b.Say("&" + VarName(p, e.func, e.var) + " is " + HexAddr(e.bits) + ".",
              "&" + VarName(p, e.func, e.var) + " 是 " + HexAddr(e.bits) + "。");
        break;
      case EventKind::kHeapAlloc: {
        const Site& s = p.sites[std::size_t(e.site)];
        LocalizedText why = ReasonText(s.reason);
        b.Func(SiteFunc(p, s));
        if (s.always_heap) {
          b.Say(s.expr + ": makechan always allocates the hchan on the heap with mallocgc (" +
                    Dec(e.n) + " bytes at " + HexAddr(e.addr) +
                    "); -gcflags=-m prints nothing for it. "
                    "The variable holds only a *hchan.",
                s.expr + "：makechan 总是用 mallocgc 在堆上分配 hchan（" + HexAddr(e.addr) + "，" +
                    Dec(e.n) + " 字节）；-gcflags=-m 对它不输出任何信息。变量里只是一个 *hchan。");
        } else {
          b.Say("\"" + s.message + "\": " + why.en + ". " + SiteFunc(p, s) + " allocates " +
                    Dec(e.n) + " zeroed bytes on the heap at " + HexAddr(e.addr) + ".",
                "“" + s.message + "”：" + why.zh + "。" + SiteFunc(p, s) + " 在堆上 " +
                    HexAddr(e.addr) + " 分配 " + Dec(e.n) + " 个已清零的字节。");
        }
        if (s.kind == SiteKind::kMake && s.obj.cls == TypeClass::kArray) {
          b.Say("make returns a slice header {ptr, len, cap}, not a pointer to one.",
                "make 返回的是切片头 {ptr, len, cap} 本身，而不是指向它的指针。");
        }
        break;
      }
      case EventKind::kStackAlloc: {
        const Site& s = p.sites[std::size_t(e.site)];
        b.Func("zeroing store (compiled code)");
        std::string what =
            s.kind == SiteKind::kNew
                ? "new still returns a pointer, but to a hidden slot in the frame"
            : s.kind == SiteKind::kClosure
                ? "the closure object {code pointer, captures} is a hidden slot in the frame"
            : s.obj.text == "hmap" ? "the hmap is a hidden slot in the frame (its first bucket "
                                     "gets one too; not drawn) and the map value is a pointer to it"
                                   : "the backing array is a hidden slot in the frame";
        std::string what_zh =
            s.kind == SiteKind::kNew ? "new 依然返回指针，只是指向栈帧里的一个隐藏槽位"
            : s.kind == SiteKind::kClosure
                ? "闭包对象 {代码指针, 捕获的变量} 是栈帧里的一个隐藏槽位"
            : s.obj.text == "hmap"
                ? "hmap 是栈帧里的隐藏槽位（第一个桶也在栈上，图中未画出），map 变量是指向它的指针"
                : "底层数组是栈帧里的一个隐藏槽位";
        b.Say("\"" + s.message + "\": no heap allocation. " + what + " at " + HexAddr(e.addr) +
                  " (" + Dec(e.n) + " bytes), zeroed now." +
                  (e.flag ? " It overwrites stale bytes of " + Label(p, e.old_label) + "." : ""),
              "“" + s.message + "”：不做堆分配。" + what_zh + "，地址 " + HexAddr(e.addr) + "（" +
                  Dec(e.n) + " 字节），现在清零。" +
                  (e.flag ? "它覆盖了 " + Label(p, e.old_label) + " 留下的陈旧数据。" : ""));
        if (s.kind == SiteKind::kMake && s.obj.cls == TypeClass::kArray) {
          b.Say("make returns a slice header {ptr, len, cap} that points at it.",
                "make 返回指向它的切片头 {ptr, len, cap}。");
        }
        break;
      }
      case EventKind::kBox: {
        const Site& s = p.sites[std::size_t(e.site)];
        const std::string what = s.obj.cls == TypeClass::kInt ? "value" : s.obj.text + " value";
        const std::string what_zh = s.obj.cls == TypeClass::kInt ? "值" : s.obj.text + " 值";
        b.Func(ConvFunc(s.obj));
        b.Say("\"" + s.message + "\": converting " + s.expr + " to an interface, " +
                  ConvFunc(s.obj) + " copies its " + what + " (" + Dec(s.obj.size) +
                  " bytes) to the heap (" + HexAddr(e.addr) +
                  "), because fmt.Println's arguments escape.",
              "“" + s.message + "”：把 " + s.expr + " 转成接口时，" + ConvFunc(s.obj) + " 把它的" +
                  what_zh + "（" + Dec(s.obj.size) + " 字节）复制到堆上（" + HexAddr(e.addr) +
                  "），因为 fmt.Println 的参数会逃逸。");
        break;
      }
      case EventKind::kStaticBox: {
        const Site& s = p.sites[std::size_t(e.site)];
        b.Func("convT64");
        b.Say("\"" + s.message +
                  "\" — but at run time convT64 sees a value under 256 and points the "
                  "interface at staticuint64s[" +
                  Dec(std::int64_t(e.bits)) + "]: no allocation.",
              "“" + s.message +
                  "”——但运行时 convT64 发现值小于 256，让接口直接指向 staticuint64s[" +
                  Dec(std::int64_t(e.bits)) + "]：没有分配。");
        break;
      }
      case EventKind::kPrint:
        b.Func("fmt.Println");
        b.Say(
            "fmt.Println prints \"" + e.text +
                "\" (its own frames come and go below SP; not drawn).",
            "fmt.Println 输出 \"" + e.text + "\"（它自己的栈帧在 SP 之下来了又走，图中未画出）。");
        break;
      case EventKind::kReturn:
        b.Func("RET (epilogue)");
        b.Say(fn + " returns" + (e.n > 0 ? " " + Val(e.bits, e.word_kind) + " in RAX" : "") +
                  (e.m > 0 ? " to the level above" : "") + ".",
              fn + " 返回" +
                  (e.n > 0 ? "，结果 " + Val(e.bits, e.word_kind) + " 放在 RAX 中" : "") +
                  (e.m > 0 ? "，交给上一层" : "") + "。");
        break;
      case EventKind::kPop:
        b.Say(
            "The epilogue restores BP and RET pops the return address: SP moves up to " +
                HexAddr(e.addr2) + ". Nothing is cleared: " + Dec(e.n) +
                (e.n == 1 ? " word" : " words") +
                " below SP keep their old bytes (stale) until the next call reuses the addresses.",
            "函数尾声恢复 BP，RET 弹出返回地址：SP 上移到 " + HexAddr(e.addr2) +
                "。没有任何清零：SP 以下的 " + Dec(e.n) +
                " 个字保留旧数据（陈旧数据），直到下一次调用复用这些地址。");
        break;
      case EventKind::kGoexit:
        b.Func("goexit");
        b.Say("The first function returned into goexit: the goroutine is finished.",
              "第一个函数返回到了 goexit：goroutine 结束。");
        break;
      case EventKind::kMorestack:
        b.Func("morestack");
        b.Say("The prologue of " + fn + " (a " + Dec(e.n) + "-byte frame) finds " +
                  HexAddr(e.addr) + " <= stackguard0 " + HexAddr(e.addr2) +
                  ": not enough room. It calls morestack, "
                  "which saves the state in g.sched and switches to the g0 stack to run newstack.",
              fn + " 的序言（帧 " + Dec(e.n) + " 字节）发现 " + HexAddr(e.addr) +
                  " <= stackguard0 " + HexAddr(e.addr2) +
                  "：空间不够。它调用 morestack，把现场保存到 g.sched，"
                  "切换到 g0 栈上运行 newstack。");
        break;
      case EventKind::kNewStack:
        b.Say("newstack doubles the size: " + Dec(e.n) + " -> " + Dec(e.m) +
                  " bytes (it doubles again while the new frame plus the " + Dec(c.stack_guard) +
                  "-byte guard would not fit). The goroutine is _Gcopystack meanwhile.",
              "newstack 把大小翻倍：" + Dec(e.n) + " -> " + Dec(e.m) + " 字节（如果新帧加上 " +
                  Dec(c.stack_guard) +
                  " 字节保护区还放不下，就继续翻倍）。此时 goroutine 处于 _Gcopystack 状态。");
        break;
      case EventKind::kCopyStack:
        b.Func("copystack");
        b.Say("copystack copies the used part (" + Dec(e.n) + " bytes, from SP to hi) to the new " +
                  Dec(e.m) + "-byte stack at " + HexAddr(e.bits) +
                  ". Every frame keeps its distance from hi; the stale bytes below SP are not "
                  "copied.",
              "copystack 把已用部分（" + Dec(e.n) + " 字节，从 SP 到 hi）复制到位于 " +
                  HexAddr(e.bits) + " 的新栈（" + Dec(e.m) +
                  " 字节）。每个栈帧到 hi 的距离不变；SP 以下的陈旧数据不复制。");
        break;
      case EventKind::kAdjust:
        // Summed up after the loop: one sentence for all the fix-ups of a copy.
        if (e.flag) {
          ++adjusted_bp;
        } else {
          ++adjusted_ptr;
          if (adjusted_names.size() < 120) {
            std::string name = Label(p, e.label);
            if (adjusted_names.find(name) == std::string::npos) {
              adjusted_names += (adjusted_names.empty() ? "" : ", ") + name;
            }
          }
        }
        delta = e.bits - e.old_bits;
        break;
      case EventKind::kStackFree:
        b.Func("stackfree");
        b.Say("stackfree returns the old " + Dec(e.n) + "-byte stack at " + HexAddr(e.addr) +
                  ". Pointers into it existed only on the stack itself (escape analysis never lets "
                  "the "
                  "heap point into a stack), and all were adjusted, so nothing dangles.",
              "stackfree 释放位于 " + HexAddr(e.addr) + " 的旧栈（" + Dec(e.n) +
                  " 字节）。指向它的指针只存在于栈本身（逃逸分析保证堆不会指向栈），而且都已调整，"
                  "所以没有悬空指针。");
        break;
      case EventKind::kOverflow:
        b.Func("newstack");
        b.Say("newstack would need " + Dec(e.n) + " bytes, over maxstacksize (" + Dec(e.m) +
                  "). The runtime prints, and the program dies:\n" + OverflowText(e),
              "newstack 需要 " + Dec(e.n) + " 字节，超过 maxstacksize（" + Dec(e.m) +
                  "）。运行时打印下面几行，程序随即终止：\n" + OverflowText(e));
        break;
      case EventKind::kGcScan:
        b.Func("scanstack");
        b.Say("A GC cycle scans this goroutine's stack (" + Dec(e.n) +
                  " words from SP to hi) at a safe point.",
              "一轮 GC 在安全点扫描这个 goroutine 的栈（从 SP 到 hi 共 " + Dec(e.n) + " 个字）。");
        break;
      case EventKind::kShrinkSkip:
        b.Func("shrinkstack");
        if (e.flag) {
          b.Say("shrinkstack: the stack is already the minimum " + Dec(e.m) +
                    " bytes (half would be below fixedStack).",
                "shrinkstack：栈已经是最小的 " + Dec(e.m) + " 字节（减半会低于 fixedStack）。");
        } else {
          b.Say("shrinkstack: in use (hi - SP + " + Dec(c.stack_limit) + ") = " + Dec(e.n) +
                    " bytes is not under a quarter of " + Dec(e.m) + ": no shrink.",
                "shrinkstack：已用量（hi - SP + " + Dec(c.stack_limit) + "）= " + Dec(e.n) +
                    " 字节，不少于 " + Dec(e.m) + " 的四分之一：不收缩。");
        }
        break;
      case EventKind::kShrink:
        b.Func("shrinkstack");
        b.Say("shrinkstack: in use (hi - SP + " + Dec(c.stack_limit) + ") = " + Dec(e.n) +
                  " bytes is under a quarter of " + Dec(e.m) +
                  ", so the stack is halved with copystack.",
              "shrinkstack：已用量（hi - SP + " + Dec(c.stack_limit) + "）= " + Dec(e.n) +
                  " 字节，少于 " + Dec(e.m) + " 的四分之一，于是用 copystack 把栈减半。");
        break;
    }
  }
  if (adjusted_ptr + adjusted_bp > 0) {
    std::string d = (std::int64_t(delta) < 0 ? "-" : "+") +
                    HexAddr(std::int64_t(delta) < 0 ? ~delta + 1 : delta);
    // Only saved frame pointers (no variable points into the stack): say so without an
    // empty list of names.
    const std::string ptrs_en =
        adjusted_ptr > 0 ? Dec(adjusted_ptr) + " pointer(s) (" + adjusted_names + ") and " : "";
    const std::string ptrs_zh =
        adjusted_ptr > 0 ? Dec(adjusted_ptr) + " 个指针（" + adjusted_names + "）和 " : "";
    b.Say("Using the stack maps, it adjusts every live pointer into the old stack by " + d + ": " +
              ptrs_en + Dec(adjusted_bp) +
              " saved frame pointer(s). Each still points at the same place, now at its new "
              "address.",
          "它借助栈映射（stack map）把所有指向旧栈的存活指针都加上 " + d + "：" + ptrs_zh +
              Dec(adjusted_bp) + " 个保存的帧指针。每个指针仍指向原来的位置，只是换成了新地址。");
  }
  if (b.en.empty()) {
    b.en = "Nothing changes.";
    b.zh = "没有变化。";
  }
  return {{b.en, b.zh}, b.func};
}

std::string DescribeAddr(const Program& p, const State& s, std::uint64_t addr) {
  const Word* w = ReadWord(s, addr);
  if (w && w->label >= 0) return Label(p, w->label);
  return HexAddr(addr);
}

}  // namespace gs::stack
