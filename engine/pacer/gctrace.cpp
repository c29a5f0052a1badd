#include "engine/pacer/gctrace.h"

#include "engine/pacer/pacer_math.h"

namespace gs::pacer {

namespace {

// itoaDiv: val with a decimal point `dec` digits from the right ("0.015" for 15, 3).
std::string ItoaDiv(std::uint64_t val, int dec) {
  std::string digits = std::to_string(val);
  if (dec <= 0) return digits;
  while (digits.size() <= std::size_t(dec)) digits.insert(digits.begin(), '0');
  digits.insert(digits.end() - dec, '.');
  return digits;
}

}  // namespace

std::string FmtNsAsMs(std::uint64_t ns) {
  if (ns >= 10'000'000) return ItoaDiv(ns / 1'000'000, 0);
  std::uint64_t x = ns / 1000;
  if (x == 0) return "0";
  int dec = 3;
  while (x >= 100) {
    x /= 10;
    --dec;
  }
  return ItoaDiv(x, dec);
}

std::string GctraceLine(const CycleRecord& r, const Config& c) {
  const std::uint64_t start_ms = r.start_tick * c.tick_us / 1000;
  const std::uint64_t mark_ns = (r.end_tick - r.start_tick) * c.tick_us * 1000;
  std::string s = "gc " + std::to_string(r.n) + " @" + ItoaDiv(start_ms, 3) + "s " +
                  std::to_string(r.util_percent) + "%: ";
  s += FmtNsAsMs(kSweepTermUs * 1000) + "+" + FmtNsAsMs(mark_ns) + "+" +
       FmtNsAsMs(kMarkTermUs * 1000) + " ms clock, ";
  s += FmtNsAsMs(kSweepTermUs * 1000 * c.procs) + "+" + FmtNsAsMs(r.assist_cpu_us * 1000) + "/" +
       FmtNsAsMs(r.bg_cpu_us * 1000) + "/0+" + FmtNsAsMs(kMarkTermUs * 1000 * c.procs) +
       " ms cpu, ";
  s += std::to_string(r.heap0 >> 20) + "->" + std::to_string(r.heap1 >> 20) + "->" +
       std::to_string(r.heap2 >> 20) + " MB, " + std::to_string(r.goal >> 20) + " MB goal, " +
       std::to_string(c.stacks >> 20) + " MB stacks, " + std::to_string(c.globals >> 20) +
       " MB globals, " + std::to_string(c.procs) + " P";
  if (r.forced) s += " (forced)";
  return s;
}

}  // namespace gs::pacer
