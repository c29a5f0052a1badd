#include "engine/sched/load.h"

namespace gs::sched {

const char* StarterScenario() {
  return R"({
  "$schema": "@SCHEMA@",
  "format": 1,
  "kind": "sched",
  "id": "@ID@",
  "title": {"en": "My first scheduler scenario", "zh": "我的第一个调度器场景"},
  "summary": {
    "en": "main starts three goroutines on one P and waits for them.",
    "zh": "main 在一个 P 上启动三个 goroutine 并等待它们结束。"
  },
  "go_version": "1.19",
  "tags": ["runnext"],
  "config": {"gomaxprocs": 1},
  "funcs": {
    "main": [
      {"do": "go", "func": "work", "name": "w", "repeat": 3},
      {"do": "wait", "for": "w"}
    ],
    "work": [{"do": "run", "us": 10}]
  },
  "script": [
    {"op": "run", "say": {"en": "Which one runs first?", "zh": "哪一个最先运行？"}}
  ]
}
)";
}

}  // namespace gs::sched
