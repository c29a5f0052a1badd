#include "engine/core/trace.h"

#include <cinttypes>
#include <cstdio>
#include <string>

#include "engine/core/json_write.h"

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
  // Each line is written straight into one reused buffer, keys in the order Json::dump()
  // gives an object (sorted), so the bytes are those of dumping the same object.
  std::string line;
  for (std::size_t i = 0; i < run.StepCount(); ++i) {
    const Narration n = run.Narrate(i);
    line.clear();
    line += "{\"events\":";
    AppendJson(line, run.EventsJson(i));
    line += ",\"func\":";
    AppendJsonString(line, n.func);
    line += ",\"hash\":\"";
    line += Hex(run.Hash(i));
    line += "\",\"op\":";
    line += std::to_string(run.OpIndex(i));
    line += ",\"say\":";
    AppendJsonString(line, n.text.Get(lang));
    line += ",\"state\":";
    AppendJson(line, run.StateSummary(i));
    line += ",\"step\":";
    line += std::to_string(i);
    line += "}\n";
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
}

}  // namespace gs
