// libFuzzer target: loading any bytes as a scenario and building its timeline must never
// crash, hang or read out of bounds (built with clang, address and undefined sanitizers).
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/core/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gs::LoadResult r =
      gs::LoadScenarioText("fuzz.json", std::string(reinterpret_cast<const char*>(data), size));
  for (const auto& d : r.diags.Items()) (void)d.Format();
  if (!r.run) return 0;
  // Touch what the app and the trace read, on a bounded number of steps.
  const std::size_t n = r.run->StepCount();
  for (std::size_t i = 0; i < n && i < 64; ++i) {
    (void)r.run->Narrate(i);
    (void)r.run->EventLines(i, gs::Lang::kZh);
    (void)r.run->StateSummary(n - 1 - i).dump();
    (void)r.run->Notable(i);
  }
  return 0;
}
