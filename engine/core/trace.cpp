#include "engine/core/trace.h"

#include <cinttypes>
#include <cstdio>

namespace gs {
namespace {

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s;
}

std::string Hex(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

}  // namespace

void WriteTextTrace(const Run& run, Lang lang, std::ostream& out) {
  const Envelope& env = run.Meta();
  out << "# " << env.id << ": " << env.title.Get(lang) << " (" << run.StepCount() - 1
      << " steps)\n";
  for (std::size_t i = 0; i < run.StepCount(); ++i) {
    std::string events;
    for (const auto& line : run.EventLines(i, lang)) {
      if (!events.empty()) events += "; ";
      events += line;
    }
    Narration n = run.Narrate(i);
    out << "step " << i << ": " << (events.empty() ? "-" : events);
    if (!n.func.empty()) out << " [" << n.func << "]";
    out << " | " << OneLine(n.text.Get(lang)) << "\n";
  }
}

void WriteJsonTrace(const Run& run, Lang lang, std::ostream& out) {
  for (std::size_t i = 0; i < run.StepCount(); ++i) {
    Narration n = run.Narrate(i);
    Json j;
    j["step"] = i;
    j["op"] = run.OpIndex(i);
    j["func"] = n.func;
    j["events"] = run.EventsJson(i);
    j["say"] = n.text.Get(lang);
    j["state"] = run.StateSummary(i);
    j["hash"] = Hex(run.Hash(i));
    out << j.dump() << "\n";
  }
}

}  // namespace gs
