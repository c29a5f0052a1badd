// Stack growth against real Go 1.19: tests/realgo/stack/growth.go ran five recursions (frames
// holding a [64]byte, [256]byte, [1024]byte, [8192]byte and [65536]byte array) in fresh
// goroutines and printed the stack size (g.stack.hi - g.stack.lo, read through
// runtime.allgs) at every depth where it changed; frames.out has the frame sizes the compiler
// gave those functions (-gcflags=-S), overflow.out what the runtime printed when a stack
// outgrew debug.SetMaxStack(100000). tests/realgo/stack/README.md says how each was made. Go
// is not needed here: the files are committed. The same programs are built as scenarios
// (worker calls recN(0), recN recurses) and the simulator must grow at the same depths, to
// the same sizes.
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/stack/stack_run.h"

namespace gs::stack {
namespace {

std::string RealGo(const std::string& file) {
  std::ifstream in(std::string(GS_TEST_DIR) + "/realgo/stack/" + file);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Growth {
  std::int64_t depth = 0;  ///< levels the recursion ran
  std::int64_t start = 0;
  std::vector<std::pair<std::int64_t, std::int64_t>> changes;  ///< (depth, new stack size)
};

// growth.out: "recN depth=D start=S" then "recN DEPTH SIZE" lines.
std::map<std::string, Growth> ReadGrowth() {
  std::map<std::string, Growth> out;
  std::istringstream in(RealGo("growth.out"));
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string name, a, b;
    ls >> name >> a >> b;
    if (a.rfind("depth=", 0) == 0) {
      out[name].depth = std::stoll(a.substr(6));
      out[name].start = std::stoll(b.substr(6));
    } else if (!b.empty()) {
      out[name].changes.push_back({std::stoll(a), std::stoll(b)});
    }
  }
  return out;
}

// frames.out: "main.NAME STEXT args=0x8 locals=0x110 ...": locals includes the saved BP.
std::map<std::string, std::int64_t> ReadFrames() {
  std::map<std::string, std::int64_t> out;
  std::istringstream in(RealGo("frames.out"));
  std::string line;
  while (std::getline(in, line)) {
    auto at = line.find("locals=0x");
    if (at == std::string::npos) continue;
    out[line.substr(5, line.find(' ') - 5)] = std::stoll(line.substr(at + 9), nullptr, 16);
  }
  return out;
}

// The scenario for growth.go's worker and recN: worker calls recN(0) (an 8-byte argument
// area, as closechan's in the real worker), each level declares buf and calls the next.
// depth >= 3: the loader wants a "depth" op of 2 levels or more.
std::shared_ptr<const StackRun> Build(const std::string& name, std::int64_t bytes,
                                      std::int64_t depth, std::int64_t max_stack = 0) {
  std::string d = std::to_string(depth - 1);
  std::string cfg =
      max_stack > 0 ? R"("config": {"max_stack": )" + std::to_string(max_stack) + "}," : "";
  std::string text = R"({"format": 1, "kind": "stack", "id": "t", "title": {"en": "t"}, )" + cfg +
                     R"("funcs": [{"name": "worker"}, {"name": ")" + name +
                     R"(", "params": [{"name": "n", "type": "int"}],
      "locals": [{"name": "buf", "type": "[)" +
                     std::to_string(bytes) + R"(]byte"}]}],
    "script": [{"op": "call", "func": "worker"}, {"op": "call", "func": ")" +
                     name + R"(", "args": [0]},
      {"op": "declare", "var": "buf"}, {"op": "call", "func": ")" +
                     name + R"(", "args": ["n+1"], "depth": )" + d +
                     R"(, "recurse_args": ["n+1"]}]})";
  LoadResult r = LoadScenarioText("t.json", text);
  EXPECT_TRUE(r.run) << r.diags.FormatAll() << "\n" << text;
  return std::dynamic_pointer_cast<const StackRun>(r.run);
}

