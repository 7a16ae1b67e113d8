// Windows-1252 to UTF-8: every one of the 256 bytes, the euro sign, and the undefined bytes.
#include "core/data/windows1252.h"

#include <string>

#include <gtest/gtest.h>

#include "core/data/text_check.h"

namespace gradtape {
namespace {

TEST(Windows1252, AsciiAndLatin1BytesAreTheirOwnCodePoints) {
  for (int b = 0; b < 0x80; ++b) EXPECT_EQ(windows1252_code_point(b), char32_t(b)) << b;
  for (int b = 0xA0; b < 0x100; ++b) EXPECT_EQ(windows1252_code_point(b), char32_t(b)) << b;
}

TEST(Windows1252, TheC1RangeFollowsTheWindowsTable) {
  EXPECT_EQ(windows1252_code_point(0x80), U'\u20AC');  // euro sign
  EXPECT_EQ(windows1252_code_point(0x85), U'\u2026');  // ellipsis
  EXPECT_EQ(windows1252_code_point(0x8A), U'\u0160');  // S with caron
  EXPECT_EQ(windows1252_code_point(0x92), U'\u2019');  // right single quote
  EXPECT_EQ(windows1252_code_point(0x96), U'\u2013');  // en dash
  EXPECT_EQ(windows1252_code_point(0x99), U'\u2122');  // trade mark
  EXPECT_EQ(windows1252_code_point(0x9F), U'\u0178');  // Y with diaeresis
  int undefined = 0;
  for (int b = 0x80; b < 0xA0; ++b) {
    const char32_t cp = windows1252_code_point(b);
    if (cp == 0xFFFD) {
      ++undefined;
      continue;
    }
    EXPECT_GE(cp, 0x100u) << "byte " << b << " maps out of Latin-1's C1 controls";
  }
  EXPECT_EQ(undefined, 5);
  for (int b : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) EXPECT_EQ(windows1252_code_point(b), 0xFFFDu);
}

TEST(Windows1252, EveryByteGivesValidUtf8) {
  std::string all;
  for (int b = 1; b < 0x100; ++b) all.push_back(static_cast<char>(b));
  const Converted converted = windows1252_to_utf8(all);
  EXPECT_EQ(first_invalid_utf8(converted.text), converted.text.size());
  EXPECT_EQ(converted.undefined_bytes, 5u);
  EXPECT_EQ(windows1252_to_utf8("Z\xFCrich \x80 5").text, "Z\xC3\xBCrich \xE2\x82\xAC 5");
  EXPECT_EQ(windows1252_to_utf8("a\x81").text, "a\xEF\xBF\xBD");
}

}  // namespace
}  // namespace gradtape
