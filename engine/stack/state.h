// A goroutine stack as memory: words at real-looking addresses, frames over them, and the
// heap objects that escape analysis sent away. Value types only (indices, no pointers).
#pragma once

#include <cstdint>
#include <vector>

namespace gs::stack {

inline constexpr std::int32_t kNone = -1;
inline constexpr std::uint64_t kWord = 8;  ///< linux/amd64 pointer size

/// What a word holds, for drawing and for the pointer fix-ups of copystack.
enum class WordKind : std::uint8_t {
  kUnset,    ///< never written since the stack was allocated
  kInt,      ///< a plain integer (or any non-pointer bits)
  kPtr,      ///< a pointer (0 = nil)
  kRetPC,    ///< a return address pushed by CALL
  kSavedBP,  ///< a caller's frame pointer saved by the prologue
  kFuncPC,   ///< the code pointer at the start of a closure object
};

struct Word {
  std::uint64_t bits = 0;
  std::int32_t label = kNone;  ///< Program::labels: who wrote it (stays after the frame dies)
  std::uint16_t sub = 0;       ///< word index inside that label's value
  WordKind kind = WordKind::kUnset;
  friend bool operator==(const Word&, const Word&) = default;
};

/// One goroutine stack [lo, hi). words[i] is the word at hi - 8*(i+1): only the part that
/// has ever been touched is kept (the high-water mark).
struct Stack {
  /// Words per entry of block_hash.
  static constexpr std::size_t kHashBlock = 256;
  std::uint64_t lo = 0;
  std::uint64_t hi = 0;
  std::vector<Word> words;
  /// StackModel::Hash's cache, one value per kHashBlock words (0: to be computed). A step
  /// writes a few words, so a deep stack's hash costs the blocks it touched, not its size.
  /// Whoever writes words[i] through At() keeps it right; a new Stack starts empty.
  mutable std::vector<std::uint64_t> block_hash;
  /// words[idx] for writing (grown as needed), its block marked for rehashing.
  Word* At(std::size_t idx) {
    if (idx >= words.size()) words.resize(idx + 1);
    if (idx / kHashBlock < block_hash.size()) block_hash[idx / kHashBlock] = 0;
    return &words[idx];
  }
  std::uint64_t Size() const { return hi - lo; }
  bool Contains(std::uint64_t addr) const { return addr >= lo && addr < hi; }
};

struct Frame {
  std::int32_t func = kNone;
  std::uint64_t entry_sp = 0;          ///< address of the return PC (SP when the function starts)
  std::uint64_t sp = 0;                ///< lowest address of the frame (SP after the prologue)
  std::int32_t call_op = kNone;        ///< expanded op that made the call
  std::int32_t into = kNone;           ///< caller's variable that receives the result
  std::int32_t level = 0;              ///< recursion level (0 for a plain call)
  std::vector<std::uint8_t> declared;  ///< per variable of the function
};

struct HeapObj {
  std::uint64_t addr = 0;
  std::int64_t size = 0;      ///< bytes
  std::int32_t site = kNone;  ///< Program::sites entry that allocated it
  std::vector<Word> words;    ///< the first words (at most kMaxShownWords)
};

/// What an op in progress still has to do (growth and recursion take several steps).
enum class Pending : std::uint8_t {
  kIdle,
  kCopy,     ///< newstack chose a size: copystack next
  kFreeOld,  ///< copied: stackfree and re-run the prologue next
};

struct State {
  Stack stack;
  std::uint64_t sp = 0;  ///< current stack pointer (== stack.hi when no frame is live)
  std::vector<Frame> frames;
  /// StackModel::Hash's cache: frame_prefix[i] is the running hash of frames[0..i], for the
  /// frames under the top one. Only copystack changes those (and clears it).
  mutable std::vector<std::uint64_t> frame_prefix;
  std::vector<HeapObj> heap;
  std::vector<Word> globals;
  std::uint64_t heap_next = 0;   ///< bump pointer for small heap objects
  std::uint64_t large_next = 0;  ///< bump pointer for large (> 32 KiB) heap objects
  std::uint64_t stack_next = 0;  ///< where the next stack segment is allocated
  std::uint64_t bp = 0;          ///< the frame pointer register (BP)
  std::uint64_t ctx = 0;         ///< closure context register (DX) for the call in progress
  std::int32_t line = 0;         ///< go_source line of the last step (1-based, 0 = none)
  bool crashed = false;          ///< fatal "stack overflow": nothing runs after it

  // Stack growth in progress (morestack → newstack → copystack → stackfree).
  Pending pending = Pending::kIdle;
  std::uint64_t new_size = 0;
  std::uint64_t copy_sp = 0;  ///< gp.sched.sp for copystack: everything above it is copied
  Stack old_stack;            ///< the stack being replaced (kept until stackfree, for drawing)

  // Progress through the script.
  std::int32_t pc = 0;     ///< next op
  std::int32_t level = 0;  ///< levels done of a "depth" call / return
  std::vector<Word> ret;   ///< the result travelling back through a "depth" return
};

}  // namespace gs::stack
