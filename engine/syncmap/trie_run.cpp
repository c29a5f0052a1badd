// Bilingual narration, trace lines and summaries for the Go 1.24+ sync.Map (HashTrieMap),
// built from a step's events only. Each rule named is a function of
// src/internal/sync/hashtriemap.go.
#include "engine/syncmap/trie_run.h"

#include <cinttypes>
#include <cstdio>

#include "engine/syncmap/syncmap_run.h"

namespace gs::syncmap {
namespace {

using K = TrieEventKind;

std::string Q(const Program& p, std::int32_t key) {
  if (key < 0 || std::size_t(key) >= p.keys.size()) return "";
  return "\"" + p.keys[std::size_t(key)] + "\"";
}
std::string N(std::int64_t v) {
  return std::to_string(v);
}
std::string Slot(std::int32_t node, std::int32_t slot, Lang lang = Lang::kEn) {
  std::string s = TrieNodeName(node, lang);
  char buf[8];
  std::snprintf(buf, sizeof buf, "[%X]", unsigned(slot));
  return s + buf;
}
std::string Bits(std::int32_t depth) {
  const int hi = kTrieHashBits - 1 - kTrieBits * depth;
  return N(hi) + ".." + N(hi - kTrieBits + 1);
}
const char* HtFunc(OpCode c) {
  switch (c) {
    case OpCode::kLoad:
      return "internal/sync.(*HashTrieMap).Load";
    case OpCode::kStore:
      return "internal/sync.(*HashTrieMap).Swap";
    case OpCode::kLoadOrStore:
      return "internal/sync.(*HashTrieMap).LoadOrStore";
    case OpCode::kDelete:
      return "internal/sync.(*HashTrieMap).LoadAndDelete";
    case OpCode::kRange:
      return "internal/sync.(*HashTrieMap).iter";
  }
  return "";
}

}  // namespace

std::string TrieNodeName(std::int32_t node, Lang lang) {
  if (node == 0) return lang == Lang::kZh ? "根" : "root";
  return "n" + std::to_string(node);
}

std::string TrieHex(std::uint64_t h) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%016" PRIx64, h);
  return buf;
}

