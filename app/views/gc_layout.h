// A stable layout for the GC view: computed once per scenario from every pointer the
// script will ever create, so nodes never jump between steps.
#pragma once

#include <vector>

#include "engine/gc/program.h"

namespace gs::app {

struct GcLayout {
  /// Positions in layout units: x = column (roots are column 0), y = row.
  std::vector<float> obj_x, obj_y;
  std::vector<float> root_y;
  /// Objects in each object's column (0 for a pinned object): big heaps spread every column
  /// over the full height instead of centring short ones.
  std::vector<float> col_count;
  float columns = 1;  ///< number of object columns (x in 1..columns)
  float rows = 1;     ///< rows in the tallest column
};

GcLayout ComputeGcLayout(const gc::Program& p);

}  // namespace gs::app
