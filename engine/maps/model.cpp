// The classic map's rules, step by step, as runtime/map.go (Go 1.19) has them:
// makemap, mapassign, mapdelete, mapaccess1, mapiterinit/mapiternext, mapclear, hashGrow,
// growWork, evacuate, advanceEvacuationMark, newoverflow, incrnoverflow.
//
// [SECTION] arena and fingerprint
// [SECTION] rules (overLoadFactor, tooManyOverflowBuckets, makemap B, hash)
// [SECTION] growth (hashGrow, growWork, evacuate)
// [SECTION] lookup and invariants
// [SECTION] ops as micro-steps
#include "engine/maps/model.h"

#include <algorithm>
#include <cstring>

#include "engine/maps/hashing.h"

namespace gs::maps {
namespace {

// Phases of an op between two steps (Cursor::phase).
enum Phase : std::uint8_t {
  kPhBegin = 0,    // hash the key (mapassign / mapdelete / mapaccess1 entry)
  kPhGrowWork1,    // growWork: evacuate the old bucket behind the bucket in use
  kPhGrowWork2,    // growWork: evacuate one more at nevacuate
  kPhSearch,       // walk the chain (assign / delete)
  kPhGrowStart,    // hashGrow, then "goto again"
  kPhNewOverflow,  // newoverflow: the chain is full
  kPhWrite,        // store the key / elem
  kPhEmptyRest,    // mapdelete's emptyRest upkeep
  kPhWalk,         // mapaccess1: one bucket of the chain
  kPhIterNext,     // mapiternext
};

// ---------------------------------------------------------------------------------------------
// [SECTION] arena and fingerprint
// ---------------------------------------------------------------------------------------------

// One word into a running fingerprint: non-linear, and 0 stays 0 while only zero words come in.
inline std::uint64_t Fold(std::uint64_t x, std::uint64_t w) {
  x ^= w;
  x *= 0x9e3779b97f4a7c15ULL;
  return x ^ (x >> 29);
}

// A bucket's share of State::fp: 0 for a zeroed bucket (so allocating arrays costs nothing),
// otherwise a mix of its contents and its arena index.
std::uint64_t BucketFp(std::size_t idx, const Bucket& b) {
  std::uint64_t top = 0;
  std::memcpy(&top, b.tophash.data(), sizeof top);
  std::uint64_t x = Fold(0, top);
  x = Fold(x, std::uint64_t(std::uint32_t(b.overflow + 1)));
  std::uint64_t y = 0;
  for (int i = 0; i < kBucketCnt; ++i) {
    x = Fold(x, std::uint64_t(b.keys[std::size_t(i)]));
    y = Fold(y, std::uint64_t(b.elems[std::size_t(i)]));
  }
  if ((x | y) == 0) return 0;
  return Mix64(x ^ Mix64(y + std::uint64_t(idx) * 0xd1b54a32d192ed03ULL));
}

// Every change to a bucket goes through Edit so the fingerprint stays exact.
template <class F>
void Edit(State& s, std::int32_t idx, F&& f) {
  Bucket& b = s.arena[std::size_t(idx)];
  s.fp ^= BucketFp(std::size_t(idx), b);
  f(b);
  s.fp ^= BucketFp(std::size_t(idx), b);
}

// Appends n zeroed buckets (makeBucketArray / newobject); returns the first index.
std::int32_t Alloc(State& s, std::size_t n) {
  std::size_t base = s.arena.size();
  s.arena.resize(base + n);  // zeroed buckets add 0 to the fingerprint
  return std::int32_t(base);
}

// Drops what nothing references any more (oldbuckets after a grow, overflow buckets after a
// clear): the main array first, then each chain in bucket order. O(arena), once per grow.
void Compact(State& s) {
  std::vector<Bucket> next;
  if (s.h.buckets != kNilBucket) {
    std::size_t n = BucketShift(s.h.B);
    next.reserve(n + std::size_t(s.h.noverflow) + 16);
    for (std::size_t i = 0; i < n; ++i) next.push_back(s.arena[std::size_t(s.h.buckets) + i]);
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t prev = i;
      std::int32_t ovf = next[i].overflow;
      while (ovf != kNilBucket) {
        next.push_back(s.arena[std::size_t(ovf)]);
        next[prev].overflow = std::int32_t(next.size() - 1);
        prev = next.size() - 1;
        ovf = next[prev].overflow;
      }
    }
    s.h.buckets = 0;
  }
  s.arena = std::move(next);
  s.fp = Fingerprint(s);
}

// incrnoverflow: exact below B=16, then counted with probability 1/2^(B-15).
bool IncrNoverflow(State& s) {
  if (s.h.B < 16) {
    ++s.h.noverflow;
    return true;
  }
  std::uint32_t mask = (std::uint32_t(1) << (s.h.B - 15)) - 1;
  if ((std::uint32_t(s.rng.Next()) & mask) == 0) {
    ++s.h.noverflow;
    return true;
  }
  return false;
}

// newoverflow: a fresh bucket linked after b.
std::int32_t NewOverflow(State& s, std::int32_t b, bool* counted) {
  std::int32_t ovf = Alloc(s, 1);
  bool c = IncrNoverflow(s);
  if (counted) *counted = c;
  Edit(s, b, [&](Bucket& x) { x.overflow = ovf; });
  return ovf;
}

}  // namespace

std::uint64_t Fingerprint(const State& s) {
  std::uint64_t fp = 0;
  for (std::size_t i = 0; i < s.arena.size(); ++i) fp ^= BucketFp(i, s.arena[i]);
  return fp;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] rules