std::string TrieEventLine(const Program& p, const TrieEvent& e, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::string head = p.goroutines[std::size_t(e.g)];
  head.append(1, ' ').append(OpFuncName(e.op));
  if (e.key >= 0 && e.kind != K::kYield) head.append(1, ' ').append(Q(p, e.key));
  switch (e.kind) {
    case K::kHash:
      return head + (zh ? "：哈希 " : ": hash ") + TrieHex(e.hash) +
             (e.ok ? (zh ? "（场景给定）" : " (given)") : "");
    case K::kVisit: {
      const char* what[] = {"nil", "entry", "indirect"};
      return Slot(e.node, e.slot, lang) + (zh ? "（位 " : " (bits ") + Bits(e.depth) +
             (zh ? "）→ " : ") -> ") + what[e.a];
    }
    case K::kLookup:
      return zh ? "entry.lookup：比较了 " + N(e.a) + " 个键" + (e.ok ? "，找到" : "，没有这个键")
                : "entry.lookup: " + N(e.a) + " key(s) compared" +
                      (e.ok ? ", found" : ", key not there");
    case K::kLock:
      return TrieNodeName(e.node, lang) + ".mu.Lock()";
    case K::kRecheck:
      return zh ? "加锁后重读 " + Slot(e.node, e.slot, lang) + "：未变，节点未死"
                : "re-check " + Slot(e.node, e.slot, lang) + " under the lock: unchanged, not dead";
    case K::kInsert:
      return Slot(e.node, e.slot, lang) + " = newEntry(" + Q(p, e.key) + ")";
    case K::kReplace:
      return zh ? "entry.swap：" + Slot(e.node, e.slot, lang) + " 的新条目替换旧值 " + N(e.b)
                : "entry.swap: a new entry replaces old value " + N(e.b) + " at " +
                      Slot(e.node, e.slot, lang);
    case K::kChain:
      return zh ? "expand：完整哈希相同，新条目成为 " + Slot(e.node, e.slot, lang) +
                      " 链头，旧链接在其后"
                : "expand: full hashes equal, the new entry heads the chain at " +
                      Slot(e.node, e.slot, lang);
    case K::kExpand:
      return zh ? "expand：新 indirect " + TrieNodeName(e.node, lang) + "（深度 " + N(e.depth) +
                      "，位 " + Bits(e.depth) + "）放入 " + Slot(std::int32_t(e.a), e.slot, lang)
                : "expand: new indirect " + TrieNodeName(e.node, lang) + " (depth " + N(e.depth) +
                      ", bits " + Bits(e.depth) + ") under " +
                      Slot(std::int32_t(e.a), e.slot, lang);
    case K::kPlace:
      return Slot(e.node, e.slot, lang) + " = " + Q(p, std::int32_t(e.b));
    case K::kRemove:
      return zh ? (e.ok ? Slot(e.node, e.slot, lang) + " = nil"
                        : "从 " + Slot(e.node, e.slot, lang) + " 的链中移除")
                : (e.ok ? Slot(e.node, e.slot, lang) + " = nil"
                        : "removed from the chain at " + Slot(e.node, e.slot, lang));
    case K::kPrune:
      return zh ? TrieNodeName(e.node, lang) + " 已空：dead = true，" +
                      Slot(std::int32_t(e.a), e.slot, lang) + " = nil"
                : TrieNodeName(e.node, lang) + " is empty: dead = true, " +
                      Slot(std::int32_t(e.a), e.slot, lang) + " = nil";
    case K::kUnlock:
      return TrieNodeName(e.node, lang) + ".mu.Unlock()";
    case K::kResult:
      if (e.op == OpCode::kRange)
        return head + (zh ? "：f 被调用 " : ": f called ") + N(e.a) + (zh ? " 次" : " time(s)");
      if (e.op == OpCode::kLoadOrStore)
        return head + (zh ? " 返回 " : " returns ") + N(e.a) +
               ", loaded = " + (e.ok ? "true" : "false");
      if (e.op == OpCode::kDelete || e.op == OpCode::kStore)
        return head + ": loaded = " + (e.ok ? "true" : "false");
      return head + (zh ? " 返回 " : " returns ") + (e.ok ? N(e.a) + ", true" : "nil, false");
    case K::kYield:
      return zh ? "Range 回调 f(" + Q(p, e.key) + ", " + N(e.a) + ")"
                : "Range calls f(" + Q(p, e.key) + ", " + N(e.a) + ")";
  }
  return "";
}

