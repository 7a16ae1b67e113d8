// Type inference over every row, the missing markers, and heart.csv's shape and dtypes.
#include "core/data/read_csv.h"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "core/data/values.h"
#include "tests/native/data/read_ok.h"
#include "tests/native/test_data.h"

namespace gradtape {
namespace {

using testing::read_ok;

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

TEST(ReadCsv, TheIssuesMissingMarkers) {
  Table table = read_ok("x,tag\n1,a\n,b\nNA,c\nN/A,d\nNaN,e\nnull,f\n?,g\n7,h\n");
  const Column& x = table.columns[0];
  EXPECT_EQ(x.dtype, DType::Float64);  // an integer column with gaps is float64, as pandas
  EXPECT_EQ(x.missing_count(), 6u);
  for (std::size_t r = 1; r <= 6; ++r) {
    EXPECT_EQ(x.missing[r], 1) << "row " << r;
    EXPECT_TRUE(std::isnan(x.numbers[r]));
  }
  EXPECT_EQ(x.numbers[7], 7.0);
}

TEST(ReadCsv, PandasDefaultMissingMarkers) {
  for (const char* marker : {"None", "NULL", "#N/A", "#N/A N/A", "#NA", "n/a", "nan", "-nan",
                             "-NaN", "<NA>", "1.#IND", "-1.#QNAN"}) {
    Table table = read_ok(std::string("x\n1\n") + marker + "\n");
    EXPECT_EQ(table.columns[0].dtype, DType::Float64) << marker;
    EXPECT_EQ(table.columns[0].missing[1], 1) << marker;
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
  EXPECT_EQ(table.columns[1].missing[0], 1);
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
  const Case cases[] = {{"12", NumberKind::Integer, 12},
                        {"-0", NumberKind::Integer, 0},
                        {"+7", NumberKind::Integer, 7},
                        {"007", NumberKind::Integer, 7},
                        {".5", NumberKind::Float, 0.5},
                        {"5.", NumberKind::Float, 5},
                        {"-1.5E-3", NumberKind::Float, -0.0015},
                        {"+2.5", NumberKind::Float, 2.5},
                        {"inf", NumberKind::Float, INFINITY},
                        {"-Infinity", NumberKind::Float, -INFINITY},
                        {"12345678901234567890", NumberKind::Float, 12345678901234567890.0}};
  for (const Case& c : cases) {
    double value = 0;
    EXPECT_EQ(parse_number(c.text, value), c.kind) << c.text;
    EXPECT_EQ(value, c.value) << c.text;
  }
  for (const char* text :
       {"0x10", "1,5", "1.2.3", "1e", "-", "+", "+-1", "--1", "abc", "nan", "NAN", "1 2", "12a"}) {
    double value = 0;
    EXPECT_EQ(parse_number(text, value), NumberKind::NotANumber) << text;
  }
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
