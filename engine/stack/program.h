// A checked stack scenario: functions with their frame layouts (fixed at "compile time"),
// the escape decisions with their -gcflags=-m messages, and the script of ops.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/text.h"
#include "engine/stack/state.h"

namespace gs::stack {

enum class TypeClass : std::uint8_t {
  kInt,     ///< int, uint8, bool, float64 ... (no pointers)
  kPtr,     ///< *T
  kSlice,   ///< []T: {ptr, len, cap}
  kString,  ///< {ptr, len}
  kMap,     ///< map[K]V: a *hmap
  kChan,    ///< chan T: a *hchan
  kFunc,    ///< func(...): a pointer to a closure object
  kIface,   ///< any / interface{} / error: {type, data}
  kArray,   ///< [N]T
  kNamed,   ///< a struct type named in "types"
};

struct Type {
  std::string text;  ///< as written, e.g. "[]int"
  TypeClass cls = TypeClass::kInt;
  std::int64_t size = 8;  ///< bytes (types.Size)
  bool has_pointers = false;
  std::string elem;  ///< element type text for *T, []T, [N]T, chan T
  std::int64_t elem_size = 0;
  std::int64_t len = 0;  ///< [N]T
  /// Stack words this value takes here: every variable is word-aligned (a simplification).
  std::int64_t Words() const { return size <= 0 ? 1 : (size + 7) / 8; }
};

/// Why a value had to go to the heap (the -m message does not say; the narration does).
enum class Reason : std::uint8_t {
  kNoEscape,
  kReturned,       ///< its address flows to a function result
  kGlobal,         ///< its address is stored in a global
  kHeapStore,      ///< its address is stored through a pointer (*p = &x): the heap
  kCaptured,       ///< captured by reference by a closure that escapes
  kHeldByEscaped,  ///< its address is stored in something already on the heap
  kTooLarge,       ///< over MaxStackVarSize / MaxImplicitStackVarSize
  kNonConstSize,   ///< make([]T, n) with n not a constant
  kInterface,      ///< converted to an interface that escapes (fmt.Println)
  kUnknownCall,    ///< passed to a call through a func value
  kCalleeLeaks,    ///< passed to a parameter tagged "leaking param"
};

enum class SiteKind : std::uint8_t {
  kVar,      ///< a local variable whose address is taken
  kNew,      ///< new(T) or &T{...}
  kMake,     ///< make([]T, ...), make(map...), make(chan ...)
  kClosure,  ///< func literal
  kBox,      ///< an interface conversion of a non-pointer value (fmt.Println(x))
  kDots,     ///< the implicit []any of a variadic call
};

/// An allocation site as escape analysis sees it.
struct Site {
  SiteKind kind = SiteKind::kVar;
  std::int32_t func = kNone;
  std::int32_t var = kNone;  ///< kVar: the variable; kClosure: unused
  std::int32_t op = kNone;   ///< the op that creates it (kNone for kVar)
  std::int32_t line = 0;
  std::string expr;  ///< how -m prints it: "x", "new(int)", "make([]int, n)", ...
  Type obj;          ///< the object allocated (T of new(T), the backing array ...)
  bool escapes = false;
  bool always_heap = false;  ///< make(chan): makechan allocates on the heap regardless
  Reason reason = Reason::kNoEscape;
  std::string message;         ///< the exact -gcflags=-m line text ("" = -m prints nothing)
  std::int32_t label = kNone;  ///< owner name of its words (on the heap or in an autotmp)
};

/// A -m line about a parameter ("leaking param: p", "p does not escape").
struct ParamTag {
  std::int32_t func = kNone;
  std::int32_t var = kNone;
  std::int32_t heap = -1;    ///< derefs of the leak to the heap (-1 = none)
  std::int32_t result = -1;  ///< derefs of the leak to the result (-1 = none)
  std::string message;
};

enum class ItemKind : std::uint8_t { kRetPC, kSavedBP, kLocal, kAutotmp, kCtx, kOutArgs };

/// One piece of a frame, at a fixed offset from the frame's entry SP (the return PC).
struct LayoutItem {
  ItemKind kind = ItemKind::kLocal;
  std::int64_t offset = 0;  ///< bytes from entry SP (negative: below it)
  std::int64_t words = 1;
  std::int32_t var = kNone;   ///< kLocal
  std::int32_t site = kNone;  ///< kAutotmp
  std::int32_t label = kNone;
};

struct Var {
  std::string name;
  Type type;
  bool param = false;
  std::int32_t line = 0;
  bool addr_taken = false;
  bool reassigned = false;  ///< assigned after its declaration (closure capture by value needs not)
  std::int32_t site = kNone;  ///< its kVar site when its address is taken
  bool escapes = false;       ///< "moved to heap": the frame holds a pointer to it
  std::int64_t offset = 0;    ///< from entry SP: params above the return PC, locals below
  std::int32_t label = kNone;
};

struct Capture {
  std::int32_t var = kNone;  ///< variable of the enclosing function
  bool by_ref = false;
};

struct Func {
  std::string name;
  std::vector<Var> vars;  ///< params first
  std::int32_t nparams = 0;
  bool has_result = false;
  Type result;
  std::int32_t line = 0;
  std::int32_t closure_of = kNone;  ///< enclosing function of a func literal
  std::vector<Capture> captures;
  bool is_extern = false;  ///< fmt.Println: no frame drawn
  // Layout, decided after escape analysis.
  std::vector<LayoutItem> items;  ///< high to low addresses
  std::int64_t frame_size = 0;    ///< bytes below the return PC (saved BP + locals + outgoing)
  std::int64_t out_args = 0;      ///< bytes of the outgoing argument spill area
  bool has_bp = false;
  bool leaf = true;
  bool nosplit = false;    ///< leaf with a small frame: the assembler marks it NOSPLIT
  std::uint64_t code = 0;  ///< fake text address, for return PCs
};

enum class ExprKind : std::uint8_t { kInt, kNil, kVar, kAddr, kDeref, kPlus };

/// A value: 42, "nil", "x", "&x", "*p", "x+1", "n-1".
struct Expr {
  ExprKind kind = ExprKind::kInt;
  std::int64_t imm = 0;
  std::int32_t ref = kNone;  ///< Program::refs
  std::string text;
};

enum class RefKind : std::uint8_t { kLocal, kCaptured, kGlobal };

/// A name resolved inside one function: its own variable, a captured one or a global.
struct Ref {
  RefKind kind = RefKind::kLocal;
  std::int32_t func = kNone;  ///< owner of the variable (the enclosing one when captured)
  std::int32_t var = kNone;   ///< variable, or global index
  std::int32_t cap = kNone;   ///< capture index in the closure function
};

enum class OpCode : std::uint8_t {
  kCall,
  kReturn,
  kDeclare,
  kAssign,
  kAddr,
  kNew,
  kMake,
  kClosure,
  kGc,
};

struct Op {
  OpCode code = OpCode::kDeclare;
  std::int32_t source = 0;  ///< index in "script"
  std::int32_t line = 0;
  std::int32_t func = kNone;    ///< the function running it (known statically)
  std::int32_t target = kNone;  ///< Program::refs: declared / assigned / "into"
  bool target_deref = false;    ///< assign "*p" = ...: a store through p
  Expr value;                   ///< declare / assign / return value; addr: the operand
  bool has_value = false;
  std::int32_t callee = kNone;
  std::int32_t via = kNone;  ///< call through this func-valued variable (Program::refs)
  std::vector<Expr> args;
  std::vector<Expr> recurse_args;  ///< args of level k+1, evaluated in level k
  std::int32_t depth = 1;
  std::int32_t site = kNone;            ///< new / make / closure
  std::vector<std::int32_t> box_sites;  ///< extern call: kBox site per arg (kNone: none)
  std::int32_t dots_site = kNone;
  Expr len;  ///< make
  Expr cap;
  bool has_cap = false;
};

struct Global {
  std::string name;
  Type type;
  std::int32_t label = kNone;
};

struct Config {
  std::int64_t stack_size = 2048;           ///< fixedStack on linux/amd64
  std::int64_t max_stack = 1000000000;      ///< maxstacksize on 64-bit
  std::int64_t stack_guard = 928;           ///< _StackGuard (linux/amd64, 1.19)
  std::int64_t stack_small = 128;           ///< _StackSmall
  std::int64_t stack_limit = 800;           ///< _StackLimit
  std::int64_t max_stack_var = 10 << 20;    ///< ir.MaxStackVarSize (1.19)
  std::int64_t max_implicit = 64 << 10;     ///< ir.MaxImplicitStackVarSize
  std::uint64_t stack_base = 0xc000800000;  ///< first stack segment (illustrative)
  std::uint64_t heap_base = 0xc000012000;   ///< first small heap object (illustrative)
};

struct Program {
  Config config;
  std::vector<std::string> source;  ///< go_source lines
  std::vector<Func> funcs;
  std::vector<Global> globals;
  std::vector<Ref> refs;
  std::vector<Site> sites;
  std::vector<ParamTag> tags;
  std::vector<std::string> labels;  ///< owner names of words
  std::vector<Op> ops;
  std::int32_t entry = kNone;  ///< the function of the first call

  const Var& VarOf(const Ref& r) const {
    return funcs[std::size_t(r.func)].vars[std::size_t(r.var)];
  }
  const Func& F(std::int32_t i) const { return funcs[std::size_t(i)]; }
  /// Every -m line escape analysis produced as "LINE: message", sorted (tests, the app's list).
  std::vector<std::string> EscapeMessages() const;
};

/// Parses a Go type as written; named struct types come from `named` (name, size, pointers).
struct NamedType {
  std::string name;
  std::int64_t size = 0;
  bool has_pointers = false;
};
bool ParseType(const std::string& text, const std::vector<NamedType>& named, Type* out,
               std::string* error);

std::string_view ReasonName(Reason r);
LocalizedText ReasonText(Reason r);

}  // namespace gs::stack
