// The starter scenario that `gopherscope new pacer FILE` writes.
#include "engine/pacer/load.h"

namespace gs::pacer {

const char* StarterScenario() {
  return R"({
  "$schema": "@SCHEMA@",
  "format": 1,
  "kind": "pacer",
  "id": "@ID@",
  "title": {"en": "My first pacer scenario", "zh": "我的第一个步调器场景"},
  "summary": {
    "en": "8 MiB stays live while the program allocates 512 KiB of garbage per tick.",
    "zh": "8 MiB 一直存活，程序每个时间片分配 512 KiB 垃圾。"
  },
  "go_version": "1.19",
  "tags": ["pacer"],
  "config": {"gogc": 100, "live_kib": 8192, "mark_kib_per_tick": 4096},
  "script": [
    {"op": "run", "ticks": 60, "alloc_kib": 512,
     "say": {"en": "The heap grows until it reaches the trigger.", "zh": "堆一直增长到触发点。"}}
  ]
}
)";
}

}  // namespace gs::pacer
