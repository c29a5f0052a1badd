// Loader diagnostics for malformed gc scenarios (tests/malformed/*.json): each file's exact
// report, "file:line:col: /json/pointer: message", every error in the file, in the order the
// checker meets them. Line and column were counted by hand against the files; the comment of
// each case names the token the position points at.
//
// Positions: a checker error points at the first character of the offending value (or of
// the key, for unknown fields); an error about a whole object (missing field, script error)
// points at its "{". A JSON syntax error points at the start of the offending token: the
// opening quote of a string, the first letter of a bad literal, or the stray character.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/limits.h"
#include "engine/core/scenario.h"

namespace gs {
namespace {

const std::string kDir = std::string(GS_TEST_DIR) + "/malformed/";

// Diagnostics with the directory removed, so the expected text names only the file.
std::string Report(const LoadResult& r) {
  std::string out = r.diags.FormatAll();
  for (std::size_t at = out.find(kDir); at != std::string::npos; at = out.find(kDir)) {
    out.erase(at, kDir.size());
  }
  return out;
}

struct Case {
  const char* file;
  std::string expected;
};

std::string DeepPointer() {
  // 63 nested arrays fit under kMaxJsonDepth = 64 (the root object is the first level);
  // the 64th array is the one rejected, at /tags/0/.../0 (63 zeros).
  std::string p = "/tags";
  for (int i = 0; i < 63; ++i) p += "/0";
  return p;
}

const std::vector<Case>& Cases() {
  static const std::vector<Case> k = {
      // Syntax: line 3 lacks its comma, so the parser meets the string "id" (line 4, cols 3-6)
      // where ',' or '}' must come: the error points at that string's opening quote, col 3.
      {"missing_comma.json",
       R"(missing_comma.json:4:3: syntax error while parsing object - unexpected string literal; expected '}'
)"},
      // Syntax: `{"id": "B"},]` — the ']' at col 49 of line 6 follows a comma, where a value
      // must come (JSON has no trailing commas).
      {"trailing_comma.json",
       R"(trailing_comma.json:6:49: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal
)"},
      // Syntax: the string opened at line 4 col 9 runs into the newline at col 23; a raw
      // control character may not appear in a JSON string. The error points at the opening
      // quote, where the author must look.
      {"unterminated_string.json",
       R"(unterminated_string.json:4:9: syntax error while parsing value - invalid string: control character U+000A (LF) must be escaped to \u000A or \n; last read: '"unterminated,<U+000A>'
)"},
      // Syntax: `tru` (line 6 cols 27-29) is not a literal; the parser notices at the '}' at
      // col 30 and the error points back at the literal's first letter, col 27.
      {"bad_literal.json",
       R"(bad_literal.json:6:27: syntax error while parsing value - invalid literal; last read: '"wb_buffer": tru}'
)"},
      // Wrong types, eight at once: "1" (2:13), a plain-string title (5:12), "yes" (6:44),
      // "2" (8:39), id 7 (8:52), roots as an object (9:14), 1.5 (12:25), an op that is a
      // string (13:5).
      {"wrong_types.json",
       R"(wrong_types.json:2:13: /format: expected an integer, got string
wrong_types.json:5:12: /title: expected {"en": ..., "zh": ...}, got a plain string
wrong_types.json:6:44: /config/wb_buffer: expected true or false, got string
wrong_types.json:8:39: /heap/objects/0/fields: expected an integer, got string
wrong_types.json:8:52: /heap/objects/1/id: expected a string, got integer
wrong_types.json:9:14: /heap/roots: expected an array, got object
wrong_types.json:12:25: /script/0/n: expected an integer, got number
wrong_types.json:13:5: /script/1: expected an object, got string
)"},
      // Unknown top-level field: the key "scirpt" at 7:3; "script" is then missing, reported
      // at the root object (1:1).
      {"unknown_field_top.json",
       R"(unknown_field_top.json:7:3: /scirpt: unknown field "scirpt" (did you mean "script"?)
unknown_field_top.json:1:1: missing required field "script"
)"},
      // Unknown fields at four depths: a text (/title), config, heap, an object inside the
      // heap, and an op. Heap keys are checked before the objects are read, so /heap/egdes
      // (10:5) comes before /heap/objects/0/feilds (8:29). The op with "too" also misses "to",
      // reported at its "{" (14:5). (The title also lacks Chinese text, but lint warnings are
      // only given for files that load.)
      {"unknown_field_nested.json",
       R"(unknown_field_nested.json:5:24: /title/zn: unknown field "zn" (did you mean "en"?)
unknown_field_nested.json:6:14: /config/barier: unknown field "barier" (did you mean "barrier"?)
unknown_field_nested.json:10:5: /heap/egdes: unknown field "egdes" (did you mean "edges"?)
unknown_field_nested.json:8:29: /heap/objects/0/feilds: unknown field "feilds" (did you mean "fields"?)
unknown_field_nested.json:14:33: /script/1/too: unknown field "too" (did you mean "to"?)
unknown_field_nested.json:14:5: /script/1: missing required field "to"
)"},
      // Unknown enum values with hints: barrier (6:25), root kind (9:42), op name (11:21).
      {"unknown_enum.json",
       R"(unknown_enum.json:6:25: /config/barrier: unknown value "dijkstar" (did you mean "dijkstra"?); expected one of: none, dijkstra, yuasa, hybrid, go
unknown_enum.json:9:42: /heap/roots/0/kind: unknown value "globl" (did you mean "global"?); expected one of: global, stack
unknown_enum.json:11:21: /script/0/op: unknown value "mark_al" (did you mean "mark_all"?); expected one of: gc_start, mark, scan_root, mark_all, mark_termination, sweep, gc, alloc, write, load, set_root
)"},
      // An unknown kind: the value "gcc" at 3:11. The payload cannot be checked without a kind.
      {"unknown_kind.json",
       R"(unknown_kind.json:3:11: /kind: unknown value "gcc" (did you mean "gc"?); expected one of: gc, maps, stack, sched, chan, concurrency, pacer, io, syncmap
)"},
      // The CLI test's file: "Q" at 12:39 is no object. A one-letter id is never "almost"
      // another one, so there is no hint, only the list of objects.
      {"unknown_object.json",
       R"(unknown_object.json:12:39: /script/1/to: unknown object "Q" (objects: A, B, C)
)"},
      // Unknown objects in a root's refs (8:52, no close id) and in an edge (9:25, "Beta").
      {"unknown_edge_object.json",
       R"(unknown_edge_object.json:8:52: /heap/roots/0/refs/1: unknown object "Gamma" (objects: Alpha, Beta)
unknown_edge_object.json:9:25: /heap/edges/0/1: unknown object "Bet" (did you mean "Beta"?) (objects: Alpha, Beta)
)"},
      // Unknown roots in scan_root (12:33, a typo) and set_root (13:32, no close id).
      {"unknown_root.json",
       R"(unknown_root.json:12:33: /script/1/root: unknown root "stack:mian" (did you mean "stack:main"?) (roots: stack:main)
unknown_root.json:13:32: /script/2/root: unknown root "global:x" (roots: stack:main)
)"},
      // Duplicate ids: the third object "A" (7:50), the second root "stack:g" (8:56) and an
      // alloc of the existing "B" (12:27).
      {"duplicate_ids.json",
       R"(duplicate_ids.json:7:50: /heap/objects/2/id: duplicate object id "A"
duplicate_ids.json:8:56: /heap/roots/1/id: duplicate root id "stack:g"
duplicate_ids.json:12:27: /script/1/id: object id "B" is already used; alloc needs a new id
)"},
      // Duplicate JSON keys are found while parsing, at the second key: "en" (5:24) and "id"
      // (6:36). Both are reported; the payload is not checked after a parse failure.
      {"duplicate_key.json",
       R"(duplicate_key.json:5:24: /title/en: duplicate key "en"
duplicate_key.json:6:36: /heap/objects/0/id: duplicate key "id"
)"},
      // Out of range: format 2 (2:13), wb_buffer_size 0 (6:68), 65 fields > kMaxFieldsPerObject
      // (8:65), edge field 2 of a 2-field object (10:21), write field 5 (14:42), mark n 0 (15:25).
      {"out_of_range.json",
       R"(out_of_range.json:2:13: /format: must be between 1 and 1, got 2
out_of_range.json:6:68: /config/wb_buffer_size: must be between 1 and 256, got 0
out_of_range.json:8:65: /heap/objects/1/fields: must be between 0 and 64, got 65
out_of_range.json:10:21: /heap/edges/0/1: "A" has 2 pointer field(s); field 2 is out of range
out_of_range.json:14:42: /script/1/field: "A" has 2 pointer field(s); field 5 is out of range
out_of_range.json:15:25: /script/2/n: must be between 1 and 100000, got 0
)"},
      // Noscan objects have no pointer fields (greyobject never scans them): declaring fields
      // (7:88), an edge from one (9:16) and a write into one (13:44) are all errors.
      {"noscan_write.json",
       R"(noscan_write.json:7:88: /heap/objects/1/fields: a noscan (pointer-free) object has no pointer fields; drop "fields"
noscan_write.json:9:16: /heap/edges/0/0: "Buf" is noscan (pointer-free): it has no pointer fields
noscan_write.json:13:44: /script/1/field: "Buf" is noscan (pointer-free): it has no pointer fields
)"},
      // Invalid ids (4:9, 7:24, 7:42), a root with neither kind nor prefix (its "{" at 8:15),
      // malformed edges (their "[" at 9:15 and 9:23).
      {"bad_ids.json",
       R"(bad_ids.json:4:9: /id: id "bad ids" may use only letters, digits and _ : . -
bad_ids.json:7:24: /heap/objects/0/id: id "my obj" may use only letters, digits and _ : . -
bad_ids.json:7:42: /heap/objects/1/id: an id must not be empty
bad_ids.json:8:15: /heap/roots/0: root "g" needs "kind": "global" or "stack" (or an id starting with "global:" or "stack:")
bad_ids.json:9:15: /heap/edges/0: an edge is ["FROM", "TO"] or ["FROM", FIELD, "TO"]
bad_ids.json:9:23: /heap/edges/1: an edge is ["FROM", "TO"] or ["FROM", FIELD, "TO"]
)"},
      // Limit: the title string (opening quote at 5:19) is 4097 bytes.
      {"string_too_long.json",
       R"(string_too_long.json:5:19: /title/en: string is 4097 bytes, over the limit kMaxStringBytes = 4096
)"},
      // Limit: "tags" opens at 6:11 with 70 '['; the 64th one (col 11 + 63 = 74) would be the
      // 65th level counting the root object.
      {"nesting_too_deep.json", "nesting_too_deep.json:6:74: " + DeepPointer() +
                                    ": nesting is deeper than the limit kMaxJsonDepth = 64\n"},
      // Missing required fields: title (at the root, 1:1), an object id (6:17), a root id
      // (7:15), write's "to" (10:5), an op without "op" (11:5), scan_root's "root" (12:5).
      {"missing_required.json",
       R"(missing_required.json:1:1: missing required field "title"
missing_required.json:6:17: /heap/objects/0: missing required field "id"
missing_required.json:7:15: /heap/roots/0: missing required field "id"
missing_required.json:10:5: /script/0: missing required field "to"
missing_required.json:11:5: /script/1: missing required field "op"
missing_required.json:12:5: /script/2: missing required field "root"
)"},
      {"missing_kind.json",
       R"(missing_kind.json:1:1: missing required field "kind"
)"},
      // The document must be an object: the "[" at 1:1.
      {"not_an_object.json",
       R"(not_an_object.json:1:1: expected an object, got array
)"},
      // Runtime script errors are found when the timeline is built and point at the op's "{".
      // gcSweep only runs after mark termination; sweeping with no cycle is meaningless.
      {"sweep_before_gc.json",
       R"(sweep_before_gc.json:12:5: /script/1: nothing to sweep: no GC cycle has finished marking
)"},
      // After the root job A is grey and B (behind A) still white: "mark obj B" cannot scan it.
      {"mark_not_grey.json",
       R"(mark_not_grey.json:14:5: /script/2: B is white, not in the grey queue
)"},
      // B is unreachable, so the full "gc" frees it; a program can never write into it again.
      {"write_freed.json",
       R"(write_freed.json:12:5: /script/1: writes into B, which is not allocated (it was freed)
)"},
      // Several errors in one file, from config, heap and script, all reported in file order.
      // Keys that belong to another goroutine state: a running G needs its P (11:7, the
      // goroutine's "{"), a waiting one its wait reason (12:7); a runnable G has no P (the
      // value 1 at 13:63), and only "chan receive" parks a G on a channel (the "c" at 14:87).
      {"sched_initial_keys.json",
       R"(sched_initial_keys.json:11:7: /initial/goroutines/0: missing required field "p"
sched_initial_keys.json:12:7: /initial/goroutines/1: missing required field "wait_reason"
sched_initial_keys.json:13:63: /initial/goroutines/2/p: only a running goroutine sits on a P; a runnable one has no "p"
sched_initial_keys.json:14:87: /initial/goroutines/3/ch: a goroutine parked on a channel here must have wait_reason "chan receive"
)"},
      // A range's prefix names string keys; this map has the default int keys (the key
      // "prefix" at 8:56).
      {"maps_prefix_int.json",
       R"(maps_prefix_int.json:8:56: /script/1/range/prefix: "prefix" is for string keys; this map has int keys
)"},
      // Channel ops (kind "chan"): a send on a channel that "chans" does not declare, with
      // a did-you-mean (the name "jbos" at 9:28).
      {"chan_unknown_send.json",
       R"(chan_unknown_send.json:9:28: /funcs/main/0/ch: unknown channel "jbos": declare it in "chans" (did you mean "jobs"?)
)"},
      // A receive into a local that no var op declared: the message says how to declare it
      // (the name at 11:44).
      {"chan_recv_undeclared.json",
       R"(chan_recv_undeclared.json:11:44: /funcs/main/2/into: undeclared local "vl" in func main: declare it first with {"do": "var", "name": "vl", "type": ...} (did you mean "val"?)
)"},
      // A receive into a string local from an int channel, and an "ok" that is not a bool.
      {"chan_recv_wrong_type.json",
       R"(chan_recv_wrong_type.json:12:44: /funcs/main/3/into: local "s" is string but the channel carries int
chan_recv_wrong_type.json:13:42: /funcs/main/4/ok: ok must be a bool local; "ok" is int
)"},
      // Buffers over kMaxChanCap = 65536, in "chans" (6:28) and in make_chan (9:48), and a
      // negative one.
      // io: the arrive op's fd "conn3" (line 9, col 28: its opening quote) names no
      // declared connection; the message lists them and the closest one.
      {"io_unknown_fd.json",
       R"(io_unknown_fd.json:9:28: /script/0/fd: unknown fd "conn3"; the fds are conn1, conn2 (did you mean "conn1"?)
)"},
      // io: model multiplex with poller select, and 1 + 1099 connections (fds 3..1102): the
      // error is at the idle_fds value (line 8, col 15) and explains FD_SETSIZE.
      {"io_select_over_fd_setsize.json",
       R"(io_select_over_fd_setsize.json:8:15: /idle_fds: 1100 connections get fds 3..1102, but select(2) can watch only fds below FD_SETSIZE = 1024 (fd_set is a fixed 1024-bit mask); use "poller": "poll" or "epoll", or put select in "compare" to show it failing
)"},
      // io: "at": -5 (line 7, col 43, the '-') is before the start.
      {"io_negative_time.json",
       R"(io_negative_time.json:7:43: /fds/0/arrivals/0/at: a negative time: arrivals are µs after the scenario starts (0 or later)
)"},
      // io: 3 + 100,000 connections exceed kMaxFds; the error is at idle_fds' value (8:15).
      {"io_too_many_fds.json",
       R"(io_too_many_fds.json:8:15: /idle_fds: 3 fds + 100000 idle fds are over the limit kMaxFds = 20000
)"},
      {"chan_cap_out_of_range.json",
       R"(chan_cap_out_of_range.json:6:28: /chans/big/cap: must be between 0 and 65536, got 65537
chan_cap_out_of_range.json:9:48: /funcs/main/0/cap: must be between 0 and 65536, got 70000
chan_cap_out_of_range.json:10:48: /funcs/main/1/cap: must be between 0 and 65536, got -1
)"},
      // A select case with both "send" and "recv" (the case's "{" at 11:9).
      {"chan_select_send_and_recv.json",
       R"(chan_select_send_and_recv.json:11:9: /funcs/main/0/cases/1: a case has either "send" or "recv" (the channel's name)
)"},
      // A string literal sent on an int channel (the value at 10:45), an int local sent on a
      // string channel.
      {"chan_send_wrong_type.json",
       R"(chan_send_wrong_type.json:10:45: /funcs/main/1/value: a string value, expected int
chan_send_wrong_type.json:11:49: /funcs/main/2/value_of: "n" is int, expected string
)"},
      // "value" and "value_of" both given, in a send and in a print (each op's "{").
      {"chan_value_and_value_of.json",
       R"(chan_value_and_value_of.json:10:7: /funcs/main/1: give either "value" or "value_of", not both
chan_value_and_value_of.json:11:7: /funcs/main/2: give either "value" or "value_of", not both
)"},
      // A nil channel with a buffer (the cap 4 at 6:57: make_chan gives it), and a select send
      // case with "into" (the case's "{" at 10:34).
      {"chan_nil_with_cap.json",
       R"(chan_nil_with_cap.json:6:57: /chans/late/cap: a nil channel has no buffer: give the cap to the make_chan op that makes it
chan_nil_with_cap.json:10:34: /funcs/main/1/cases/0: a send case has no "into" or "ok"
)"},
      {"several_errors.json",
       R"(several_errors.json:6:34: /config/wb_bufer: unknown field "wb_bufer" (did you mean "wb_buffer"?)
several_errors.json:10:21: /heap/edges/0/1: unknown object "C" (objects: A, B)
several_errors.json:14:39: /script/1/to: unknown object "D" (objects: A, B)
several_errors.json:14:49: /script/1/g: unknown root "stack:man" (did you mean "stack:main"?) (roots: stack:main)
several_errors.json:15:64: /script/2/field: expected an integer, got string
several_errors.json:16:12: /script/3/op: unknown value "sweeep" (did you mean "sweep"?); expected one of: gc_start, mark, scan_root, mark_all, mark_termination, sweep, gc, alloc, write, load, set_root
)"},
  };
  return k;
}

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.file;
}

class MalformedFile : public ::testing::TestWithParam<Case> {};

TEST_P(MalformedFile, ReportsExactDiagnostics) {
  const Case& c = GetParam();
  LoadResult r = LoadScenarioFile(kDir + c.file);
  EXPECT_FALSE(r.run) << "a malformed file must not load";
  EXPECT_EQ(Report(r), c.expected);
  // Every expected line but the lint warnings is an error.
  std::size_t errors = 0;
  for (std::size_t at = 0, nl; (nl = c.expected.find('\n', at)) != std::string::npos; at = nl + 1) {
    errors += c.expected.substr(at, nl - at).find(": warning: ") == std::string::npos;
  }
  EXPECT_EQ(r.diags.ErrorCount(), errors);
}

INSTANTIATE_TEST_SUITE_P(Gc, MalformedFile, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& param_info) {
                           std::string n = param_info.param.file;
                           n = n.substr(0, n.find('.'));
                           return n;
                         });

