#include "core/data/line_numbers.h"

#include <gtest/gtest.h>

#include <vector>

namespace gradtape {
namespace {

TEST(LineNumbers, GivesBackEveryRowsLineThroughGapsAndJumps) {
  // Rows one line apart, a blank line, a value over three lines, and a jump at the very end.
  const std::vector<std::size_t> lines = {2, 3, 4, 6, 7, 10, 11, 12, 40};
  LineNumbers stored;
  for (std::size_t line : lines) stored.push_back(line);
  ASSERT_EQ(stored.size(), lines.size());
  for (std::size_t r = 0; r < lines.size(); ++r) EXPECT_EQ(stored[r], lines[r]) << r;
  EXPECT_EQ(stored.front(), 2u);
  EXPECT_EQ(stored.back(), 40u);
}

TEST(LineNumbers, AFirstRowAfterBlankLinesKeepsItsLine) {
  LineNumbers stored;
  for (std::size_t line = 9; line < 20; ++line) stored.push_back(line);
  EXPECT_EQ(stored[0], 9u);
  EXPECT_EQ(stored[10], 19u);
}

}  // namespace
}  // namespace gradtape
