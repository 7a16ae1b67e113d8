#include "core/data/distribution.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/random.h"

namespace gradtape {
namespace {

// `distinct` values drawn with repeats, both signs and a few missing (NaN).
std::vector<double> draws(std::size_t n, std::uint32_t distinct, std::uint32_t seed) {
  Random random(seed);
  std::vector<double> values;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t k = random.below(distinct);
    values.push_back(k % 97 == 0 ? NAN : (static_cast<double>(k) - distinct / 2.0) / 8);
  }
  return values;
}

// Each order statistic and the distinct count against a plain sort of the present values.
void expect_as_sorted(const std::vector<double>& values) {
  std::vector<double> sorted;
  for (double v : values) {
    if (!std::isnan(v)) sorted.push_back(v);
  }
  std::sort(sorted.begin(), sorted.end());
  Pacer never_pauses;
  const Distribution d = distribution_of(values, never_pauses);
  ASSERT_EQ(d.count(), sorted.size());
  for (std::size_t k = 0; k < sorted.size(); k += 1 + sorted.size() / 500)
    ASSERT_EQ(d.order_statistic(k), sorted[k]) << k;
  EXPECT_EQ(d.order_statistic(sorted.size() - 1), sorted.back());
  const auto unique_end = std::unique(sorted.begin(), sorted.end());
  EXPECT_EQ(d.distinct(), static_cast<std::size_t>(unique_end - sorted.begin()));
}

TEST(Distribution, FewDistinctValuesAreCountedAsASortWouldOrderThem) {
  expect_as_sorted(draws(20000, 40, 1));
  expect_as_sorted(draws(20000, Distribution::kMaxCounted, 2));  // the most that are counted
}

TEST(Distribution, ManyDistinctValuesAreSortedWithTheSameAnswers) {
  expect_as_sorted(draws(20000, Distribution::kMaxCounted + 1, 3));
  expect_as_sorted(draws(50000, 1u << 30, 4));
}

TEST(Distribution, MinusZeroAndZeroAreOneDistinctValueBothWays) {
  Pacer never_pauses;
  const Distribution few = distribution_of({0.0, -0.0, 1.0, -0.0}, never_pauses);
  EXPECT_EQ(few.distinct(), 2u);
  EXPECT_TRUE(std::signbit(few.values[0]));
  EXPECT_EQ(few.ends, (std::vector<std::size_t>{2, 3, 4}));
  std::vector<double> many = draws(10000, 1u << 30, 5);
  many.push_back(0.0);
  many.push_back(-0.0);
  const Distribution sorted = distribution_of(many, never_pauses);
  std::vector<double> present;
  for (double v : many) {
    if (!std::isnan(v)) present.push_back(v);
  }
  std::sort(present.begin(), present.end());
  EXPECT_EQ(sorted.distinct(), static_cast<std::size_t>(
                                   std::unique(present.begin(), present.end()) - present.begin()));
}

TEST(Distribution, ACodedColumnGivesWhatItsValuesGive) {
  Pacer never_pauses;
  for (std::uint32_t distinct : {40u, 5000u, 1u << 30}) {
    std::vector<double> values = draws(2 * NumberValues::kMaxDistinct, distinct, 6);
    values.push_back(-0.0);
    values.push_back(0.0);
    NumberValues column;
    for (double v : values) column.push_back(v);
    const Distribution plain = distribution_of(values, never_pauses);
    const Distribution coded = distribution_of(column, never_pauses);
    EXPECT_EQ(column.coded(), distinct != (1u << 30)) << distinct;
    ASSERT_EQ(coded.values.size(), plain.values.size()) << distinct;
    for (std::size_t i = 0; i < plain.values.size(); ++i) {
      EXPECT_EQ(coded.values[i], plain.values[i]) << i;
      EXPECT_EQ(std::signbit(coded.values[i]), std::signbit(plain.values[i])) << i;
    }
    EXPECT_EQ(coded.ends, plain.ends) << distinct;
  }
}

TEST(Distribution, NothingPresentIsAnEmptyDistribution) {
  Pacer never_pauses;
  const Distribution none = distribution_of({NAN, NAN}, never_pauses);
  EXPECT_EQ(none.count(), 0u);
  EXPECT_EQ(none.distinct(), 0u);
}

}  // namespace
}  // namespace gradtape
