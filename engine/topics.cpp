#include "engine/core/topics.h"

#include "engine/gc/load.h"
#include "engine/io/load.h"
#include "engine/maps/load.h"
#include "engine/pacer/load.h"
#include "engine/sched/compare_run.h"
#include "engine/sched/load.h"
#include "engine/stack/load.h"
#include "engine/syncmap/load.h"

namespace gs {

const std::vector<TopicSpec>& Topics() {
  static const std::vector<TopicSpec> kTopics = {
      {"gc", {"heap"}, &gc::Load, &gc::StarterScenario},
      {"maps", {"map"}, &maps::Load, &maps::StarterScenario},
      {"stack", {"go_source", "types", "globals", "funcs"}, &stack::Load, &stack::StarterScenario},
      {"sched", {"funcs", "chans", "initial"}, &sched::Load, &sched::StarterScenario},
      // Channels and select run on the scheduler's engine and goroutine program language;
      // the kind picks the channel view.
      {"chan", {"funcs", "chans", "initial"}, &sched::Load, &sched::ChanStarterScenario},
      // Actors vs CSP: two goroutine programs on two instances of the one scheduler, stepped
      // together (engine/sched/compare_run.h).
      {"concurrency",
       {"workload", "actors", "csp"},
       &sched::LoadConcurrency,
       &sched::ConcurrencyStarterScenario},
      // The GC pacer: an allocating program under GOGC and GOMEMLIMIT (everything is config
      // and script).
      {"pacer", {}, &pacer::Load, &pacer::StarterScenario},
      // The five IO models and select/poll/epoll: OS threads and kernel socket buffers. Go's
      // netpoller is the scheduler's own (scenarios/io/go-netpoller.json is kind sched).
      {"io", {"fds", "idle_fds", "threads"}, &io::Load, &io::StarterScenario},
      // sync.Map (Go 1.9 to 1.23 read/dirty, 1.24+ HashTrieMap with optional explicit hashes):
      // calls from named goroutines in the script's interleaving.
      {"syncmap", {"goroutines", "hashes"}, &syncmap::Load, &syncmap::StarterScenario},
  };
  return kTopics;
}

}  // namespace gs
