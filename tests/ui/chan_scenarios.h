// Channel scenarios written inline for the channel view's tests (there are no built-in chan
// scenarios yet): an unbuffered rendezvous, a full buffer with a parked sender (slot reuse)
// closed at the end, a select of three cases, and a deadlock with a nil channel.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/core/scenario.h"
#include "engine/sched/sched_run.h"

namespace gs::app::test {

inline std::string ChanScenario(const std::string& id, const std::string& chans,
                                const std::string& funcs) {
  return R"({"format": 1, "kind": "chan", "id": ")" + id + R"(", "title": {"en": ")" + id +
         R"(", "zh": ")" + id + R"("}, "go_version": "1.19", "config": {"gomaxprocs": 1},
  "chans": )" +
         chans + R"(, "funcs": )" + funcs + R"(, "script": [{"op": "run"}]})";
}

inline const std::vector<std::string>& ChanScenarioTexts() {
  static const std::vector<std::string> texts = {
      ChanScenario("rendezvous", R"({"c": {"cap": 0, "elem": "int"}})", R"({
        "main": [{"do": "go", "func": "recv", "name": "r"}, {"do": "run", "us": 10},
                 {"do": "send", "ch": "c", "value": 42}, {"do": "wait", "for": "r"}],
        "recv": [{"do": "var", "name": "x", "type": "int"},
                 {"do": "recv", "ch": "c", "into": "x"}, {"do": "print", "value_of": "x"}]})"),
      ChanScenario("reuse", R"({"jobs": {"cap": 2, "elem": "int"}})", R"({
        "main": [{"do": "go", "func": "worker", "name": "worker"},
                 {"do": "send", "ch": "jobs", "value": 1}, {"do": "send", "ch": "jobs", "value": 2},
                 {"do": "send", "ch": "jobs", "value": 3}, {"do": "close", "ch": "jobs"},
                 {"do": "wait", "for": "worker"}],
        "worker": [{"do": "var", "name": "v", "type": "int"},
                   {"do": "for_range", "ch": "jobs", "into": "v",
                    "body": [{"do": "print", "value_of": "v"}]}]})"),
      ChanScenario("select3",
                   R"({"a": {"cap": 0, "elem": "int"}, "b": {"cap": 1, "elem": "string"},
                       "quit": {"cap": 0, "elem": "bool"}})",
                   R"({
        "main": [{"do": "var", "name": "n", "type": "int"}, {"do": "var", "name": "s", "type": "string"},
                 {"do": "go", "func": "feeder", "name": "f"},
                 {"do": "select", "cases": [
                   {"recv": "a", "into": "n", "body": [{"do": "print", "value_of": "n"}]},
                   {"recv": "b", "into": "s", "body": [{"do": "print", "value_of": "s"}]},
                   {"recv": "quit", "body": [{"do": "print", "value": "quit"}]}]},
                 {"do": "wait", "for": "f"}],
        "feeder": [{"do": "run", "us": 5}, {"do": "send", "ch": "b", "value": "hi"}]})"),
      ChanScenario("deadlock",
                   R"({"c": {"cap": 1, "elem": "int"}, "n": {"nil": true, "elem": "int"}})", R"({
        "main": [{"do": "go", "func": "g", "name": "g"}, {"do": "send", "ch": "c", "value": 1},
                 {"do": "send", "ch": "c", "value": 2}],
        "g": [{"do": "var", "name": "v", "type": "int"}, {"do": "recv", "ch": "n", "into": "v"}]})"),
  };
  return texts;
}

inline std::shared_ptr<const sched::SchedRun> LoadChan(const std::string& text) {
  LoadResult r = LoadScenarioText("inline-chan.json", text);
  return std::dynamic_pointer_cast<const sched::SchedRun>(r.run);
}

}  // namespace gs::app::test
