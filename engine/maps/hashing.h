// The simulator's key hash: a documented, seeded 64-bit hash with the role of the runtime's
// t.hasher(key, h.hash0) (aeshash/memhash on amd64). It is not the runtime's function; it
// only needs to be uniform and to change with hash0.
//
//   base(int k)    = uint64(k)
//   base(string s) = FNV-1a 64 of the bytes of s
//   hash(k)        = Mix64(base(k) XOR hash0)       Mix64 = the SplitMix64 finalizer
//
// A scenario may give a key an explicit hash instead ("hashes"); that value is used as is,
// under every hash0, so an author can force collisions, overflow chains and X/Y splits.
#pragma once

#include <cstdint>
#include <string_view>

namespace gs::maps {

inline std::uint64_t Mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

inline std::uint64_t Fnv1a64(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

inline std::uint64_t SeededHash(std::uint64_t base, std::uint64_t hash0) {
  return Mix64(base ^ hash0);
}

}  // namespace gs::maps
