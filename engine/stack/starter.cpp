// The starter scenario that `gopherscope new stack FILE` writes: a returned &x.
#include "engine/stack/load.h"

namespace gs::stack {

const char* StarterScenario() {
  return R"json({
  "$schema": "@SCHEMA@",
  "format": 1,
  "kind": "stack",
  "id": "@ID@",
  "title": {"en": "My first stack scenario", "zh": "我的第一个栈场景"},
  "summary": {
    "en": "f returns the address of its local x, so x is moved to the heap; main keeps the pointer.",
    "zh": "f 返回局部变量 x 的地址，所以 x 被移到堆上；main 保留这个指针。"
  },
  "go_version": "1.19",
  "go_source": [
    "package main",
    "",
    "//go:noinline",
    "func f() *int {",
    "\tx := 1",
    "\treturn &x",
    "}",
    "",
    "func main() {",
    "\tp := f()",
    "\t*p = 2",
    "}"
  ],
  "funcs": [
    {"name": "main", "line": 9, "locals": [{"name": "p", "type": "*int", "line": 10}]},
    {"name": "f", "line": 4, "result": "*int", "locals": [{"name": "x", "type": "int", "line": 5}]}
  ],
  "script": [
    {"op": "call", "func": "main", "line": 9},
    {"op": "call", "func": "f", "into": "p", "line": 10},
    {"op": "declare", "var": "x", "value": 1, "line": 5,
     "say": {"en": "x's address is returned below, so x cannot live in f's frame.", "zh": "x 的地址会在下面被返回，所以 x 不能放在 f 的栈帧里。"}},
    {"op": "return", "value": "&x", "line": 6},
    {"op": "assign", "var": "*p", "value": 2, "line": 11},
    {"op": "return", "line": 12}
  ]
}
)json";
}

}  // namespace gs::stack