// ---------------------------------------------------------------------------------------------

bool OverLoadFactor(std::uint64_t count, std::uint8_t B, const Config& cfg) {
  // overLoadFactor: integer division, so at B=0 only count > bucketCnt applies.
  return count > std::uint64_t(kBucketCnt) && count > cfg.lf_num * (BucketShift(B) / cfg.lf_den);
}

bool TooManyOverflowBuckets(std::uint16_t noverflow, std::uint8_t B) {
  // tooManyOverflowBuckets: "If the threshold is too low, we do extraneous work. If the
  // threshold is too high, maps that grow and shrink can hold on to lots of unused memory."
  if (B > 15) B = 15;
  return noverflow >= std::uint16_t(1u << (B & 15));
}

std::uint8_t MakemapB(std::int64_t hint, const Config& cfg) {
  // makemap: for overLoadFactor(hint, B) { B++ }
  std::uint8_t B = 0;
  std::uint64_t n = hint < 0 ? 0 : std::uint64_t(hint);
  while (OverLoadFactor(n, B, cfg)) ++B;
  return B;
}

std::uint64_t KeyHash(const Program& p, std::int64_t key, std::uint64_t hash0) {
  if (p.key_type == KeyType::kString) {
    auto i = std::size_t(key);
    if (p.string_has_explicit[i]) return p.string_explicit[i];
    return SeededHash(p.string_base[i], hash0);
  }
  if (!p.int_explicit.empty()) {
    auto it = p.int_explicit.find(key);
    if (it != p.int_explicit.end()) return it->second;
  }
  return SeededHash(std::uint64_t(key), hash0);
}

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] growth
// ---------------------------------------------------------------------------------------------

// hashGrow: double when over the load factor, else a same-size grow (too many overflow
// buckets). The iterator flag becomes oldIterator: an iterator may still read oldbuckets.
void HashGrow(const Program& p, State& s, std::vector<Event>& out) {
  Hmap& h = s.h;
  std::uint8_t bigger = 1;
  if (!OverLoadFactor(std::uint64_t(h.count + 1), h.B, p.config)) {
    bigger = 0;
    h.flags |= kFlagSameSizeGrow;
  }
  Event e;
  e.kind = EventKind::kGrowStart;
  e.slot = std::uint8_t(bigger == 0);
  e.a = h.count + 1;
  e.b = h.noverflow;
  std::int32_t old = h.buckets;
  std::int32_t fresh = Alloc(s, BucketShift(std::uint8_t(h.B + bigger)));
  std::uint8_t flags = std::uint8_t(h.flags & ~(kFlagIterator | kFlagOldIterator));
  if (h.flags & kFlagIterator) flags |= kFlagOldIterator;
  h.B = std::uint8_t(h.B + bigger);
  h.flags = flags;
  h.oldbuckets = old;
  h.buckets = fresh;
  h.nevacuate = 0;
  h.noverflow = 0;
  e.bucket = h.B;
  out.push_back(e);
}

// advanceEvacuationMark: nevacuate moves past every evacuated old bucket (at most 1024 at a
// time); when it reaches the old bucket count the grow is over and oldbuckets is dropped.
void AdvanceEvacuationMark(State& s, std::uint64_t newbit, std::vector<Event>& out) {
  Hmap& h = s.h;
  ++h.nevacuate;
  std::uint64_t stop = std::min<std::uint64_t>(h.nevacuate + 1024, newbit);
  while (h.nevacuate != stop &&
         Evacuated(s.arena[std::size_t(h.oldbuckets) + std::size_t(h.nevacuate)])) {
    ++h.nevacuate;
  }
  Event e;
  e.kind = EventKind::kNevacuate;
  e.a = std::int64_t(h.nevacuate);
  out.push_back(e);
  if (h.nevacuate == newbit) {
    h.oldbuckets = kNilBucket;
    h.flags = std::uint8_t(h.flags & ~kFlagSameSizeGrow);
    Compact(s);
    Event d;
    d.kind = EventKind::kGrowDone;
    d.a = std::int64_t(newbit);
    out.push_back(d);
  }
}

