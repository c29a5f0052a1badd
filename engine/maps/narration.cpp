// Bilingual narration for map steps: what happened, why, and which runtime/map.go function
// does it. Built from the step's events only.
#include <cinttypes>
#include <cstdio>
#include <string>

#include "engine/maps/maps_run.h"

namespace gs::maps {

std::string HexHash(std::uint64_t h) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%016" PRIx64, h);
  return buf;
}

namespace {

std::string Hex2(std::uint64_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02" PRIx64, v);
  return buf;
}

std::string N(std::int64_t v) {
  return std::to_string(v);
}

// "bucket 3" or "bucket 3 (overflow #1)"
bool IsOld(const Event& e) {
  return (e.depth & kOldArrayBit) != 0;
}
int Depth(const Event& e) {
  return e.depth & ~kOldArrayBit;
}

std::string Where(const Event& e) {
  std::string s = (IsOld(e) ? "old bucket " : "bucket ") + N(e.bucket);
  if (Depth(e) > 0) s += " (overflow #" + N(Depth(e)) + ")";
  return s;
}
std::string WhereZh(const Event& e) {
  std::string s = (IsOld(e) ? "旧的 " : "") + N(e.bucket) + " 号桶";
  if (Depth(e) > 0) s += "（第 " + N(Depth(e)) + " 个溢出桶）";
  return s;
}
// "b3[2]" / "b3.ovf1[2]"
std::string Slot(const Event& e) {
  std::string s = IsOld(e) ? "old b" : "b";
  s += N(e.bucket);
  if (Depth(e) > 0) {
    s += ".ovf";
    s += N(Depth(e));
  }
  s += '[';
  s += N(e.slot);
  s += ']';
  return s;
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

struct Sentence {
  std::string en, zh;
};

Sentence Say(const Program& p, const Event& e, bool folded, bool continued) {
  std::string k = p.KeyText(e.a);
  switch (e.kind) {
    case EventKind::kMake:
      return {"makemap(hint=" + N(e.a) + ") draws a fresh hash0 and picks B=" + N(e.bucket) +
                  ": the smallest B for which overLoadFactor(hint, B) is false, so " + N(e.a) +
                  " entries fit under 6.5 per bucket." +
                  (e.bucket == 0 ? " With B=0 no bucket is allocated yet: the first insert does it."
                                 : " All " + N(std::int64_t(1) << e.bucket) +
                                       " buckets are allocated now, so no grow happens until the "
                                       "map outgrows the hint."),
              "makemap(hint=" + N(e.a) + ") 随机生成新的 hash0，并选出 B=" + N(e.bucket) +
                  "：使 overLoadFactor(hint, B) 为假的最小 B，即 " + N(e.a) +
                  " 个元素平均每桶不超过 6.5 个。" +
                  (e.bucket == 0 ? "B=0 时先不分配桶，第一次插入时才分配。"
                                 : "现在就分配全部 " + N(std::int64_t(1) << e.bucket) +
                                       " 个桶，元素数超过 hint 之前都不会扩容。")};
    case EventKind::kNilMap:
      return {std::string("The map is nil: a ") + ContextEn(e.slot) +
                  " on a nil map is allowed and does nothing (only assignment panics).",
              std::string("map 是 nil：对 nil map 做") + ContextZh(e.slot) +
                  "是允许的，什么也不发生（只有赋值会 panic）。"};
    case EventKind::kEmptyMap:
      return {
          std::string("count is 0, so the ") + ContextEn(e.slot) +
              " returns at once without hashing the key: the runtime checks h.count == 0 first.",
          std::string("count 为 0，") + ContextZh(e.slot) +
              "立即返回，连哈希都不算：运行时先检查 h.count == 0。"};
    case EventKind::kAllocBucket:
      return {"The B=0 map has no bucket yet: mapassign allocates its single bucket now.",
              "B=0 的 map 还没有桶：mapassign 现在分配唯一的一个桶。"};
    case EventKind::kHash: {
      std::string hx = HexHash(e.b);
      return {"hash(" + k + ") = " + hx +
                  (p.HasExplicitHash(e.a) ? " (explicit, from the scenario)" : "") +
                  ". Its low B bits pick bucket " + N(e.bucket) + "; its top 8 bits give tophash " +
                  Hex2(e.slot) + ", a one-byte summary compared before any full key comparison.",
              "hash(" + k + ") = " + hx + (p.HasExplicitHash(e.a) ? "（场景中显式给定）" : "") +
                  "。低 B 位选出 " + N(e.bucket) + " 号桶；高 8 位得到 tophash " + Hex2(e.slot) +
                  "，它是一个字节的摘要，先比较它，再比较完整的键。"};
    }
    case EventKind::kUseOld:
      return {"The map is growing and old bucket " + N(e.bucket) +
                  " is not evacuated yet, so mapaccess1 searches the old bucket: the key is still "
                  "there.",
              "map 正在扩容，旧桶 " + N(e.bucket) +
                  " 还没有搬迁，所以 mapaccess1 去旧桶里找：键还在那里。"};
    case EventKind::kEvacuate:
      if (e.slot) {
        return {"evacuate(old bucket " + N(e.bucket) + "): same-size grow, all " + N(e.a) +
                    " entries are packed into new bucket " + N(e.bucket) +
                    " without the holes deletes left; each old slot is marked evacuatedX.",
                "evacuate（旧桶 " + N(e.bucket) + "）：等量扩容，" + N(e.a) +
                    " 个元素被紧凑地搬到新桶 " + N(e.bucket) +
                    "，删除留下的空洞消失了；旧槽位标记为 evacuatedX。"};
      }
      return {"evacuate(old bucket " + N(e.bucket) +
                  "): the next hash bit decides each entry's half: " + N(e.a) + " stay at index " +
                  N(e.bucket) + " (X, bit 0), " + N(std::int64_t(e.b)) +
                  " move to the Y half (bit 1). Old slots become evacuatedX / evacuatedY / "
                  "evacuatedEmpty so readers know where to look.",
              "evacuate（旧桶 " + N(e.bucket) + "）：由哈希的下一位决定去向：" + N(e.a) +
                  " 个留在同号桶（X，该位为 0），" + N(std::int64_t(e.b)) +
                  " 个去 Y 半区（该位为 1）。旧槽位改成 evacuatedX / evacuatedY / "
                  "evacuatedEmpty，读者据此知道去哪里找。"};
    case EventKind::kEvacuateSkip:
      return {"Old bucket " + N(e.bucket) + " is already evacuated: nothing to move.",
              "旧桶 " + N(e.bucket) + " 已经搬迁过了，无需再搬。"};
    case EventKind::kNevacuate:
      return {"nevacuate advances to " + N(e.a) + ": every old bucket below it is evacuated.",
              "nevacuate 前进到 " + N(e.a) + "：它之前的旧桶都已搬迁完毕。"};
    case EventKind::kGrowDone:
      return {"All " + N(e.a) +
                  " old buckets are evacuated: oldbuckets is dropped and the grow is over.",
              "全部 " + N(e.a) + " 个旧桶搬迁完毕：释放 oldbuckets，扩容结束。"};
    case EventKind::kGrowStart:
      if (e.slot) {
        return {"A new key, no grow running, and noverflow=" + N(std::int64_t(e.b)) +
                    " reached tooManyOverflowBuckets (≥ 2^min(B,15)) while the load is low: "
                    "hashGrow starts a same-size grow (B stays " +
                    N(e.bucket) +
                    ") that will repack the sparse overflow chains. Nothing moves yet: evacuation "
                    "is incremental.",
                "插入新键、当前没有扩容、且 noverflow=" + N(std::int64_t(e.b)) +
                    " 达到 tooManyOverflowBuckets（≥ 2^min(B,15)）而负载不高：hashGrow "
                    "开始等量扩容（B 仍为 " +
                    N(e.bucket) + "），用来压实稀疏的溢出链。此刻什么都没搬：搬迁是渐进的。"};
      }
      return {
          "A new key, no grow running, and overLoadFactor(" + N(e.a) +
              ", B) is true (more than 6.5 entries per bucket): hashGrow doubles the table to B=" +
              N(e.bucket) +
              ". The old array becomes oldbuckets; entries move later, a little on every write "
              "(growWork).",
          "插入新键、当前没有扩容、且 overLoadFactor(" + N(e.a) +
              ", B) 为真（平均每桶超过 6.5 个）：hashGrow 把桶数翻倍到 B=" + N(e.bucket) +
              "。旧数组成为 oldbuckets；元素之后在每次写操作时一点点搬迁（growWork）。"};
    case EventKind::kProbe:
      return {Where(e) + ": " + N(e.a) + " slot(s) with a matching tophash" +
                  (e.slot ? "; an emptyRest slot ends the search (nothing lives beyond it)." : "."),
              WhereZh(e) + "：" + N(e.a) + " 个槽位的 tophash 相同" +
                  (e.slot ? "；遇到 emptyRest，搜索结束（其后不会再有元素）。" : "。")};
    case EventKind::kFound:
      return {k + " found at " + Slot(e) + " (tophash matched, then the full key compare), value " +
                  N(std::int64_t(e.b)) + ".",
              k + " 在 " + Slot(e) + " 找到（先 tophash 相同，再完整比较键），值为 " +
                  N(std::int64_t(e.b)) + "。"};
    case EventKind::kNotFound:
      return {k + " is not in the map.", k + " 不在 map 中。"};
    case EventKind::kNewOverflow:
      return {"Every slot of the chain is taken: newoverflow links a new overflow bucket at " +
                  Where(e) +
                  (e.slot ? "; noverflow becomes " + N(e.a) + "."
                          : "; noverflow is sampled above B=15 and was not incremented."),
              "整条链的槽位都满了：newoverflow 在 " + WhereZh(e) + " 挂上一个新的溢出桶" +
                  (e.slot ? "；noverflow 变为 " + N(e.a) + "。"
                          : "；B≥16 时 noverflow 按概率计数，这次没有加一。")};
    case EventKind::kInsert:
      if (folded) {
        return {k + " → " + Slot(e) + " (tophash " + Hex2(TopHash(e.b)) +
                    "): the low B bits of its hash pick bucket " + N(e.bucket) +
                    ", and mapassign takes the first free slot it passes.",
                k + " → " + Slot(e) + "（tophash " + Hex2(TopHash(e.b)) + "）：哈希的低 B 位选中 " +
                    N(e.bucket) + " 号桶，mapassign 取途中遇到的第一个空槽。"};
      }
      return {"New key: mapassign writes tophash " + Hex2(TopHash(e.b)) + ", " + k +
                  " and its value into the first free slot it saw, " + Slot(e) +
                  ", and count grows by one.",
              "新键：mapassign 把 tophash " + Hex2(TopHash(e.b)) + "、" + k +
                  " 和值写进途中见到的第一个空槽 " + Slot(e) + "，count 加一。"};
    case EventKind::kUpdate:
      return {k + " already exists at " + Slot(e) + ": only its value changes (now " +
                  N(std::int64_t(e.b)) + "); count stays and no grow is checked.",
              k + " 已存在于 " + Slot(e) + "：只更新值（现在为 " + N(std::int64_t(e.b)) +
                  "）；count 不变，也不检查扩容。"};
    case EventKind::kDeleteSlot:
      return {"mapdelete clears " + k + " at " + Slot(e) +
                  ": the slot's tophash becomes emptyOne (an empty slot that may have entries "
                  "after it) and count drops.",
              "mapdelete 清除 " + Slot(e) + " 上的 " + k +
                  "：槽位 tophash 变为 emptyOne（空槽，其后可能还有元素），count 减一。"};
    case EventKind::kEmptyRest:
      if (continued) {
        return {"The run continues back into the previous bucket of the chain: " + N(e.a) +
                    " slot(s) of " + Where(e) + " from slot " + N(e.slot) +
                    " down become emptyRest too, up to the first live entry.",
                "这一段继续往回延伸到链上的前一个桶：" + WhereZh(e) + " 从 " + N(e.slot) +
                    " 号槽往前共 " + N(e.a) +
                    " 个槽也变为 emptyRest，直到遇见第一个仍有元素的槽。"};
      }
      return {N(e.a) + " slot(s) of " + Where(e) + " from slot " + N(e.slot) +
                  " down become emptyRest: nothing follows them in the chain, so later searches "
                  "can stop there.",
              WhereZh(e) + " 从 " + N(e.slot) + " 号槽往前共 " + N(e.a) +
                  " 个槽变为 emptyRest：链上它们之后再无元素，以后的搜索可以在此停下。"};
    case EventKind::kReseed:
      return {"The map is empty, so hash0 is re-drawn (" + HexHash(e.b) +
                  "): an attacker who learned the old seed cannot keep forcing collisions (issue "
                  "25237).",
              "map 已空，重新生成 hash0（" + HexHash(e.b) +
                  "）：攻击者即使摸清了旧种子，也无法继续制造碰撞（issue 25237）。"};
    case EventKind::kClear:
      return {"mapclear drops all " + N(e.a) +
                  " entries, the overflow buckets and any grow in progress, but keeps B=" +
                  N(e.bucket) + ": a cleared map does not shrink.",
              "mapclear 丢弃全部 " + N(e.a) + " 个元素、溢出桶以及进行中的扩容，但保留 B=" +
                  N(e.bucket) + "：清空的 map 不会缩小。"};
    case EventKind::kIterInit:
      return {"mapiterinit draws one random number r = " + HexHash(e.b) +
                  ": start bucket = r & (2^B-1) = " + N(e.bucket) +
                  ", slot offset = (r >> B) & 7 = " + N(e.slot) +
                  ". Every range over a map starts somewhere else, so no program can depend on an "
                  "order.",
              "mapiterinit 抽取一个随机数 r = " + HexHash(e.b) + "：起始桶 = r & (2^B-1) = " +
                  N(e.bucket) + "，槽位偏移 = (r >> B) & 7 = " + N(e.slot) +
                  "。每次 range 的起点都不同，程序无法依赖遍历顺序。"};
    case EventKind::kIterYield:
      return {"mapiternext yields " + k + " = " + N(std::int64_t(e.b)) + " from " + Slot(e) +
                  ": it is next in the walk that began at the random start bucket and slot "
                  "offset (buckets in order, wrapping around; each bucket's slots from the "
                  "offset).",
              "mapiternext 产出 " + k + " = " + N(std::int64_t(e.b)) + "，来自 " + Slot(e) +
                  "：它在从随机起始桶和槽位偏移开始的遍历中排在下一个（桶按顺序、到末尾绕回；"
                  "每个桶内的槽位从偏移处开始）。"};
    case EventKind::kIterYieldOld:
      return {"New bucket " + N(e.bucket) +
                  " is still being filled: mapiternext reads its old bucket instead and yields " +
                  k + " = " + N(std::int64_t(e.b)) + ", which belongs to this new bucket.",
              "新桶 " + N(e.bucket) +
                  " 还在等待搬迁：mapiternext 改读对应的旧桶，产出属于这个新桶的 " + k + " = " +
                  N(std::int64_t(e.b)) + "。"};
    case EventKind::kIterSkipped:
      return {N(e.a) +
                  " key(s) in that old bucket were skipped: they belong to the other half and will "
                  "be yielded there.",
              "旧桶中 " + N(e.a) + " 个键被跳过：它们属于另一半的新桶，会在那里产出。"};
    case EventKind::kIterDone:
      if (e.slot) {
        return {"The loop stops after " + N(e.a) + " key(s) (break).",
                "循环在 " + N(e.a) + " 个键之后停止（break）。"};
      }
      return {"The iterator is back at its start bucket: all " + N(e.a) +
                  " keys were visited exactly once.",
              "迭代器回到起始桶：全部 " + N(e.a) + " 个键恰好各访问一次。"};
    case EventKind::kViolation: {
      static const char* en[] = {"count differs from the occupied slots",
                                 "a stored key is not found by lookup", "a key is stored twice"};
      static const char* zh[] = {"count 与已占用槽位数不一致", "某个已存储的键查找不到",
                                 "某个键存了两份"};
      return {std::string("INVARIANT BROKEN: ") + en[e.slot % 3] + ".",
              std::string("不变式被破坏：") + zh[e.slot % 3] + "。"};
    }
  }
  return {"", ""};
}

int Priority(EventKind k) {
  switch (k) {
    case EventKind::kGrowStart:
      return 9;
    case EventKind::kMake:
      return 8;
    case EventKind::kClear:
      return 8;
    case EventKind::kEvacuate:
    case EventKind::kEvacuateSkip:
      return 7;
    case EventKind::kNewOverflow:
      return 6;
    case EventKind::kEmptyRest:
      return 5;
    case EventKind::kIterInit:
      return 5;
    case EventKind::kIterYield:
    case EventKind::kIterYieldOld:
    case EventKind::kIterDone:
      return 4;
    default:
      return 1;
  }
}

const char* FuncOf(EventKind k, OpCode op) {
  switch (k) {
    case EventKind::kGrowStart:
      return "hashGrow";
    case EventKind::kMake:
      return "makemap";
    case EventKind::kClear:
      return "mapclear";
    case EventKind::kEvacuate:
    case EventKind::kEvacuateSkip:
      return "evacuate";
    case EventKind::kNewOverflow:
      return "newoverflow";
    case EventKind::kIterInit:
      return "mapiterinit";
    case EventKind::kIterYield:
    case EventKind::kIterYieldOld:
    case EventKind::kIterDone:
      return "mapiternext";
    default:
      break;
  }
  switch (op) {
    case OpCode::kDelete:
    case OpCode::kDeleteRange:
      return "mapdelete";
    case OpCode::kLookup:
      return "mapaccess1";
    case OpCode::kIterate:
      return "mapiterinit";
    case OpCode::kClear:
      return "mapclear";
    case OpCode::kMake:
      return "makemap";
    default:
      return "mapassign";
  }
}

}  // namespace

Narration NarrateForOp(const Program& p, std::span<const Event> events, OpCode op) {
  Narration n;
  bool folded = op == OpCode::kInsertRange || op == OpCode::kDeleteRange;
  int best = -1;
  bool seen_empty_rest = false;
  for (const Event& e : events) {
    if (Priority(e.kind) > best) {
      best = Priority(e.kind);
      n.func = FuncOf(e.kind, op);
    }
    // A range step tells only what matters for one key among thousands.
    if (folded && (e.kind == EventKind::kNevacuate || e.kind == EventKind::kEvacuateSkip)) continue;
    Sentence s = Say(p, e, folded, e.kind == EventKind::kEmptyRest && seen_empty_rest);
    seen_empty_rest |= e.kind == EventKind::kEmptyRest;
    if (s.en.empty()) continue;
    if (!n.text.en.empty()) {
      n.text.en += " ";
      n.text.zh += "";
    }
    n.text.en += s.en;
    n.text.zh += s.zh;
  }
  if (events.empty()) n.func = FuncOf(EventKind::kHash, op);
  if (n.text.en.empty()) {
    n.text = {"(nothing visible changes)", "（没有可见的变化）"};
  }
  return n;
}

Narration NarrateEvents(const Program& p, std::span<const Event> events) {
  return NarrateForOp(p, events, OpCode::kInsert);
}

namespace {

// "b3[2]" / "旧 b3.ovf1[2]"
std::string SlotZh(const Event& e) {
  std::string s = Slot(e);
  return IsOld(e) ? "旧 " + s.substr(4) : s;
}

std::string EventLineZh(const Program& p, const Event& e) {
  std::string k = p.KeyText(e.a);
  switch (e.kind) {
    case EventKind::kMake:
      return "make hint=" + N(e.a) + " → B=" + N(e.bucket) + "，hash0=" + HexHash(e.b);
    case EventKind::kNilMap:
      return std::string("对 nil map ") + ContextZh(e.slot);
    case EventKind::kEmptyMap:
      return std::string("对空 map ") + ContextZh(e.slot);
    case EventKind::kAllocBucket:
      return "分配 0 号桶";
    case EventKind::kHash:
      return "哈希 " + k + " = " + HexHash(e.b) + " → " + N(e.bucket) + " 号桶，tophash " +
             Hex2(e.slot);
    case EventKind::kUseOld:
      return "使用旧的 " + N(e.bucket) + " 号桶";
    case EventKind::kEvacuate:
      return "搬迁旧的 " + N(e.bucket) + " 号桶" +
             (e.slot ? "（等量扩容）：搬走 " + N(e.a) + " 个"
                     : "：X " + N(e.a) + " 个，Y " + N(std::int64_t(e.b)) + " 个");
    case EventKind::kEvacuateSkip:
      return "旧的 " + N(e.bucket) + " 号桶已搬迁";
    case EventKind::kNevacuate:
      return "nevacuate=" + N(e.a);
    case EventKind::kGrowDone:
      return "扩容完成（丢弃 " + N(e.a) + " 个旧桶）";
    case EventKind::kGrowStart:
      return std::string(e.slot ? "等量扩容" : "扩容") + " → B=" + N(e.bucket) +
             "（count+1=" + N(e.a) + "，noverflow=" + N(std::int64_t(e.b)) + "）";
    case EventKind::kProbe: {
      std::string where = Slot(e).substr(IsOld(e) ? 5 : 1, Slot(e).find('[') - (IsOld(e) ? 5 : 1));
      return std::string("探查") + (IsOld(e) ? "旧 b" : " b") + where + "：" + N(e.a) +
             " 个 tophash 匹配" + (e.slot ? "，遇到 emptyRest 停止" : "");
    }
    case EventKind::kFound:
      return "找到 " + k + "，在 " + SlotZh(e) + " = " + N(std::int64_t(e.b));
    case EventKind::kNotFound:
      return "未找到 " + k;
    case EventKind::kNewOverflow:
      return "新建溢出桶 b" + N(e.bucket) + ".ovf" + N(e.depth) + " noverflow=" + N(e.a);
    case EventKind::kInsert:
      return "插入 " + k + " 到 " + SlotZh(e) + "，tophash " + Hex2(TopHash(e.b));
    case EventKind::kUpdate:
      return "更新 " + k + "，在 " + SlotZh(e) + " = " + N(std::int64_t(e.b));
    case EventKind::kDeleteSlot:
      return "删除 " + k + "，" + SlotZh(e) + " → emptyOne";
    case EventKind::kEmptyRest:
      return "emptyRest " + SlotZh(e) + " 共 " + N(e.a) + " 个";
    case EventKind::kReseed:
      return "hash0=" + HexHash(e.b);
    case EventKind::kClear:
      return "清空 " + N(e.a) + " 个条目，保留 B=" + N(e.bucket);
    case EventKind::kIterInit:
      return "遍历从 " + N(e.bucket) + " 号桶、偏移 " + N(e.slot) + " 开始（r=" + HexHash(e.b) +
             "）";
    case EventKind::kIterYield:
      return "产出 " + k + "=" + N(std::int64_t(e.b)) + "，来自 " + SlotZh(e);
    case EventKind::kIterYieldOld:
      return "产出 " + k + "=" + N(std::int64_t(e.b)) + "，来自对应新 " + N(e.bucket) +
             " 号桶的旧桶";
    case EventKind::kIterSkipped:
      return "跳过 " + N(e.a) + "（属于另一半）";
    case EventKind::kIterDone:
      return std::string(e.slot ? "遍历提前结束，已产出 " : "遍历完成：") + N(e.a);
    case EventKind::kViolation:
      return "不变式被破坏：" + std::string(e.slot == 0   ? "count"
                                            : e.slot == 1 ? "查找"
                                                          : "键唯一");
  }
  return "?";
}

}  // namespace

std::string EventLine(const Program& p, const Event& e, Lang lang) {
  if (lang == Lang::kZh) return EventLineZh(p, e);
  std::string k = p.KeyText(e.a);
  switch (e.kind) {
    case EventKind::kMake:
      return "make hint=" + N(e.a) + " -> B=" + N(e.bucket) + " hash0=" + HexHash(e.b);
    case EventKind::kNilMap:
      return std::string("nil map ") + ContextEn(e.slot);
    case EventKind::kEmptyMap:
      return std::string("empty map ") + ContextEn(e.slot);
    case EventKind::kAllocBucket:
      return "alloc bucket 0";
    case EventKind::kHash:
      return "hash " + k + " = " + HexHash(e.b) + " -> bucket " + N(e.bucket) + " tophash " +
             Hex2(e.slot);
    case EventKind::kUseOld:
      return "use old bucket " + N(e.bucket);
    case EventKind::kEvacuate:
      return "evacuate old " + N(e.bucket) +
             (e.slot ? " same-size: " + N(e.a) + " moved"
                     : ": X " + N(e.a) + ", Y " + N(std::int64_t(e.b)));
    case EventKind::kEvacuateSkip:
      return "old " + N(e.bucket) + " already evacuated";
    case EventKind::kNevacuate:
      return "nevacuate=" + N(e.a);
    case EventKind::kGrowDone:
      return "grow done (" + N(e.a) + " old buckets dropped)";
    case EventKind::kGrowStart:
      return std::string(e.slot ? "same-size grow" : "grow") + " -> B=" + N(e.bucket) +
             " (count+1=" + N(e.a) + ", noverflow=" + N(std::int64_t(e.b)) + ")";
    case EventKind::kProbe:
      return std::string("probe ") + (IsOld(e) ? "old " : "") +
             Slot(e).substr(IsOld(e) ? 5 : 1, Slot(e).find('[') - (IsOld(e) ? 5 : 1)) + ": " +
             N(e.a) + " tophash match" + (e.slot ? ", emptyRest stop" : "");
    case EventKind::kFound:
      return "found " + k + " at " + Slot(e) + " = " + N(std::int64_t(e.b));
    case EventKind::kNotFound:
      return "not found " + k;
    case EventKind::kNewOverflow:
      return "new overflow b" + N(e.bucket) + ".ovf" + N(e.depth) + " noverflow=" + N(e.a);
    case EventKind::kInsert:
      return "insert " + k + " at " + Slot(e) + " tophash " + Hex2(TopHash(e.b));
    case EventKind::kUpdate:
      return "update " + k + " at " + Slot(e) + " = " + N(std::int64_t(e.b));
    case EventKind::kDeleteSlot:
      return "delete " + k + " at " + Slot(e) + " -> emptyOne";
    case EventKind::kEmptyRest:
      return "emptyRest " + Slot(e) + " x" + N(e.a);
    case EventKind::kReseed:
      return "hash0=" + HexHash(e.b);
    case EventKind::kClear:
      return "clear " + N(e.a) + " entries, B=" + N(e.bucket) + " kept";
    case EventKind::kIterInit:
      return "iter start bucket " + N(e.bucket) + " offset " + N(e.slot) + " (r=" + HexHash(e.b) +
             ")";
    case EventKind::kIterYield:
      return "yield " + k + "=" + N(std::int64_t(e.b)) + " from " + Slot(e);
    case EventKind::kIterYieldOld:
      return "yield " + k + "=" + N(std::int64_t(e.b)) + " from old bucket for new " + N(e.bucket);
    case EventKind::kIterSkipped:
      return "skip " + N(e.a) + " (other half)";
    case EventKind::kIterDone:
      return std::string(e.slot ? "iter break after " : "iter done: ") + N(e.a);
    case EventKind::kViolation:
      return "INVARIANT " + std::string(e.slot == 0 ? "count" : e.slot == 1 ? "lookup" : "unique");
  }
  return "?";
}

}  // namespace gs::maps
