#include "engine/core/authoring.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace gs {
namespace {

bool IsScalarValue(const Json& v) {
  return !v.is_object() && !v.is_array();
}

// The envelope in the documented order; in ops, what the op acts on before how (a write's
// "obj" before its "to", a declare's "var" before its "value"), as the docs' tables read.
constexpr std::string_view kKeyOrder[] = {
    "$schema",    "$comment", "format",       "kind",  "id",      "name",     "title",  "summary",
    "go_version", "tags",     "config",       "heap",  "objects", "roots",    "edges",  "script",
    "quiz",       "obj",      "root",         "g",     "from",    "var",      "of",     "func",
    "type",       "key",      "field",        "slot",  "args",    "lit",      "len",    "cap",
    "to",         "value",    "into",         "range", "us",      "until_us", "events", "n",
    "hint",       "depth",    "recurse_args", "via",   "limit"};
constexpr int kKnownKeys = int(std::size(kKeyOrder));

// "op" first, known keys in the order above, then the rest alphabetically, and "say" last.
int KeyRank(const std::string& key) {
  if (key == "op") return -1;
  if (key == "say") return kKnownKeys + 1;
  if (key == "notes") return kKnownKeys + 2;
  auto it = std::find(std::begin(kKeyOrder), std::end(kKeyOrder), key);
  return it == std::end(kKeyOrder) ? kKnownKeys : int(it - std::begin(kKeyOrder));
}

int Depth(const Json& v) {
  if (IsScalarValue(v)) return 0;
  int d = 0;
  for (const Json& x : v) d = std::max(d, Depth(x));
  return d + 1;
}

// A value short and flat enough to stay on one line: [{"id": "A"}, {"id": "B"}] or
// {"op": "write", "obj": "A", "to": "C"}.
bool Inline(const Json& v) {
  if (IsScalarValue(v) || v.empty()) return true;
  return Depth(v) <= 3 && v.dump().size() <= 72;
}

void Write(const Json& v, int indent, std::string& out);

void WriteInline(const Json& v, std::string& out) {
  if (v.is_object()) {
    std::vector<std::string> keys;
    for (auto it = v.begin(); it != v.end(); ++it) keys.push_back(it.key());
    std::stable_sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
      return KeyRank(a) < KeyRank(b);
    });
    out += "{";
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i) out += ", ";
      out += Json(keys[i]).dump() + ": ";
      WriteInline(v.at(keys[i]), out);
    }
    out += "}";
  } else if (v.is_array()) {
    out += "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      WriteInline(v[i], out);
    }
    out += "]";
  } else {
    out += v.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

void Write(const Json& v, int indent, std::string& out) {
  if (Inline(v)) {
    WriteInline(v, out);
    return;
  }
  const std::string pad(std::size_t(indent + 2), ' ');
  const std::string close(std::size_t(indent), ' ');
  if (v.is_object()) {
    std::vector<std::string> keys;
    for (auto it = v.begin(); it != v.end(); ++it) keys.push_back(it.key());
    std::stable_sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
      return KeyRank(a) < KeyRank(b);
    });
    out += "{\n";
    for (std::size_t i = 0; i < keys.size(); ++i) {
      out += pad + Json(keys[i]).dump() + ": ";
      Write(v.at(keys[i]), indent + 2, out);
      out += i + 1 < keys.size() ? ",\n" : "\n";
    }
    out += close + "}";
  } else {
    out += "[\n";
    for (std::size_t i = 0; i < v.size(); ++i) {
      out += pad;
      Write(v[i], indent + 2, out);
      out += i + 1 < v.size() ? ",\n" : "\n";
    }
    out += close + "]";
  }
}

}  // namespace

Json BranchScenario(const Json& scenario, int keep_through, const Json& op) {
  Json out = scenario;
  Json script = Json::array();
  if (scenario.contains("script") && scenario["script"].is_array()) {
    const Json& old = scenario["script"];
    for (int i = 0; i <= keep_through && i < int(old.size()); ++i)
      script.push_back(old[std::size_t(i)]);
  }
  if (op.is_array()) {
    for (const Json& o : op) script.push_back(o);
  } else if (!op.is_null()) {
    script.push_back(op);
  }
  out["script"] = std::move(script);
  // Quiz questions about steps that no longer exist would mislead.
  if (out.contains("quiz")) out.erase("quiz");
  return out;
}

Json BranchScenarioAt(const Json& scenario, const Run& run, std::size_t step, const Json& op) {
  const bool has_script = scenario.contains("script") && scenario["script"].is_array();
  if (step > 0 && step < run.StepCount() && has_script) {
    const int at = run.OpIndex(step);
    if (at >= 0 && std::size_t(at) < scenario["script"].size()) {
      Json cut = run.CutOpAt(scenario["script"][std::size_t(at)], step);
      if (!cut.is_null()) {
        Json ops = Json::array({std::move(cut)});
        if (op.is_array()) {
          for (const Json& o : op) ops.push_back(o);
        } else if (!op.is_null()) {
          ops.push_back(op);
        }
        return BranchScenario(scenario, at - 1, ops);
      }
    }
  }
  return BranchScenario(scenario, BranchPoint(run, step), op);
}

int BranchPoint(const Run& run, std::size_t step) {
  if (step == 0 || step >= run.StepCount())
    return step == 0 ? -1 : run.OpIndex(run.StepCount() - 1);
  return run.OpIndex(step);
}

std::string FormatScenario(const Json& scenario) {
  std::string out;
  Write(scenario, 0, out);
  out += "\n";
  return out;
}

}  // namespace gs