TEST(MalformedFiles, EveryFileInTheFolderHasACase) {
  // A new malformed file without an expected report would silently go untested.
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(kDir)) {
    if (e.path().extension() != ".json") continue;
    ++files;
    const std::string name = e.path().filename().string();
    bool found = false;
    for (const Case& c : Cases()) found = found || name == c.file;
    EXPECT_TRUE(found) << name;
  }
  EXPECT_GE(files, 22u);
  EXPECT_EQ(files, Cases().size());
}

TEST(MalformedFiles, SeveralErrorsAreAllReported) {
  // Checking goes on after an error: each of these files has errors in several sections.
  for (const char* f : {"wrong_types.json", "unknown_field_nested.json", "out_of_range.json",
                        "several_errors.json", "missing_required.json"}) {
    LoadResult r = LoadScenarioFile(kDir + f);
    EXPECT_GE(r.diags.ErrorCount(), 5u) << f;
  }
}

// kMaxObjects: a heap of kMaxObjects + 1 objects, generated here rather than committed.
// The "objects" array opens on line 6 at col 16: `    "objects": [` (4 spaces, the 10-char
// `"objects":` at cols 5-14, a space, then '[').
std::string ManyObjects(std::size_t heap_objects, std::size_t allocs) {
  std::string s =
      "{\n  \"format\": 1,\n  \"kind\": \"gc\",\n  \"id\": \"many\",\n  \"heap\": {\n"
      "    \"objects\": [";
  for (std::size_t i = 0; i < heap_objects; ++i) {
    s += (i ? ", " : "") + std::string("{\"id\": \"o") + std::to_string(i) + "\"}";
  }
  s += "],\n    \"roots\": [{\"id\": \"stack:g\"}]\n  },\n  \"title\": {\"en\": \"x\", \"zh\": "
       "\"x\"},\n"
       "  \"script\": [";
  for (std::size_t i = 0; i < allocs; ++i) {
    s += (i ? ", " : "") + std::string("{\"op\": \"alloc\", \"id\": \"n") + std::to_string(i) +
         "\", \"root\": \"stack:g\"}";
  }
  s += "]\n}\n";
  return s;
}