// evacuate: move every entry of one old bucket (and its overflow chain) to X (same index) or,
// when doubling, to Y (index + newbit) by the hash bit `newbit`; mark each old slot
// evacuatedX / evacuatedY / evacuatedEmpty.
void Evacuate(const Program& p, State& s, std::uint64_t oldbucket, std::vector<Event>& out) {
  Hmap& h = s.h;
  std::int32_t head = h.oldbuckets + std::int32_t(oldbucket);
  std::uint64_t newbit = NoldBuckets(h);
  Event e;
  e.bucket = std::int32_t(oldbucket);
  if (!Evacuated(s.arena[std::size_t(head)])) {
    struct Dst {
      std::int32_t b = kNilBucket;
      int i = 0;
    } xy[2];
    xy[0].b = h.buckets + std::int32_t(oldbucket);
    bool same = SameSizeGrow(h);
    if (!same) xy[1].b = h.buckets + std::int32_t(oldbucket + newbit);
    std::int64_t moved[2] = {0, 0};
    for (std::int32_t b = head; b != kNilBucket; b = s.arena[std::size_t(b)].overflow) {
      for (int i = 0; i < kBucketCnt; ++i) {
        const Bucket& src = s.arena[std::size_t(b)];
        std::uint8_t top = src.tophash[std::size_t(i)];
        if (IsEmpty(top)) {
          Edit(s, b, [&](Bucket& x) { x.tophash[std::size_t(i)] = kEvacuatedEmpty; });
          continue;
        }
        std::int64_t k = src.keys[std::size_t(i)];
        std::int64_t v = src.elems[std::size_t(i)];
        int use_y = 0;
        if (!same && (KeyHash(p, k, h.hash0) & newbit) != 0) use_y = 1;
        Edit(s, b,
             [&](Bucket& x) { x.tophash[std::size_t(i)] = std::uint8_t(kEvacuatedX + use_y); });
        Dst& d = xy[use_y];
        if (d.i == kBucketCnt) {
          d.b = NewOverflow(s, d.b, nullptr);
          d.i = 0;
        }
        Edit(s, d.b, [&](Bucket& x) {
          x.tophash[std::size_t(d.i)] = top;
          x.keys[std::size_t(d.i)] = k;
          x.elems[std::size_t(d.i)] = v;
        });
        ++d.i;
        ++moved[use_y];
      }
    }
    // Unlink the overflow buckets and clear key/elem to help GC: only when the bucket holds
    // pointers (string keys) and no old iterator may still read it.
    if ((h.flags & kFlagOldIterator) == 0 && p.key_type == KeyType::kString) {
      Edit(s, head, [&](Bucket& x) {
        x.keys.fill(kClearedKey);
        x.elems.fill(0);
        x.overflow = kNilBucket;
      });
    }
    e.kind = EventKind::kEvacuate;
    e.slot = std::uint8_t(same);
    e.a = moved[0];
    e.b = std::uint64_t(moved[1]);
  } else {
    e.kind = EventKind::kEvacuateSkip;
  }
  out.push_back(e);
  if (oldbucket == h.nevacuate) AdvanceEvacuationMark(s, newbit, out);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] lookup and invariants
// ---------------------------------------------------------------------------------------------

// mapaccess1's choice of first bucket: the new one, or the old one if not yet evacuated.
std::int32_t AccessBucket(const State& s, std::uint64_t hash, bool* from_old,
                          std::uint64_t* index) {
  const Hmap& h = s.h;
  std::uint64_t m = BucketMask(h.B);
  std::int32_t b = h.buckets + std::int32_t(hash & m);
  *from_old = false;
  *index = hash & m;
  if (h.oldbuckets != kNilBucket) {
    if (!SameSizeGrow(h)) m >>= 1;  // there used to be half as many buckets
    std::int32_t oldb = h.oldbuckets + std::int32_t(hash & m);
    if (!Evacuated(s.arena[std::size_t(oldb)])) {
      *from_old = true;
      *index = hash & m;
      return oldb;
    }
  }
  return b;
}

}  // namespace

Location Lookup(const Program& p, const State& s, std::int64_t key) {
  Location loc;
  if (!s.h.made || s.h.count == 0 || s.h.buckets == kNilBucket) return loc;
  std::uint64_t hash = KeyHash(p, key, s.h.hash0);
  bool from_old = false;
  std::uint64_t index = 0;
  std::uint8_t top = TopHash(hash);
  for (std::int32_t b = AccessBucket(s, hash, &from_old, &index); b != kNilBucket;
       b = s.arena[std::size_t(b)].overflow) {
    const Bucket& x = s.arena[std::size_t(b)];
    for (int i = 0; i < kBucketCnt; ++i) {
      if (x.tophash[std::size_t(i)] != top) {
        if (x.tophash[std::size_t(i)] == kEmptyRest) return loc;
        continue;
      }
      if (x.keys[std::size_t(i)] == key) {
        loc.bucket = b;
        loc.slot = std::uint8_t(i);
        loc.elem = x.elems[std::size_t(i)];
        return loc;
      }
    }
  }
  return loc;
}

InvariantStatus CheckInvariants(const Program& p, const State& s) {
  InvariantStatus st;
  st.checked = true;
  const Hmap& h = s.h;
  if (!h.made || h.buckets == kNilBucket) {
    st.count_ok = h.count == 0;
    return st;
  }
  auto visit_chain = [&](std::int32_t head) {
    for (std::int32_t b = head; b != kNilBucket; b = s.arena[std::size_t(b)].overflow) {
      const Bucket& x = s.arena[std::size_t(b)];
      for (int i = 0; i < kBucketCnt; ++i) {
        if (x.tophash[std::size_t(i)] < kMinTopHash) continue;
        ++st.occupied;
        Location loc = Lookup(p, s, x.keys[std::size_t(i)]);
        if (loc.bucket == kNilBucket) {
          st.lookup_ok = false;
        } else if (loc.bucket != b || loc.slot != i) {
          st.unique_ok = false;  // lookup stops at another slot holding the same key
        }
      }
    }
  };
  for (std::uint64_t i = 0; i < BucketShift(h.B); ++i) visit_chain(h.buckets + std::int32_t(i));
  if (Growing(h)) {
    for (std::uint64_t i = 0; i < NoldBuckets(h); ++i) {
      std::int32_t ob = h.oldbuckets + std::int32_t(i);
      if (!Evacuated(s.arena[std::size_t(ob)])) visit_chain(ob);
    }
  }
  st.count_ok = st.occupied == h.count;
  return st;
}

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] ops as micro-steps
// ---------------------------------------------------------------------------------------------

enum class Progress { kMore, kDone, kError };

class Exec {
 public:
  Exec(const Program& p, State& s, std::vector<Event>& out, bool fold)
      : m_p(p), m_s(s), m_out(out), m_fold(fold) {}

