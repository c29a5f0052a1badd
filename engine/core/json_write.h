// Compact JSON text appended to a string: the bytes Json::dump() gives, written without its
// per-byte UTF-8 decoding, so a --json trace of 10^6 steps spends its time on the steps and
// not on escaping. Input strings are UTF-8 (the loader's parser and the engine's own text).
#pragma once

#include <string>
#include <string_view>

#include "engine/core/json_source.h"

namespace gs {

/// `s` as a JSON string literal, escaped as Json::dump() escapes it (", \, \b \f \n \r \t,
/// other control characters as \u00xx; everything else, UTF-8 included, as is).
void AppendJsonString(std::string& out, std::string_view s);

/// `v` as Json::dump() (no indent) writes it.
void AppendJson(std::string& out, const Json& v);

}  // namespace gs
