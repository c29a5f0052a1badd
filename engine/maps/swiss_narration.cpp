// Bilingual narration and trace lines for Swiss-map steps: what happened, why, and which
// internal/runtime/maps function does it. Built from the step's events only.
#include <cinttypes>
#include <cstdio>
#include <string>

#include "engine/maps/maps_run.h"
#include "engine/maps/swiss_run.h"

namespace gs::maps {
namespace {

using K = SwissEventKind;

std::string N(std::int64_t v) {
  return std::to_string(v);
}
std::string Hex2(std::uint64_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02" PRIx64, v);
  return buf;
}
// "t0.g3[2]" or "small[2]"
// Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string here.
std::string TableGroup(std::int64_t table, std::int64_t group) {
  std::string s(1, 't');
  s.append(N(table)).append(".g").append(N(group));
  return s;
}
std::string Slot(const SwissEvent& e) {
  std::string s = e.bucket < 0 ? std::string("small") : TableGroup(e.bucket, e.depth);
  s.append(1, '[').append(N(e.slot)).append(1, ']');
  return s;
}
std::string GroupName(const SwissEvent& e) {
  if (e.bucket < 0) return "the small group";
  return TableGroup(e.bucket, e.a);
}
std::string GroupNameZh(const SwissEvent& e) {
  if (e.bucket < 0) return "小 map 的唯一组";
  return TableGroup(e.bucket, e.a);
}
const char* ContextEn(std::uint8_t which) {
  switch (which) {
    case 0:
      return "lookup";
    case 1:
      return "delete";
    case 2:
      return "iteration";
    default:
      return "clear";
  }
}
const char* ContextZh(std::uint8_t which) {
  switch (which) {
    case 0:
      return "查找";
    case 1:
      return "删除";
    case 2:
      return "遍历";
    default:
      return "清空";
  }
}

LocalizedText Sentence(const Program& p, const SwissEvent& e) {
  const std::string k = p.KeyText(e.a);
  switch (e.kind) {
    case K::kMake:
      if (e.bucket == 0) {
        return {"make: a Map with seed " + HexHash(e.b) + " and nothing allocated yet (hint " +
                    N(e.a) + " <= 8: the first write allocates one 8-slot group).",
                "make：创建 Map，seed 为 " + HexHash(e.b) + "，暂不分配（hint " + N(e.a) +
                    " <= 8：第一次写入时才分配一个 8 槽的组）。"};
      }
      return {"make: hint " + N(e.a) + " needs hint×8/7 slots, so " + N(e.bucket) +
                  " table(s) of " + N(e.depth) + " slots (globalDepth " + N(e.slot) + "), seed " +
                  HexHash(e.b) + ".",
              "make：hint " + N(e.a) + " 需要 hint×8/7 个槽，因此分配 " + N(e.bucket) + " 个 " +
                  N(e.depth) + " 槽的表（globalDepth " + N(e.slot) + "），seed 为 " + HexHash(e.b) +
                  "。"};
    case K::kNilMap:
      return {std::string("The map is nil: the ") + ContextEn(e.slot) + " does nothing.",
              std::string("map 为 nil：") + ContextZh(e.slot) + "什么也不做。"};
    case K::kEmptyMap:
      return {std::string("used == 0: the ") + ContextEn(e.slot) + " returns at once.",
              std::string("used == 0：") + ContextZh(e.slot) + "立即返回。"};
    case K::kAllocSmall:
      return {
          "First write: growToSmall allocates one group of 8 slots, all control bytes empty "
          "(0x80).",
          "第一次写入：growToSmall 分配一个 8 槽的组，控制字节全为空（0x80）。"};
    case K::kHash: {
      std::string where = e.bucket < 0 ? std::string("the small map has one group")
                                       : "its top bits pick directory entry " + N(e.bucket);
      std::string where_zh =
          e.bucket < 0 ? std::string("小 map 只有一个组") : "高位选中目录项 " + N(e.bucket);
      return {"hash(" + k + ") = " + HexHash(e.b) + ": H2 (low 7 bits) = " + Hex2(e.slot) +
                  " goes in the control byte, H1 (the other 57) picks the first group; " + where +
                  ".",
              "hash(" + k + ") = " + HexHash(e.b) + "：H2（低 7 位）= " + Hex2(e.slot) +
                  " 存进控制字节，H1（其余 57 位）决定第一个组；" + where_zh + "。"};
    }
    case K::kProbe: {
      int matches = e.slot & 0x0f;
      bool empty = e.slot & kProbeHasEmpty;
      std::string hop = e.bucket < 0 ? "" : "Hop " + N(e.depth + 1) + ": ";
      std::string hop_zh = e.bucket < 0 ? "" : "第 " + N(e.depth + 1) + " 跳：";
      return {
          hop + GroupName(e) + " has " + N(matches) + " control byte(s) equal to H2" +
              (empty && e.bucket >= 0 ? "; it has an empty slot, so the probe ends here." : "."),
          hop_zh + GroupNameZh(e) + " 有 " + N(matches) + " 个控制字节等于 H2" +
              (empty && e.bucket >= 0 ? "；组里有空槽，探查到此为止。" : "。")};
    }
    case K::kFound:
      return {k + " found at " + Slot(e) + " (H2 matched, then the full key compare), value " +
                  N(std::int64_t(e.b)) + ".",
              k + " 在 " + Slot(e) + " 找到（先 H2 相同，再完整比较键），值为 " +
                  N(std::int64_t(e.b)) + "。"};
    case K::kNotFound:
      return {k + " is not in the map.", k + " 不在 map 中。"};
    case K::kInsert:
      if (e.bucket < 0) {
        return {k + " goes into " + Slot(e) +
                    ", the first empty slot of the small group; its "
                    "control byte becomes H2 " +
                    Hex2(e.b & 0x7f) + ".",
                k + " 放进 " + Slot(e) + "，即小 map 组里的第一个空槽；控制字节变为 H2 " +
                    Hex2(e.b & 0x7f) + "。"};
      }
      return {k + " goes into " + Slot(e) +
                  ", the first empty slot where the probe ended; its "
                  "control byte becomes H2 " +
                  Hex2(e.b & 0x7f) + " and growthLeft drops by 1.",
              k + " 放进 " + Slot(e) + "，即探查结束处的第一个空槽；控制字节变为 H2 " +
                  Hex2(e.b & 0x7f) + "，growthLeft 减 1。"};
    case K::kReuseTombstone:
      return {k + " reuses the tombstone at " + Slot(e) +
                  ", the first deleted slot on its probe path: no growthLeft is spent.",
              k + " 复用 " + Slot(e) + " 的墓碑——探查路径上的第一个已删除槽：不消耗 growthLeft。"};
    case K::kUpdate:
      return {k + " is already at " + Slot(e) + ": only its value changes, to " +
                  N(std::int64_t(e.b)) + ".",
              k + " 已在 " + Slot(e) + "：只把值改为 " + N(std::int64_t(e.b)) + "。"};
    case K::kDeleteEmpty:
      return {k + " removed from " + Slot(e) +
                  ": its group still has an empty slot, so no probe "
                  "can pass through it and the slot simply becomes empty again (growthLeft +1).",
              k + " 从 " + Slot(e) +
                  " 删除：该组仍有空槽，没有探查会穿过它，所以槽位直接变回空"
                  "（growthLeft +1）。"};
    case K::kDeleteTombstone:
      return {k + " removed from " + Slot(e) +
                  ": its group was full, so probes for other keys may "
                  "pass through it; an empty slot would stop them early, so it becomes a "
                  "tombstone (0xFE) and growthLeft stays spent.",
              k + " 从 " + Slot(e) +
                  " 删除：该组原本是满的，别的键的探查可能穿过它；若变成空槽会"
                  "让它们提前停下，所以留下墓碑（0xFE），growthLeft 不退还。"};
    case K::kToTable:
      return {"The small group is full (8 used): growToTable moves its " + N(e.a) +
                  " entries into a 16-slot table (growthLeft 14) at directory entry 0.",
              "小 map 的组已满（8 个）：growToTable 把 " + N(e.a) +
                  " 个元素搬进一个 16 槽的表（growthLeft 14），放在目录项 0。"};
    case K::kGrow:
      return {"growthLeft is 0: rehash doubles table t" + N(e.bucket) + " from " + N(e.a) + " to " +
                  N(std::int64_t(e.b)) + " slots and reinserts its " + N(e.depth) +
                  " entries (tombstones are dropped); then the insert starts over.",
              "growthLeft 为 0：rehash 把表 t" + N(e.bucket) + " 从 " + N(e.a) + " 槽扩到 " +
                  N(std::int64_t(e.b)) + " 槽，重新插入 " + N(e.depth) +
                  " 个元素（墓碑被丢弃）；然后重新插入。"};
    case K::kSplit:
      return {"Table t" + N(e.bucket) +
                  " is full at 1024 slots, the most a table may have: "
                  "split divides it by hash bit " +
                  N(e.slot) + " from the top into t" + N(e.bucket) + " (" +
                  N(std::int64_t(e.b & 0xffffffff)) + " keys) and t" + N(e.a) + " (" +
                  N(std::int64_t(e.b >> 32)) + " keys), localDepth " + N(e.slot) + ".",
              "表 t" + N(e.bucket) + " 已达 1024 槽上限：split 按从高位数第 " + N(e.slot) +
                  " 位把它分成 t" + N(e.bucket) + "（" + N(std::int64_t(e.b & 0xffffffff)) +
                  " 个键）和 t" + N(e.a) + "（" + N(std::int64_t(e.b >> 32)) +
                  " 个键），localDepth 为 " + N(e.slot) + "。"};
    case K::kDirGrow:
      return {"The table already used every directory bit, so the directory doubles to " + N(e.a) +
                  " entries (globalDepth " + N(e.slot) + "); each old entry now fills two.",
              "该表已用尽目录的全部位，目录先翻倍到 " + N(e.a) + " 项（globalDepth " + N(e.slot) +
                  "）；每个旧目录项占两个新项。"};
    case K::kClear:
      return {"clear drops " + N(e.a) +
                  " entries: every control byte back to empty, the groups "
                  "and tables are kept.",
              "clear 丢弃 " + N(e.a) + " 个元素：控制字节全部变回空，组和表都保留。"};
    case K::kIterInit:
      return {"Iter.Init draws two random numbers: entryOffset " + HexHash(std::uint64_t(e.a)) +
                  " (where the walk over slots starts) and dirOffset " + HexHash(e.b) +
                  " (where the walk over the directory starts). That is why two range loops "
                  "over the same map give different orders.",
              "Iter.Init 取两个随机数：entryOffset " + HexHash(std::uint64_t(e.a)) +
                  "（槽位遍历的起点）和 dirOffset " + HexHash(e.b) +
                  "（目录遍历的起点）。所以对同一个 map 两次 range 的顺序不同。"};
    case K::kIterYield:
      return {"Iter.Next yields " + k + " = " + N(std::int64_t(e.b)) + " from " + Slot(e) +
                  ": the next full slot after entryOffset, slots in order, wrapping around.",
              "Iter.Next 产出 " + k + " = " + N(std::int64_t(e.b)) + "，来自 " + Slot(e) +
                  "：从 entryOffset 起按顺序（到末尾绕回）的下一个满槽。"};
    case K::kIterDone:
      return {e.slot ? "The loop stops after " + N(e.a) + " keys."
                     : "Iteration done: " + N(e.a) + " keys, each once.",
              e.slot ? "循环在 " + N(e.a) + " 个键后停止。"
                     : "遍历结束：共 " + N(e.a) + " 个键，每个一次。"};
    case K::kViolation:
      return {"Invariant broken (" + N(e.slot) + ").", "不变式被破坏（" + N(e.slot) + "）。"};
  }
  return {};
}

const char* FuncOf(SwissEventKind k) {
  switch (k) {
    case K::kMake:
      return "NewMap";
    case K::kAllocSmall:
      return "growToSmall";
    case K::kToTable:
      return "growToTable";
    case K::kGrow:
      return "table.grow";
    case K::kSplit:
    case K::kDirGrow:
      return "table.split";
    case K::kInsert:
    case K::kReuseTombstone:
    case K::kUpdate:
      return "table.PutSlot";
    case K::kDeleteEmpty:
    case K::kDeleteTombstone:
      return "table.Delete";
    case K::kFound:
    case K::kNotFound:
      return "getWithKey";
    case K::kClear:
      return "Map.Clear";
    case K::kIterInit:
      return "Iter.Init";
    case K::kIterYield:
    case K::kIterDone:
      return "Iter.Next";
    default:
      return "";
  }
}

}  // namespace

Narration NarrateSwiss(const Program& p, std::span<const SwissEvent> events, bool ranged) {
  Narration n;
  int probes = 0;
  for (const SwissEvent& e : events) {
    // In a range op the per-group probe lines would drown the step: only the outcome is said.
    if (e.kind == K::kProbe && (ranged || ++probes > 4)) continue;
    if (ranged && e.kind == K::kHash) continue;
    LocalizedText t = Sentence(p, e);
    if (t.Empty()) continue;
    n.text.en += (n.text.en.empty() ? "" : " ") + t.en;
    n.text.zh += t.zh;
    const char* f = FuncOf(e.kind);
    if (*f &&
        (n.func.empty() || e.kind == K::kGrow || e.kind == K::kSplit || e.kind == K::kToTable)) {
      n.func = f;
    }
  }
  if (n.func == std::string("table.PutSlot") && !events.empty() && events.back().bucket < 0) {
    n.func = "putSlotSmall";  // the small map's write
  }
  if (n.func.empty() && !events.empty()) n.func = "Map.PutSlot";
  return n;
}

std::string SwissEventLine(const Program& p, const SwissEvent& e, Lang lang) {
  const std::string k = p.KeyText(e.a);
  bool zh = lang == Lang::kZh;
  switch (e.kind) {
    case K::kMake:
      return (zh ? "make hint " : "make hint ") + N(e.a) + (zh ? " 表 " : " tables ") +
             N(e.bucket) + (zh ? " 容量 " : " cap ") + N(e.depth) + " seed " + HexHash(e.b);
    case K::kNilMap:
      return zh ? std::string("nil map：") + ContextZh(e.slot)
                : std::string("nil map: ") + ContextEn(e.slot);
    case K::kEmptyMap:
      return zh ? std::string("空 map：") + ContextZh(e.slot)
                : std::string("empty map: ") + ContextEn(e.slot);
    case K::kAllocSmall:
      return zh ? "分配小 map 的组" : "alloc small group";
    case K::kHash:
      return (zh ? "哈希 " : "hash ") + k + " = " + HexHash(e.b) + " H2 " + Hex2(e.slot) +
             (e.bucket < 0 ? std::string(zh ? " 小 map" : " small")
                           : (zh ? " 目录 " : " dir ") + N(e.bucket));
    case K::kProbe:
      return (zh ? "探查 " : "probe ") +
             (e.bucket < 0 ? std::string(zh ? "小 map" : "small") : GroupName(e)) +
             (zh ? " 第 " : " hop ") + N(e.depth + 1) + (zh ? " 跳 匹配 " : " matches ") +
             N(e.slot & 0x0f) + ((e.slot & kProbeHasEmpty) ? (zh ? " 有空槽" : " empty") : "") +
             ((e.slot & kProbeHasDeleted) ? (zh ? " 有墓碑" : " deleted") : "");
    case K::kFound:
      return (zh ? "找到 " : "found ") + k + " " + Slot(e) + " = " + N(std::int64_t(e.b));
    case K::kNotFound:
      return (zh ? "未找到 " : "not found ") + k;
    case K::kInsert:
      return (zh ? "插入 " : "insert ") + k + " " + Slot(e) + " ctrl " + Hex2(e.b & 0x7f);
    case K::kReuseTombstone:
      return (zh ? "复用墓碑 " : "reuse tombstone ") + k + " " + Slot(e) + " ctrl " +
             Hex2(e.b & 0x7f);
    case K::kUpdate:
      return (zh ? "更新 " : "update ") + k + " " + Slot(e) + " = " + N(std::int64_t(e.b));
    case K::kDeleteEmpty:
      return (zh ? "删除 " : "delete ") + k + " " + Slot(e) + (zh ? " -> 空" : " -> empty");
    case K::kDeleteTombstone:
      return (zh ? "删除 " : "delete ") + k + " " + Slot(e) + (zh ? " -> 墓碑" : " -> tombstone");
    case K::kToTable:
      return (zh ? "小 map 转为表 搬迁 " : "small -> table moved ") + N(e.a);
    case K::kGrow:
      return (zh ? "扩容 t" : "grow t") + N(e.bucket) + " " + N(e.a) + " -> " +
             N(std::int64_t(e.b)) + (zh ? " 搬迁 " : " moved ") + N(e.depth);
    case K::kSplit:
      return (zh ? "分裂 t" : "split t") + N(e.bucket) + " -> t" + N(e.bucket) + " + t" + N(e.a) +
             " localDepth " + N(e.slot) + " (" + N(std::int64_t(e.b & 0xffffffff)) + "/" +
             N(std::int64_t(e.b >> 32)) + ")";
    case K::kDirGrow:
      return (zh ? "目录翻倍 " : "directory doubles ") + N(e.a) + " globalDepth " + N(e.slot);
    case K::kClear:
      return (zh ? "清空 " : "clear ") + N(e.a);
    case K::kIterInit:
      return (zh ? "遍历开始 entryOffset " : "iter init entryOffset ") +
             HexHash(std::uint64_t(e.a)) + " dirOffset " + HexHash(e.b);
    case K::kIterYield:
      return (zh ? "产出 " : "yield ") + k + " " + Slot(e) + " = " + N(std::int64_t(e.b));
    case K::kIterDone:
      return (zh ? "遍历结束 " : "iter done ") + N(e.a) +
             (e.slot ? (zh ? "（limit 截止）" : " (limit)") : "");
    case K::kViolation:
      return (zh ? "不变式被破坏 " : "VIOLATION ") + N(e.slot);
  }
  return "";
}

}  // namespace gs::maps