  std::string error;

  // makemap: a new hmap with a fresh hash0; buckets are allocated now only if B > 0.
  void Make(const Op& op) {
    m_s.h = Hmap{};
    m_s.h.made = true;
    m_s.h.hash0 = m_s.rng.Next();
    m_s.h.B = MakemapB(op.hint, m_p.config);
    m_s.arena.clear();
    m_s.fp = 0;
    if (m_s.h.B != 0) m_s.h.buckets = Alloc(m_s, BucketShift(m_s.h.B));
    Event e;
    e.kind = EventKind::kMake;
    e.a = op.hint;
    e.bucket = m_s.h.B;
    e.b = m_s.h.hash0;
    m_out.push_back(e);
  }

  // mapclear: B is kept; oldbuckets, overflow buckets and counters are dropped; hash0 is
  // re-drawn (issue 25237).
  void Clear() {
    Hmap& h = m_s.h;
    if (!h.made || h.count == 0) {
      Push(h.made ? EventKind::kEmptyMap : EventKind::kNilMap, 3);
      return;
    }
    Event e;
    e.kind = EventKind::kClear;
    e.a = h.count;
    h.flags = std::uint8_t(h.flags & ~kFlagSameSizeGrow);
    h.oldbuckets = kNilBucket;
    h.nevacuate = 0;
    h.noverflow = 0;
    h.count = 0;
    h.hash0 = m_s.rng.Next();
    m_s.arena.clear();
    m_s.fp = 0;
    h.buckets = Alloc(m_s, BucketShift(h.B));  // makeBucketArray(t, h.B, h.buckets): zeroed
    e.bucket = h.B;
    m_out.push_back(e);
    Event r;
    r.kind = EventKind::kReseed;
    r.b = h.hash0;
    m_out.push_back(r);
  }

  // mapassign, one phase per call.
  Progress Assign(std::int64_t key, std::int64_t value) {
    Cursor& c = m_s.cur;
    Hmap& h = m_s.h;
    switch (c.phase) {
      case kPhBegin: {
        if (!h.made) {
          error =
              "panic: assignment to entry in nil map (start the script with {\"op\": "
              "\"make\"})";
          return Progress::kError;
        }
        c.key = key;
        c.hash = KeyHash(m_p, key, h.hash0);
        h.flags ^= kFlagHashWriting;
        if (h.buckets == kNilBucket) {
          h.buckets = Alloc(m_s, 1);  // newobject(t.bucket): the first bucket of a B=0 map
          if (!m_fold) Push(EventKind::kAllocBucket, 0);
        }
        if (!m_fold) PushHash();
        c.phase = Growing(h) ? kPhGrowWork1 : kPhSearch;
        return Progress::kMore;
      }
      case kPhGrowWork1:
      case kPhGrowWork2:
        GrowWorkPhase();
        return Progress::kMore;
      case kPhSearch: {
        SearchForAssign();
        if (c.found != kNilBucket) {
          c.phase = kPhWrite;
        } else if (!Growing(h) && (OverLoadFactor(std::uint64_t(h.count + 1), h.B, m_p.config) ||
                                   TooManyOverflowBuckets(h.noverflow, h.B))) {
          c.phase = kPhGrowStart;
        } else {
          c.phase = c.insert == kNilBucket ? kPhNewOverflow : kPhWrite;
        }
        return Progress::kMore;
      }
      case kPhGrowStart:
        HashGrow(m_p, m_s, m_out);
        c.phase = kPhGrowWork1;  // goto again: growing invalidates everything
        return Progress::kMore;
      case kPhNewOverflow: {
        bool counted = false;
        c.insert = NewOverflow(m_s, c.last, &counted);
        c.insert_i = 0;
        c.insert_depth = std::uint16_t(c.last_depth + 1);
        Event e;
        e.kind = EventKind::kNewOverflow;
        e.bucket = std::int32_t(c.hash & BucketMask(h.B));
        e.depth = c.insert_depth;
        e.a = h.noverflow;
        e.slot = std::uint8_t(counted);
        m_out.push_back(e);
        c.phase = kPhWrite;
        return Progress::kMore;
      }
      case kPhWrite: {
        Event e;
        e.bucket = std::int32_t(c.hash & BucketMask(h.B));
        e.a = c.key;
        if (c.found != kNilBucket) {
          Edit(m_s, c.found, [&](Bucket& x) { x.elems[c.found_i] = value; });
          e.kind = EventKind::kUpdate;
          e.slot = c.found_i;
          e.depth = c.found_depth;
          e.b = std::uint64_t(value);
        } else {
          std::uint8_t top = TopHash(c.hash);
          Edit(m_s, c.insert, [&](Bucket& x) {
            x.tophash[c.insert_i] = top;
            x.keys[c.insert_i] = c.key;
            x.elems[c.insert_i] = value;
          });
          ++h.count;
          e.kind = EventKind::kInsert;
          e.slot = c.insert_i;
          e.depth = c.insert_depth;
          e.b = c.hash;
        }
        m_out.push_back(e);
        h.flags = std::uint8_t(h.flags & ~kFlagHashWriting);
        return Progress::kDone;
      }
      default:
        break;
    }
    error = "internal: bad assign phase";
    return Progress::kError;
  }

