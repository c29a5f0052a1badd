// The starter scenario that `gopherscope new io FILE` writes.
#include "engine/io/load.h"

namespace gs::io {

const char* StarterScenario() {
  return R"json({
  "$schema": "@SCHEMA@",
  "format": 1,
  "kind": "io",
  "id": "@ID@",
  "title": {"en": "My first IO scenario", "zh": "我的第一个 IO 场景"},
  "summary": {
    "en": "Two connections read with blocking IO and with epoll, side by side.",
    "zh": "两个连接，分别用阻塞 IO 和 epoll 读取，并排比较。"
  },
  "go_version": "1.19",
  "tags": ["io"],
  "config": {"compare": ["bio", "epoll"]},
  "fds": [
    {"id": "a", "arrivals": [{"at": 100, "bytes": 512}]},
    {"id": "b", "arrivals": [{"at": 250, "bytes": 1024}]}
  ],
  "script": [
    {"op": "run", "say": {"en": "Watch both phases of every read.", "zh": "观察每次读的两个阶段。"}}
  ]
}
)json";
}

}  // namespace gs::io
