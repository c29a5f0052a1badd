// Record by demonstration for stacks: what the script can do next from a state (call, return,
// declare) and the op that does it, in the form docs/stack.md documents. The rules are the
// loader's (load.cpp ReadScript), asked of the state a new op would start from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/json_source.h"
#include "engine/stack/program.h"
#include "engine/stack/state.h"

namespace gs::stack {

/// A function the running code can call: directly, or through a func value holding it.
struct CallChoice {
  std::string func;             ///< as the op names it, e.g. "a", "fmt.Println"
  std::int32_t callee = kNone;  ///< Program::funcs (kNone: fmt.Println, not in the program yet)
  std::string via;              ///< the func-typed variable holding the closure ("" = direct)
  bool println = false;         ///< fmt.Println: variadic, takes variables only
};

enum class Where : std::uint8_t {
  kNotStarted,  ///< no frame yet: the next op starts the goroutine (a call of main)
  kRunning,
  kFinished,  ///< the first function returned into goexit
  kCrashed,   ///< fatal "stack overflow": nothing runs after it
};

struct Actions {
  Where where = Where::kNotStarted;
  std::int32_t func = kNone;  ///< the running (innermost) function
  bool bottom = false;        ///< its frame is the goroutine's first: returning ends the goroutine
  std::vector<CallChoice> calls;
  std::vector<std::int32_t> undeclared;  ///< locals of `func` its frame has not declared yet
};

/// What a new op may do, starting from `s` (the state after the last op kept).
Actions AvailableActions(const Program& p, const State& s);

/// Where `choice`'s result can go ("into"): the running function's variables of the result
/// type (a local not declared yet is declared by the call: x := f()) and globals of that type.
std::vector<std::string> IntoChoices(const Program& p, const State& s, const CallChoice& choice);

/// The text a value field starts with for a `t`: its zero value ("0", "nil"), or for types the
/// value syntax has no literal for (string, arrays, structs) a declared variable of that type
/// the running function can name; "" when there is none.
std::string DefaultValueText(const Program& p, const State& s, const Type& t);

/// A value as typed: an integer becomes a JSON number; "nil", "x", "&x", "*p", "x+1" stay
/// text (surrounding spaces trimmed); "" gives null (no value).
Json ValueFromText(std::string_view text);

/// {"op": "call", "func", "args", "into", "via"}: args, into and via only when given.
Json CallOp(const CallChoice& c, const std::vector<Json>& args, const std::string& into);
/// {"op": "return", "value"}: no value when `value` is null.
Json ReturnOp(const Json& value);
/// {"op": "declare", "var", "value"}: the zero value (no "value") when `value` is null.
Json DeclareOp(const std::string& var, const Json& value);

}  // namespace gs::stack