Narration NarrateTrieOp(const Program& p, std::span<const TrieEvent> events) {
  Narration n;
  if (events.empty()) return n;
  const TrieEvent& first = events.front();
  const std::string who = p.goroutines[std::size_t(first.g)];
  const std::string fn = OpFuncName(first.op);
  n.func = HtFunc(first.op);
  std::string en =
      "This interleaving is the scenario's, not a scheduler's: now " + who + " calls " + fn;
  std::string zh = "这个交错顺序由场景给定，不是调度器给的：现在 " + who + " 调用 " + fn;
  if (first.op != OpCode::kRange) {
    en += "(" + Q(p, first.key) + ")";
    zh += "(" + Q(p, first.key) + ")";
  }
  en += ". ";
  zh += "。";
  int visits = 0, locks = 0, expands = 0, prunes = 0, yields = 0;
  std::string path_en, path_zh;
  for (const TrieEvent& e : events) {
    switch (e.kind) {
      case K::kHash:
        en += "Its hash is " + TrieHex(e.hash) + (e.ok ? " (given by the scenario)" : "") +
              "; the walk reads it 4 bits at a time from the top. ";
        zh += "它的哈希是 " + TrieHex(e.hash) + (e.ok ? "（场景给定）" : "") +
              "；遍历从最高位起每次取 4 位。";
        break;
      case K::kVisit:
        ++visits;
        if (!path_en.empty()) path_en += " -> ";
        path_en += Slot(e.node, e.slot);
        if (!path_zh.empty()) path_zh += " → ";
        path_zh += Slot(e.node, e.slot, Lang::kZh);
        if (e.a != 2) {
          const char* what_en = e.a == 0 ? "an empty slot" : "an entry";
          const char* what_zh = e.a == 0 ? "空槽" : "一个 entry";
          en += "Walk without a lock: " + path_en + ", reaching " + what_en + ". ";
          zh += "不加锁遍历：" + path_zh + "，到达" + what_zh + "。";
        }
        break;
      case K::kLookup:
        en += e.ok ? "entry.lookup finds the key after comparing " + N(e.a) + " key(s). "
                   : "entry.lookup compares " + N(e.a) + " key(s): not this key. ";
        zh += e.ok ? "entry.lookup 比较了 " + N(e.a) + " 个键后找到该键。"
                   : "entry.lookup 比较了 " + N(e.a) + " 个键：不是这个键。";
        break;
      case K::kLock:
        if (locks++ == 0) {
          en += "It locks " + TrieNodeName(e.node) + ".mu (depth " + N(e.depth) +
                "): only that node's children are closed to other writers; readers never "
                "wait. ";
          zh += "它锁住 " + TrieNodeName(e.node, Lang::kZh) + ".mu（深度 " + N(e.depth) +
                "）：只有该节点的子槽对其他写者关闭，读者从不等待。";
        }
        break;
      case K::kRecheck:
        en +=
            "Under the lock it re-reads the slot and checks the node is not dead; in this "
            "interleaving nothing changed, so no retry. ";
        zh += "加锁后重读该槽并确认节点未死；此交错中没有变化，无需重试。";
        break;
      case K::kInsert:
        en += "The slot was empty: the new entry goes straight in. ";
        zh += "该槽为空：新 entry 直接放入。";
        break;
      case K::kReplace:
        en += "entry.swap builds a new entry for the key (old value " + N(e.b) +
              ") and stores it in place; a reader holding the old entry still sees a whole "
              "one. ";
        zh += "entry.swap 为该键新建 entry（旧值 " + N(e.b) +
              "）并原位存入；持有旧 entry 的读者看到的仍是完整的旧条目。";
        break;
      case K::kChain:
        en +=
            "The slot's entry has exactly the same 64-bit hash: expand cannot separate them, "
            "so the new entry heads an overflow chain with the old one behind it. ";
        zh +=
            "该槽中的 entry 的 64 位哈希完全相同：expand 无法把它们分开，于是新 entry "
            "成为溢出链的链头，旧的接在后面。";
        break;
      case K::kExpand:
        ++expands;
        break;
      case K::kPlace:
        break;
      case K::kRemove:
        en += e.ok ? "The entry leaves the trie; its slot is nil now. "
                   : "The entry leaves its collision chain; the slot still holds the rest. ";
        zh += e.ok ? "该 entry 离开 trie；它的槽现在为 nil。"
                   : "该 entry 离开冲突链；槽里还有链的其余部分。";
        break;
      case K::kPrune:
        ++prunes;
        en += TrieNodeName(e.node) + " has no children left: it locks the parent " +
              TrieNodeName(std::int32_t(e.a)) + ".mu as well, marks " + TrieNodeName(e.node) +
              " dead (a writer that walked into it will retry) and " + "unlinks it, then unlocks " +
              TrieNodeName(e.node) + ". ";
        zh += TrieNodeName(e.node, Lang::kZh) + " 已无子节点：再锁住父节点 " +
              TrieNodeName(std::int32_t(e.a), Lang::kZh) + ".mu，把 " +
              TrieNodeName(e.node, Lang::kZh) +
              " 标记为 dead（走进它的写者会重试）并摘除，然后解锁 " +
              TrieNodeName(e.node, Lang::kZh) + "。";
        break;
      case K::kUnlock:
        break;
      case K::kResult:
        break;
      case K::kYield:
        ++yields;
        break;
    }
  }
  if (expands > 0) {
    en += "Two different hashes share this prefix: expand adds " + N(expands) +
          " indirect node(s), one per 4-bit level where they still agree, and the last one "
          "holds both entries. It is published last, in one store, so readers see the old "
          "entry or the new subtree, never neither. ";
    zh += "两个不同的哈希共享这个前缀：expand 新增 " + N(expands) +
          " 个 indirect 节点（它们仍相同的每个 4 位层级一个），最后一个节点放下两个 "
          "entry。新子树最后一次性发布，读者要么看到旧 entry，要么看到新子树。";
  }
  if (first.op == OpCode::kRange) {
    en += "Range walks the children 0 to F depth first without any lock: " + N(yields) +
          " call(s) of f, in slot order with each chain head first; not a snapshot. ";
    zh += "Range 不加锁、深度优先按子槽 0 到 F 遍历：调用 f " + N(yields) +
          " 次，按槽的顺序、每条链从链头起；不是快照。";
  } else if (locks == 0) {
    en += "No lock was taken: this op read only atomic child pointers. ";
    zh += "没有加任何锁：这个操作只读原子子指针。";
  }
  (void)visits;
  (void)prunes;
  n.text.en = en.substr(0, en.size() - 1);
  n.text.zh = zh;
  return n;
}

