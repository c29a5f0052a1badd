// The stack machine, rule by rule: returns leave stale bytes, the next call reuses the
// addresses, declarations zero their slots, the prologue's stackguard check, newstack's
// doubling, copystack's pointer adjustment, shrinkstack, and the loader's diagnostics.
// Expected numbers are derived in the comments from the runtime constants (stack.go, 1.19,
// linux/amd64: fixedStack 2048, _StackGuard 928, _StackSmall 128, _StackLimit 800).
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/authoring.h"
#include "engine/core/scenario.h"
#include "engine/stack/stack_run.h"
#include "tests/support/builtin.h"

namespace gs::stack {
namespace {

std::shared_ptr<const StackRun> Load(const std::string& name, const LoadOptions& opt = {}) {
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/stack/" + name + ".json", opt);
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
  return std::dynamic_pointer_cast<const StackRun>(r.run);
}

// Events live in the timeline, so pointers into this span stay valid.
std::span<const Event> EventsOf(const StackRun& run, std::size_t step) {
  return run.GetTimeline().Events(step);
}

const Event* Find(std::span<const Event> ev, EventKind k) {
  for (const Event& e : ev) {
    if (e.kind == k) return &e;
  }
  return nullptr;
}

/// First step that has an event of kind k, from `from` on.
std::size_t StepWith(const StackRun& run, EventKind k, std::size_t from = 1) {
  for (std::size_t i = from; i < run.StepCount(); ++i) {
    if (Find(EventsOf(run, i), k)) return i;
  }
  return 0;
}

std::string LabelAt(const StackRun& run, const State& s, std::uint64_t addr) {
  const Word* w = ReadWord(s, addr);
  if (!w || w->label < 0) return "";
  return run.Prog().labels[std::size_t(w->label)] + "#" + std::to_string(w->sub);
}

// frame-reuse: a stores x=42, y=43 and returns. RET only moves SP, so the bytes stay.
TEST(StackModel, ReturnLeavesStaleBytes) {
  auto run = Load("frame-reuse");
  ASSERT_TRUE(run);
  std::size_t ret = 5;  // "return y" of a
  ASSERT_TRUE(Find(EventsOf(*run, ret), EventKind::kPop));
  State s = run->GetTimeline().StateAt(ret);
  const Event* init_x = Find(EventsOf(*run, 3), EventKind::kInit);
  ASSERT_TRUE(init_x);
  const Word* w = ReadWord(s, init_x->addr);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->bits, 42u);
  EXPECT_EQ(run->Prog().labels[std::size_t(w->label)], "a.x");
  EXPECT_LT(init_x->addr, s.sp) << "x's slot is below SP: dead but not cleared";
}

// b is called from the same SP as a, so its frame covers the same addresses; `var v int`
// stores 0 over the stale 42.
TEST(StackModel, NextCallReusesAddressesAndDeclarationZeroes) {
  auto run = Load("frame-reuse");
  ASSERT_TRUE(run);
  const Event* push_a = Find(EventsOf(*run, 2), EventKind::kFramePush);
  const Event* push_b = Find(EventsOf(*run, 6), EventKind::kFramePush);
  ASSERT_TRUE(push_a && push_b);
  EXPECT_EQ(push_a->addr, push_b->addr);
  EXPECT_EQ(push_a->addr2, push_b->addr2);
  EXPECT_EQ(push_b->m, 3) << "saved BP, x and y of a are inside b's frame";
  // Before the declaration, v's slot still holds 42 (stale).
  const Event* zero_v = Find(EventsOf(*run, 7), EventKind::kZero);
  ASSERT_TRUE(zero_v);
  State before = run->GetTimeline().StateAt(6);
  EXPECT_EQ(ReadWord(before, zero_v->addr)->bits, 42u);
  EXPECT_TRUE(zero_v->flag);
  EXPECT_EQ(zero_v->old_bits, 42u);
  State after = run->GetTimeline().StateAt(7);
  EXPECT_EQ(ReadWord(after, zero_v->addr)->bits, 0u);
  EXPECT_EQ(LabelAt(*run, after, zero_v->addr), "b.v#0");
}

// In every built-in scenario: after a declaration (zeroing or initializing store) every word
// of the variable holds the new value, never the stale bytes.
TEST(StackModel, DeclarationsNeverExposeStaleBytes) {
  for (const std::string& file : BuiltinScenarioFiles()) {
    if (file.find("/stack/") == std::string::npos) continue;
    auto run = std::dynamic_pointer_cast<const StackRun>(LoadScenarioFile(file).run);
    ASSERT_TRUE(run) << file;
    for (std::size_t i = 1; i < run->StepCount(); ++i) {
      for (const Event& e : EventsOf(*run, i)) {
        if (e.kind != EventKind::kZero && e.kind != EventKind::kInit) continue;
        State s = run->GetTimeline().StateAt(i);
        const Word* w = ReadWord(s, e.addr);
        ASSERT_TRUE(w) << file << " step " << i;
        EXPECT_EQ(w->bits, e.bits) << file << " step " << i;
        EXPECT_EQ(w->label, e.label) << file << " step " << i;
        if (e.kind == EventKind::kZero) {
          for (std::int64_t k = 0; k < std::min<std::int64_t>(e.n, 64); ++k) {
            EXPECT_EQ(ReadWord(s, e.addr + 8 * std::uint64_t(k))->bits, 0u)
                << file << " step " << i;
          }
        }
      }
    }
  }
}

// grow-by-copying: main is entered at hi - 40 (newproc1 keeps 32 bytes at the top, then
// goexit's return PC) and its frame is 48 bytes (BP, x, p, r, 16 bytes of outgoing args for
// down's two params), so main's SP = hi - 88. Level k of down has entry SP
// hi - 96 - 160*(k-1) (return PC + 152-byte frame per level). The frame is > _StackSmall,
// so the prologue tests SP - (152 - 128) = entry - 24 against stackguard0 = lo + 928 =
// hi - 1120 on a 2 KiB stack: it fails first when 120 + 160*(k-1) >= 1120, i.e. k = 8.
// On the 4 KiB stack the guard is hi - 3168: fails when 120 + 160*(k-1) >= 3168, k = 21.
TEST(StackModel, PrologueCheckAndNewstackDoubling) {
  auto run = Load("grow-by-copying");
  ASSERT_TRUE(run);
  std::vector<std::pair<std::int64_t, std::int64_t>> levels_and_sizes;
  for (std::size_t i = 1; i < run->StepCount(); ++i) {
    auto ev = EventsOf(*run, i);
    if (const Event* m = Find(ev, EventKind::kMorestack)) {
      const Event* call = Find(ev, EventKind::kCall);
      const Event* ns = Find(ev, EventKind::kNewStack);
      ASSERT_TRUE(call && ns);
      EXPECT_LE(m->addr, m->addr2);
      EXPECT_EQ(m->addr, call->addr - 24);
      levels_and_sizes.push_back({call->n + 1, ns->m});
    } else if (const Event* ok = Find(ev, EventKind::kStackCheck)) {
      EXPECT_GT(ok->addr, ok->addr2) << "step " << i;
    }
  }
  EXPECT_EQ(levels_and_sizes,
            (std::vector<std::pair<std::int64_t, std::int64_t>>{{8, 4096}, {21, 8192}}));
}

// newstack doubles more than once when the frame plus _StackGuard would not fit: a 4008-byte
// frame (BP + [500]int) entered at hi - 48 (newproc1's 32 bytes, goexit's return PC, main's
// empty frame, the return PC into main) needs 4008 + 928 = 4936 bytes, and 4096 - 48 < 4936,
// so 2048 -> 4096 -> 8192.
TEST(StackModel, NewstackDoublesUntilTheFrameFits) {
  LoadResult r =
      LoadScenarioText("t.json", R"J({"format": 1, "kind": "stack", "id": "t", "title": {"en": "t"},
    "funcs": [{"name": "main"}, {"name": "big", "locals": [{"name": "a", "type": "[500]int"}]}],
    "script": [{"op": "call", "func": "main"}, {"op": "call", "func": "big"}, {"op": "return"}, {"op": "return"}]})J");
  auto run = std::dynamic_pointer_cast<const StackRun>(r.run);
  ASSERT_TRUE(run) << r.diags.FormatAll();
  std::size_t i = StepWith(*run, EventKind::kNewStack);
  ASSERT_GT(i, 0u);
  EXPECT_EQ(Find(EventsOf(*run, i), EventKind::kNewStack)->m, 8192);
}

