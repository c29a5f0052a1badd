// What a stack step did. The app animates from these; the narration and trace come from them.
#pragma once

#include <cstdint>
#include <string>

#include "engine/stack/state.h"

namespace gs::stack {

enum class EventKind : std::uint8_t {
  kCall,        ///< func, addr = entry SP; CALL pushed the return PC (bits)
  kStackCheck,  ///< func: prologue check passed; addr = SP tested, addr2 = stackguard0, n = frame
                ///< size
  kNoSplit,     ///< func: a NOSPLIT leaf, no check
  kSaveBP,      ///< addr = slot, bits = caller's frame pointer
  kFramePush,   ///< func, addr = entry SP, addr2 = new SP, n = frame size, m = stale words inside
  kSpill,       ///< func, var: register argument spilled to addr, bits
  kZero,  ///< var declared with its zero value at addr; n words; flag = stale bytes were there
  kInit,  ///< var declared with an initial value (bits) at addr; flag = stale bytes overwritten
  kMovedToHeap,  ///< var's declaration: newobject at addr2, the frame slot addr holds the pointer
  kAssign,       ///< label at addr: old_bits -> bits
  kStore,        ///< *p = v: a store through a pointer into addr (stack or heap)
  kAddr,         ///< var's address (bits) into label
  kHeapAlloc,    ///< site allocated on the heap at addr (n bytes)
  kStackAlloc,   ///< site allocated in the frame at addr (n bytes)
  kBox,          ///< site: interface conversion copied the value to the heap at addr
  kStaticBox,    ///< site: value < 256, convT64 points into staticuint64s, no allocation
  kPrint,        ///< text printed by fmt.Println
  kReturn,       ///< func returns bits (n words); label = where the caller keeps it
  kPop,          ///< func: SP addr -> addr2; n words stay behind as stale bytes
  kGoexit,       ///< the goroutine's first function returned
  kMorestack,    ///< func: addr = SP tested, addr2 = stackguard0, n = frame size
  kNewStack,     ///< newstack: n = old size, m = new size
  kCopyStack,    ///< old [addr, addr2) -> new at bits; n = bytes copied (used part)
  kAdjust,       ///< a pointer word at addr rewritten old_bits -> bits; flag = saved BP
  kStackFree,    ///< stackfree: old stack at addr, n bytes
  kOverflow,     ///< n = the size newstack wanted, m = max stack
  kGcScan,       ///< scanstack: n words between SP and hi scanned
  kShrinkSkip,   ///< shrinkstack declined: n = used, m = size; flag = at the minimum size
  kShrink,       ///< shrinkstack: n = used, m = old size (halving)
};

struct Event {
  EventKind kind = EventKind::kCall;
  std::int32_t func = kNone;
  std::int32_t var = kNone;
  std::int32_t site = kNone;
  std::int32_t label = kNone;      ///< owner of the written word(s)
  std::int32_t old_label = kNone;  ///< owner of the stale bytes that were there
  std::uint64_t addr = 0;
  std::uint64_t addr2 = 0;
  std::uint64_t old_bits = 0;
  std::uint64_t bits = 0;
  std::int64_t n = 0;
  std::int64_t m = 0;
  WordKind old_kind = WordKind::kUnset;
  WordKind word_kind = WordKind::kUnset;
  bool flag = false;
  std::string text;
};

}  // namespace gs::stack
