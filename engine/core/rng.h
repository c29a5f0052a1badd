// The one seeded random source a simulation may use (SplitMix64): no rand(), no clocks.
#pragma once

#include <cstdint>

namespace gs {

struct Rng {
  std::uint64_t state = 0;

  std::uint64_t Next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n); n must be > 0.
  std::uint32_t Below(std::uint32_t n) { return static_cast<std::uint32_t>(Next() % n); }
};

}  // namespace gs
