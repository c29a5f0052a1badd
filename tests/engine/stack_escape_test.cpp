// Escape analysis of the stack topic: for every built-in scenario, the decisions and the
// -gcflags=-m lines must be what Go 1.19 prints for the scenario's go_source.
//
// How the expectations were obtained: each go_source was compiled with Debian's
// golang-1.19-go (1.19.8): `go build -gcflags=-m`, keeping only the escape lines (dropping
// "can inline" / "inlining call"). The output is copied below as "LINE: message" (the column
// is dropped). Each expectation also has the reasoning from the escape rules (go-runtime.md
// section 7; cmd/compile/internal/escape), so the test would catch a rule implemented wrong
// even if someone regenerated a scenario.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/stack/stack_run.h"

namespace gs::stack {
namespace {

std::shared_ptr<const StackRun> LoadBuiltin(const std::string& name) {
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/stack/" + name + ".json");
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
  return std::dynamic_pointer_cast<const StackRun>(r.run);
}

std::shared_ptr<const StackRun> LoadText(const std::string& text, std::string* diags = nullptr) {
  LoadResult r = LoadScenarioText("t.json", text);
  if (diags) *diags = r.diags.FormatAll();
  return std::dynamic_pointer_cast<const StackRun>(r.run);
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

const Site* SiteNamed(const Program& p, const std::string& func, const std::string& expr) {
  for (const Site& s : p.sites) {
    if (p.F(s.func).name == func && s.expr == expr) return &s;
  }
  return nullptr;
}

// reuse.go: only ints, and no address is ever taken: nothing to report.
TEST(StackEscapeBuiltin, FrameReuseHasNoEscapes) {
  auto run = LoadBuiltin("frame-reuse");
  ASSERT_TRUE(run);
  EXPECT_TRUE(run->Prog().EscapeMessages().empty());
}

// grow-to-1mib's go_source: buf is indexed, never has its address taken, and 8 KiB is far under
// MaxStackVarSize: go1.19.8 -gcflags=-m printed no escape line for it (only "index bounds
// check elided"), and -S gave rec an 8208-byte frame and worker a 16-byte one, as here.
TEST(StackEscapeBuiltin, GrowTo1MiBHasNoEscapesAndTheCompilersFrames) {
  auto run = LoadBuiltin("grow-to-1mib");
  ASSERT_TRUE(run);
  EXPECT_TRUE(run->Prog().EscapeMessages().empty());
  EXPECT_EQ(run->Prog().F(1).name, "rec");
  EXPECT_EQ(run->Prog().F(1).frame_size, 8208);
  EXPECT_EQ(run->Prog().F(0).frame_size, 16);
}

// zero.go: p (*int) and s ([]int) are locals that never leave fresh: names are reported
// only when moved, so -m prints nothing.
TEST(StackEscapeBuiltin, ZeroValuesHasNoEscapes) {
  auto run = LoadBuiltin("zero-values");
  ASSERT_TRUE(run);
  EXPECT_TRUE(run->Prog().EscapeMessages().empty());
}

// retaddr.go: `return &x` flows x's address to newInt's result, and results outlive
// everything (solve.go outlives), so x moves. In local, &y goes into p, and `*p = 8` stores
// an int through p (the int flows to the heap, not p), so y stays.
TEST(StackEscapeBuiltin, ReturnAddress) {
  auto run = LoadBuiltin("return-address");
  ASSERT_TRUE(run);
  EXPECT_EQ(run->Prog().EscapeMessages(), Sorted({"5: moved to heap: x"}));
  const Site* x = SiteNamed(run->Prog(), "newInt", "x");
  ASSERT_TRUE(x);
  EXPECT_EQ(x->reason, Reason::kReturned);
  const Site* y = SiteNamed(run->Prog(), "local", "y");
  ASSERT_TRUE(y);
  EXPECT_FALSE(y->escapes);
}

// newvs.go: go build -gcflags=-m printed
//   7:10 new(int) does not escape / 14:10 new(int) escapes to heap / 21:10 new(int) escapes
// stays: p only flows into *p loads. returned: p flows to the result. global: q flows to the
// global sink, which is the heap.
TEST(StackEscapeBuiltin, NewStaysOrEscapes) {
  auto run = LoadBuiltin("new-stays-or-escapes");
  ASSERT_TRUE(run);
  EXPECT_EQ(run->Prog().EscapeMessages(),
            Sorted({"7: new(int) does not escape", "14: new(int) escapes to heap",
                    "21: new(int) escapes to heap"}));
  EXPECT_EQ(run->Prog().sites[0].reason, Reason::kNoEscape);
  const Program& p = run->Prog();
  for (const Site& s : p.sites) {
    if (s.kind != SiteKind::kNew) continue;
    if (p.F(s.func).name == "returned") {
      EXPECT_EQ(s.reason, Reason::kReturned);
    }
    if (p.F(s.func).name == "global") {
      EXPECT_EQ(s.reason, Reason::kGlobal);
    }
  }
}

// makes.go: make([]int, 4) is constant and 32 bytes (<= 64 KiB): stays. make([]int, n):
// HeapAllocReason "non-constant size". make([]int, 10000): 10000 > 65536/8 = 8192 elements,
// "too large for stack" — even though no slice leaves its function.
TEST(StackEscapeBuiltin, MakeSliceSize) {
  auto run = LoadBuiltin("make-slice-size");
  ASSERT_TRUE(run);
  const Program& p = run->Prog();
  EXPECT_EQ(p.EscapeMessages(),
            Sorted({"5: make([]int, 4) does not escape", "11: make([]int, n) escapes to heap",
                    "17: make([]int, 10000) escapes to heap"}));
  EXPECT_EQ(SiteNamed(p, "sized", "make([]int, n)")->reason, Reason::kNonConstSize);
  EXPECT_EQ(SiteNamed(p, "huge", "make([]int, 10000)")->reason, Reason::kTooLarge);
}

// closure.go: counter's func literal is returned (escapes) and x is reassigned inside it,
// so it is captured by reference (flowClosure) and moves. sum's literal is only called
// locally; y is never reassigned, so it is captured by value and nothing moves.
TEST(StackEscapeBuiltin, ClosureCapture) {
  auto run = LoadBuiltin("closure-capture");
  ASSERT_TRUE(run);
  const Program& p = run->Prog();
  EXPECT_EQ(p.EscapeMessages(), Sorted({"5: moved to heap: x", "6: func literal escapes to heap",
                                        "16: func literal does not escape"}));
  EXPECT_EQ(SiteNamed(p, "counter", "x")->reason, Reason::kCaptured);
  for (const Func& f : p.funcs) {
    if (f.name == "counter.func1") {
      EXPECT_TRUE(f.captures.at(0).by_ref);
    }
    if (f.name == "sum.func1") {
      EXPECT_FALSE(f.captures.at(0).by_ref);
    }
  }
}

// grow.go: down only reads *p and passes p to itself: "p does not escape"; so main's
// p := &x does not move x (the stack growth must therefore fix p up).
TEST(StackEscapeBuiltin, GrowByCopying) {
  auto run = LoadBuiltin("grow-by-copying");
  ASSERT_TRUE(run);
  EXPECT_EQ(run->Prog().EscapeMessages(), Sorted({"4: p does not escape"}));
}

// reasons.go, -m output (Go 1.19.8):
//   9: moved to heap: v                (sink = &v: a global)
//   15: moved to heap: big             (11 MiB > MaxStackVarSize 10 MiB)
//   21: ... argument does not escape   (fmt.Println's []any)
//   21: n escapes to heap              (convT64 into an interface that leaks)
//   25: leaking param: p to result ~r0 level=0   (keep returns p)
//   30: leaking param: p               (put stores p in a global)
//   35: p does not escape              (read loads *p, an int)
//   41: make(map[string]int) does not escape
//   53: moved to heap: b               (put's tag makes &b flow to the heap)
// and nothing for a (keep's result q stays in main), c, or make(chan int, 1).
TEST(StackEscapeBuiltin, EscapeReasons) {
  auto run = LoadBuiltin("escape-reasons");
  ASSERT_TRUE(run);
  const Program& p = run->Prog();
  EXPECT_EQ(
      p.EscapeMessages(),
      Sorted({"9: moved to heap: v", "15: moved to heap: big", "21: ... argument does not escape",
              "21: n escapes to heap", "25: leaking param: p to result ~r0 level=0",
              "30: leaking param: p", "35: p does not escape",
              "41: make(map[string]int) does not escape", "53: moved to heap: b"}));
  EXPECT_EQ(SiteNamed(p, "store", "v")->reason, Reason::kGlobal);
  EXPECT_EQ(SiteNamed(p, "huge", "big")->reason, Reason::kTooLarge);
  EXPECT_EQ(SiteNamed(p, "show", "n")->reason, Reason::kInterface);
  EXPECT_EQ(SiteNamed(p, "main", "b")->reason, Reason::kCalleeLeaks);
  EXPECT_FALSE(SiteNamed(p, "main", "a")->escapes);
  EXPECT_FALSE(SiteNamed(p, "main", "c")->escapes);
  // makechan always allocates on the heap, and -m says nothing about it.
  const Site* ch = SiteNamed(p, "mk", "make(chan int, 1)");
  ASSERT_TRUE(ch);
  EXPECT_TRUE(ch->always_heap);
  EXPECT_TRUE(ch->message.empty());
}

// ---- single rules, on small programs -------------------------------------------------

std::string Program1(const std::string& funcs, const std::string& script,
                     const std::string& extra = "") {
  return std::string(R"J({"format": 1, "kind": "stack", "id": "t", "title": {"en": "t"}, )J") +
         extra + R"J("funcs": )J" + funcs + R"J(, "script": )J" + script + "}";
}

// escape/assign.go: a store through a pointer (*pp = &x) goes to the heap hole, so x moves
// even though pp itself is a local.
TEST(StackEscapeRules, StoreThroughPointerIsAHeapStore) {
  auto run = LoadText(Program1(
      R"J([{"name": "main", "locals": [{"name": "x", "type": "int", "line": 2}, {"name": "q", "type": "*int"},
          {"name": "pp", "type": "**int"}]}])J",
      R"J([{"op": "call", "func": "main"}, {"op": "declare", "var": "x"}, {"op": "declare", "var": "q"},
          {"op": "addr", "of": "q", "into": "pp"}, {"op": "assign", "var": "*pp", "value": "&x"},
          {"op": "return"}])J"));
  ASSERT_TRUE(run);
  EXPECT_EQ(run->Prog().EscapeMessages(), Sorted({"2: moved to heap: x"}));
  EXPECT_EQ(SiteNamed(run->Prog(), "main", "x")->reason, Reason::kHeapStore);
}