  // mapdelete, one phase per call.
  Progress Delete(std::int64_t key) {
    Cursor& c = m_s.cur;
    Hmap& h = m_s.h;
    switch (c.phase) {
      case kPhBegin:
        if (!h.made || h.count == 0) {
          if (!m_fold || !h.made) Push(h.made ? EventKind::kEmptyMap : EventKind::kNilMap, 1);
          return Progress::kDone;
        }
        c.key = key;
        c.hash = KeyHash(m_p, key, h.hash0);
        h.flags ^= kFlagHashWriting;
        if (!m_fold) PushHash();
        c.phase = Growing(h) ? kPhGrowWork1 : kPhSearch;
        return Progress::kMore;
      case kPhGrowWork1:
      case kPhGrowWork2:
        GrowWorkPhase();
        return Progress::kMore;
      case kPhSearch:
        return SearchForDelete();
      case kPhEmptyRest:
        MarkEmptyRest();
        FinishDelete();
        return Progress::kDone;
      default:
        break;
    }
    error = "internal: bad delete phase";
    return Progress::kError;
  }

  // mapaccess1: hash and first bucket, then one bucket of the chain per call.
  Progress Access(std::int64_t key) {
    Cursor& c = m_s.cur;
    Hmap& h = m_s.h;
    if (c.phase == kPhBegin) {
      if (!h.made || h.count == 0) {
        Push(h.made ? EventKind::kEmptyMap : EventKind::kNilMap, 0);
        return Progress::kDone;
      }
      c.key = key;
      c.hash = KeyHash(m_p, key, h.hash0);
      PushHash();
      bool from_old = false;
      std::uint64_t index = 0;
      c.walk = AccessBucket(m_s, c.hash, &from_old, &index);
      c.walk_old = from_old;
      c.walk_depth = 0;
      if (from_old) Push(EventKind::kUseOld, 0, std::int32_t(index));
      c.phase = kPhWalk;
      return Progress::kMore;
    }
    // kPhWalk
    std::uint64_t index = c.hash & BucketMask(h.B);
    if (c.walk_old) index &= NoldBuckets(h) - 1;
    const Bucket& x = m_s.arena[std::size_t(c.walk)];
    std::uint8_t top = TopHash(c.hash);
    Event probe;
    probe.kind = EventKind::kProbe;
    probe.bucket = std::int32_t(index);
    std::uint16_t old_bit = c.walk_old ? kOldArrayBit : 0;
    probe.depth = std::uint16_t(c.walk_depth | old_bit);
    for (int i = 0; i < kBucketCnt; ++i) {
      std::uint8_t t = x.tophash[std::size_t(i)];
      if (t != top) {
        if (t == kEmptyRest) {
          probe.slot = 1;
          m_out.push_back(probe);
          Push(EventKind::kNotFound, 0, 0, c.key);
          return Progress::kDone;
        }
        continue;
      }
      ++probe.a;
      if (x.keys[std::size_t(i)] == c.key) {
        m_out.push_back(probe);
        Event f;
        f.kind = EventKind::kFound;
        f.bucket = std::int32_t(index);
        f.depth = std::uint16_t(c.walk_depth | old_bit);
        f.slot = std::uint8_t(i);
        f.a = c.key;
        f.b = std::uint64_t(x.elems[std::size_t(i)]);
        m_out.push_back(f);
        return Progress::kDone;
      }
    }
    m_out.push_back(probe);
    if (x.overflow == kNilBucket) {
      Push(EventKind::kNotFound, 0, 0, c.key);
      return Progress::kDone;
    }
    c.walk = x.overflow;
    ++c.walk_depth;
    return Progress::kMore;
  }

  // mapiterinit, then mapiternext once per call.
  Progress Iterate(const Op& op) {
    Cursor& c = m_s.cur;
    Hmap& h = m_s.h;
    Hiter& it = c.it;
    if (c.phase == kPhBegin) {
      if (!h.made || h.count == 0) {
        Push(h.made ? EventKind::kEmptyMap : EventKind::kNilMap, 2);
        return Progress::kDone;
      }
      // mapiterinit: one random number picks the start bucket and the slot offset.
      std::uint64_t r =
          h.B > 31 - 3 ? m_s.rng.Next() : std::uint64_t(std::uint32_t(m_s.rng.Next()));
      it = Hiter{};
      it.B = h.B;
      it.start_bucket = r & BucketMask(h.B);
      it.offset = std::uint8_t((r >> h.B) & (kBucketCnt - 1));
      it.bucket = it.start_bucket;
      h.flags |= kFlagIterator | kFlagOldIterator;
      Event e;
      e.kind = EventKind::kIterInit;
      e.b = r;
      e.bucket = std::int32_t(it.start_bucket);
      e.slot = it.offset;
      m_out.push_back(e);
      c.phase = kPhIterNext;
      return Progress::kMore;
    }
    if (op.limit >= 0 && it.yielded >= op.limit) {
      Push(EventKind::kIterDone, 1, 0, it.yielded);
      return Progress::kDone;
    }
    if (IterNext()) return Progress::kMore;
    Push(EventKind::kIterDone, 0, 0, it.yielded);
    return Progress::kDone;
  }

 private:
  void Push(EventKind k, std::uint8_t slot = 0, std::int32_t bucket = 0, std::int64_t a = 0) {
    Event e;
    e.kind = k;
    e.slot = slot;
    e.bucket = bucket;
    e.a = a;
    m_out.push_back(e);
  }

  void PushHash() {
    Event e;
    e.kind = EventKind::kHash;
    e.a = m_s.cur.key;
    e.b = m_s.cur.hash;
    e.bucket = std::int32_t(m_s.cur.hash & BucketMask(m_s.h.B));
    e.slot = TopHash(m_s.cur.hash);
    m_out.push_back(e);
  }