// Boxing for fmt.Println picks the runtime function by the value's type (walk/convert.go
// dataWordFuncName): a []int is not an 8-byte scalar, so convTslice copies its 24-byte
// header {ptr, len, cap} to the heap; an int of 300 goes through convT64 and is copied (only
// values under 256 use staticuint64s). The line shows the slice by its type, not its bits.
TEST(StackModel, PrintlnBoxesEachValueWithTheConversionItsTypeNeeds) {
  LoadResult r =
      LoadScenarioText("t.json", R"J({"format": 1, "kind": "stack", "id": "t", "title": {"en": "t"},
    "funcs": [{"name": "main", "locals": [{"name": "s", "type": "[]int"}, {"name": "n", "type": "int"}]}],
    "script": [{"op": "call", "func": "main"}, {"op": "make", "type": "[]int", "len": 4, "into": "s"},
               {"op": "declare", "var": "n", "value": 300},
               {"op": "call", "func": "fmt.Println", "args": ["s", "n"]}, {"op": "return"}]})J");
  auto run = std::dynamic_pointer_cast<const StackRun>(r.run);
  ASSERT_TRUE(run) << r.diags.FormatAll();
  std::vector<std::string> funcs, lines;
  for (std::size_t i = 1; i < run->StepCount(); ++i) {
    for (const Event& e : EventsOf(*run, i)) {
      if (e.kind != EventKind::kBox) continue;
      lines.push_back(EventLine(run->Prog(), e, Lang::kEn));
    }
    if (Find(EventsOf(*run, i), EventKind::kBox)) funcs.push_back(run->Narrate(i).func);
  }
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].rfind("box s = []int, 24 bytes @0x", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1].rfind("box n = 300 @0x", 0), 0u) << lines[1];
  ASSERT_EQ(funcs.size(), 1u) << "both boxes belong to the one Println step";
  // The step names the first conversion; the narration text names each.
  std::size_t step = StepWith(*run, EventKind::kBox);
  const std::string text = run->Narrate(step).text.en;
  EXPECT_NE(text.find("convTslice copies its []int value (24 bytes)"), std::string::npos) << text;
  EXPECT_NE(text.find("convT64 copies its value (8 bytes)"), std::string::npos) << text;
}