// The depth of each frame push and the size the stack had then (newstack's new size takes
// effect at the push that needed it).
Growth Simulate(const StackRun& run, std::int32_t rec) {
  Growth g;
  g.start = std::int64_t(run.GetTimeline().StateRef(0).stack.Size());
  std::int64_t size = g.start;
  for (std::size_t i = 1; i < run.StepCount(); ++i) {
    for (const Event& e : run.GetTimeline().Events(i)) {
      if (e.kind == EventKind::kNewStack) size = e.m;
      if (e.kind == EventKind::kFramePush && e.func == rec) {
        ++g.depth;
        if (size != (g.changes.empty() ? g.start : g.changes.back().second)) {
          g.changes.push_back({g.depth, size});
        }
      }
    }
  }
  return g;
}

std::int32_t FuncIndex(const Program& p, const std::string& name) {
  for (std::size_t i = 0; i < p.funcs.size(); ++i) {
    if (p.funcs[i].name == name) return std::int32_t(i);
  }
  return kNone;
}

TEST(StackRealGo, FramesAreTheCompilersSize) {
  const auto frames = ReadFrames();
  ASSERT_EQ(frames.size(), 6u) << "tests/realgo/stack/frames.out missing?";
  for (std::int64_t bytes : {64, 256, 1024, 8192, 65536}) {
    const std::string name = "rec" + std::to_string(bytes);
    auto run = Build(name, bytes, 3);
    ASSERT_TRUE(run);
    const Program& p = run->Prog();
    EXPECT_EQ(p.F(FuncIndex(p, name)).frame_size, frames.at(name)) << name;
    EXPECT_EQ(p.F(FuncIndex(p, "worker")).frame_size, frames.at("worker"));
  }
}

TEST(StackRealGo, GrowsAtTheSameDepthsToTheSameSizes) {
  const auto real = ReadGrowth();
  ASSERT_EQ(real.size(), 5u) << "tests/realgo/stack/growth.out missing?";
  for (const auto& [name, want] : real) {
    SCOPED_TRACE(name);
    auto run = Build(name, std::stoll(name.substr(3)), want.depth);
    ASSERT_TRUE(run);
    Growth got = Simulate(*run, FuncIndex(run->Prog(), name));
    EXPECT_EQ(got.depth, want.depth);
    EXPECT_EQ(got.start, want.start);
    EXPECT_EQ(got.changes, want.changes);
  }
}

// overflow.go: rec's 1040-byte frame under debug.SetMaxStack(100000). The 64 KiB stack would
// have to double to 128 KiB, over the limit: newstack prints the limit, the SP (the failing
// call's entry SP less the word the call to morestack cost, 0x600 above lo in the real run)
// and the bounds, then throws.
TEST(StackRealGo, OverflowPrintsTheRuntimesText) {
  std::istringstream in(RealGo("overflow.out"));
  std::vector<std::string> real;
  for (std::string line; std::getline(in, line);) real.push_back(line);
  ASSERT_EQ(real.size(), 3u) << "tests/realgo/stack/overflow.out missing?";
  auto run = Build("rec", 1024, 200, 100000);
  ASSERT_TRUE(run);
  const std::size_t last = run->StepCount() - 1;
  const Event* o = nullptr;
  for (const Event& e : run->GetTimeline().Events(last)) {
    if (e.kind == EventKind::kOverflow) o = &e;
  }
  ASSERT_TRUE(o);
  std::vector<std::string> got;
  std::istringstream text(OverflowText(*o));
  for (std::string line; std::getline(text, line);) got.push_back(line);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], real[0]);
  EXPECT_EQ(got[2], real[2]);
  // "runtime: sp=0xc000088600 stack=[0xc000088000, 0xc000098000]": compare sp - lo and hi - lo.
  auto field = [](const std::string& s, const std::string& key) {
    return std::stoull(s.substr(s.find(key) + key.size()), nullptr, 16);
  };
  auto sp_lo_hi = [&](const std::string& s) {
    const std::uint64_t sp = field(s, "sp="), lo = field(s, "=["), hi = field(s, ", ");
    return std::pair<std::uint64_t, std::uint64_t>{sp - lo, hi - lo};
  };
  EXPECT_EQ(sp_lo_hi(got[1]), sp_lo_hi(real[1])) << got[1] << " vs " << real[1];
  EXPECT_TRUE(run->GetTimeline().StateRef(last).crashed);
}

}  // namespace
}  // namespace gs::stack