std::vector<std::string> TrieRun::EventLines(std::size_t step, Lang lang) const {
  std::vector<std::string> out;
  for (const TrieEvent& e : m_timeline.Events(step))
    out.push_back(TrieEventLine(*m_program, e, lang));
  return out;
}

Narration TrieRun::Narrate(std::size_t step) const {
  if (step == 0) {
    return {{"var m sync.Map (Go 1.24+): a HashTrieMap whose root is one indirect node with 16 "
             "empty child slots. Each level of the trie consumes 4 bits of the key's hash, top "
             "bits first. The goroutines' calls come in the order the scenario gives.",
             "var m sync.Map（Go 1.24+）：一个 HashTrieMap，根是一个有 16 个空子槽的 indirect "
             "节点。trie 的每一层消耗键哈希的 4 位，从最高位开始。各 goroutine 的调用按场景"
             "给定的顺序进行。"},
            ""};
  }
  Narration n = NarrateTrieOp(*m_program, m_timeline.Events(step));
  if (const LocalizedText* say = AuthorSay(step)) {
    n.text.en = say->Get(Lang::kEn) + " " + n.text.en;
    n.text.zh = say->Get(Lang::kZh) + n.text.zh;
  }
  return n;
}

Json TrieRun::EventsJson(std::size_t step) const {
  Json arr = Json::array();
  for (const TrieEvent& e : m_timeline.Events(step))
    arr.push_back(TrieEventLine(*m_program, e, Lang::kEn));
  return arr;
}

namespace {
Json NodeJson(const Program& p, const TrieState& s, std::int32_t id) {
  Json j = Json::object();
  const TrieIndirect& n = s.nodes[std::size_t(id)];
  for (int slot = 0; slot < kTrieFanout; ++slot) {
    const std::int32_t c = n.children[std::size_t(slot)];
    if (c == kTrieNil) continue;
    char name[4];
    std::snprintf(name, sizeof name, "%X", unsigned(slot));
    if (!TrieIsEntry(c)) {
      j[name] = NodeJson(p, s, c);
      continue;
    }
    Json chain = Json::array();
    for (std::int32_t e = TrieEntryId(c); e >= 0; e = s.entries[std::size_t(e)].overflow) {
      const TrieEntry& en = s.entries[std::size_t(e)];
      chain.push_back(Json::array({p.keys[std::size_t(en.key)], en.value}));
    }
    j[name] = chain;
  }
  return j;
}
}  // namespace

Json TrieRun::StateSummary(std::size_t step) const {
  const TrieState& s = m_timeline.StateRef(step);
  Json j;
  j["model"] = "hashtrie-1.24";
  j["trie"] = NodeJson(*m_program, s, 0);
  j["len"] = TrieLen(s);
  return j;
}

bool TrieRun::Notable(std::size_t step) const {
  for (const TrieEvent& e : m_timeline.Events(step)) {
    if (e.kind == K::kExpand || e.kind == K::kChain || e.kind == K::kPrune) return true;
  }
  return false;
}

}  // namespace gs::syncmap
