// The narration panel's event bullets follow the language: in 中文 mode no bullet of any
// built-in scenario is left in English, and the English bullets are what --json emits.
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/builtin.h"

namespace gs {
namespace {

// English words the en event lines use around identifiers. A zh line holding one of them as a
// whole token was not translated. Runtime identifiers (runqputslow, tophash, stackguard0,
// emptyRest, P0.runq, stack:main ...) are tokens of their own and never match.
const std::set<std::string> kEnglishWords = {
    "steals",    "steal",     "stolen",    "runs",     "run",       "blocks",  "scan",
    "scanned",   "unscanned", "rescan",    "alloc",    "free",      "freed",   "insert",
    "delete",    "update",    "found",     "not",      "call",      "return",  "returns",
    "frame",     "kick",      "tail",      "global",   "spinning",  "stops",   "drops",
    "by",        "with",      "from",      "round",    "rounds",    "ready",   "wakes",
    "wake",      "send",      "recv",      "buffer",   "done",      "sleep",   "timer",
    "fires",     "preempt",   "after",     "on",       "enters",    "syscall", "shade",
    "already",   "blacken",   "barrier",   "write",    "set",       "old",     "new",
    "writer",    "phase",     "root",      "jobs",     "queued",    "sweep",   "work",
    "left",      "mark",      "invariant", "broken",   "reachable", "via",     "stop",
    "start",     "the",       "world",     "hash",     "bucket",    "use",     "evacuate",
    "evacuated", "moved",     "grow",      "probe",    "match",     "entries", "kept",
    "iter",      "yield",     "skip",      "other",    "half",      "break",   "words",
    "word",      "bytes",     "check",     "ok",       "save",      "stale",   "inside",
    "spill",     "zero",      "init",      "over",     "heap",      "holds",   "pointer",
    "box",       "print",     "pop",       "shrink",   "used",      "fatal",   "overflow",
    "wanted",    "minimum",   "size",      "adjust",   "level",     "nothing", "local",
    "direct",    "inherits",  "slice",     "exit",     "idle",      "early",   "now",
    "script",    "deadlock",  "empty",     "same",     "offset",    "no",      "ret",
    "white",     "grey",      "black",     "DANGLING", "INVARIANT", "still",   "sender",
    "woken",     "rounds",    "unchanged", "max",      "wait",      "enter",   "lookup",
    "unique",    "kicked",
};

// Maximal runs of ASCII letters, digits and the identifier punctuation . : _ (so "P0.runq",
// "stack:main" and "b3.ovf1" stay whole). Quoted text ("semacquire", a printed string) is
// the program's or the runtime's own wording, and a token right before "(" is Go code
// (new(int), exit(0), go work()): both are skipped.
std::vector<std::string> Tokens(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      cur.clear();
      continue;
    }
    bool id = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == ':' || c == '_';
    if (id && !quoted) {
      cur += c;
    } else if (!cur.empty()) {
      if (c != '(') out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Names the scenario gives its functions, goroutines, channels and objects ("local",
// "global", "work" ...): one-word strings of the JSON outside its prose (en/zh texts, tags).
void CollectNames(const Json& j, const std::string& key, std::set<std::string>* out) {
  if (key == "en" || key == "zh" || key == "tags") return;
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) CollectNames(it.value(), it.key(), out);
  } else if (j.is_array()) {
    for (const Json& v : j) CollectNames(v, key, out);
  } else if (j.is_string()) {
    std::vector<std::string> t = Tokens(j.get<std::string>());
    if (t.size() == 1) out->insert(t[0]);
  }
}

std::set<std::string> ScenarioNames(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::set<std::string> names;
  CollectNames(Json::parse(text.str()), "", &names);
  return names;
}

bool HasCjk(const std::string& s) {
  // UTF-8 lead bytes 0xE3..0xE9 start U+3000..U+9FFF (CJK punctuation and ideographs);
  // 0xEF 0xBC/0xBD is the fullwidth block (，：（）).
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE3 && c <= 0xE9) return true;
    if (c == 0xEF && (static_cast<unsigned char>(s[i + 1]) & 0xFE) == 0xBC) return true;
  }
  return false;
}