// The source panel can point at every step of the built-ins (their gc ops are the runtime's,
// with no source line by nature); an op recorded without "line" is the one it cannot show.
TEST(StackModel, OnlyProgramOpsWithoutALineLackTheSourceLine) {
  for (const auto& r : BuiltinRuns("stack")) {
    const auto* run = dynamic_cast<const StackRun*>(r.get());
    ASSERT_TRUE(run);
    for (std::size_t i = 0; i < run->StepCount(); ++i) {
      EXPECT_FALSE(run->LacksSourceLine(i)) << run->Meta().file << " step " << i;
    }
  }
  LoadResult r =
      LoadScenarioText("t.json", R"J({"format": 1, "kind": "stack", "id": "t", "title": {"en": "t"},
    "go_source": ["func main() {", "}"],
    "funcs": [{"name": "main", "line": 1}, {"name": "f"}],
    "script": [{"op": "call", "func": "main", "line": 1}, {"op": "gc"}, {"op": "call", "func": "f"}]})J");
  auto run = std::dynamic_pointer_cast<const StackRun>(r.run);
  ASSERT_TRUE(run) << r.diags.FormatAll();
  std::vector<int> ops_lacking;
  for (std::size_t i = 1; i < run->StepCount(); ++i) {
    if (run->LacksSourceLine(i)) ops_lacking.push_back(run->OpIndex(i));
  }
  ASSERT_FALSE(ops_lacking.empty());
  for (int op : ops_lacking) EXPECT_EQ(op, 2) << "only the call of f, not main's call or gc";
}

