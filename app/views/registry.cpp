// The topic views by scenario kind.
#include "app/views/chan_view.h"
#include "app/views/concurrency_view.h"
#include "app/views/gc_view.h"
#include "app/views/io_view.h"
#include "app/views/maps_compare_view.h"
#include "app/views/maps_view.h"
#include "app/views/pacer_view.h"
#include "app/views/sched_view.h"
#include "app/views/stack_view.h"
#include "app/views/syncmap_view.h"
#include "app/views/topic_view.h"

namespace gs::app {

std::unique_ptr<TopicView> MakeView(std::string_view kind) {
  if (kind == "gc") return std::make_unique<GcView>();
  if (kind == "maps") return std::make_unique<MapsKindView>();  // classic, Swiss or compare
  if (kind == "stack") return std::make_unique<StackView>();
  if (kind == "sched") return std::make_unique<SchedView>();
  if (kind == "chan") return std::make_unique<ChanView>();
  if (kind == "concurrency") return std::make_unique<ConcurrencyView>();
  if (kind == "pacer") return std::make_unique<PacerView>();
  if (kind == "io") return std::make_unique<IoView>();
  if (kind == "syncmap") return std::make_unique<SyncMapView>();
  return nullptr;
}

}  // namespace gs::app
