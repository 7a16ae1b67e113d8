// read_csv's text encoding: UTF-8 as it is, anything else read as Windows-1252 (with the table
// saying so) unless UTF-8 is asked for, and Windows-1252 when asked even for ASCII.
#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"
#include "core/data/table_review.h"
#include "tests/native/data/read_ok.h"

namespace gradtape {
namespace {

// "Zürich" and "Genève" in Windows-1252, with a euro price, from the third line on.
const std::string kLatin = "city;price\nBern;1\nZ\xFCrich;\x80 2\nGen\xE8ve;3\n";

TEST(TextEncoding, Utf8IsReadAsItIs) {
  Table table = testing::read_ok("city,n\nZ\xC3\xBCrich,1\n");
  EXPECT_EQ(table.encoding, TextEncoding::utf8);
  EXPECT_FALSE(table.encoding_detected);
  EXPECT_EQ(table.columns[0].texts[0], "Z\xC3\xBCrich");
  EXPECT_TRUE(review_table(table, describe(table)).notes.empty());
}

TEST(TextEncoding, OtherBytesAreReadAsWindows1252WithANote) {
  Table table = testing::read_ok(kLatin);
  EXPECT_EQ(table.encoding, TextEncoding::windows1252);
  EXPECT_TRUE(table.encoding_detected);
  EXPECT_EQ(table.non_utf8_line, 3u);
  EXPECT_EQ(table.non_utf8_byte, 0xFC);
  ASSERT_EQ(table.columns[0].texts.size(), 3u);
  EXPECT_EQ(table.columns[0].texts[1], "Z\xC3\xBCrich");
  EXPECT_EQ(table.columns[0].texts[2], "Gen\xC3\xA8ve");
  EXPECT_EQ(table.columns[1].texts[1], "\xE2\x82\xAC 2");
  const TableReview review = review_table(table, describe(table));
  ASSERT_EQ(review.notes.size(), 1u);
  EXPECT_NE(review.notes[0].find("Windows-1252"), std::string::npos) << review.notes[0];
  EXPECT_NE(review.notes[0].find("line 3"), std::string::npos) << review.notes[0];
  EXPECT_NE(review.notes[0].find("0xFC"), std::string::npos) << review.notes[0];
}

TEST(TextEncoding, Utf8AskedForRefusesOtherBytes) {
  CsvOptions options;
  options.encoding = TextEncoding::utf8;
  Result<Table> table = read_csv(kLatin, options);
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().message.find("line 3"), std::string::npos) << table.error().message;
  EXPECT_EQ(table.error().field, "text_encoding");
}

TEST(TextEncoding, Windows1252AskedForConvertsEvenValidUtf8) {
  CsvOptions options;
  options.encoding = TextEncoding::windows1252;
  Table table = testing::read_ok("city\nZ\xC3\xBCrich\nBern\n", options);
  EXPECT_EQ(table.encoding, TextEncoding::windows1252);
  EXPECT_FALSE(table.encoding_detected);
  EXPECT_EQ(table.columns[0].texts[0], "Z\xC3\x83\xC2\xBCrich");  // mojibake, as asked
}

TEST(TextEncoding, UndefinedBytesBecomeReplacementCharactersAndAreCounted) {
  Table table = testing::read_ok("a,b\nx\x81y,1\nz\x9D,2\n");
  EXPECT_EQ(table.undefined_bytes, 2u);
  EXPECT_EQ(table.columns[0].texts[0], "x\xEF\xBF\xBDy");
  const TableReview review = review_table(table, describe(table));
  ASSERT_EQ(review.notes.size(), 1u);
  EXPECT_NE(review.notes[0].find("2 bytes"), std::string::npos) << review.notes[0];
}

TEST(TextEncoding, BinaryDataIsStillRefused) {
  EXPECT_FALSE(read_csv(std::string("a,b\n1,\0\n", 8)).ok());
  EXPECT_FALSE(read_csv("PK\x03\x04\x14\x00").ok());
  CsvOptions options;
  options.encoding = TextEncoding::windows1252;
  EXPECT_FALSE(read_csv(std::string("\xFF\xFE"
                                    "a\0,\0b\0",
                                    8),
                        options)
                   .ok());
}

TEST(TextEncoding, AByteOrderMarkIsStillDropped) {
  Table table = testing::read_ok(
      "\xEF\xBB\xBF"
      "a,b\n1,2\n");
  EXPECT_EQ(table.columns[0].name, "a");
}

}  // namespace
}  // namespace gradtape