  // growWork: evacuate the old bucket behind the bucket about to be used, then one more at
  // nevacuate so the grow always makes progress.
  void GrowWorkPhase() {
    Cursor& c = m_s.cur;
    Hmap& h = m_s.h;
    if (c.phase == kPhGrowWork1) {
      std::uint64_t bucket = c.hash & BucketMask(h.B);
      Evacuate(m_p, m_s, bucket & (NoldBuckets(h) - 1), m_out);
      c.phase = Growing(h) ? kPhGrowWork2 : kPhSearch;
    } else {
      Evacuate(m_p, m_s, h.nevacuate, m_out);
      c.phase = kPhSearch;
    }
  }

  // mapassign's bucketloop: remember the first empty slot, stop at emptyRest, compare keys
  // only where the tophash matches.
  void SearchForAssign() {
    Cursor& c = m_s.cur;
    std::uint64_t index = c.hash & BucketMask(m_s.h.B);
    std::int32_t b = m_s.h.buckets + std::int32_t(index);
    std::uint8_t top = TopHash(c.hash);
    c.found = kNilBucket;
    c.insert = kNilBucket;
    std::uint16_t depth = 0;
    while (true) {
      const Bucket& x = m_s.arena[std::size_t(b)];
      Event probe;
      probe.kind = EventKind::kProbe;
      probe.bucket = std::int32_t(index);
      probe.depth = depth;
      bool stop = false;
      for (int i = 0; i < kBucketCnt && !stop; ++i) {
        std::uint8_t t = x.tophash[std::size_t(i)];
        if (t != top) {
          if (IsEmpty(t) && c.insert == kNilBucket) {
            c.insert = b;
            c.insert_i = std::uint8_t(i);
            c.insert_depth = depth;
          }
          if (t == kEmptyRest) {
            stop = true;
            probe.slot = 1;
          }
          continue;
        }
        ++probe.a;
        if (x.keys[std::size_t(i)] == c.key) {
          c.found = b;
          c.found_i = std::uint8_t(i);
          c.found_depth = depth;
          stop = true;
        }
      }
      if (!m_fold) m_out.push_back(probe);
      c.last = b;
      c.last_depth = depth;
      if (stop || x.overflow == kNilBucket) break;
      b = x.overflow;
      ++depth;
    }
    if (!m_fold) {
      if (c.found != kNilBucket) {
        Event f;
        f.kind = EventKind::kFound;
        f.bucket = std::int32_t(index);
        f.depth = c.found_depth;
        f.slot = c.found_i;
        f.a = c.key;
        f.b = std::uint64_t(m_s.arena[std::size_t(c.found)].elems[c.found_i]);
        m_out.push_back(f);
      } else {
        Push(EventKind::kNotFound, 0, 0, c.key);
      }
    }
  }

  // mapdelete's search: the slot becomes emptyOne (the elem is cleared; the key only when it
  // holds pointers), count drops; emptyRest upkeep follows if the slot ends the used part.
  Progress SearchForDelete() {
    Cursor& c = m_s.cur;
    Hmap& h = m_s.h;
    std::uint64_t index = c.hash & BucketMask(h.B);
    std::uint8_t top = TopHash(c.hash);
    std::uint16_t depth = 0;
    for (std::int32_t b = h.buckets + std::int32_t(index); b != kNilBucket;
         b = m_s.arena[std::size_t(b)].overflow, ++depth) {
      const Bucket& x = m_s.arena[std::size_t(b)];
      Event probe;
      probe.kind = EventKind::kProbe;
      probe.bucket = std::int32_t(index);
      probe.depth = depth;
      for (int i = 0; i < kBucketCnt; ++i) {
        std::uint8_t t = x.tophash[std::size_t(i)];
        if (t != top) {
          if (t == kEmptyRest) {
            probe.slot = 1;
            if (!m_fold) {
              m_out.push_back(probe);
              Push(EventKind::kNotFound, 0, 0, c.key);
            }
            h.flags = std::uint8_t(h.flags & ~kFlagHashWriting);
            return Progress::kDone;
          }
          continue;
        }
        ++probe.a;
        if (x.keys[std::size_t(i)] != c.key) continue;
        if (!m_fold) m_out.push_back(probe);
        bool clear_key = m_p.key_type == KeyType::kString;
        Edit(m_s, b, [&](Bucket& y) {
          if (clear_key) y.keys[std::size_t(i)] = kClearedKey;
          y.elems[std::size_t(i)] = 0;
          y.tophash[std::size_t(i)] = kEmptyOne;
        });
        Event d;
        d.kind = EventKind::kDeleteSlot;
        d.bucket = std::int32_t(index);
        d.depth = depth;
        d.slot = std::uint8_t(i);
        d.a = c.key;
        m_out.push_back(d);
        --h.count;
        c.found = b;
        c.found_i = std::uint8_t(i);
        c.found_depth = depth;
        // If the bucket now ends in a run of emptyOne, those become emptyRest.
        bool not_last;
        if (i == kBucketCnt - 1) {
          std::int32_t ovf = x.overflow;
          not_last = ovf != kNilBucket && m_s.arena[std::size_t(ovf)].tophash[0] != kEmptyRest;
        } else {
          not_last = x.tophash[std::size_t(i) + 1] != kEmptyRest;
        }
        if (not_last) {
          FinishDelete();
          return Progress::kDone;
        }
        c.phase = kPhEmptyRest;
        if (m_fold) {
          MarkEmptyRest();
          FinishDelete();
          return Progress::kDone;
        }
        return Progress::kMore;
      }
      if (!m_fold) m_out.push_back(probe);
    }
    if (!m_fold) Push(EventKind::kNotFound, 0, 0, c.key);
    h.flags = std::uint8_t(h.flags & ~kFlagHashWriting);
    return Progress::kDone;
  }

