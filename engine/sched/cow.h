// Copy-on-write chunked containers: a State copy (a Timeline keyframe) shares unchanged chunks,
// so 10,000 goroutines cost memory once, not once per keyframe. Semantics are plain values.
// Hashing is incremental: each chunk contributes Mix(index, hash of its items) to a sum, and
// only chunks written since the last hash are rehashed.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/core/hash.h"

namespace gs::sched {

namespace cow_detail {
inline std::uint64_t Mix(std::uint64_t index, std::uint64_t h) {
  std::uint64_t z = h ^ (index * 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return (z ^ (z >> 31)) | 1;  // never 0: 0 marks "not counted"
}

/// The per-container bookkeeping of chunk contributions.
class SumHash {
 public:
  void Grow(std::size_t chunks) { m_contrib.resize(chunks, 0); }
  void Insert(std::size_t at) {
    m_contrib.insert(m_contrib.begin() + std::ptrdiff_t(at), 0);
    Shift();
  }
  void EraseFront() {
    m_sum -= m_contrib.front();
    m_contrib.erase(m_contrib.begin());
    Shift();
  }
  void Clear() {
    m_contrib.clear();
    m_sum = 0;
  }
  /// Chunk c is about to change: drop its contribution.
  void Touch(std::size_t c) {
    if (m_contrib[c] != 0) {
      m_sum -= m_contrib[c];
      m_contrib[c] = 0;
    }
  }
  template <class HashChunk>
  std::uint64_t Sum(HashChunk hash_chunk) const {
    for (std::size_t c = 0; c < m_contrib.size(); ++c) {
      if (m_contrib[c] == 0) {
        m_contrib[c] = Mix(c, hash_chunk(c));
        m_sum += m_contrib[c];
      }
    }
    return m_sum;
  }

 private:
  // Indexes moved: every contribution must be recomputed.
  void Shift() {
    for (auto& c : m_contrib) c = 0;
    m_sum = 0;
  }
  mutable std::vector<std::uint64_t> m_contrib;
  mutable std::uint64_t m_sum = 0;
};
}  // namespace cow_detail

template <class T, std::size_t kChunk = 64>
class CowVector {
 public:
  std::size_t size() const { return m_size; }
  bool empty() const { return m_size == 0; }
  const T& operator[](std::size_t i) const { return m_chunks[i / kChunk]->items[i % kChunk]; }
  /// A writable element; clones its chunk first when another state shares it.
  T& Mut(std::size_t i) { return Own(i / kChunk).items[i % kChunk]; }
  void push_back(const T& v) {
    if (m_size % kChunk == 0) {
      m_chunks.push_back(std::make_shared<Chunk>());
      m_sum.Grow(m_chunks.size());
    }
    Own(m_size / kChunk).items[m_size % kChunk] = v;
    ++m_size;
  }
  /// Hashes every element with `fn(Hasher&, const T&)`; unchanged chunks reuse their hash.
  template <class Fn>
  void HashInto(Hasher& h, Fn fn) const {
    h.Add(m_size);
    h.Add(m_sum.Sum([&](std::size_t c) {
      Hasher part;
      for (const T& v : m_chunks[c]->items) fn(part, v);
      return part.Value();
    }));
  }

 private:
  struct Chunk {
    std::array<T, kChunk> items{};
  };
  Chunk& Own(std::size_t c) {
    auto& p = m_chunks[c];
    if (p.use_count() > 1) p = std::make_shared<Chunk>(*p);
    m_sum.Touch(c);
    return *p;
  }
  std::vector<std::shared_ptr<Chunk>> m_chunks;
  std::size_t m_size = 0;
  cow_detail::SumHash m_sum;
};

/// A FIFO of goroutine ids (the global run queue) with push at both ends.
class CowQueue {
 public:
  static constexpr std::size_t kChunk = 256;
  std::size_t size() const { return m_count; }
  bool empty() const { return m_count == 0; }
  std::int32_t operator[](std::size_t i) const {
    std::size_t pos = m_head + i;
    return m_chunks[pos / kChunk]->items[pos % kChunk];
  }
  void push_back(std::int32_t v) {
    std::size_t pos = m_head + m_count;
    if (pos / kChunk >= m_chunks.size()) {
      m_chunks.push_back(std::make_shared<Chunk>());
      m_sum.Grow(m_chunks.size());
    }
    Own(pos / kChunk).items[pos % kChunk] = v;
    ++m_count;
  }
  void push_front(std::int32_t v) {
    if (m_head == 0) {
      m_chunks.insert(m_chunks.begin(), std::make_shared<Chunk>());
      m_sum.Insert(0);
      m_head = kChunk;
    }
    --m_head;
    Own(m_head / kChunk).items[m_head % kChunk] = v;
    ++m_count;
  }
  std::int32_t pop_front() {
    std::int32_t v = (*this)[0];
    ++m_head;
    --m_count;
    if (m_count == 0) {
      m_chunks.clear();
      m_sum.Clear();
      m_head = 0;
    } else if (m_head >= kChunk) {
      m_chunks.erase(m_chunks.begin());
      m_sum.EraseFront();
      m_head -= kChunk;
    }
    return v;
  }
  /// Hashes the live entries' chunks (stale slots before the head are deterministic too).
  void HashInto(Hasher& h) const {
    h.Add(m_count);
    h.Add(m_head);
    h.Add(m_sum.Sum([&](std::size_t c) {
      Hasher part;
      part.Bytes(m_chunks[c]->items.data(), sizeof(std::int32_t) * kChunk);
      return part.Value();
    }));
  }

 private:
  struct Chunk {
    std::array<std::int32_t, kChunk> items{};
  };
  Chunk& Own(std::size_t c) {
    auto& p = m_chunks[c];
    if (p.use_count() > 1) p = std::make_shared<Chunk>(*p);
    m_sum.Touch(c);
    return *p;
  }
  std::vector<std::shared_ptr<Chunk>> m_chunks;
  std::size_t m_head = 0;  // index of the first element in m_chunks[0]
  std::size_t m_count = 0;
  cow_detail::SumHash m_sum;
};

}  // namespace gs::sched
