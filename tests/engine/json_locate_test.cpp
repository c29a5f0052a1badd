// Columns are code points from the line's start, counted through per-block totals
// (engine/core/json_source.cpp): checked here against a plain count from the line's start,
// across block boundaries, multi-byte characters and very long lines.
#include <string>

#include <gtest/gtest.h>

#include "engine/core/json_source.h"

namespace gs {
namespace {

// The column a reader counts: code points from the start of the offset's line, plus one.
int PlainColumn(const std::string& text, std::size_t offset) {
  std::size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = (start == std::string::npos || offset == 0) ? 0 : start + 1;
  int col = 1;
  for (std::size_t i = start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

TEST(JsonLocate, EveryOffsetOfALongMixedTextHasThePlainColumn) {
  // One long line of ASCII and 3-byte characters, then short lines, then another long one:
  // every block boundary falls somewhere inside a character or between lines.
  // (Strings stay under kMaxStringBytes: the long lines are arrays of short strings.)
  std::string text = "{\"a\": [";
  for (int i = 0; i < 3000; ++i) text += (i % 7 == 0) ? "\"写\"," : "\"x\",";
  text += "\"end\"],\n \"b\": 1,\n\"c\": [";
  for (int i = 0; i < 5000; ++i) text += (i % 3 == 0) ? "\"屏障\"," : "\"ab\",";
  text += "\"end\"]}";
  Diagnostics diags;
  JsonSource src = JsonSource::Parse("long.json", text, diags);
  ASSERT_TRUE(src.Ok()) << diags.FormatAll();
  for (std::size_t off = 0; off <= text.size(); off += 13) {
    if (off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0) == 0x80) continue;
    ASSERT_EQ(src.LocateOffset(off).col, PlainColumn(text, off)) << "offset " << off;
  }
  EXPECT_EQ(src.Locate("/b").line, 2);
  EXPECT_EQ(src.Locate("/b").col, 7);
}

TEST(JsonLocate, TheEndOfATextOfWholeBlocksIsLocated) {
  std::string text = "[";
  for (int i = 0; i < 4094; ++i) text += "1,";
  text += "12]";
  ASSERT_EQ(text.size(), 8192u);
  Diagnostics diags;
  JsonSource src = JsonSource::Parse("blocks.json", text, diags);
  ASSERT_TRUE(src.Ok()) << diags.FormatAll();
  EXPECT_EQ(src.LocateOffset(text.size()).col, 8193);
  EXPECT_EQ(src.LocateOffset(4096).col, 4097);
  EXPECT_EQ(src.LocateOffset(0).col, 1);
}

}  // namespace
}  // namespace gs
