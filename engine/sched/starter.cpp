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

const char* ChanStarterScenario() {
  return R"({
  "$schema": "@SCHEMA@",
  "format": 1,
  "kind": "chan",
  "id": "@ID@",
  "title": {"en": "My first channel scenario", "zh": "我的第一个通道场景"},
  "summary": {
    "en": "main sends three values into a buffered channel of two and a worker drains it.",
    "zh": "main 向容量为 2 的缓冲通道发送三个值，一个 worker 把它取空。"
  },
  "go_version": "1.19",
  "tags": ["channels"],
  "config": {"gomaxprocs": 1},
  "chans": {"jobs": {"cap": 2, "elem": "int"}},
  "funcs": {
    "main": [
      {"do": "go", "func": "worker", "name": "worker"},
      {"do": "send", "ch": "jobs", "value": 1},
      {"do": "send", "ch": "jobs", "value": 2},
      {"do": "send", "ch": "jobs", "value": 3},
      {"do": "close", "ch": "jobs"},
      {"do": "wait", "for": "worker"}
    ],
    "worker": [
      {"do": "var", "name": "v", "type": "int"},
      {"do": "for_range", "ch": "jobs", "into": "v", "body": [
        {"do": "print", "value_of": "v"}
      ]}
    ]
  },
  "script": [
    {"op": "run", "say": {"en": "Which send blocks?", "zh": "哪一次发送会阻塞？"}}
  ]
}
)";
}

}  // namespace gs::sched
