#include "app/views/gc_layout.h"

#include <algorithm>
#include <deque>
#include <numeric>

namespace gs::app {

GcLayout ComputeGcLayout(const gc::Program& p) {
  using gc::kNil;
  const std::size_t n = p.objects.size();
  // Every edge that exists at the start or that the script creates.
  std::vector<std::vector<std::int32_t>> out(n);
  std::vector<std::vector<std::int32_t>> from_root(p.roots.size());
  for (std::size_t i = 0; i < n; ++i) {
    for (auto t : p.initial_fields[i]) {
      if (t != kNil) out[i].push_back(t);
    }
  }
  for (std::size_t r = 0; r < p.roots.size(); ++r) {
    for (auto t : p.roots[r].slots) {
      if (t != kNil) from_root[r].push_back(t);
    }
  }
  for (const gc::Op& op : p.ops) {
    if (op.code == gc::OpCode::kWrite && op.to != kNil) out[std::size_t(op.obj)].push_back(op.to);
    if ((op.code == gc::OpCode::kSetRoot && op.to != kNil) || op.code == gc::OpCode::kAlloc) {
      std::int32_t t = op.code == gc::OpCode::kAlloc ? op.obj : op.to;
      if (op.root != kNil && t != kNil) from_root[std::size_t(op.root)].push_back(t);
    }
  }
  // Depth: shortest distance from a root (objects named by roots are depth 1).
  std::vector<int> depth(n, -1);
  std::vector<float> parent_sum(n, 0), parent_cnt(n, 0);
  std::deque<std::int32_t> work;
  GcLayout l;
  l.root_y.resize(p.roots.size());
  for (std::size_t r = 0; r < p.roots.size(); ++r) {
    l.root_y[r] = float(r);
    for (auto t : from_root[r]) {
      parent_sum[std::size_t(t)] += float(r);
      parent_cnt[std::size_t(t)] += 1;
      if (depth[std::size_t(t)] < 0) {
        depth[std::size_t(t)] = 1;
        work.push_back(t);
      }
    }
  }
  while (!work.empty()) {
    auto o = work.front();
    work.pop_front();
    for (auto t : out[std::size_t(o)]) {
      if (depth[std::size_t(t)] < 0) {
        depth[std::size_t(t)] = depth[std::size_t(o)] + 1;
        work.push_back(t);
      }
    }
  }
  int max_depth = 1;
  for (int d : depth) max_depth = std::max(max_depth, d);
  // Objects nothing reaches go to a column of their own on the right, and are laid out by
  // their own edges (a cycle stays together).
  for (std::size_t i = 0; i < n; ++i) {
    if (depth[i] < 0) depth[i] = max_depth + 1;
  }
  int columns = 0;
  for (int d : depth) columns = std::max(columns, d);
  l.columns = float(std::max(columns, 1));
  l.obj_x.assign(n, 0);
  l.obj_y.assign(n, 0);
  // Order each column by the mean row of its parents (fewer crossings), then by declaration.
  std::vector<float> row(n, 0);
  for (int d = 1; d <= columns; ++d) {
    std::vector<std::int32_t> col;
    for (std::size_t i = 0; i < n; ++i) {
      if (depth[i] == d) col.push_back(std::int32_t(i));
    }
    // Parents' rows summed over the previous column's edges once (O(edges), not
    // O(column × heap): a 10,000-object heap has columns of thousands).
    std::vector<float> sum(n, 0), cnt(n, 0);
    if (d == 1) {
      sum = parent_sum;
      cnt = parent_cnt;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (depth[i] != d - 1) continue;
      for (auto t : out[i]) {
        sum[std::size_t(t)] += row[i];
        cnt[std::size_t(t)] += 1;
      }
    }
    std::vector<float> key(n, 0);
    for (auto o : col) {
      const std::size_t k = std::size_t(o);
      key[k] = cnt[k] > 0 ? sum[k] / cnt[k] : 1e6f + float(o);
    }
    std::stable_sort(col.begin(), col.end(),
                     [&](auto a, auto b) { return key[std::size_t(a)] < key[std::size_t(b)]; });
    for (std::size_t k = 0; k < col.size(); ++k) {
      row[std::size_t(col[k])] = float(k);
      l.obj_x[std::size_t(col[k])] = float(d);
      l.obj_y[std::size_t(col[k])] = float(k);
    }
    l.rows = std::max(l.rows, float(col.size()));
  }
  l.rows = std::max(l.rows, float(p.roots.size()));
  // Centre short columns vertically.
  l.col_count.assign(n, 0);
  for (int d = 1; d <= columns; ++d) {
    float count = 0;
    for (std::size_t i = 0; i < n; ++i) count += depth[i] == d ? 1.0f : 0.0f;
    const float shift = (l.rows - count) * 0.5f;
    for (std::size_t i = 0; i < n; ++i) {
      if (depth[i] == d) {
        l.obj_y[i] += shift;
        l.col_count[i] = count;
      }
    }
  }
  const float root_shift = (l.rows - float(p.roots.size())) * 0.5f;
  for (float& y : l.root_y) y += root_shift;
  // Authors may pin positions ([column, row] in the same units).
  for (std::size_t i = 0; i < n; ++i) {
    if (p.objects[i].pinned) {
      l.col_count[i] = 0;
      l.obj_x[i] = p.objects[i].x;
      l.obj_y[i] = p.objects[i].y;
      l.columns = std::max(l.columns, p.objects[i].x);
      l.rows = std::max(l.rows, p.objects[i].y + 1);
    }
  }
  return l;
}

}  // namespace gs::app