  // mapdelete: walk back from the deleted slot turning emptyOne into emptyRest, across
  // buckets of the chain, until a slot that is not emptyOne (or the start of the chain).
  void MarkEmptyRest() {
    Cursor& c = m_s.cur;
    std::uint64_t index = c.hash & BucketMask(m_s.h.B);
    std::int32_t orig = m_s.h.buckets + std::int32_t(index);
    std::int32_t b = c.found;
    int i = c.found_i;
    std::uint16_t depth = c.found_depth;
    Event seg;
    seg.kind = EventKind::kEmptyRest;
    seg.bucket = std::int32_t(index);
    seg.depth = depth;
    seg.slot = std::uint8_t(i);
    while (true) {
      Edit(m_s, b, [&](Bucket& x) { x.tophash[std::size_t(i)] = kEmptyRest; });
      ++seg.a;
      if (i == 0) {
        if (b == orig) break;  // beginning of the initial bucket: done
        m_out.push_back(seg);
        std::int32_t cur = b;
        for (b = orig; m_s.arena[std::size_t(b)].overflow != cur;
             b = m_s.arena[std::size_t(b)].overflow) {
        }
        --depth;
        i = kBucketCnt - 1;
        seg = Event{};
        seg.kind = EventKind::kEmptyRest;
        seg.bucket = std::int32_t(index);
        seg.depth = depth;
        seg.slot = std::uint8_t(i);
      } else {
        --i;
      }
      if (m_s.arena[std::size_t(b)].tophash[std::size_t(i)] != kEmptyOne) break;
    }
    if (seg.a > 0) m_out.push_back(seg);
  }

  // mapdelete's tail: an empty map gets a new hash0 (issue 25237).
  void FinishDelete() {
    Hmap& h = m_s.h;
    if (h.count == 0) {
      h.hash0 = m_s.rng.Next();
      Event r;
      r.kind = EventKind::kReseed;
      r.b = h.hash0;
      m_out.push_back(r);
    }
    h.flags = std::uint8_t(h.flags & ~kFlagHashWriting);
  }

  // mapiternext: returns false when the walk is back at the start bucket.
  bool IterNext() {
    Hmap& h = m_s.h;
    Hiter& it = m_s.cur.it;
    std::int64_t skipped = 0;
    auto flush_skipped = [&] {
      if (skipped > 0) Push(EventKind::kIterSkipped, 0, std::int32_t(it.visiting), skipped);
    };
    while (true) {
      if (it.bptr == kNilBucket) {
        if (it.bucket == it.start_bucket && it.wrapped) {
          flush_skipped();
          return false;
        }
        if (Growing(h) && it.B == h.B) {
          // Started mid-grow: an unevacuated old bucket is read instead, keeping only the
          // keys that will move to this new bucket.
          std::uint64_t oldbucket = it.bucket & (NoldBuckets(h) - 1);
          std::int32_t ob = h.oldbuckets + std::int32_t(oldbucket);
          if (!Evacuated(m_s.arena[std::size_t(ob)])) {
            it.check_bucket = std::int64_t(it.bucket);
            it.bptr = ob;
          } else {
            it.bptr = h.buckets + std::int32_t(it.bucket);
            it.check_bucket = -1;
          }
        } else {
          it.bptr = h.buckets + std::int32_t(it.bucket);
          it.check_bucket = -1;
        }
        it.visiting = it.bucket;
        it.depth = 0;
        ++it.bucket;
        if (it.bucket == BucketShift(it.B)) {
          it.bucket = 0;
          it.wrapped = true;
        }
        it.i = 0;
      }
      const Bucket& x = m_s.arena[std::size_t(it.bptr)];
      for (; it.i < kBucketCnt; ++it.i) {
        std::uint8_t offi = std::uint8_t((it.i + it.offset) & (kBucketCnt - 1));
        std::uint8_t top = x.tophash[offi];
        if (IsEmpty(top) || top == kEvacuatedEmpty) continue;
        std::int64_t k = x.keys[offi];
        if (it.check_bucket != -1 && !SameSizeGrow(h)) {
          std::uint64_t hash = KeyHash(m_p, k, h.hash0);
          if (std::int64_t(hash & BucketMask(it.B)) != it.check_bucket) {
            ++skipped;
            continue;
          }
        }
        std::int64_t elem = x.elems[offi];
        if (top == kEvacuatedX || top == kEvacuatedY) {
          // The table grew since the iterator started: the golden data is elsewhere.
          Location loc = Lookup(m_p, m_s, k);
          if (loc.bucket == kNilBucket) continue;  // deleted since
          elem = loc.elem;
        }
        flush_skipped();
        Event e;
        e.kind = it.check_bucket != -1 ? EventKind::kIterYieldOld : EventKind::kIterYield;
        e.bucket = std::int32_t(it.visiting);
        e.depth = it.depth;
        e.slot = offi;
        e.a = k;
        e.b = std::uint64_t(elem);
        m_out.push_back(e);
        ++it.i;
        ++it.yielded;
        return true;
      }
      it.bptr = x.overflow;
      ++it.depth;
      it.i = 0;
    }
  }

