// The actors-vs-CSP compare view (kind "concurrency"): two panels stepping together. Left:
// the supervision tree over the actors, each with its mailbox as a row of message cells that
// grows and shrinks (lost messages drawn as ghosts at the step they are lost). Right: the CSP
// program's channels with their buffers and the goroutines parked in sendq (blocked senders)
// and recvq. Each side has its counters (from the engine) and its output; the side that
// moved this step is marked, and so is what changed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/views/topic_view.h"
#include "engine/sched/compare_run.h"

namespace gs::app {

class ConcurrencyView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  // For tests: what the last frame drew.
  std::size_t MailboxCells(int actor) const {
    return actor >= 0 && std::size_t(actor) < m_cells.size() ? m_cells[std::size_t(actor)] : 0;
  }
  std::size_t Ghosts() const { return m_ghosts; }
  std::size_t BlockedSenders() const { return m_blocked; }
  bool CrashShown() const { return m_crash_shown; }
  /// Where goroutine `label` of a side was drawn (actors: the actor's box by its name).
  bool HitRect(const std::string& label, ImVec2* min, ImVec2* max) const;

 private:
  struct Hit {
    ImVec2 min, max;
    std::string label;  ///< what a click answers a quiz with (a name or a value)
  };
  void Load(std::size_t step);
  float DrawCounters(const ViewContext& ctx, sched::Side side, ImVec2 a, float x1, float u);
  void DrawActors(const ViewContext& ctx, ImVec2 a, ImVec2 b, float u);
  void DrawCsp(const ViewContext& ctx, ImVec2 a, ImVec2 b, float u);
  float DrawOutput(const ViewContext& ctx, sched::Side side, ImVec2 a, ImVec2 b, float u);
  void AddHit(ImVec2 a, ImVec2 b, const std::string& label);

  std::shared_ptr<const sched::ConcurrencyRun> m_run;
  std::size_t m_loaded = SIZE_MAX;
  sched::State m_a, m_a_prev, m_c, m_c_prev;
  bool m_a_moved = false, m_c_moved = false;
  struct Printed {
    std::size_t step = 0;  ///< the side's own step
    std::string text;
  };
  std::vector<Printed> m_prints[2];
  std::vector<std::string> m_crash;  ///< the CSP side's crash report (once it died)
  std::size_t m_crash_step = SIZE_MAX;
  // Per frame (capacity kept).
  std::vector<Hit> m_hits;
  std::size_t m_hit_count = 0;
  std::vector<std::size_t> m_cells;
  std::size_t m_ghosts = 0, m_blocked = 0;
  bool m_crash_shown = false;
  char m_buf[160] = {};
};

}  // namespace gs::app
