// Helpers shared by tests: the list of built-in scenarios and topic-aware seek checks.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/run.h"
#include "engine/core/scenario.h"
#include "engine/gc/gc_run.h"
#include "engine/io/io_run.h"
#include "engine/maps/compare_run.h"
#include "engine/maps/maps_run.h"
#include "engine/maps/swiss_run.h"
#include "engine/pacer/pacer_run.h"
#include "engine/sched/compare_run.h"
#include "engine/sched/sched_run.h"
#include "engine/stack/stack_run.h"
#include "engine/syncmap/syncmap_run.h"
#include "engine/syncmap/trie_run.h"

namespace gs {

inline std::vector<std::string> BuiltinScenarioFiles() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(GS_SCENARIO_DIR)) {
    if (e.path().extension() != ".json") continue;
    if (e.path().parent_path().filename() == "schema") continue;
    out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The "kind" a scenario file declares, read without building its timeline ("" when the
/// file is not a JSON object with a string kind).
inline std::string DeclaredKind(const std::string& file) {
  std::ifstream in(file);
  const Json j = Json::parse(in, nullptr, false);
  if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string()) return "";
  return j["kind"].get<std::string>();
}

/// Every built-in scenario of `kind`, loaded (a file that fails to load fails the test).
/// Files declaring another kind are skipped before their timelines are built: a view test
/// then builds a few dozen timelines instead of every built-in one.
inline std::vector<std::shared_ptr<const Run>> BuiltinRuns(const std::string& kind) {
  std::vector<std::shared_ptr<const Run>> out;
  for (const std::string& file : BuiltinScenarioFiles()) {
    const std::string declared = DeclaredKind(file);
    if (!declared.empty() && declared != kind) continue;
    LoadResult r = LoadScenarioFile(file);
    EXPECT_TRUE(r.run) << r.diags.FormatAll();
    if (r.run && r.run->Meta().kind == kind) out.push_back(r.run);
  }
  return out;
}

/// "gc_chain" from ".../scenarios/gc/chain.json".
inline std::string ScenarioTestName(const std::string& path) {
  std::filesystem::path p(path);
  std::string name = p.parent_path().filename().string() + "_" + p.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

/// StateAt(n) through keyframes must equal stepping from the initial state n times.
inline bool SeekMatchesReplay(const Run& run) {
  if (auto* gc = dynamic_cast<const gc::GcRun*>(&run)) return gc->GetTimeline().SeekMatchesReplay();
  if (auto* mp = dynamic_cast<const maps::MapsRun*>(&run))
    return mp->GetTimeline().SeekMatchesReplay();
  if (auto* sw = dynamic_cast<const maps::SwissRun*>(&run))
    return sw->GetTimeline().SeekMatchesReplay();
  if (auto* mc = dynamic_cast<const maps::MapsCompareRun*>(&run)) {
    return mc->Classic().GetTimeline().SeekMatchesReplay() &&
           mc->Swiss().GetTimeline().SeekMatchesReplay();
  }
  if (auto* st = dynamic_cast<const stack::StackRun*>(&run))
    return st->GetTimeline().SeekMatchesReplay();
  if (auto* sc = dynamic_cast<const sched::SchedRun*>(&run))
    return sc->GetTimeline().SeekMatchesReplay();
  if (auto* cc = dynamic_cast<const sched::ConcurrencyRun*>(&run)) {
    return cc->SideRun(sched::Side::kActors).GetTimeline().SeekMatchesReplay() &&
           cc->SideRun(sched::Side::kCsp).GetTimeline().SeekMatchesReplay();
  }
  if (auto* pc = dynamic_cast<const pacer::PacerRun*>(&run))
    return pc->GetTimeline().SeekMatchesReplay();
  if (auto* io = dynamic_cast<const io::IoRun*>(&run)) return io->GetTimeline().SeekMatchesReplay();
  if (auto* sm = dynamic_cast<const syncmap::SyncMapRun*>(&run))
    return sm->GetTimeline().SeekMatchesReplay();
  if (auto* tr = dynamic_cast<const syncmap::TrieRun*>(&run))
    return tr->GetTimeline().SeekMatchesReplay();
  return false;  // a new topic must be added here
}

}  // namespace gs
