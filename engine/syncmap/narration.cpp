// Bilingual narration and trace lines for sync.Map steps, built from the step's events only.
// Every rule named here is a function of Go 1.19's src/sync/map.go.
#include <string>

#include "engine/syncmap/syncmap_run.h"

namespace gs::syncmap {
namespace {

using K = EventKind;

std::string Q(const Program& p, std::int32_t key) {
  if (key < 0 || std::size_t(key) >= p.keys.size()) return "";
  return "\"" + p.keys[std::size_t(key)] + "\"";
}
std::string G(const Program& p, std::int32_t g) {
  return p.goroutines[std::size_t(g)];
}
std::string N(std::int64_t v) {
  return std::to_string(v);
}
// "1 key", "3 keys".
std::string Keys(std::int64_t n) {
  return N(n) + (n == 1 ? " key" : " keys");
}
// "(\"a\")" or "" for Range. Built by appending: GCC 12 warns falsely (-Wrestrict) on
// "literal" + std::string.
std::string Args(const Program& p, std::int32_t key) {
  std::string s;
  if (key >= 0) s.append(1, '(').append(Q(p, key)).append(1, ')');
  return s;
}

}  // namespace

const char* OpFuncName(OpCode c) {
  switch (c) {
    case OpCode::kLoad:
      return "Load";
    case OpCode::kStore:
      return "Store";
    case OpCode::kLoadOrStore:
      return "LoadOrStore";
    case OpCode::kDelete:
      return "Delete";
    case OpCode::kRange:
      return "Range";
  }
  return "";
}

std::string EventLine(const Program& p, const Event& e, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::string head = G(p, e.g);
  head.append(1, ' ').append(OpFuncName(e.op));
  if (e.key >= 0) head.append(1, ' ').append(Q(p, e.key));
  switch (e.kind) {
    case K::kFast:
      return head + (zh ? "：快速路径（只读 read，不加锁）" : ": fast path (read only, no lock)");
    case K::kLock:
      return head + (zh ? "：慢速路径，加锁 m.mu" : ": slow path, m.mu locked");
    case K::kDirtyHit:
      return head + (zh ? "：在 dirty 中找到" : ": found in dirty");
    case K::kMiss:
      return zh ? "misses " + N(e.a) + " → " + N(e.b) + "（len(dirty) = " + N(e.c) + "）"
                : "misses " + N(e.a) + " -> " + N(e.b) + " (len(dirty) = " + N(e.c) + ")";
    case K::kPromote:
      return zh ? "提升：dirty（" + N(e.a) + " 个键）成为新的 read，dirty = nil，misses = 0"
                : "promote: dirty (" + Keys(e.a) + ") becomes read, dirty = nil, misses = 0";
    case K::kDirtyCopy:
      return zh ? "dirtyLocked：从 read 复制 " + N(e.a) + " 个条目到新 dirty，清除 " + N(e.b) +
                      " 个"
                : "dirtyLocked: " + N(e.a) + " entries copied from read into a new dirty, " +
                      N(e.b) + " expunged";
    case K::kExpunge:
      return zh ? Q(p, e.key) + " 的条目 nil → expunged（不复制到 dirty）"
                : Q(p, e.key) + "'s entry nil -> expunged (not copied to dirty)";
    case K::kUnexpunge:
      return zh ? Q(p, e.key) + " 的条目 expunged → nil，重新放入 dirty"
                : Q(p, e.key) + "'s entry expunged -> nil, put back into dirty";
    case K::kAmend:
      return zh ? "read.amended = true：dirty 有 read 没有的键"
                : "read.amended = true: dirty has a key read lacks";
    case K::kNewEntry:
      return zh ? "dirty[" + Q(p, e.key) + "] = 新条目(" + N(e.a) + ")"
                : "dirty[" + Q(p, e.key) + "] = newEntry(" + N(e.a) + ")";
    case K::kStored:
      return zh ? Q(p, e.key) + " 的条目 = " + N(e.a) : Q(p, e.key) + "'s entry = " + N(e.a);
    case K::kDeleted:
      return zh ? (e.ok ? Q(p, e.key) + " 的条目 → nil" : Q(p, e.key) + " 已无值")
                : (e.ok ? Q(p, e.key) + "'s entry -> nil" : Q(p, e.key) + " held no value");
    case K::kResult:
      if (e.op == OpCode::kLoadOrStore) {
        return head +
               (zh ? " 返回 " + N(e.a) + "，loaded = " : " returns " + N(e.a) + ", loaded = ") +
               (e.ok ? "true" : "false");
      }
      if (e.op == OpCode::kDelete) {
        return head + (zh ? "：loaded = " : ": loaded = ") + (e.ok ? "true" : "false");
      }
      return head + (zh ? " 返回 " : " returns ") + (e.ok ? N(e.a) + ", true" : "nil, false");
    case K::kYield:
      return zh ? "Range 回调 f(" + Q(p, e.key) + ", " + N(e.a) + ")"
                : "Range calls f(" + Q(p, e.key) + ", " + N(e.a) + ")";
  }
  return "";
}

Narration NarrateOp(const Program& p, std::span<const Event> events) {
  Narration n;
  if (events.empty()) return n;
  const Event& first = events.front();
  const std::string who = G(p, first.g);
  const std::string fn = OpFuncName(first.op);
  n.func = std::string("sync.(*Map).") + fn;
  bool locked = false, promoted = false, copied = false, expunged = false, unexpunged = false;
  bool dirty_hit = false, added = false;
  std::int64_t miss_a = -1, miss_b = 0, miss_c = 0, yields = 0;
  const Event* result = nullptr;
  for (const Event& e : events) {
    switch (e.kind) {
      case K::kLock:
        locked = true;
        break;
      case K::kPromote:
        promoted = true;
        break;
      case K::kDirtyCopy:
        copied = true;
        break;
      case K::kExpunge:
        expunged = true;
        break;
      case K::kUnexpunge:
        unexpunged = true;
        break;
      case K::kDirtyHit:
        dirty_hit = true;
        break;
      case K::kNewEntry:
        added = true;
        break;
      case K::kMiss:
        miss_a = e.a;
        miss_b = e.b;
        miss_c = e.c;
        break;
      case K::kYield:
        ++yields;
        break;
      case K::kResult:
        result = &e;
        break;
      default:
        break;
    }
  }
  std::string en = "This interleaving is the scenario's, not a scheduler's: now " + who +
                   " calls " + fn + Args(p, first.key) + ". ";
  std::string zh = "这个交错顺序由场景规定，不是调度器决定的：现在 " + who + " 调用 " + fn +
                   Args(p, first.key) + "。";
  if (!locked) {
    en += "It is done on the read map with atomic operations only: no lock is taken.";
    zh += "它只用原子操作在 read 上完成：不加锁。";
  } else if (first.op == OpCode::kRange) {
    en +=
        "read.amended is true, so Range takes m.mu and promotes dirty to read first, so "
        "that it sees every key.";
    zh += "read.amended 为 true，所以 Range 先加锁 m.mu，把 dirty 提升为 read，以便看到所有键。";
  } else if (unexpunged) {
    en +=
        "read has the key, but its entry is expunged and tryStore refuses it, so it takes "
        "m.mu (the slow path).";
    zh += "read 中有这个键，但它的条目是 expunged，tryStore 拒绝它，所以它加锁 m.mu（慢速路径）。";
  } else {
    en += "The read map cannot answer, so it takes m.mu (the slow path).";
    zh += "read 无法给出答案，所以它加锁 m.mu（慢速路径）。";
    if (dirty_hit) {
      en += " The key is in dirty.";
      zh += "这个键在 dirty 中。";
    }
  }
  if (unexpunged) {
    en +=
        " unexpungeLocked makes it nil again and puts it "
        "back into dirty before storing.";
    zh += "unexpungeLocked 把它恢复为 nil 并重新放入 dirty，然后再存值。";
  }
  if (copied) {
    en +=
        " The first new key since the last promotion: dirtyLocked copies read into a new "
        "dirty map";
    zh += "这是上次提升之后的第一个新键：dirtyLocked 把 read 复制到新的 dirty";
    en += expunged ? ", marking each deleted (nil) entry expunged and leaving it out."
                   : " (no deleted entries to expunge).";
    zh += expunged ? "，把每个已删除（nil）的条目标记为 expunged 并不复制它。"
                   : "（没有需要清除的已删除条目）。";
  }
  if (added) {
    en += " The new key goes into dirty only, and read.amended says read is incomplete.";
    zh += "新键只进入 dirty，read.amended 表示 read 不完整。";
  }
  if (miss_a >= 0) {
    en += " missLocked: misses " + N(miss_a) + " -> " + N(miss_b) +
          " against len(dirty) = " + N(miss_c) + ".";
    zh += "missLocked：misses " + N(miss_a) + " → " + N(miss_b) + "，len(dirty) = " + N(miss_c) +
          "。";
  }
  if (promoted) {
    en +=
        " Promotion: dirty becomes the read map, dirty = nil, misses = 0; later reads of "
        "these keys are lock-free again.";
    zh += "提升：dirty 成为 read，dirty = nil，misses = 0；之后读这些键又不需要锁了。";
  }
  if (first.op == OpCode::kRange) {
    en += " f is called for " + Keys(yields) + " (Go's order is random; shown in key order).";
    zh += "f 被调用 " + N(yields) + " 次（Go 的顺序是随机的，这里按键的顺序显示）。";
  }
  if (result) {
    std::string line_en = EventLine(p, *result, Lang::kEn);
    std::string line_zh = EventLine(p, *result, Lang::kZh);
    en += " " + line_en + ".";
    zh += line_zh + "。";
  }
  n.text = {en, zh};
  return n;
}

}  // namespace gs::syncmap
