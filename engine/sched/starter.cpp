#include "engine/sched/compare_run.h"
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

const char* ConcurrencyStarterScenario() {
  return R"({
  "$schema": "@SCHEMA@",
  "format": 1,
  "kind": "concurrency",
  "id": "@ID@",
  "title": {"en": "My first actors vs CSP compare", "zh": "我的第一个 actor 与 CSP 对比"},
  "summary": {
    "en": "main hands 1, 2, 3 to a counter: by tell and ask, or over channels.",
    "zh": "main 把 1、2、3 交给计数者：用 tell 和 ask，或者通过通道。"
  },
  "go_version": "1.19",
  "tags": ["actors", "CSP"],
  "config": {"gomaxprocs": 1},
  "workload": {"en": "main sends 1, 2, 3 to a counter, then asks for the sum.",
               "zh": "main 把 1、2、3 发给计数者，然后询问总和。"},
  "actors": {
    "actors": {"counter": {"func": "count"}},
    "funcs": {
      "main": [
        {"do": "var", "name": "total", "type": "int"},
        {"do": "spawn", "actor": "counter"},
        {"do": "tell", "to": "counter", "value": 1},
        {"do": "tell", "to": "counter", "value": 2},
        {"do": "tell", "to": "counter", "value": 3},
        {"do": "ask", "to": "counter", "value": 0, "into": "total"},
        {"do": "print", "value_of": "total"}
      ],
      "count": [
        {"do": "var", "name": "sum", "type": "int"},
        {"do": "var", "name": "m", "type": "int"},
        {"do": "forever", "body": [
          {"do": "receive", "into": "m"},
          {"do": "run", "us": 10},
          {"do": "add", "local": "sum", "value_of": "m"},
          {"do": "reply", "value_of": "sum"}
        ]}
      ]
    }
  },
  "csp": {
    "chans": {"nums": {"cap": 1}, "total": {"cap": 0}},
    "funcs": {
      "main": [
        {"do": "var", "name": "t", "type": "int"},
        {"do": "go", "func": "count", "name": "counter"},
        {"do": "send", "ch": "nums", "value": 1},
        {"do": "send", "ch": "nums", "value": 2},
        {"do": "send", "ch": "nums", "value": 3},
        {"do": "close", "ch": "nums"},
        {"do": "recv", "ch": "total", "into": "t"},
        {"do": "print", "value_of": "t"}
      ],
      "count": [
        {"do": "var", "name": "sum", "type": "int"},
        {"do": "var", "name": "m", "type": "int"},
        {"do": "for_range", "ch": "nums", "into": "m", "body": [
          {"do": "run", "us": 10},
          {"do": "add", "local": "sum", "value_of": "m"}
        ]},
        {"do": "send", "ch": "total", "value_of": "sum"}
      ]
    }
  },
  "script": [
    {"op": "run", "say": {"en": "Which side makes main wait?", "zh": "哪一边让 main 等待？"}}
  ]
}
)";
}

}  // namespace gs::sched
