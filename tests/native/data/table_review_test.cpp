// The warnings of a table before a run: a header line that looks like data, columns that look
// like row identifiers; and none for an ordinary table.
#include "core/data/table_review.h"

#include <string>

#include <gtest/gtest.h>

#include "tests/native/data/read_ok.h"
#include "tests/native/pause_counter.h"

namespace gradtape {
namespace {

TableReview review_of(const std::string& text) {
  Table table = testing::read_ok(text);
  return review_table(table, describe(table));
}

TEST(TableReview, AnOrdinaryTableHasNothingToSay) {
  const TableReview review = review_of("a,b,c\n1,x,0.5\n2,y,1.5\n3,x,2\n");
  EXPECT_TRUE(review.notes.empty());
  EXPECT_TRUE(review.warnings.empty());
}

TEST(TableReview, AHeaderOfNumbersLooksLikeData) {
  // sklearn's iris.csv: the first line is "150,4,setosa,versicolor,virginica".
  const TableReview review =
      review_of("150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n4.9,3,1.4,0.2,0\n");
  ASSERT_FALSE(review.warnings.empty());
  EXPECT_EQ(review.warnings[0].kind, TableWarning::Kind::header_data);
  EXPECT_EQ(review.warnings[0].value, "150, 4");
  EXPECT_EQ(review.warnings[0].line, 1u);
  EXPECT_NE(review.warnings[0].message.find("header"), std::string::npos);
}

TEST(TableReview, IdentifiersUniqueOrNotAreNamed) {
  std::string text = "PassengerId,Id,name,age,store_id\n";
  for (int r = 0; r < 40; ++r) {
    text += std::to_string(r) + "," + std::to_string(r / 2) + ",n" + std::to_string(r) + "," +
            std::to_string(20 + r % 7) + "," + std::to_string(r % 4) + "\n";
  }
  const TableReview review = review_of(text);
  std::vector<std::string> ids;
  for (const TableWarning& w : review.warnings) {
    EXPECT_EQ(w.kind, TableWarning::Kind::identifier) << w.message;
    ids.push_back(w.column);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"PassengerId", "Id", "name"}))
      << "store_id repeats 4 values: a category, not an ID";
}

// Whether a text column looks numeric is read from every row: with a Pacer that pauses at every
// look (every 1,024 ticks), the 20,000 rows of a text column pause for it (the page's loading
// must not hold the page through a whole column).
TEST(TableReview, ReadingATextColumnTicksOncePerRow) {
  std::string text = "t,n\n";
  for (int r = 0; r < 20000; ++r) text += std::string(r % 3 ? "x" : "y") + ",1\n";
  const Table table = testing::read_ok(text);
  const std::vector<ColumnSummary> summaries = describe(table);
  testing::PauseCounter counter;
  EXPECT_TRUE(review_table(table, summaries, counter.pacer).warnings.empty());
  EXPECT_EQ(counter.pauses, (2 + 20000) / 1024);  // its 2 texts, then its rows
}

}  // namespace
}  // namespace gradtape
