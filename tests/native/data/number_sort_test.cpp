#include "core/data/number_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/random.h"

namespace gradtape {
namespace {

TEST(SortNumbers, OrdersSignsMagnitudesInfinitiesAndZeros) {
  const double inf = std::numeric_limits<double>::infinity();
  const double tiny = std::numeric_limits<double>::denorm_min();
  std::vector<double> values = {3.5, -0.0, -inf, 1e300, -2.25, 0.0, inf, -tiny, tiny, -1e300, 2};
  Pacer never_pauses;
  sort_numbers(values, never_pauses);
  const std::vector<double> expected = {-inf, -1e300, -2.25, -tiny, -0.0, 0.0,
                                        tiny, 2,      3.5,   1e300, inf};
  ASSERT_EQ(values.size(), expected.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(values[i], expected[i]) << i;
    EXPECT_EQ(std::signbit(values[i]), std::signbit(expected[i])) << i;
  }
}

TEST(SortNumbers, AgreesWithStdSortOnManyValuesWithRepeats) {
  Random random(7);
  std::vector<double> values;
  for (int i = 0; i < 50000; ++i) {
    const std::uint32_t draw = random.next_u32();
    // Repeated small integers, decimals and wide magnitudes, both signs.
    const double value = draw % 3 == 0 ? static_cast<double>(draw % 17)
                         : draw % 3 == 1
                             ? (static_cast<double>(draw % 1000) - 500) / 8
                             : std::ldexp(static_cast<double>(draw), (draw % 200) - 100);
    values.push_back(draw % 2 ? -value : value);
  }
  std::vector<double> expected = values;
  std::sort(expected.begin(), expected.end());
  Pacer never_pauses;
  sort_numbers(values, never_pauses);
  for (std::size_t i = 0; i < values.size(); ++i) ASSERT_EQ(values[i], expected[i]) << i;
}

TEST(SortNumbers, LeavesShortAndUniformInputsAsTheyAre) {
  Pacer never_pauses;
  std::vector<double> none, one = {4}, same(100, 2.5);
  sort_numbers(none, never_pauses);
  sort_numbers(one, never_pauses);
  sort_numbers(same, never_pauses);
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(one, std::vector<double>{4});
  EXPECT_EQ(same, std::vector<double>(100, 2.5));
}

}  // namespace
}  // namespace gradtape