  const Program& m_p;
  State& m_s;
  std::vector<Event>& m_out;
  bool m_fold;
};

}  // namespace

State MapModel::Initial() const {
  State s;
  s.rng.state = m_program->config.seed;
  s.inv = CheckInvariants(*m_program, s);
  return s;
}

StepResult MapModel::Step(State& s, std::vector<Event>& out) const {
  const Program& p = *m_program;
  if (s.cur.op < 0 || std::size_t(s.cur.op) >= p.ops.size()) return StepResult::Done();
  const Op& op = p.ops[std::size_t(s.cur.op)];
  Progress prog = Progress::kDone;
  Exec ex(p, s, out, op.code == OpCode::kInsertRange || op.code == OpCode::kDeleteRange);
  switch (op.code) {
    case OpCode::kMake:
      ex.Make(op);
      break;
    case OpCode::kClear:
      ex.Clear();
      break;
    case OpCode::kInsert:
      prog = ex.Assign(op.key, op.value);
      break;
    case OpCode::kDelete:
      prog = ex.Delete(op.key);
      break;
    case OpCode::kLookup:
      prog = ex.Access(op.key);
      break;
    case OpCode::kIterate:
      prog = ex.Iterate(op);
      break;
    case OpCode::kInsertRange:
    case OpCode::kDeleteRange: {
      // One whole mapassign / mapdelete per step.
      std::int64_t key = p.RangeKey(op, s.cur.index);
      std::int64_t value = op.from + s.cur.index;
      do {
        prog = op.code == OpCode::kInsertRange ? ex.Assign(key, value) : ex.Delete(key);
      } while (prog == Progress::kMore);
      if (prog == Progress::kDone) {
        std::int64_t next = s.cur.index + 1;
        s.cur = Cursor{};
        s.cur.op = std::int32_t(&op - p.ops.data());
        s.cur.index = next;
        prog = next >= op.count ? Progress::kDone : Progress::kMore;
      }
      break;
    }
  }
  if (prog == Progress::kError) return StepResult::Error(op.source, ex.error);
  if (prog == Progress::kDone) {
    std::int32_t next = s.cur.op + 1;
    s.cur = Cursor{};
    s.cur.op = next;
  }
  if (s.arena.size() <= kFullCheckBuckets || prog == Progress::kDone) {
    s.inv = CheckInvariants(p, s);
    auto violation = [&](std::uint8_t which) {
      Event e;
      e.kind = EventKind::kViolation;
      e.slot = which;
      e.a = s.inv.occupied;
      out.push_back(e);
    };
    if (!s.inv.count_ok) violation(0);
    if (!s.inv.lookup_ok) violation(1);
    if (!s.inv.unique_ok) violation(2);
  } else {
    s.inv = InvariantStatus{};
    s.inv.checked = false;
  }
  return StepResult::Stepped(op.source);
}

std::uint64_t MapModel::Hash(const State& s) const {
  // Every field that can differ between two states, folded word by word (Fold is cheap:
  // this runs once per recorded step).
  const Hmap& h = s.h;
  const Cursor& c = s.cur;
  const Hiter& it = c.it;
  const std::uint64_t words[] = {
      std::uint64_t(h.made) | std::uint64_t(h.flags) << 8 | std::uint64_t(h.B) << 16 |
          std::uint64_t(h.noverflow) << 32,
      std::uint64_t(h.count),
      h.hash0,
      std::uint64_t(std::uint32_t(h.buckets)) | std::uint64_t(std::uint32_t(h.oldbuckets)) << 32,
      h.nevacuate,
      s.arena.size(),
      s.fp,
      std::uint64_t(std::uint32_t(c.op)) | std::uint64_t(c.phase) << 32 |
          std::uint64_t(c.found_i) << 40 | std::uint64_t(c.insert_i) << 48 |
          std::uint64_t(c.walk_old) << 56,
      std::uint64_t(c.index),
      std::uint64_t(c.key),
      c.hash,
      std::uint64_t(std::uint32_t(c.found)) | std::uint64_t(std::uint32_t(c.insert)) << 32,
      std::uint64_t(std::uint32_t(c.last)) | std::uint64_t(std::uint32_t(c.walk)) << 32,
      std::uint64_t(c.walk_depth) | std::uint64_t(c.found_depth) << 16 |
          std::uint64_t(c.insert_depth) << 32 | std::uint64_t(c.last_depth) << 48,
      it.start_bucket,
      it.bucket,
      it.visiting,
      std::uint64_t(it.offset) | std::uint64_t(it.wrapped) << 8 | std::uint64_t(it.i) << 16 |
          std::uint64_t(it.B) << 24 | std::uint64_t(it.depth) << 32,
      std::uint64_t(std::uint32_t(it.bptr)),
      std::uint64_t(it.check_bucket),
      std::uint64_t(it.yielded),
      s.rng.state,
      std::uint64_t(s.inv.checked) | std::uint64_t(s.inv.count_ok) << 1 |
          std::uint64_t(s.inv.lookup_ok) << 2 | std::uint64_t(s.inv.unique_ok) << 3,
      std::uint64_t(s.inv.occupied)};
  std::uint64_t x = 0x6a09e667f3bcc908ULL;
  for (std::uint64_t w : words) x = Fold(x, w);
  return Mix64(x);
}

std::size_t MapModel::StateBytes(const State& s) {
  return sizeof(State) + s.arena.capacity() * sizeof(Bucket);
}

}  // namespace gs::maps
