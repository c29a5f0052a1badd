// The starter scenario that `gopherscope new gc FILE` writes.
#include "engine/gc/load.h"

namespace gs::gc {

const char* StarterScenario() {
  return R"({
  "$schema": "@SCHEMA@",
  "format": 1,
  "kind": "gc",
  "id": "@ID@",
  "title": {"en": "My first marking scenario", "zh": "我的第一个标记场景"},
  "summary": {
    "en": "A global points to A and A points to B. C is garbage from the start.",
    "zh": "全局变量指向 A，A 指向 B。C 从一开始就是垃圾。"
  },
  "go_version": "1.19",
  "tags": ["tri-color"],
  "config": {"barrier": "go"},
  "heap": {
    "objects": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
    "roots": [{"id": "global:g", "refs": ["A"]}],
    "edges": [["A", "B"]]
  },
  "script": [
    {"op": "gc_start", "say": {"en": "A collection starts.", "zh": "一轮回收开始。"}},
    {"op": "mark_all"},
    {"op": "mark_termination"},
    {"op": "sweep", "say": {"en": "Nothing reached C.", "zh": "没有任何东西引用 C。"}}
  ]
}
)";
}

}  // namespace gs::gc
