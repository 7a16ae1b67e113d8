// read_csv's decimal mark: decimal commas found in a ';' (or tab) file's columns, read as numbers
// and said so; a point or a comma when asked; never in a ',' file unless asked.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"
#include "core/data/table_review.h"
#include "core/data/values.h"
#include "tests/native/data/read_ok.h"

namespace gradtape {
namespace {

// A European Excel export: decimal commas in two columns, an integer column, a text column.
const std::string kExcel =
    "species;bill_length;mass;island;note\n"
    "Adelie;39,1;3750;Torgersen;ok\n"
    "Adelie;39,5;3800;Torgersen;\n"
    "Gentoo;NA;4500;Biscoe;x,y\n"
    "Gentoo;46;5000;Biscoe;1,5\n";

TEST(DecimalComma, ParsesOneCommaAsThePoint) {
  double v = 0;
  EXPECT_EQ(parse_decimal_comma("39,1", v), NumberKind::Float);
  EXPECT_DOUBLE_EQ(v, 39.1);
  EXPECT_EQ(parse_decimal_comma("-0,5", v), NumberKind::Float);
  EXPECT_DOUBLE_EQ(v, -0.5);
  EXPECT_EQ(parse_decimal_comma("39,0", v), NumberKind::Float);
  EXPECT_EQ(parse_decimal_comma("42", v), NumberKind::Integer);
  EXPECT_EQ(parse_decimal_comma("1,5e3", v), NumberKind::Float);
  EXPECT_DOUBLE_EQ(v, 1500);
  EXPECT_EQ(parse_decimal_comma("1,2,3", v), NumberKind::NotANumber);
  EXPECT_EQ(parse_decimal_comma("1.5", v), NumberKind::NotANumber);
  EXPECT_EQ(parse_decimal_comma("1.234,5", v), NumberKind::NotANumber);
  EXPECT_EQ(parse_decimal_comma("x,y", v), NumberKind::NotANumber);
  EXPECT_EQ(parse_decimal_comma(std::string(80, '1') + ",5", v), NumberKind::NotANumber);
}

TEST(DecimalComma, ColumnsOfASemicolonFileAreReadAsNumbers) {
  Table table = testing::read_ok(kExcel);
  EXPECT_EQ(table.delimiter, ';');
  const Column& bill = *table.find("bill_length");
  EXPECT_EQ(bill.dtype, DType::Float64);
  ASSERT_EQ(bill.numbers.size(), 4u);
  EXPECT_DOUBLE_EQ(bill.numbers[0], 39.1);
  EXPECT_DOUBLE_EQ(bill.numbers[1], 39.5);
  EXPECT_TRUE(std::isnan(bill.numbers[2]));
  EXPECT_TRUE(bill.is_missing(2));
  EXPECT_DOUBLE_EQ(bill.numbers[3], 46);
  EXPECT_EQ(table.find("mass")->dtype, DType::Int64);
  EXPECT_EQ(table.find("island")->dtype, DType::Object);
  EXPECT_EQ(table.find("note")->dtype, DType::Object) << "'x,y' is no number";
  ASSERT_EQ(table.decimal_comma_columns.size(), 1u);
  EXPECT_EQ(table.decimal_comma_columns[0].name, "bill_length");
  EXPECT_EQ(table.decimal_comma_columns[0].example, "39,1");
  const TableReview review = review_table(table, describe(table));
  ASSERT_EQ(review.notes.size(), 1u);
  EXPECT_NE(review.notes[0].find("'bill_length'"), std::string::npos) << review.notes[0];
  EXPECT_NE(review.notes[0].find("'39,1' is 39.1"), std::string::npos) << review.notes[0];
}

TEST(DecimalComma, TabFilesToo) {
  Table table = testing::read_ok("a\tb\n1,5\tx\n2,25\ty\n");
  EXPECT_EQ(table.columns[0].dtype, DType::Float64);
  EXPECT_DOUBLE_EQ(table.columns[0].numbers[1], 2.25);
}

TEST(DecimalComma, AColumnMixingPointsAndCommasStaysTextAndIsWarnedAbout) {
  Table table = testing::read_ok("a;b\n1,5;1\n2.5;2\n3,5;3\n");
  EXPECT_EQ(table.columns[0].dtype, DType::Object);
  EXPECT_TRUE(table.decimal_comma_columns.empty());
  const TableReview review = review_table(table, describe(table));
  ASSERT_EQ(review.warnings.size(), 1u);
  EXPECT_EQ(review.warnings[0].kind, TableWarning::Kind::numeric_text);
  EXPECT_EQ(review.warnings[0].column, "a");
  EXPECT_EQ(review.warnings[0].value, "2.5") << "the value written the other way";
  EXPECT_EQ(review.warnings[0].line, 3u);
}

TEST(DecimalComma, NeverGuessedInACommaSeparatedFile) {
  Table table = testing::read_ok("a,b\n\"1,5\",1\n\"2,5\",2\n");
  EXPECT_EQ(table.columns[0].dtype, DType::Object);
  const TableReview review = review_table(table, describe(table));
  ASSERT_EQ(review.warnings.size(), 1u);
  EXPECT_EQ(review.warnings[0].value, "1,5");
  EXPECT_NE(review.warnings[0].message.find("decimal comma"), std::string::npos);
}

TEST(DecimalComma, ASettingOverridesTheGuess) {
  CsvOptions point;
  point.decimal = DecimalMark::point;
  Table as_text = testing::read_ok(kExcel, point);
  EXPECT_EQ(as_text.find("bill_length")->dtype, DType::Object);
  EXPECT_TRUE(as_text.decimal_comma_columns.empty());
  const TableReview review = review_table(as_text, describe(as_text));
  bool warned = false;
  for (const TableWarning& w : review.warnings)
    warned = warned || (w.column == "bill_length" && w.value == "39,1" && w.line == 2);
  EXPECT_TRUE(warned) << "a numeric-looking text column is named with its first value";

  CsvOptions comma;
  comma.decimal = DecimalMark::comma;
  Table forced = testing::read_ok("a,b\n\"1,5\",1.5\n\"2\",2.5\n", comma);
  EXPECT_EQ(forced.columns[0].dtype, DType::Float64);
  EXPECT_DOUBLE_EQ(forced.columns[0].numbers[0], 1.5);
  EXPECT_EQ(forced.columns[1].dtype, DType::Object) << "a point is text under a decimal comma";
}

TEST(DecimalComma, NumericTextNamesTheOffendingValue) {
  std::string text = "age;city\n";
  for (int r = 0; r < 20; ++r) text += std::to_string(20 + r % 10) + ";Rome\n";
  text += "unknown;Oslo\n";
  Table table = testing::read_ok(text);
  const TableReview review = review_table(table, describe(table));
  ASSERT_EQ(review.warnings.size(), 1u) << review.warnings.back().message;
  EXPECT_EQ(review.warnings[0].column, "age");
  EXPECT_EQ(review.warnings[0].value, "unknown");
  EXPECT_EQ(review.warnings[0].line, 22u);
  EXPECT_NE(review.warnings[0].message.find("'unknown' on line 22"), std::string::npos)
      << review.warnings[0].message;
}

}  // namespace
}  // namespace gradtape