// copystack must keep every live pointer into the stack pointing at the same variable
// (same owner label and word), and leave no live pointer into the old range.
TEST(StackModel, CopystackKeepsEveryStackPointerOnItsVariable) {
  auto run = Load("grow-by-copying");
  ASSERT_TRUE(run);
  int copies = 0, checked = 0;
  for (std::size_t i = 1; i < run->StepCount(); ++i) {
    const Event* c = Find(EventsOf(*run, i), EventKind::kCopyStack);
    if (!c) continue;
    ++copies;
    State before = run->GetTimeline().StateAt(i - 1);
    State after = run->GetTimeline().StateAt(i);
    std::vector<std::uint8_t> live = LiveWords(run->Prog(), before, before.stack);
    for (std::size_t k = 0; k < before.stack.words.size() && k < live.size(); ++k) {
      const Word& w = before.stack.words[k];
      if (!live[k] || (w.kind != WordKind::kPtr && w.kind != WordKind::kSavedBP)) continue;
      if (!before.stack.Contains(w.bits)) continue;
      std::string target = LabelAt(*run, before, w.bits);
      std::uint64_t old_addr = before.stack.hi - 8 * (k + 1);
      std::uint64_t new_addr = after.stack.hi - (before.stack.hi - old_addr);
      const Word* moved = ReadWord(after, new_addr);
      ASSERT_TRUE(moved);
      EXPECT_TRUE(after.stack.Contains(moved->bits)) << "step " << i;
      EXPECT_EQ(LabelAt(*run, after, moved->bits), target) << "step " << i;
      ++checked;
    }
  }
  EXPECT_EQ(copies, 4) << "two growths, two shrinks";
  // And the program's view: at every step, every live down frame's p (its spill slot) points
  // at main.x, whichever stack it is on.
  for (std::size_t i = 1; i < run->StepCount(); ++i) {
    State s = run->GetTimeline().StateAt(i);
    for (const Frame& fr : s.frames) {
      if (run->Prog().F(fr.func).name != "down") continue;
      const Word* p = ReadWord(s, fr.entry_sp + 16);
      ASSERT_TRUE(p);
      EXPECT_EQ(LabelAt(*run, s, p->bits), "main.x#0") << "step " << i;
    }
  }
  // First growth: main.p, 7 levels' down.p, the pending 8th call's spilled p, 7 saved BPs.
  EXPECT_GE(checked, 16);
}

// Dead slots are not adjusted (the stack maps do not list them): after the recursion, the
// shrink copies main's frame, whose outgoing-argument area still holds the last down.p.
TEST(StackModel, DeadSpillSlotsAreNotAdjusted) {
  auto run = Load("grow-by-copying");
  ASSERT_TRUE(run);
  std::size_t shrink = StepWith(*run, EventKind::kShrink);
  ASSERT_GT(shrink, 0u);
  auto ev = EventsOf(*run, shrink + 1);
  ASSERT_TRUE(Find(ev, EventKind::kCopyStack));
  int adjusted = 0;
  for (const Event& e : ev) adjusted += e.kind == EventKind::kAdjust ? 1 : 0;
  EXPECT_EQ(adjusted, 1) << "only main.p is live";
}

// shrinkstack: used = hi - SP + _StackLimit = 56 + 800 = 856. 856 < 8192/4 and < 4096/4:
// two halvings; then 1024 < fixedStack, so the third GC declines.
TEST(StackModel, ShrinkDuringGc) {
  auto run = Load("grow-by-copying");
  ASSERT_TRUE(run);
  std::vector<std::int64_t> shrinks;
  int declined_at_min = 0;
  for (std::size_t i = 1; i < run->StepCount(); ++i) {
    for (const Event& e : EventsOf(*run, i)) {
      if (e.kind == EventKind::kShrink) {
        // shrinkstack: used = hi - sched.sp + _StackLimit; after the recursion only main's
        // frame is live, SP = hi - 88 (see above): 88 + 800 = 888.
        EXPECT_EQ(e.n, 888);
        shrinks.push_back(e.m);
      }
      if (e.kind == EventKind::kShrinkSkip && e.flag) ++declined_at_min;
    }
  }
  EXPECT_EQ(shrinks, (std::vector<std::int64_t>{8192, 4096}));
  EXPECT_EQ(declined_at_min, 1);
  State end = run->GetTimeline().StateAt(run->StepCount() - 1);
  EXPECT_EQ(end.stack.Size(), 2048u);
}

