// The CSV reader: one test per quirk it must read, one per error it must explain (each error
// names the line).
#include "core/data/csv.h"

#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"
#include "tests/native/data/read_ok.h"

namespace gradtape {
namespace {

using testing::read_ok;

std::string error_of(const std::string& text, const CsvOptions& options = {}) {
  Result<Table> table = read_csv(text, options);
  EXPECT_FALSE(table.ok()) << "expected an error for: " << text;
  return table.ok() ? "" : table.error().message;
}

#define EXPECT_NAMES_LINE(message, line) \
  EXPECT_NE((message).find("line " #line ":"), std::string::npos) << (message)

// ---- quirks that must read -------------------------------------------------------------------

TEST(Csv, QuotedFieldHoldsTheDelimiter) {
  Table table = read_ok("name,n\n\"Smith, John\",1\n\"a,b,c\",2\n");
  ASSERT_EQ(table.columns.size(), 2u);
  EXPECT_EQ(table.columns[0].text(0), "Smith, John");
  EXPECT_EQ(table.columns[0].text(1), "a,b,c");
  EXPECT_EQ(table.columns[1].numbers[1], 2.0);
}

TEST(Csv, DoubledQuotesStandForOneQuote) {
  Table table = read_ok("quote,n\n\"she said \"\"hi\"\"\",1\n\"\"\"\",2\n");
  EXPECT_EQ(table.columns[0].text(0), "she said \"hi\"");
  EXPECT_EQ(table.columns[0].text(1), "\"");
}

TEST(Csv, QuotedFieldHoldsNewlinesAndLinesKeepCounting) {
  Table table = read_ok("note,n\n\"first\nsecond\r\nthird\",1\nplain,2\n");
  EXPECT_EQ(table.columns[0].text(0), "first\nsecond\r\nthird");
  ASSERT_EQ(table.line_numbers.size(), 2u);
  EXPECT_EQ(table.line_numbers[0], 2u);
  EXPECT_EQ(table.line_numbers[1], 5u);  // the quoted field spans lines 2 to 4
}

TEST(Csv, LfCrlfAndLoneCrEndingsReadTheSame) {
  for (std::string eol : {"\n", "\r\n", "\r"}) {
    Table table = read_ok("a,b" + eol + "1,x" + eol + "2,y" + eol);
    ASSERT_EQ(table.rows, 2u) << "ending " << static_cast<int>(eol.back());
    EXPECT_EQ(table.columns[0].numbers[1], 2.0);
    EXPECT_EQ(table.columns[1].text(1), "y");
    EXPECT_EQ(table.line_numbers[1], 3u);
  }
}

TEST(Csv, FinalNewlineIsOptional) {
  Table with = read_ok("a,b\n1,2\n");
  Table without = read_ok("a,b\n1,2");
  ASSERT_EQ(without.rows, 1u);
  EXPECT_EQ(with.columns[1].numbers.to_vector(), without.columns[1].numbers.to_vector());
}

TEST(Csv, LastFieldEmptyWithoutFinalNewlineIsMissing) {
  Table table = read_ok("a,b\n1,2\n3,");
  ASSERT_EQ(table.rows, 2u);
  EXPECT_TRUE(table.columns[1].is_missing(1));
}

TEST(Csv, Utf8ByteOrderMarkIsDropped) {
  Table table = read_ok(
      "\xEF\xBB\xBF"
      "Age,Sex\n40,M\n");
  EXPECT_EQ(table.columns[0].name, "Age");
  EXPECT_EQ(table.columns[0].dtype, DType::Int64);
}

TEST(Csv, Utf8TextIsKept) {
  Table table = read_ok("city,n\nZürich,1\n東京,2\n");
  EXPECT_EQ(table.columns[0].text(0), "Zürich");
  EXPECT_EQ(table.columns[0].text(1), "東京");
}

TEST(Csv, SniffsSemicolon) {
  Table table = read_ok("a;b;c\n1;2;3\n4;5;6\n");
  EXPECT_EQ(table.delimiter, ';');
  ASSERT_EQ(table.columns.size(), 3u);
  EXPECT_EQ(table.columns[2].numbers[1], 6.0);
}

TEST(Csv, SniffsSemicolonWithDecimalCommas) {
  // pandas with sep=';' keeps "1,5" as text; gradtape reads a whole column of decimal commas as
  // numbers (decimal_comma_test.cpp), and as pandas when told the decimal mark is a point.
  Table table = read_ok("x;y\n1,5;2\n3,25;4\n");
  EXPECT_EQ(table.delimiter, ';');
  EXPECT_EQ(table.columns[0].dtype, DType::Float64);
  EXPECT_EQ(table.columns[0].numbers[1], 3.25);
  CsvOptions point;
  point.decimal = DecimalMark::point;
  Table as_pandas = read_ok("x;y\n1,5;2\n3,25;4\n", point);
  EXPECT_EQ(as_pandas.columns[0].dtype, DType::Object);
  EXPECT_EQ(as_pandas.columns[0].text(1), "3,25");
}

TEST(Csv, SniffsTab) {
  Table table = read_ok("a\tb\n1,5\tx y\n2\tz\n");
  EXPECT_EQ(table.delimiter, '\t');
  EXPECT_EQ(table.columns[1].text(0), "x y");
}

TEST(Csv, SniffIgnoresDelimitersInsideQuotes) {
  Table table = read_ok("name,score\n\"a;b;c;d\",1\n\"e;f;g;h\",2\n");
  EXPECT_EQ(table.delimiter, ',');
  EXPECT_EQ(table.columns[0].text(0), "a;b;c;d");
}

TEST(Csv, DelimiterCanBeGiven) {
  CsvOptions options;
  options.delimiter = ';';
  options.decimal = DecimalMark::point;  // else "1,2" would be read as 1.2 (decimal_comma_test.cpp)
  Table table = read_ok("a,b;c\n1,2;3\n", options);
  ASSERT_EQ(table.columns.size(), 2u);
  EXPECT_EQ(table.columns[0].name, "a,b");
  EXPECT_EQ(table.columns[0].text(0), "1,2");
}

TEST(Csv, SingleColumnFile) {
  Table table = read_ok("value\n1\n2\n3\n");
  ASSERT_EQ(table.columns.size(), 1u);
  EXPECT_EQ(table.rows, 3u);
}

TEST(Csv, BlankLinesAtTheEndAreIgnored) {
  Table table = read_ok("a,b\r\n1,2\r\n\r\n\r\n  \r\n");
  EXPECT_EQ(table.rows, 1u);
}

TEST(Csv, BlankLinesInsideAreSkippedAsPandasDoes) {
  Table table = read_ok("a,b\n1,2\n\n3,4\n");
  ASSERT_EQ(table.rows, 2u);
  EXPECT_EQ(table.line_numbers[1], 4u);
}

TEST(Csv, SpacesAroundUnquotedNumbersAreTolerated) {
  Table table = read_ok("a,b\n 1 ,2.5 \n\t3, 4\n");
  EXPECT_EQ(table.columns[0].dtype, DType::Int64);
  EXPECT_EQ(table.columns[0].numbers[0], 1.0);
  EXPECT_EQ(table.columns[0].numbers[1], 3.0);
  EXPECT_EQ(table.columns[1].dtype, DType::Float64);
  EXPECT_EQ(table.columns[1].numbers[1], 4.0);
}

TEST(Csv, QuotedNumbersAreNumbers) {
  Table table = read_ok("a,b\n\"1\",\"2.5\"\n\"3\",\"4\"\n");
  EXPECT_EQ(table.columns[0].dtype, DType::Int64);
  EXPECT_EQ(table.columns[1].dtype, DType::Float64);
}

TEST(Csv, TextAfterAClosingQuoteJoinsTheField) {
  Table table = read_ok("a,b\n\"ab\"cd,1\n");
  EXPECT_EQ(table.columns[0].text(0), "abcd");
}

TEST(Csv, QuoteInsideAnUnquotedFieldIsKept) {
  Table table = read_ok("size,n\n5\" screen,1\n");
  EXPECT_EQ(table.columns[0].text(0), "5\" screen");
}

TEST(Csv, HeadKeepsTheFirstRawRowsForAPreview) {
  CsvOptions options;
  options.preview_rows = 2;
  Table table = read_ok("a,b\n1,x\n2,\"y,z\"\n3,w\n", options);
  ASSERT_EQ(table.head.size(), 2u);
  EXPECT_EQ(table.head[1][1], "y,z");
}

TEST(Csv, SniffDelimiterDirectly) {
  EXPECT_EQ(sniff_delimiter("a,b\n1,2\n"), ',');
  EXPECT_EQ(sniff_delimiter("a;b\n1;2\n"), ';');
  EXPECT_EQ(sniff_delimiter("a\tb\n1\t2\n"), '\t');
  EXPECT_EQ(sniff_delimiter("single\n1\n"), ',');
}

// ---- errors: each names the line --------------------------------------------------------------

TEST(CsvErrors, EmptyFile) {
  for (const std::string& text :
       {std::string(""), std::string("\xEF\xBB\xBF"), std::string("\n\r\n  \n")}) {
    std::string message = error_of(text);
    EXPECT_NAMES_LINE(message, 1);
    EXPECT_NE(message.find("empty"), std::string::npos) << message;
  }
}

TEST(CsvErrors, HeaderOnly) {
  std::string message = error_of("a,b,c\r\n\r\n");
  EXPECT_NAMES_LINE(message, 1);
  EXPECT_NE(message.find("no data rows"), std::string::npos) << message;
}

TEST(CsvErrors, RowWithTooFewFields) {
  std::string message = error_of("a,b,c\n1,2,3\n4,5\n");
  EXPECT_NAMES_LINE(message, 3);
  EXPECT_NE(message.find("expected 3 fields"), std::string::npos) << message;
  EXPECT_NE(message.find("got 2"), std::string::npos) << message;
}

TEST(CsvErrors, RowWithTooManyFieldsAfterAQuotedNewline) {
  std::string message = error_of("a,b\n\"x\ny\",1\n2,3,4\n");
  EXPECT_NAMES_LINE(message, 4);
  EXPECT_NE(message.find("got 3"), std::string::npos) << message;
}

TEST(CsvErrors, UnterminatedQuoteNamesTheLineWhereItOpens) {
  std::string message = error_of("a,b\n1,2\n3,\"oops\n4,5\n6,7\n");
  EXPECT_NAMES_LINE(message, 3);
  EXPECT_NE(message.find("never closed"), std::string::npos) << message;
}

TEST(CsvErrors, DuplicateColumnName) {
  Result<Table> table = read_csv("Age,Sex,Age\n1,M,2\n");
  ASSERT_FALSE(table.ok());
  EXPECT_NAMES_LINE(table.error().message, 1);
  EXPECT_NE(table.error().message.find("'Age' appears twice"), std::string::npos)
      << table.error().message;
  EXPECT_EQ(table.error().column, "Age");
}

TEST(CsvErrors, EmptyColumnName) {
  std::string message = error_of("a,,c\n1,2,3\n");
  EXPECT_NAMES_LINE(message, 1);
  EXPECT_NE(message.find("column 2"), std::string::npos) << message;
  EXPECT_NAMES_LINE(error_of("\n\na, ,c\n1,2,3\n"), 3);
  EXPECT_NE(error_of("a,b,\n1,2,\n").find("delimiter at the end"), std::string::npos);
}

// Bytes that are not UTF-8 are an error only when UTF-8 is asked for (text_encoding_test.cpp
// reads them as Windows-1252 otherwise).
CsvOptions utf8_only() {
  CsvOptions options;
  options.encoding = TextEncoding::utf8;
  return options;
}

TEST(CsvErrors, NotUtf8) {
  // "Zürich" in Latin-1 on the third line.
  std::string message = error_of("city,n\nBern,1\nZ\xFCrich,2\n", utf8_only());
  EXPECT_NAMES_LINE(message, 3);
  EXPECT_NE(message.find("not UTF-8"), std::string::npos) << message;
  EXPECT_NE(message.find("0xFC"), std::string::npos) << message;
}

TEST(CsvErrors, TruncatedUtf8SequenceAndOverlongEncodingAreRejected) {
  EXPECT_NAMES_LINE(error_of("a\n\xE6\x9D\n", utf8_only()), 2);
  EXPECT_NAMES_LINE(error_of("a\nx\n\xC0\xAF\n", utf8_only()), 3);
  EXPECT_NAMES_LINE(error_of("a\n\xED\xA0\x80\n", utf8_only()), 2);  // a UTF-16 surrogate
}

TEST(CsvErrors, Utf16File) {
  std::string message =
      error_of(std::string("\xFF\xFE"
                           "a\0,\0b\0",
                           8));
  EXPECT_NAMES_LINE(message, 1);
  EXPECT_NE(message.find("UTF-16"), std::string::npos) << message;
}

TEST(CsvErrors, NulByte) {
  std::string message = error_of(std::string("a,b\n1,2\n3,\0\n", 12));
  EXPECT_NAMES_LINE(message, 3);
  EXPECT_NE(message.find("NUL"), std::string::npos) << message;
}

TEST(CsvErrors, ExcelWorkbook) {
  std::string message = error_of(std::string("PK\x03\x04\x14\0\x06\0", 8));
  EXPECT_NAMES_LINE(message, 1);
  EXPECT_NE(message.find("Excel"), std::string::npos) << message;
}

TEST(CsvErrors, TooBig) {
  CsvOptions options;
  options.max_bytes = 10;
  std::string message = error_of("a,b\n1,2\n3,4\n", options);
  // About the whole file, not a line: its size, the limit, and the way out.
  EXPECT_NE(message.find("the file is 12 bytes; the limit is 10 bytes: take a sample"),
            std::string::npos)
      << message;
}

TEST(CsvErrors, ImpossibleDelimiterOptionNamesTheField) {
  CsvOptions options;
  options.delimiter = '"';
  Result<Table> table = read_csv("a,b\n1,2\n", options);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().field, "delimiter");
}

}  // namespace
}  // namespace gradtape
