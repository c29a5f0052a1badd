#include "engine/gc/invariants.h"

#include <deque>

namespace gs::gc {

InvariantReport CheckInvariants(const State& s) {
  InvariantReport r;
  auto live_white = [&](std::int32_t o) {
    return o != kNil && s.objects[std::size_t(o)].live &&
           s.objects[std::size_t(o)].color == Color::kWhite;
  };
  for (std::size_t i = 0; i < s.roots.size(); ++i) {
    const Root& root = s.roots[i];
    if (!root.scanned) continue;
    for (std::size_t k = 0; k < root.slots.size(); ++k) {
      if (live_white(root.slots[k])) {
        r.strong.push_back({true, std::int32_t(i), std::int32_t(k), root.slots[k]});
      }
    }
  }
  for (std::size_t i = 0; i < s.objects.size(); ++i) {
    const Object& o = s.objects[i];
    if (!o.live || o.color != Color::kBlack) continue;
    for (std::size_t f = 0; f < o.fields.size(); ++f) {
      if (live_white(o.fields[f])) {
        r.strong.push_back({false, std::int32_t(i), std::int32_t(f), o.fields[f]});
      }
    }
  }
  if (r.strong.empty()) return r;

  // White objects reachable from a grey source through white objects only.
  std::vector<char> protected_white(s.objects.size(), 0);
  std::deque<std::int32_t> work;
  auto seed = [&](std::int32_t o) {
    if (live_white(o) && !protected_white[std::size_t(o)]) {
      protected_white[std::size_t(o)] = 1;
      work.push_back(o);
    }
  };
  for (const Root& root : s.roots) {
    if (root.scanned) continue;
    for (std::int32_t t : root.slots) seed(t);
  }
  for (const Object& o : s.objects) {
    if (o.live && o.color == Color::kGrey) {
      for (std::int32_t t : o.fields) seed(t);
    }
  }
  // A pointer waiting in a write-barrier buffer will be greyed by wbBufFlush1: it is
  // already protected.
  for (const WbRecord& rec : s.wb_buf) seed(rec.obj);
  while (!work.empty()) {
    std::int32_t o = work.front();
    work.pop_front();
    for (std::int32_t t : s.objects[std::size_t(o)].fields) seed(t);
  }
  for (const EdgeRef& e : r.strong) {
    if (!protected_white[std::size_t(e.to)]) r.weak.push_back(e);
  }
  return r;
}

// The program can still follow a pointer into an object a sweep freed (that is what makes
// it dangling), so reachability walks through freed objects too: whether a lost object is
// reported must not depend on the order the sweep visits objects in.
static bool Traversable(const Object& o) {
  return o.live || o.freed;
}

std::vector<std::int32_t> PathFromRoots(const State& s, std::int32_t target) {
  // Breadth-first from every root; parent[o] = object it was reached from, or -(root+2).
  constexpr std::int32_t kUnseen = -1;
  std::vector<std::int32_t> parent(s.objects.size(), kUnseen);
  std::deque<std::int32_t> work;
  for (std::size_t r = 0; r < s.roots.size(); ++r) {
    for (std::int32_t t : s.roots[r].slots) {
      if (t == kNil || parent[std::size_t(t)] != kUnseen) continue;
      if (!Traversable(s.objects[std::size_t(t)])) continue;
      parent[std::size_t(t)] = -(std::int32_t(r) + 2);
      work.push_back(t);
    }
  }
  while (!work.empty()) {
    std::int32_t o = work.front();
    work.pop_front();
    if (o == target) break;
    for (std::int32_t t : s.objects[std::size_t(o)].fields) {
      if (t == kNil || parent[std::size_t(t)] != kUnseen) continue;
      if (!Traversable(s.objects[std::size_t(t)])) continue;
      parent[std::size_t(t)] = o;
      work.push_back(t);
    }
  }
  if (parent[std::size_t(target)] == kUnseen) return {};
  std::vector<std::int32_t> rev;
  std::int32_t cur = target;
  while (cur >= 0) {
    rev.push_back(cur);
    cur = parent[std::size_t(cur)];
  }
  std::vector<std::int32_t> path;
  path.push_back(-cur - 2);  // the root
  path.insert(path.end(), rev.rbegin(), rev.rend());
  return path;
}

}  // namespace gs::gc
