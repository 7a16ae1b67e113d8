// The patterns of missing values: each set of columns missing together, with its rows.
#include "core/data/missing_patterns.h"

#include <string>

#include <gtest/gtest.h>

#include "tests/native/data/read_ok.h"
#include "tests/native/pause_counter.h"

namespace gradtape {
namespace {

TEST(MissingPatterns, CountsEachSetOfMissingColumns) {
  Table table = testing::read_ok("a,b,c,d\n1,,x,1\n,,y,1\n3,,,1\n4,5,z,1\n,,w,1\n6,,v,1\n");
  const MissingPatterns found = missing_patterns(table);
  ASSERT_TRUE(found.complete);
  ASSERT_EQ(found.patterns.size(), 3u);
  // Most rows first; ties in the order of their columns.
  EXPECT_EQ(found.patterns[0].columns, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(found.patterns[0].rows, 2u);
  EXPECT_EQ(found.patterns[1].columns, (std::vector<std::size_t>{1}));
  EXPECT_EQ(found.patterns[1].rows, 2u);
  EXPECT_EQ(found.patterns[2].columns, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(found.patterns[2].rows, 1u);
}

// Finding the columns with a missing value reads every row of every column: with a Pacer that
// pauses at every look (every 1,024 ticks), a complete table of 3 × 20,000 values pauses for them.
TEST(MissingPatterns, LookingForMissingValuesTicksOncePerValue) {
  std::string text = "a,b,c\n";
  for (int r = 0; r < 20000; ++r)
    text += std::to_string(r % 7) + "," + std::to_string(r % 5) + ",1\n";
  const Table table = testing::read_ok(text);
  testing::PauseCounter counter;
  EXPECT_TRUE(missing_patterns(table, counter.pacer).patterns.empty());
  EXPECT_EQ(counter.pauses, 3 * 20000 / 1024);
}

TEST(MissingPatterns, NoneForACompleteTableAndNoListPastTheLimit) {
  EXPECT_TRUE(missing_patterns(testing::read_ok("a,b\n1,2\n")).patterns.empty());
  Table table = testing::read_ok("a,b,c\n,1,1\n1,,1\n1,1,\n");
  const MissingPatterns capped = missing_patterns(table, 2);
  EXPECT_FALSE(capped.complete);
  EXPECT_TRUE(capped.patterns.empty());
}

}  // namespace
}  // namespace gradtape