TEST(MalformedLimits, TooManyHeapObjects) {
  const std::size_t n = limits::kMaxObjects + 1;
  LoadResult r = LoadScenarioText("many.json", ManyObjects(n, 0));
  EXPECT_FALSE(r.run);
  EXPECT_EQ(r.diags.FormatAll(), "many.json:6:16: /heap/objects: has " + std::to_string(n) +
                                     " entries, over the limit kMaxObjects = " +
                                     std::to_string(limits::kMaxObjects) + "\n");
}

TEST(MalformedLimits, AllocsCountTowardsTheObjectLimit) {
  // kMaxObjects heap objects fill the limit; the first alloc op is one too many. "script" is
  // on line 10 (after objects, roots, the heap's "}," and title); `  "script": [` puts the
  // op's "{" at col 14.
  LoadResult r = LoadScenarioText("many.json", ManyObjects(limits::kMaxObjects, 2));
  EXPECT_FALSE(r.run);
  EXPECT_EQ(r.diags.FormatAll(), "many.json:10:14: /script/0: more than the limit kMaxObjects = " +
                                     std::to_string(limits::kMaxObjects) + " objects\n");
}

TEST(MalformedLimits, ExactlyAtTheLimitLoads) {
  // The limit is inclusive: kMaxObjects objects are fine (the script is empty, so the
  // timeline has only its initial state).
  LoadResult r = LoadScenarioText("many.json", ManyObjects(limits::kMaxObjects, 0));
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
}

}  // namespace
}  // namespace gs
