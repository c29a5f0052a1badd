// Helpers for the io engine tests: load an inline scenario, read the last state of a lane.
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/io/io_run.h"

namespace gs::io::test {

/// A scenario around `config` (a JSON object's members), `fds` (the array's items) and
/// `script` (default: one run op).
inline std::string Scenario(const std::string& config, const std::string& fds,
                            const std::string& extra = "",
                            const std::string& script = R"([{"op": "run"}])") {
  return R"({"format": 1, "kind": "io", "id": "t", "title": {"en": "t"}, "config": {)" + config +
         R"(}, "fds": [)" + fds + "]" + (extra.empty() ? "" : ", " + extra) + R"(, "script": )" +
         script + "}";
}

struct Loaded {
  LoadResult result;
  const IoRun* run = nullptr;
};

inline Loaded LoadIo(const std::string& text) {
  Loaded l;
  l.result = LoadScenarioText("t.json", text);
  l.run = dynamic_cast<const IoRun*>(l.result.run.get());
  return l;
}

inline const State& Last(const IoRun& run) {
  return run.GetTimeline().StateRef(run.StepCount() - 1);
}

/// The state at the last step whose time is <= t_us.
inline State At(const IoRun& run, std::int64_t t_us) {
  std::size_t step = 0;
  for (std::size_t s = 0; s < run.StepCount(); ++s) {
    if (run.TimeAt(s) <= t_us) step = s;
  }
  return run.GetTimeline().StateAt(step);
}

}  // namespace gs::io::test