// max_stack below what the recursion needs: newstack throws "stack overflow" and nothing
// runs after it.
TEST(StackModel, StackOverflowIsFatal) {
  LoadOptions opt;
  opt.sets.push_back({"config.max_stack", "4096"});
  auto run = Load("grow-by-copying", opt);
  ASSERT_TRUE(run);
  std::size_t last = run->StepCount() - 1;
  const Event* o = Find(EventsOf(*run, last), EventKind::kOverflow);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->n, 8192);
  EXPECT_TRUE(run->GetTimeline().StateAt(last).crashed);
}

// The heap (and the globals) never point into a stack: that is what escape analysis
// guarantees, and what lets copystack adjust only the stack itself.
TEST(StackModel, NothingOffTheStackPointsIntoIt) {
  for (const std::string& file : BuiltinScenarioFiles()) {
    if (file.find("/stack/") == std::string::npos) continue;
    auto run = std::dynamic_pointer_cast<const StackRun>(LoadScenarioFile(file).run);
    ASSERT_TRUE(run);
    for (std::size_t i = 0; i < run->StepCount(); ++i) {
      State s = run->GetTimeline().StateAt(i);
      auto into_stack = [&](const Word& w) {
        return w.kind == WordKind::kPtr &&
               (s.stack.Contains(w.bits) || s.old_stack.Contains(w.bits));
      };
      for (const HeapObj& o : s.heap) {
        for (const Word& w : o.words) EXPECT_FALSE(into_stack(w)) << file << " step " << i;
      }
      for (const Word& w : s.globals) EXPECT_FALSE(into_stack(w)) << file << " step " << i;
    }
  }
}

// "moved to heap: x": the frame slot holds a pointer; the value lives in the heap object.
TEST(StackModel, MovedVariableFrameHoldsPointer) {
  auto run = Load("return-address");
  ASSERT_TRUE(run);
  const Event* mv = Find(EventsOf(*run, 3), EventKind::kMovedToHeap);
  ASSERT_TRUE(mv);
  State s = run->GetTimeline().StateAt(3);
  EXPECT_EQ(ReadWord(s, mv->addr)->kind, WordKind::kPtr);
  EXPECT_EQ(ReadWord(s, mv->addr)->bits, mv->addr2);
  EXPECT_EQ(ReadWord(s, mv->addr2)->bits, 7u);
  // After newInt returned and main wrote *q = 9, the heap object holds 9.
  State later = run->GetTimeline().StateAt(5);
  EXPECT_EQ(ReadWord(later, mv->addr2)->bits, 9u);
}

// make returns the slice header itself: {ptr, len, cap} in the variable's three words; for
// make([]int, 4) the ptr is a slot in the same frame.
TEST(StackModel, MakeReturnsASliceHeader) {
  auto run = Load("make-slice-size");
  ASSERT_TRUE(run);
  const Event* alloc = Find(EventsOf(*run, 3), EventKind::kStackAlloc);
  const Event* init = Find(EventsOf(*run, 3), EventKind::kInit);
  ASSERT_TRUE(alloc && init);
  State s = run->GetTimeline().StateAt(3);
  EXPECT_EQ(ReadWord(s, init->addr)->bits, alloc->addr);
  EXPECT_EQ(ReadWord(s, init->addr + 8)->bits, 4u);
  EXPECT_EQ(ReadWord(s, init->addr + 16)->bits, 4u);
  EXPECT_TRUE(s.stack.Contains(alloc->addr));
  EXPECT_GE(alloc->addr, s.sp) << "inside the live frame";
}

