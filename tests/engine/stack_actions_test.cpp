// Record by demonstration for stacks, engine half: what can be called, declared and returned
// from a state follows the loader's rules (docs/stack.md), and every op the sandbox offers
// with its default values is one the loader accepts when appended at that step.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/core/authoring.h"
#include "engine/core/scenario.h"
#include "engine/stack/actions.h"
#include "engine/stack/stack_run.h"
#include "tests/support/builtin.h"

namespace gs::stack {
namespace {

std::string Path(const std::string& name) {
  return std::string(GS_SCENARIO_DIR) + "/stack/" + name + ".json";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::shared_ptr<const StackRun> Load(const std::string& name) {
  LoadResult r = LoadScenarioFile(Path(name));
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
  return std::dynamic_pointer_cast<const StackRun>(r.run);
}

/// The last step of script op `op`.
std::size_t LastStepOf(const Run& run, int op) {
  std::size_t last = 0;
  for (std::size_t s = 1; s < run.StepCount(); ++s) {
    if (run.OpIndex(s) == op) last = s;
  }
  return last;
}

std::vector<std::string> Funcs(const Actions& a) {
  std::vector<std::string> out;
  for (const CallChoice& c : a.calls) out.push_back(c.via.empty() ? c.func : c.func + "@" + c.via);
  return out;
}

// Before the first op no frame exists: only a function without parameters can start the
// goroutine (the loader: "the first call starts the goroutine").
TEST(StackActions, BeforeTheFirstCallOnlyParameterlessFunctionsStart) {
  auto run = Load("escape-reasons");
  ASSERT_TRUE(run);
  Actions a = AvailableActions(run->Prog(), run->GetTimeline().StateAt(0));
  EXPECT_EQ(a.where, Where::kNotStarted);
  // show, keep, put and read take a parameter; fmt.Println is not one of ours.
  EXPECT_EQ(Funcs(a), (std::vector<std::string>{"main", "store", "huge", "mk"}));
  EXPECT_TRUE(a.undeclared.empty());
}

// frame-reuse, after a returned 43 into r: main runs, r is declared and s is not.
TEST(StackActions, InMainAfterAReturnedOnlySIsLeftToDeclare) {
  auto run = Load("frame-reuse");
  ASSERT_TRUE(run);
  const Program& p = run->Prog();
  State s = run->GetTimeline().StateAt(LastStepOf(*run, 4));
  Actions a = AvailableActions(p, s);
  ASSERT_EQ(a.where, Where::kRunning);
  EXPECT_EQ(p.F(a.func).name, "main");
  EXPECT_TRUE(a.bottom) << "main's frame is the goroutine's first";
  EXPECT_EQ(Funcs(a), (std::vector<std::string>{"main", "a", "b", "fmt.Println"}));
  ASSERT_EQ(a.undeclared.size(), 1u);
  EXPECT_EQ(p.F(a.func).vars[std::size_t(a.undeclared[0])].name, "s");
  // a returns an int: main's int variables can take it, declared (r) or not (s).
  EXPECT_EQ(IntoChoices(p, s, a.calls[1]), (std::vector<std::string>{"r", "s"}));
  EXPECT_TRUE(IntoChoices(p, s, a.calls[3]).empty()) << "fmt.Println's results are not modelled";
  EXPECT_EQ(DefaultValueText(p, s, p.F(1).result), "0");
}

// Inside a, nothing of a's is declared before its first declaration runs.
TEST(StackActions, InACalleeItsOwnLocalsAreTheOnesToDeclare) {
  auto run = Load("frame-reuse");
  ASSERT_TRUE(run);
  const Program& p = run->Prog();
  Actions a = AvailableActions(p, run->GetTimeline().StateAt(LastStepOf(*run, 1)));
  ASSERT_EQ(a.where, Where::kRunning);
  EXPECT_EQ(p.F(a.func).name, "a");
  EXPECT_FALSE(a.bottom);
  ASSERT_EQ(a.undeclared.size(), 2u);
  EXPECT_EQ(p.F(a.func).vars[std::size_t(a.undeclared[0])].name, "x");
  EXPECT_EQ(p.F(a.func).vars[std::size_t(a.undeclared[1])].name, "y");
}

// A func literal is called through the func value that holds it: once next := counter()
// has run, main can call counter.func1 via next (and not directly).
TEST(StackActions, AClosureIsCalledViaTheVariableHoldingIt) {
  auto run = Load("closure-capture");
  ASSERT_TRUE(run);
  const Program& p = run->Prog();
  Actions before = AvailableActions(p, run->GetTimeline().StateAt(LastStepOf(*run, 1)));
  EXPECT_EQ(Funcs(before), (std::vector<std::string>{"main", "counter", "sum", "fmt.Println"}))
      << "inside counter, before the literal exists";
  Actions after = AvailableActions(p, run->GetTimeline().StateAt(LastStepOf(*run, 4)));
  EXPECT_EQ(p.F(after.func).name, "main");
  EXPECT_EQ(Funcs(after), (std::vector<std::string>{"main", "counter", "sum", "counter.func1@next",
                                                    "fmt.Println"}));
}

TEST(StackActions, FinishedAndCrashedGoroutinesOfferNothing) {
  auto run = Load("frame-reuse");
  ASSERT_TRUE(run);
  Actions a = AvailableActions(run->Prog(), run->GetTimeline().StateAt(run->StepCount() - 1));
  EXPECT_EQ(a.where, Where::kFinished);
  EXPECT_TRUE(a.calls.empty());
  State s = run->GetTimeline().StateAt(3);
  s.crashed = true;
  EXPECT_EQ(AvailableActions(run->Prog(), s).where, Where::kCrashed);
}

TEST(StackActions, ValuesAsTypedBecomeTheDocumentedSyntax) {
  EXPECT_EQ(ValueFromText("42"), Json(42));
  EXPECT_EQ(ValueFromText(" -3 "), Json(-3));
  EXPECT_EQ(ValueFromText("nil"), Json("nil"));
  EXPECT_EQ(ValueFromText(" x+1 "), Json("x+1"));
  EXPECT_EQ(ValueFromText("&x"), Json("&x"));
  EXPECT_EQ(ValueFromText("4x"), Json("4x")) << "not an integer: the loader reports it";
  EXPECT_TRUE(ValueFromText("  ").is_null());
  CallChoice direct{"a", 1, "", false};
  EXPECT_EQ(CallOp(direct, {}, "").dump(), R"({"func":"a","op":"call"})");
  EXPECT_EQ(CallOp(direct, {Json(20), Json("p")}, "r").dump(),
            R"({"args":[20,"p"],"func":"a","into":"r","op":"call"})");
  EXPECT_EQ(CallOp({"counter.func1", 2, "next", false}, {}, "c").dump(),
            R"({"func":"counter.func1","into":"c","op":"call","via":"next"})");
  EXPECT_EQ(ReturnOp(nullptr).dump(), R"({"op":"return"})");
  EXPECT_EQ(ReturnOp(Json("y")).dump(), R"({"op":"return","value":"y"})");
  EXPECT_EQ(DeclareOp("x", nullptr).dump(), R"({"op":"declare","var":"x"})");
  EXPECT_EQ(DeclareOp("x", Json(7)).dump(), R"({"op":"declare","value":7,"var":"x"})");
}

// What the sandbox offers, with the values its fields start with, the loader accepts when
// appended after the op the step belongs to: at every step of every built-in scenario.
TEST(StackActions, EveryDefaultOpOfferedLoadsWhereItIsOffered) {
  int tried = 0;
  for (const std::string& file : BuiltinScenarioFiles()) {
    LoadResult base = LoadScenarioFile(file);
    ASSERT_TRUE(base.run) << file;
    auto run = std::dynamic_pointer_cast<const StackRun>(base.run);
    if (!run) continue;
    const Program& p = run->Prog();
    const Json doc = Json::parse(ReadFile(file));
    int last_op = -2;
    for (std::size_t step = 0; step < run->StepCount(); ++step) {
      const int keep = BranchPoint(*run, step);
      if (keep == last_op) continue;  // same branch point, same state
      last_op = keep;
      const State s = run->GetTimeline().StateAt(keep < 0 ? 0 : LastStepOf(*run, keep));
      const Actions a = AvailableActions(p, s);
      std::vector<Json> ops;
      for (const CallChoice& c : a.calls) {
        std::vector<Json> args;
        if (c.println) {
          const Frame& fr = s.frames.back();
          for (std::size_t v = 0; v < fr.declared.size() && args.empty(); ++v) {
            if (fr.declared[v]) args.push_back(p.F(fr.func).vars[v].name);
          }
        } else {
          for (std::int32_t k = 0; k < p.F(c.callee).nparams; ++k) {
            args.push_back(
                ValueFromText(DefaultValueText(p, s, p.F(c.callee).vars[std::size_t(k)].type)));
          }
        }
        const auto into = IntoChoices(p, s, c);
        ops.push_back(CallOp(c, args, ""));
        if (!into.empty()) ops.push_back(CallOp(c, args, into.back()));
      }
      for (std::int32_t v : a.undeclared) {
        ops.push_back(DeclareOp(p.F(a.func).vars[std::size_t(v)].name, nullptr));
      }
      if (a.where == Where::kRunning) {
        const Func& f = p.F(a.func);
        ops.push_back(
            ReturnOp(f.has_result ? ValueFromText(DefaultValueText(p, s, f.result)) : nullptr));
      }
      for (const Json& op : ops) {
        LoadResult r = LoadScenarioText(file, FormatScenario(BranchScenario(doc, keep, op)));
        EXPECT_TRUE(r.run) << file << " step " << step << " op " << op.dump() << "\n"
                           << r.diags.FormatAll();
        ++tried;
      }
    }
  }
  EXPECT_GT(tried, 200);
}

}  // namespace
}  // namespace gs::stack
