// A 64-bit FNV-1a hasher for state fingerprints (determinism and seek tests).
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

namespace gs {

class Hasher {
 public:
  void Bytes(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) {
      m_h ^= p[i];
      m_h *= 0x100000001b3ULL;
    }
  }
  template <class T>
  requires std::is_integral_v<T> || std::is_enum_v<T>
  void Add(T v) {
    auto wide = static_cast<std::uint64_t>(v);
    Bytes(&wide, sizeof wide);
  }
  void Add(std::string_view s) {
    Add(s.size());
    Bytes(s.data(), s.size());
  }
  std::uint64_t Value() const { return m_h; }

 private:
  std::uint64_t m_h = 0xcbf29ce484222325ULL;
};

}  // namespace gs