// The closure shares x with counter's (dead) frame through the heap: two calls give 1, 2.
TEST(StackModel, ClosureIncrementsTheSharedVariable) {
  auto run = Load("closure-capture");
  ASSERT_TRUE(run);
  std::vector<std::uint64_t> returns;
  for (std::size_t i = 1; i < run->StepCount(); ++i) {
    for (const Event& e : EventsOf(*run, i)) {
      if (e.kind == EventKind::kReturn && run->Prog().F(e.func).name == "counter.func1")
        returns.push_back(e.bits);
    }
  }
  EXPECT_EQ(returns, (std::vector<std::uint64_t>{1, 2}));
}

// ---- diagnostics ---------------------------------------------------------------------

std::string Diags(const std::string& body) {
  LoadResult r = LoadScenarioText(
      "t.json",
      std::string(R"J({"format": 1, "kind": "stack", "id": "t", "title": {"en": "t"}, )J") + body +
          "}");
  EXPECT_FALSE(r.run);
  return r.diags.FormatAll();
}

TEST(StackLoad, UnknownVariableSuggestsAName) {
  std::string d =
      Diags(R"J("funcs": [{"name": "main", "locals": [{"name": "count", "type": "int"}]}],
    "script": [{"op": "call", "func": "main"}, {"op": "declare", "var": "cuont"}])J");
  EXPECT_NE(d.find("t.json:2:"), std::string::npos) << d;
  EXPECT_NE(d.find("/script/1/var"), std::string::npos) << d;
  EXPECT_NE(d.find("did you mean \"count\""), std::string::npos) << d;
}

TEST(StackLoad, DeclareTwiceIsAnError) {
  std::string d = Diags(R"J("funcs": [{"name": "main", "locals": [{"name": "x", "type": "int"}]}],
    "script": [{"op": "call", "func": "main"}, {"op": "declare", "var": "x"}, {"op": "declare", "var": "x"}])J");
  EXPECT_NE(d.find("/script/2/var: x is already declared"), std::string::npos) << d;
}

TEST(StackLoad, LimitsAreNamed) {
  std::string d = Diags(R"J("funcs": [{"name": "main"}, {"name": "f"}],
    "script": [{"op": "call", "func": "main"}, {"op": "call", "func": "f", "depth": 30000}])J");
  EXPECT_NE(d.find("kMaxDepth"), std::string::npos) << d;
  std::string f =
      Diags(R"J("funcs": [{"name": "main", "locals": [{"name": "a", "type": "[200000]int"}]}],
    "script": [{"op": "call", "func": "main"}, {"op": "return"}])J");
  EXPECT_NE(f.find("kMaxFrameBytes"), std::string::npos) << f;
  // 20 frames of a 1 MiB array would cover 20 MiB at once, over kMaxLiveStackBytes (16 MiB)
  // though under max_stack (1 GB): the op that would pass it fails with the limit's name.
  LoadResult r =
      LoadScenarioText("t.json", R"J({"format": 1, "kind": "stack", "id": "t", "title": {"en": "t"},
    "funcs": [{"name": "main"}, {"name": "f", "locals": [{"name": "a", "type": "[1048000]byte"}]}],
    "script": [{"op": "call", "func": "main"}, {"op": "call", "func": "f"},
               {"op": "call", "func": "f", "depth": 19}]})J");
  ASSERT_FALSE(r.run) << "an op error is a load error";
  EXPECT_NE(r.diags.FormatAll().find("kMaxLiveStackBytes"), std::string::npos)
      << r.diags.FormatAll();
}

// grow-to-1mib: after the recursion only worker's frame is live (SP = hi - 56), so
// shrinkstack's used = 56 + _StackLimit (800) = 856, under a quarter of every size from
// 1 MiB to 4 KiB: nine cycles halve it once each (one halving per cycle), and the tenth finds
// it at the starting 2 KiB and leaves it (stack.go shrinkstack: newsize < fixedStack).
TEST(StackModel, GcHalvesABigIdleStackOncePerCycle) {
  auto run = Load("grow-to-1mib");
  ASSERT_TRUE(run);
  std::vector<std::int64_t> shrinks;
  int at_min = 0;
  for (std::size_t i = 1; i < run->StepCount(); ++i) {
    for (const Event& e : EventsOf(*run, i)) {
      if (e.kind == EventKind::kShrink) {
        EXPECT_EQ(e.n, 856);
        shrinks.push_back(e.m);
      }
      if (e.kind == EventKind::kShrinkSkip && e.flag) ++at_min;
    }
  }
  EXPECT_EQ(shrinks, (std::vector<std::int64_t>{1048576, 524288, 262144, 131072, 65536, 32768,
                                                16384, 8192, 4096}));
  EXPECT_EQ(at_min, 1);
}