// Taking an address alone moves nothing: p := &x; y := *p.
TEST(StackEscapeRules, AddressTakenButLocalStays) {
  auto run = LoadText(Program1(
      R"J([{"name": "main", "locals": [{"name": "x", "type": "int"}, {"name": "p", "type": "*int"}, {"name": "y", "type": "int"}]}])J",
      R"J([{"op": "call", "func": "main"}, {"op": "declare", "var": "x", "value": 3},
          {"op": "addr", "of": "x", "into": "p"}, {"op": "declare", "var": "y", "value": "*p"}, {"op": "return"}])J"));
  ASSERT_TRUE(run);
  EXPECT_TRUE(run->Prog().EscapeMessages().empty());
}

// HeapAllocReason uses ">" for implicit allocations: new(T) with size == the limit stays,
// one byte more escapes. The limit is a config value here (64 instead of 64 KiB) so the
// frame stays small.
TEST(StackEscapeRules, ImplicitSizeLimitIsStrictlyGreater) {
  auto run = LoadText(Program1(
      R"J([{"name": "main", "locals": [{"name": "a", "type": "*[64]byte", "line": 3}, {"name": "b", "type": "*[65]byte", "line": 4},
          {"name": "s", "type": "[]int"}, {"name": "t", "type": "[]int"}]}])J",
      R"J([{"op": "call", "func": "main"}, {"op": "new", "type": "[64]byte", "into": "a", "line": 3},
          {"op": "new", "type": "[65]byte", "into": "b", "line": 4},
          {"op": "make", "type": "[]int", "len": 8, "into": "s", "line": 5},
          {"op": "make", "type": "[]int", "len": 9, "into": "t", "line": 6}, {"op": "return"}])J",
      R"J("config": {"max_implicit": 64}, )J"));
  ASSERT_TRUE(run);
  // make: 8 > 64/8 is false (stays); 9 > 8 (escapes).
  EXPECT_EQ(run->Prog().EscapeMessages(),
            Sorted({"3: new([64]byte) does not escape", "4: new([65]byte) escapes to heap",
                    "5: make([]int, 8) does not escape", "6: make([]int, 9) escapes to heap"}));
}

