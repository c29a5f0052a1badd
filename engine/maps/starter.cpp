// The starter scenario that `gopherscope new maps FILE` writes.
#include "engine/maps/load.h"

namespace gs::maps {

const char* StarterScenario() {
  return R"json({
  "$schema": "@SCHEMA@",
  "format": 1,
  "kind": "maps",
  "id": "@ID@",
  "title": {"en": "My first map scenario", "zh": "我的第一个 map 场景"},
  "summary": {
    "en": "Nine keys into a map made without a hint: the ninth doubles it.",
    "zh": "向不带 hint 的 map 插入九个键：第九个让它翻倍。"
  },
  "go_version": "1.19",
  "tags": ["growth"],
  "config": {"seed": 1},
  "map": {"key": "int"},
  "script": [
    {"op": "make", "say": {"en": "m := make(map[int]int)", "zh": "m := make(map[int]int)"}},
    {"op": "insert", "range": {"from": 1, "count": 8}},
    {"op": "insert", "key": 9, "value": 90, "say": {"en": "The ninth key: watch hashGrow.", "zh": "第九个键：看 hashGrow。"}},
    {"op": "lookup", "key": 5}
  ]
}
)json";
}

}  // namespace gs::maps