TEST(StackLoad, TypeAndShapeErrors) {
  std::string d = Diags(
      R"J("funcs": [{"name": "main", "locals": [{"name": "p", "type": "*int"}, {"name": "q", "type": "strnig"}]}],
    "script": [{"op": "call", "func": "main"}, {"op": "declare", "var": "p", "value": 5}, {"op": "ret"}])J");
  EXPECT_NE(d.find("unknown type \"strnig\""), std::string::npos) << d;
  std::string e = Diags(R"J("funcs": [{"name": "main", "locals": [{"name": "p", "type": "*int"}]}],
    "script": [{"op": "call", "func": "main"}, {"op": "declare", "var": "p", "value": 5}, {"op": "retrun"}])J");
  EXPECT_NE(e.find("cannot use 5 as *int"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean \"return\""), std::string::npos) << e;
}

TEST(StackLoad, ReturnNeedsAValueWhenTheFunctionHasAResult) {
  std::string d = Diags(
      R"J("funcs": [{"name": "main", "locals": [{"name": "r", "type": "int"}]}, {"name": "f", "result": "int"}],
    "script": [{"op": "call", "func": "main"}, {"op": "call", "func": "f", "into": "r"}, {"op": "return"}])J");
  EXPECT_NE(d.find("f returns a int: add \"value\""), std::string::npos) << d;
}

TEST(StackLoad, NilDereferenceIsReportedAtTheOp) {
  std::string d = Diags(
      R"J("funcs": [{"name": "main", "locals": [{"name": "p", "type": "*int"}, {"name": "x", "type": "int"}]}],
    "script": [{"op": "call", "func": "main"}, {"op": "declare", "var": "p"}, {"op": "declare", "var": "x", "value": "*p"}])J");
  EXPECT_NE(d.find("/script/2: invalid memory address or nil pointer dereference"),
            std::string::npos)
      << d;
}

// An op appended to the script can add allocation sites (fmt.Println boxes its argument),
// which renumbers the word labels LayoutFrames hands out. The states before that op are the
// same states, so they hash the same: the sandbox's "branch at step N" keeps the prefix.
TEST(StackModel, AppendedSitesLeaveEarlierHashesAlone) {
  const std::string file = std::string(GS_SCENARIO_DIR) + "/stack/frame-reuse.json";
  LoadResult base = LoadScenarioFile(file);
  ASSERT_TRUE(base.run);
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  // After op 4 (a returned 43 into r), main prints r.
  Json op{{"op", "call"}, {"func", "fmt.Println"}, {"args", {"r"}}};
  LoadResult branched =
      LoadScenarioText(file, FormatScenario(BranchScenario(Json::parse(text.str()), 4, op)));
  ASSERT_TRUE(branched.run) << branched.diags.FormatAll();
  auto a = std::dynamic_pointer_cast<const StackRun>(base.run);
  auto b = std::dynamic_pointer_cast<const StackRun>(branched.run);
  auto label_of = [](const Program& p, const std::string& name) {
    return std::find(p.labels.begin(), p.labels.end(), name) - p.labels.begin();
  };
  ASSERT_NE(label_of(a->Prog(), "main.r"), label_of(b->Prog(), "main.r"))
      << "the new sites renumber the labels (else this test shows nothing)";
  std::size_t first_new = 0;
  for (std::size_t i = 1; i < b->StepCount() && !first_new; ++i) {
    if (b->OpIndex(i) == 5) first_new = i;
  }
  ASSERT_GT(first_new, 1u);
  for (std::size_t i = 0; i < first_new; ++i) EXPECT_EQ(a->Hash(i), b->Hash(i)) << "step " << i;
}

}  // namespace
}  // namespace gs::stack