bool IsRuntimeOutput(const std::string& line) {
  for (const char* p : {"panic: ", "fatal error: ", "goroutine ", "main.", "exit status "}) {
    if (line.rfind(p, 0) == 0) return true;
  }
  return false;
}

class EventLinesLang : public ::testing::TestWithParam<std::string> {};

TEST_P(EventLinesLang, ZhLinesHoldNoEnglishWords) {
  LoadResult r = LoadScenarioFile(GetParam());
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  const std::set<std::string> names = ScenarioNames(GetParam());
  std::size_t checked = 0;
  for (std::size_t i = 0; i < r.run->StepCount(); ++i) {
    std::vector<std::string> en = r.run->EventLines(i, Lang::kEn);
    std::vector<std::string> zh = r.run->EventLines(i, Lang::kZh);
    ASSERT_EQ(en.size(), zh.size()) << "step " << i;
    for (std::size_t k = 0; k < zh.size(); ++k) {
      // What the Go runtime prints when a program dies is shown verbatim in both languages.
      if (IsRuntimeOutput(zh[k])) {
        EXPECT_EQ(zh[k], en[k]) << "step " << i;
        continue;
      }
      for (const std::string& t : Tokens(zh[k])) {
        if (names.count(t) || t == "ok") continue;  // ok: Go's "v, ok := <-c"
        EXPECT_EQ(kEnglishWords.count(t), 0u)
            << "step " << i << ": zh line \"" << zh[k] << "\" has the English word \"" << t
            << "\" (en: \"" << en[k] << "\")";
      }
      // A line that translates words must show them in Chinese; one with no words to
      // translate is identifiers and numbers only, identical to the en line.
      if (zh[k] != en[k]) {
        EXPECT_TRUE(HasCjk(zh[k])) << "step " << i << ": \"" << zh[k] << "\"";
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 0u);
}

TEST_P(EventLinesLang, EnLinesAreTheJsonEvents) {
  LoadResult r = LoadScenarioFile(GetParam());
  ASSERT_TRUE(r.run);
  for (std::size_t i = 0; i < r.run->StepCount(); ++i) {
    std::vector<std::string> en = r.run->EventLines(i, Lang::kEn);
    Json events = r.run->EventsJson(i);
    // The scheduler and the io topic prefix their lines with the clock ("t=5us"), which is
    // not an event.
    const std::string& kind = r.run->Meta().kind;
    std::size_t skip = kind == "sched" || kind == "chan" || kind == "io" ? 1 : 0;
    ASSERT_EQ(en.size(), events.size() + skip) << "step " << i;
    for (std::size_t k = 0; k < events.size(); ++k) {
      EXPECT_EQ(en[k + skip], events[k].get<std::string>()) << "step " << i;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(All, EventLinesLang, ::testing::ValuesIn(BuiltinScenarioFiles()),
                         [](const auto& param_info) { return ScenarioTestName(param_info.param); });

TEST(EventLinesLangRule, CatchesAnUntranslatedLine) {
  // The rule can fail: an English bullet trips it, a translated one does not.
  auto english = [](const std::string& line) {
    for (const std::string& t : Tokens(line)) {
      if (kEnglishWords.count(t)) return true;
    }
    return false;
  };
  EXPECT_TRUE(english("P1 steals 4 from P0 round 1, runs w3"));
  EXPECT_TRUE(english("shade C white->grey (scan)") || english("scan C"));
  EXPECT_FALSE(english("P1 从 P0 偷取 4 个，第 1 轮，运行 w3"));
  EXPECT_FALSE(english("runqputslow P0：5 个 G → 全局队列"));
  EXPECT_FALSE(english("gopark main（\"chan receive\"）"));
  EXPECT_TRUE(HasCjk("着色 C 白→灰（写屏障）"));
  EXPECT_FALSE(HasCjk("nevacuate=2"));
}

}  // namespace
}  // namespace gs
