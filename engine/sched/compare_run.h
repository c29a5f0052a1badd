// ConcurrencyRun: kind "concurrency" — the same workload written twice in the goroutine program
// language, once with actors (mailboxes, supervisors) and once in CSP style (channels, select,
// close), each run on its own instance of the one scheduler, and stepped together in
// simulated time. The counters the compare shows are computed here, never in the view.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/core/checker.h"
#include "engine/sched/sched_run.h"

namespace gs::sched {

enum class Side : std::uint8_t { kActors = 0, kCsp = 1 };

/// What one side's state says about the workload after a step.
struct SideCounters {
  std::int64_t in_flight = 0;   ///< sent, not yet taken: mailboxes; or buffers + blocked senders
  std::int64_t max_queue = 0;   ///< the longest mailbox / fullest channel buffer so far
  std::int64_t blocked_us = 0;  ///< senders' time parked in a send or an ask, so far
  std::int64_t lost = 0;        ///< lost in crashes, dead letters, or with the program (panic)
  std::int64_t delivered = 0;   ///< taken by a receive / a channel receive
  std::int64_t restarts = 0;    ///< supervisor restarts
  bool ended = false;           ///< the program ended (exit, panic or deadlock)
  bool panicked = false;
};

/// Notable moments of the compare: what the step shows about the trade-off (a bit set).
enum Tradeoff : std::uint32_t {
  kTradeNone = 0,
  kBuildUp = 1u << 0,         ///< a mailbox reached a new maximum: nothing pushes back
  kBackPressure = 1u << 1,    ///< a CSP sender parked: the channel slows the producer down
  kCrashRestarted = 1u << 2,  ///< an actor crashed and its supervisor restarted it
  kCrashDown = 1u << 3,       ///< an actor crashed and stays down
  kPanicEnds = 1u << 4,       ///< a goroutine's panic ended the whole CSP program
  kRecovered = 1u << 5,       ///< a deferred recover ended only one goroutine
  kDeadLetter = 1u << 6,      ///< a message to a down actor was lost
};

class ConcurrencyRun final : public Run {
 public:
  ConcurrencyRun(Envelope env, std::shared_ptr<const Program> actors,
                 std::shared_ptr<const Program> csp, LocalizedText workload);

  /// Builds both sides' timelines, then merges them by (script op, time).
  StepResult Build();

  std::size_t StepCount() const override { return m_steps.size(); }
  std::uint64_t Hash(std::size_t step) const override;
  int OpIndex(std::size_t step) const override { return m_steps[step].op; }
  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override { return m_steps[step].trade != kTradeNone; }

  const SchedRun& SideRun(Side s) const { return s == Side::kActors ? *m_actors : *m_csp; }
  /// The side's own step shown at compare step `step`.
  std::size_t SideStep(Side s, std::size_t step) const {
    return s == Side::kActors ? m_steps[step].a : m_steps[step].c;
  }
  /// True when the side moved at `step` (its picture changed).
  bool Advanced(Side s, std::size_t step) const;
  const SideCounters& Counters(Side s, std::size_t step) const {
    return s == Side::kActors ? m_counters_a[m_steps[step].a] : m_counters_c[m_steps[step].c];
  }
  std::uint32_t TradeoffAt(std::size_t step) const { return m_steps[step].trade; }
  const LocalizedText& Workload() const { return m_workload; }

 private:
  struct Pair {
    std::size_t a = 0, c = 0;
    int op = 0;
    std::uint32_t trade = kTradeNone;
  };
  std::uint32_t Classify(Side s, std::size_t side_step) const;
  /// The trade-off sentences of compare step `step`.
  LocalizedText TradeText(std::size_t step) const;

  std::shared_ptr<SchedRun> m_actors, m_csp;
  LocalizedText m_workload;
  std::vector<Pair> m_steps;
  std::vector<SideCounters> m_counters_a, m_counters_c;  // by the side's own step
};

/// Loads kind "concurrency": "workload", "actors" and "csp" (each a goroutine program: funcs,
/// chans, and on the actor side actors and supervisors); the script has only run ops.
std::shared_ptr<const Run> LoadConcurrency(Envelope env, const Json& root, gs::Checker& checker);
/// A small valid compare scenario (gopherscope new).
const char* ConcurrencyStarterScenario();

}  // namespace gs::sched
