// MapsCompareRun: a maps scenario with "config": {"compare": ["classic", "swiss"]} — the one
// script run on the classic model (runtime/map.go, Go <= 1.23) and on the Swiss-table model
// (internal/runtime/maps, Go 1.24+), stepped together one key operation at a time. The
// counters the compare shows (bytes, probe / chain lengths, growth events) are computed here
// from each model's state and events, never in the view.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/checker.h"
#include "engine/maps/maps_run.h"
#include "engine/maps/swiss_run.h"

namespace gs::maps {

enum class CompareSide : std::uint8_t { kClassic = 0, kSwiss = 1 };

/// What one side's state and events say after a compare step.
struct CompareCounters {
  std::uint64_t bytes = 0;        ///< table memory allocated (see ClassicMapBytes / SwissMapBytes)
  std::int64_t len = 0;           ///< len(m)
  std::int64_t probe = 0;         ///< this key op: buckets walked (classic) / groups probed (Swiss)
  std::int64_t probe_max = 0;     ///< the longest so far
  std::int64_t probe_sum = 0;     ///< over every key op that searched, so far
  std::int64_t probe_ops = 0;     ///< key ops that searched, so far
  std::int64_t growths = 0;       ///< growth events so far (see CompareGrowth)
  std::int64_t last_growth = -1;  ///< compare step of the latest growth event (-1: none)
  /// Tenths of a bucket / group: avg = probe_sum / probe_ops, kept exact in the trace.
  std::int64_t ProbeAvgTenths() const {
    return probe_ops == 0 ? 0 : (probe_sum * 10 + probe_ops / 2) / probe_ops;
  }
  friend bool operator==(const CompareCounters&, const CompareCounters&) = default;
};

/// One growth event of a side, at the compare step it happened.
struct CompareGrowth {
  std::size_t step = 0;
  CompareSide side = CompareSide::kClassic;
  /// classic: "hashGrow" (B -> B+1 or same size) / "growDone"; Swiss: "growToTable" /
  /// "grow" / "split" / "dirGrow".
  std::string what;
  std::uint64_t from = 0, to = 0;  ///< sizes: buckets (classic), slots or directory length (Swiss)
};

/// Bytes of the classic map's bucket memory: (2^B + old buckets while growing + overflow
/// buckets on the chains) × the bmap size. A bmap (runtime/map.go, makeBucketArray /
/// reflectdata.MapBucketType) is tophash [8]uint8 + 8 keys + 8 elems + an overflow pointer;
/// with 8-byte ints that is 8 + 64 + 64 + 8 = 144 bytes, with string keys (16-byte headers)
/// 8 + 128 + 64 + 8 = 208. The hmap header (48 bytes) is not counted, as the Swiss figure
/// leaves out the Map header.
std::uint64_t ClassicMapBytes(const Program& p, const State& s);
/// The bmap size used above.
std::uint64_t ClassicBucketBytes(KeyType k);
/// Bytes of the Swiss map's groups (8 control bytes + 8 slots of key and elem, group.go) and
/// directory (8 bytes per table pointer, map.go dirPtr), for int or string keys.
std::uint64_t SwissCompareBytes(const Program& p, const SwissState& s);

class MapsCompareRun final : public Run {
 public:
  MapsCompareRun(Envelope env, std::shared_ptr<const Program> program);

  /// Builds both timelines, then pairs their steps one key operation at a time.
  StepResult Build();

  std::size_t StepCount() const override { return m_steps.size(); }
  std::uint64_t Hash(std::size_t step) const override;
  int OpIndex(std::size_t step) const override { return m_steps[step].op; }
  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;

  const MapsRun& Classic() const { return *m_classic; }
  const SwissRun& Swiss() const { return *m_swiss; }
  /// The side runs as the app's map views take them.
  std::shared_ptr<const MapsRun> ClassicRun() const { return m_classic; }
  std::shared_ptr<const SwissRun> SwissSideRun() const { return m_swiss; }
  /// The side's own step shown at compare step `step` (the last step of the key op).
  std::size_t SideStep(CompareSide s, std::size_t step) const {
    return s == CompareSide::kClassic ? m_steps[step].c : m_steps[step].s;
  }
  /// The side's step before this compare step's key op began (for animation and changes).
  std::size_t SidePrevStep(CompareSide s, std::size_t step) const {
    return step == 0 ? 0 : SideStep(s, step - 1);
  }
  const CompareCounters& Counters(CompareSide s, std::size_t step) const {
    return s == CompareSide::kClassic ? m_steps[step].cc : m_steps[step].sc;
  }
  /// Every growth event, in step order.
  const std::vector<CompareGrowth>& Growths() const { return m_growths; }

 private:
  struct Pair {
    std::size_t c = 0, s = 0;
    int op = -1;
    CompareCounters cc, sc;
  };
  std::shared_ptr<MapsRun> m_classic;
  std::shared_ptr<SwissRun> m_swiss;
  std::vector<Pair> m_steps;
  std::vector<CompareGrowth> m_growths;
};

/// The values config.compare accepts, in order.
inline constexpr const char* kCompareModels[2] = {"classic", "swiss"};

}  // namespace gs::maps