// Explicit variables compare with MaxStackVarSize (config max_stack_var here).
TEST(StackEscapeRules, ExplicitVariableTooLarge) {
  auto run = LoadText(Program1(
      R"J([{"name": "main", "locals": [{"name": "a", "type": "[16]int", "line": 2}, {"name": "b", "type": "[17]int", "line": 3}]}])J",
      R"J([{"op": "call", "func": "main"}, {"op": "declare", "var": "a"}, {"op": "declare", "var": "b"}, {"op": "return"}])J",
      R"J("config": {"max_stack_var": 128}, )J"));
  ASSERT_TRUE(run);
  EXPECT_EQ(run->Prog().EscapeMessages(), Sorted({"3: moved to heap: b"}));
  EXPECT_EQ(SiteNamed(run->Prog(), "main", "b")->reason, Reason::kTooLarge);
}

// paramTag: a pointee that reaches the heap is "leaking param content" (derefs 1).
TEST(StackEscapeRules, LeakingParamContent) {
  auto run = LoadText(Program1(
      R"J([{"name": "main", "locals": [{"name": "x", "type": "int"}, {"name": "p", "type": "*int"}]},
          {"name": "f", "params": [{"name": "pp", "type": "**int", "line": 9}]}])J",
      R"J([{"op": "call", "func": "main"}, {"op": "declare", "var": "x"}, {"op": "addr", "of": "x", "into": "p"},
          {"op": "call", "func": "f", "args": ["&p"]}, {"op": "assign", "var": "sink", "value": "*pp"},
          {"op": "return"}, {"op": "return"}])J",
      R"J("globals": [{"name": "sink", "type": "*int"}], )J"));
  ASSERT_TRUE(run);
  const Program& p = run->Prog();
  // f's tag: pp's content (*pp) leaks to the heap at derefs 1. In main, &p flows with one
  // deref to the heap: p's value (&x) reaches the heap, so x moves; p itself stays.
  std::vector<std::string> m = p.EscapeMessages();
  EXPECT_NE(std::find(m.begin(), m.end(), "9: leaking param content: pp"), m.end());
  EXPECT_TRUE(SiteNamed(p, "main", "x")->escapes);
  EXPECT_FALSE(SiteNamed(p, "main", "p")->escapes);
}

