// Type inference over every row, the missing markers, and heart.csv's shape and dtypes.
#include "core/data/read_csv.h"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "core/data/describe.h"
#include "core/data/target.h"
#include "core/data/values.h"
#include "tests/native/data/read_ok.h"
#include "tests/native/test_data.h"

namespace gradtape {
namespace {

using testing::read_ok;

std::vector<std::uint32_t> text_ids(const Column& column) {
  std::vector<std::uint32_t> ids;
  for (std::size_t r = 0; r < column.size(); ++r) ids.push_back(column.text_id(r));
  return ids;
}

std::vector<bool> missing_mask(const Column& column) {
  std::vector<bool> mask;
  for (std::size_t r = 0; r < column.size(); ++r) mask.push_back(column.is_missing(r));
  return mask;
}

TEST(ReadCsv, HeartHas918RowsTwelveColumnsAndFiveTextColumns) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  Table table = read_ok(testing::read_text_file(path));
  EXPECT_EQ(table.rows, 918u);
  ASSERT_EQ(table.columns.size(), 12u);
  EXPECT_EQ(table.delimiter, ',');
  const char* expected[][2] = {
      {"Age", "int64"},         {"Sex", "object"},        {"ChestPainType", "object"},
      {"RestingBP", "int64"},   {"Cholesterol", "int64"}, {"FastingBS", "int64"},
      {"RestingECG", "object"}, {"MaxHR", "int64"},       {"ExerciseAngina", "object"},
      {"Oldpeak", "float64"},   {"ST_Slope", "object"},   {"HeartDisease", "int64"}};
  for (std::size_t c = 0; c < 12; ++c) {
    EXPECT_EQ(table.columns[c].name, expected[c][0]);
    EXPECT_EQ(dtype_name(table.columns[c].dtype), expected[c][1]) << expected[c][0];
    EXPECT_EQ(table.columns[c].missing_count(), 0u) << expected[c][0];
  }
  EXPECT_EQ(table.line_numbers.front(), 2u);
  EXPECT_EQ(table.line_numbers.back(), 919u);
  EXPECT_EQ(table.columns[1].text(0), "M");  // no '\r' left from the CRLF endings
  EXPECT_EQ(table.columns[11].numbers[917], 0.0);
}

TEST(ReadCsv, IntegersFloatsAndText) {
  Table table = read_ok("i,f,s\n1,1.5,a\n-2,3,b\n+3,1e3,c\n");
  EXPECT_EQ(table.columns[0].dtype, DType::Int64);
  EXPECT_EQ(table.columns[0].numbers[2], 3.0);
  EXPECT_EQ(table.columns[1].dtype, DType::Float64);
  EXPECT_EQ(table.columns[1].numbers[2], 1000.0);
  EXPECT_EQ(table.columns[2].dtype, DType::Object);
}

TEST(ReadCsv, TypeIsInferredOverEveryRowNotAFirstSample) {
  std::string text = "n\n";
  for (int i = 0; i < 5000; ++i) text += std::to_string(i) + "\n";
  Table numbers = read_ok(text);
  EXPECT_EQ(numbers.columns[0].dtype, DType::Int64);
  Table floats = read_ok(text + "0.5\n");
  EXPECT_EQ(floats.columns[0].dtype, DType::Float64);
  Table words = read_ok(text + "oops\n");
  EXPECT_EQ(words.columns[0].dtype, DType::Object);
  EXPECT_EQ(words.columns[0].text(0), "0");
  EXPECT_EQ(words.columns[0].text(5000), "oops");
}

TEST(ReadCsv, TextsAreNumberedInOrderOfFirstAppearanceHoweverLateAColumnTurnsToText) {
  // early: text from the first row, read in one pass; late: numbers until its third row; gap: a
  // missing value first. The last two are read again from the top.
  const Table table = read_ok("early,late,gap\nb,1,NA\na,2,q\nb,x,r\na,1,q\n");
  for (const char* name : {"early", "late", "gap"})
    EXPECT_EQ(table.find(name)->dtype, DType::Object);
  EXPECT_EQ(table.find("early")->texts, (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(text_ids(*table.find("early")), (std::vector<std::uint32_t>{0, 1, 0, 1}));
  EXPECT_EQ(table.find("late")->texts, (std::vector<std::string>{"1", "2", "x"}));
  EXPECT_EQ(text_ids(*table.find("late")), (std::vector<std::uint32_t>{0, 1, 2, 0}));
  const Column& gap = *table.find("gap");
  EXPECT_EQ(gap.texts, (std::vector<std::string>{"q", "r"}));
  EXPECT_EQ(missing_mask(gap), (std::vector<bool>{true, false, false, false}));
  EXPECT_EQ(gap.text_id(0), Column::kNoText);
  EXPECT_EQ(gap.text(0), "");
}

TEST(ReadCsv, TheIssuesMissingMarkers) {
  Table table = read_ok("x,tag\n1,a\n,b\nNA,c\nN/A,d\nNaN,e\nnull,f\n?,g\n7,h\n");
  const Column& x = table.columns[0];
  EXPECT_EQ(x.dtype, DType::Float64);  // an integer column with gaps is float64, as pandas
  EXPECT_EQ(x.missing_count(), 6u);
  for (std::size_t r = 1; r <= 6; ++r) {
    EXPECT_TRUE(x.is_missing(r)) << "row " << r;
    EXPECT_TRUE(std::isnan(x.numbers[r]));
  }
  EXPECT_EQ(x.numbers[7], 7.0);
}

TEST(ReadCsv, PandasDefaultMissingMarkers) {
  for (const char* marker : {"None", "NULL", "#N/A", "#N/A N/A", "#NA", "n/a", "nan", "-nan",
                             "-NaN", "<NA>", "1.#IND", "-1.#QNAN"}) {
    Table table = read_ok(std::string("x\n1\n") + marker + "\n");
    EXPECT_EQ(table.columns[0].dtype, DType::Float64) << marker;
    EXPECT_TRUE(table.columns[0].is_missing(1)) << marker;
  }
}

TEST(ReadCsv, MarkersAreMissingInTextColumnsToo) {
  Table table = read_ok("s\nyes\nNA\n\n\"\"\nno\n?\n");
  const Column& s = table.columns[0];
  EXPECT_EQ(s.dtype, DType::Object);
  EXPECT_EQ(table.rows, 5u);  // the blank line is skipped; the quoted empty field is a row
  EXPECT_EQ(s.missing_count(), 3u);
  EXPECT_EQ(s.text(3), "no");
}

TEST(ReadCsv, MarkersWithSpacesAroundAreStillMissing) {
  Table table = read_ok("x,y\n1, NA\n2, 3 \n");
  EXPECT_EQ(table.columns[1].dtype, DType::Float64);
  EXPECT_TRUE(table.columns[1].is_missing(0));
}

TEST(ReadCsv, AllMissingColumnIsFloat64AsInPandas) {
  Table table = read_ok("a,b\n1,\n2,NA\n");
  EXPECT_EQ(table.columns[1].dtype, DType::Float64);
  EXPECT_EQ(table.columns[1].missing_count(), 2u);
}

TEST(ReadCsv, NumberSpellings) {
  struct Case {
    const char* text;
    NumberKind kind;
    double value;
  };
  const Case cases[] = {
      {"12", NumberKind::Integer, 12},
      {"-0", NumberKind::Integer, 0},
      {"+7", NumberKind::Integer, 7},
      {"007", NumberKind::Integer, 7},
      {".5", NumberKind::Float, 0.5},
      {"5.", NumberKind::Float, 5},
      {"-1.5E-3", NumberKind::Float, -0.0015},
      {"+2.5", NumberKind::Float, 2.5},
      {"inf", NumberKind::Float, INFINITY},
      {"-Infinity", NumberKind::Float, -INFINITY},
      {"12345678901234567890", NumberKind::Float, 12345678901234567890.0},
      // 18 digits is the longest exact integer parse; 19 and beyond (above
      // int64's maximum, which once overflowed) are float64.
      {"999999999999999999", NumberKind::Integer, 999999999999999999.0},
      {"9999999999999999999", NumberKind::Float, 9999999999999999999.0},
      {"-9223372036854775809", NumberKind::Float, -9223372036854775809.0},
      {"123456789012345678901234567890", NumberKind::Float, 1.2345678901234568e29}};
  for (const Case& c : cases) {
    double value = 0;
    EXPECT_EQ(parse_number(c.text, value), c.kind) << c.text;
    EXPECT_EQ(value, c.value) << c.text;
  }
  for (const char* text : {"0x10", "1,5", "1.2.3", "1e", "-", "+", "+-1", "--1", "abc", "nan",
                           "NAN", "1 2", "12a", "1e400", "-1e400"}) {
    double value = 0;
    EXPECT_EQ(parse_number(text, value), NumberKind::NotANumber) << text;
  }
}

TEST(ReadCsv, NumbersTooLargeForFloat64AreTextNeverInfinities) {
  // A 400-digit integer and 1e400 overflow float64: their column is text, as pandas keeps it.
  const std::string huge(400, '9');
  Table table = read_ok("a,b,c\n" + huge + ",1e400,1\n2,3,inf\n");
  EXPECT_EQ(table.columns[0].dtype, DType::Object);
  EXPECT_EQ(table.columns[1].dtype, DType::Object);
  EXPECT_EQ(table.columns[2].dtype, DType::Float64);  // "inf" spells an infinity: numeric
  EXPECT_TRUE(std::isinf(table.columns[2].numbers[1]));
}

TEST(ReadCsv, EveryLimitIsCheckedAndNamed) {
  CsvOptions options;
  options.max_columns = 3;
  options.max_rows = 2;
  options.max_cell_bytes = 5;
  Result<Table> wide = read_csv("a,b,c,d\n1,2,3,4\n", options);
  ASSERT_FALSE(wide.ok());
  EXPECT_NE(wide.error().message.find("4 columns; at most 3"), std::string::npos)
      << wide.error().message;
  Result<Table> long_file = read_csv("a\n1\n2\n3\n", options);
  ASSERT_FALSE(long_file.ok());
  EXPECT_NE(long_file.error().message.find("line 4: the file has more than 2 data rows"),
            std::string::npos)
      << long_file.error().message;
  Result<Table> long_cell = read_csv("a,b\n1,abcdef\n", options);
  ASSERT_FALSE(long_cell.ok());
  EXPECT_EQ(long_cell.error().column, "b");
  EXPECT_NE(long_cell.error().message.find("at most 5 bytes"), std::string::npos)
      << long_cell.error().message;
  EXPECT_TRUE(read_csv("a,b,c\n1,2,3\n4,5,6\n", options).ok());
  EXPECT_EQ(kMaxFileBytes, 50'000'000u);
  CsvOptions small;
  small.max_bytes = 50;
  Result<Table> big = read_csv(std::string(60, 'x'), small);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.error().message.find("the file is 60 bytes; the limit is 50 bytes"),
            std::string::npos)
      << big.error().message;
}

TEST(ReadCsv, TenThousandColumnsAreReadAndDescribedInLinearTime) {
  // Once, a name lookup per column made a 100,000-column header take 50 s to describe.
  std::string header, row;
  for (int c = 0; c < 10000; ++c) {
    header += (c ? ",c" : "c") + std::to_string(c);
    row += (c ? "," : "") + std::to_string(c % 7);
  }
  Table table = read_ok(header + "\n" + row + "\n" + row + "\n");
  EXPECT_EQ(table.columns.size(), 10000u);
  EXPECT_EQ(describe(table).size(), 10000u);
  EXPECT_EQ(target_candidates(table).size(), 10000u);
}

TEST(ReadCsv, ObjectColumnsOptionKeepsNumbersAsText) {
  CsvOptions options;
  options.object_columns = {"code"};
  Table table = read_ok("code,n\n01,1\n2,2\n", options);
  EXPECT_EQ(table.columns[0].dtype, DType::Object);
  EXPECT_EQ(table.columns[0].text(0), "01");
  EXPECT_EQ(table.columns[1].dtype, DType::Int64);
}

TEST(ReadCsv, TextKeepsItsSpacesAsPandasDoes) {
  Table table = read_ok("s,n\n M,1\nF ,2\n");
  EXPECT_EQ(table.columns[0].text(0), " M");
  EXPECT_EQ(table.columns[0].text(1), "F ");
}

TEST(ReadCsv, FormatNumberIsShortestRoundTrip) {
  EXPECT_EQ(format_number(1.0), "1");
  EXPECT_EQ(format_number(0.0), "0");
  EXPECT_EQ(format_number(2.5), "2.5");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(format_number(1e20), "1e+20");
  EXPECT_EQ(format_number(NAN), "nan");
}

}  // namespace
}  // namespace gradtape
