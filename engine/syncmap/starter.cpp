// The starter scenario that `gopherscope new syncmap FILE` writes.
#include "engine/syncmap/load.h"

namespace gs::syncmap {

const char* StarterScenario() {
  return R"json({
  "$schema": "@SCHEMA@",
  "format": 1,
  "kind": "syncmap",
  "id": "@ID@",
  "title": {"en": "My first sync.Map scenario", "zh": "我的第一个 sync.Map 场景"},
  "summary": {
    "en": "g1 stores a key, g2 loads it twice: the first load misses read and promotes dirty.",
    "zh": "g1 存一个键，g2 读两次：第一次读未命中 read 并提升 dirty。"
  },
  "go_version": "1.19",
  "goroutines": ["g1", "g2"],
  "script": [
    {"op": "store", "g": "g1", "key": "a", "value": 1},
    {"op": "load", "g": "g2", "key": "a"},
    {"op": "load", "g": "g2", "key": "a"}
  ]
}
)json";
}

}  // namespace gs::syncmap