// Calls through func values (checked with go 1.19 on the equivalent program):
//   f := func(p *int){...}; f(&x)   -> a static call (ir.StaticValue): x stays
//   g := get(); g(&y)               -> the callee is unknown, arguments go to the heap: y moves
// and each literal's pointer parameter is tagged "p does not escape".
TEST(StackEscapeRules, UnknownCallVersusStaticClosureCall) {
  auto run = LoadText(Program1(
      R"J([{"name": "main", "locals": [{"name": "x", "type": "int", "line": 9}, {"name": "y", "type": "int", "line": 10},
          {"name": "f", "type": "func(*int)", "line": 11}, {"name": "g", "type": "func(*int)", "line": 13}]},
          {"name": "get", "result": "func(*int)", "locals": [{"name": "h", "type": "func(*int)"}]},
          {"name": "get.func1", "closure_of": "get", "params": [{"name": "p", "type": "*int", "line": 5}]},
          {"name": "main.func1", "closure_of": "main", "params": [{"name": "p", "type": "*int", "line": 11}]}])J",
      R"J([{"op": "call", "func": "main"}, {"op": "declare", "var": "x"}, {"op": "declare", "var": "y"},
          {"op": "closure", "func": "main.func1", "into": "f", "line": 11},
          {"op": "call", "func": "main.func1", "via": "f", "args": ["&x"]}, {"op": "return"},
          {"op": "call", "func": "get", "into": "g"}, {"op": "closure", "func": "get.func1", "into": "h", "line": 5},
          {"op": "return", "value": "h"},
          {"op": "call", "func": "get.func1", "via": "g", "args": ["&y"]}, {"op": "return"}, {"op": "return"}])J"));
  ASSERT_TRUE(run);
  EXPECT_EQ(
      run->Prog().EscapeMessages(),
      Sorted({"5: p does not escape", "5: func literal escapes to heap", "11: p does not escape",
              "10: moved to heap: y", "11: func literal does not escape"}));
  EXPECT_FALSE(SiteNamed(run->Prog(), "main", "x")->escapes);
  EXPECT_EQ(SiteNamed(run->Prog(), "main", "y")->reason, Reason::kUnknownCall);
}

// Capture by value needs: not reassigned, address not taken, at most 128 bytes.
TEST(StackEscapeRules, CaptureByReferenceWhenReassignedOutside) {
  auto run = LoadText(Program1(
      R"J([{"name": "main", "locals": [{"name": "x", "type": "int"}, {"name": "f", "type": "func() int"}]},
          {"name": "main.func1", "closure_of": "main", "captures": ["x"], "result": "int"}])J",
      R"J([{"op": "call", "func": "main"}, {"op": "declare", "var": "x"},
          {"op": "closure", "func": "main.func1", "into": "f"}, {"op": "assign", "var": "x", "value": 5},
          {"op": "return"}])J"));
  ASSERT_TRUE(run);
  EXPECT_TRUE(run->Prog().funcs[1].captures[0].by_ref);
  // The closure does not escape, so x stays on the stack even though captured by reference.
  EXPECT_FALSE(SiteNamed(run->Prog(), "main", "x")->escapes);
}

}  // namespace
}  // namespace gs::stack
