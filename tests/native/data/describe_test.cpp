// describe(): pandas' figures on small hand-checked series, and on heart.csv against an
// independent computation in this file and the data set's published figures.
#include "core/data/describe.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"
#include "tests/native/data/read_ok.h"
#include "tests/native/test_data.h"

namespace gradtape {
namespace {

using testing::read_ok;

const ColumnSummary& summary_of(const std::vector<ColumnSummary>& all, const std::string& name) {
  for (const ColumnSummary& s : all) {
    if (s.name == name) return s;
  }
  ADD_FAILURE() << "no summary for " << name;
  return all.front();
}

TEST(Describe, PandasDocExampleOneTwoThree) {
  // pd.Series([1, 2, 3]).describe(): mean 2, std 1, quartiles 1.5 / 2 / 2.5.
  NumericSummary s = describe_numbers({1, 2, 3});
  EXPECT_EQ(s.count, 3u);
  EXPECT_EQ(s.mean, 2.0);
  EXPECT_EQ(s.std, 1.0);
  EXPECT_EQ(s.min, 1.0);
  EXPECT_EQ(s.q25, 1.5);
  EXPECT_EQ(s.q50, 2.0);
  EXPECT_EQ(s.q75, 2.5);
  EXPECT_EQ(s.max, 3.0);
}

TEST(Describe, LinearQuantilesAndSampleStd) {
  // 1..4: positions 0.75, 1.5, 2.25 give 1.75, 2.5, 3.25; std = sqrt((2.25+0.25+0.25+2.25)/3).
  NumericSummary s = describe_numbers({4, 1, 3, 2});
  EXPECT_EQ(s.q25, 1.75);
  EXPECT_EQ(s.q50, 2.5);
  EXPECT_EQ(s.q75, 3.25);
  EXPECT_DOUBLE_EQ(s.std, std::sqrt(5.0 / 3.0));
}

TEST(Describe, MissingValuesAreLeftOut) {
  NumericSummary s = describe_numbers({1, NAN, 3, NAN});
  EXPECT_EQ(s.count, 2u);
  EXPECT_EQ(s.mean, 2.0);
  EXPECT_DOUBLE_EQ(s.std, std::sqrt(2.0));
  EXPECT_EQ(s.q50, 2.0);
}

TEST(Describe, OneValueHasNoStdAndNoValueHasNothing) {
  NumericSummary one = describe_numbers({5});
  EXPECT_EQ(one.mean, 5.0);
  EXPECT_TRUE(std::isnan(one.std));
  EXPECT_EQ(one.q75, 5.0);
  NumericSummary none = describe_numbers({NAN, NAN});
  EXPECT_EQ(none.count, 0u);
  EXPECT_TRUE(std::isnan(none.mean));
  EXPECT_TRUE(std::isnan(none.min));
}

TEST(Describe, QuantileInterpolatesFromTheNearerEnd) {
  // numpy's _lerp: gamma >= 0.5 is computed from the upper end, so q = 1 returns the max exactly.
  Pacer never_pauses;
  const Distribution values = distribution_of({0.7, 0.1}, never_pauses);
  EXPECT_EQ(quantile_of(values, 1.0), 0.7);
  EXPECT_EQ(quantile_of(values, 0.0), 0.1);
  EXPECT_EQ(quantile_of(values, 0.75), 0.7 - (0.7 - 0.1) * 0.25);
  EXPECT_EQ(quantile_of(values, 0.25), 0.1 + (0.7 - 0.1) * 0.25);
}

TEST(Describe, QuartilesOfUnsortedValuesAreThoseOfTheSortedOnes) {
  // numpy.percentile([5, 1, 4, 2, 3, 9, 7], [25, 50, 75]) = [2.5, 4, 6]
  const NumericSummary s = describe_numbers({5, 1, 4, 2, 3, 9, 7});
  EXPECT_EQ(s.q25, 2.5);
  EXPECT_EQ(s.q50, 4.0);
  EXPECT_EQ(s.q75, 6.0);
  EXPECT_EQ(s.min, 1.0);
  EXPECT_EQ(s.max, 9.0);
}

TEST(Describe, PairwiseSumFollowsNumpysBlocks) {
  // Below 8 values numpy adds in order.
  const double small[] = {1e16, 1, 1, -1e16};
  EXPECT_EQ(pairwise_sum(small, 4), (((1e16 + 1) + 1) + -1e16));
  // From 8 on, eight running sums r[j] over a[j], a[j+8], ... combined as a tree, then the tail.
  std::vector<double> a(19);
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = 1.0 / (i + 1);
  double r[8];
  for (int j = 0; j < 8; ++j) r[j] = a[j] + a[j + 8];
  double expected = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
  for (std::size_t i = 16; i < 19; ++i) expected += a[i];
  EXPECT_EQ(pairwise_sum(a.data(), a.size()), expected);
}

TEST(Describe, TextColumnCountUniqueTopFreq) {
  // pd.Series(['a', 'a', 'b', 'c']).describe(): count 4, unique 3, top a, freq 2.
  Table table = read_ok("s\na\na\nb\nc\n");
  ColumnSummary s = describe_column(table.columns[0]);
  EXPECT_EQ(s.count, 4u);
  EXPECT_EQ(s.distinct, 3u);
  EXPECT_EQ(s.top, "a");
  EXPECT_EQ(s.freq, 2u);
}

TEST(Describe, TiesGoToTheFirstValueToAppear) {
  Table table = read_ok("s\nb\na\na\nb\nc\n");
  ColumnSummary s = describe_column(table.columns[0]);
  EXPECT_EQ(s.top, "b");
  ASSERT_EQ(s.value_counts.size(), 3u);
  EXPECT_EQ(s.value_counts[0].value, "b");
  EXPECT_EQ(s.value_counts[1].value, "a");
  EXPECT_EQ(s.value_counts[2].value, "c");
}

TEST(Describe, CategoriesAreInByteOrder) {
  Table table = read_ok("s\nb\nZ\né\na\nB\n");
  ColumnSummary s = describe_column(table.columns[0]);
  const std::vector<std::string> expected = {"B", "Z", "a", "b", "é"};
  EXPECT_EQ(s.categories, expected);
}

TEST(Describe, MissingAndDistinct) {
  Table table = read_ok("x,s\n1,a\nNA,\n1,b\n2,NA\n");
  std::vector<ColumnSummary> all = describe(table);
  EXPECT_EQ(all[0].missing, 1u);
  EXPECT_EQ(all[0].count, 3u);
  EXPECT_EQ(all[0].distinct, 2u);
  EXPECT_EQ(all[1].missing, 2u);
  EXPECT_EQ(all[1].distinct, 2u);
}

TEST(Describe, NumericValueCountsForATarget) {
  Table table = read_ok("y\n1\n0\n1\n");
  std::vector<ValueCount> counts = value_counts(table.columns[0]);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].value, "1");
  EXPECT_EQ(counts[0].count, 2u);
  EXPECT_EQ(counts[1].value, "0");
}

// ---- heart.csv --------------------------------------------------------------------------------

TEST(Describe, HeartMatchesPublishedFigures) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  std::vector<ColumnSummary> all = describe(read_ok(testing::read_text_file(path)));
  // From ../shared/data/README.md (4 decimals).
  EXPECT_NEAR(summary_of(all, "Age").numeric.mean, 53.5109, 5e-5);
  EXPECT_NEAR(summary_of(all, "RestingBP").numeric.mean, 132.3965, 5e-5);
  EXPECT_NEAR(summary_of(all, "Cholesterol").numeric.mean, 198.7996, 5e-5);
  EXPECT_NEAR(summary_of(all, "MaxHR").numeric.mean, 136.8094, 5e-5);
  EXPECT_NEAR(summary_of(all, "Oldpeak").numeric.mean, 0.8874, 5e-5);
  const ColumnSummary& sex = summary_of(all, "Sex");
  EXPECT_EQ(sex.top, "M");
  EXPECT_EQ(sex.freq, 725u);
  ASSERT_EQ(sex.value_counts.size(), 2u);
  EXPECT_EQ(sex.value_counts[1].value, "F");
  EXPECT_EQ(sex.value_counts[1].count, 193u);
  const std::vector<std::string> pain = {"ASY", "ATA", "NAP", "TA"};
  EXPECT_EQ(summary_of(all, "ChestPainType").categories, pain);
}

TEST(Describe, HeartMatchesAnIndependentComputation) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  Table table = read_ok(testing::read_text_file(path));
  std::vector<ColumnSummary> all = describe(table);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const Column& column = table.columns[c];
    const ColumnSummary& s = all[c];
    EXPECT_EQ(s.count, 918u);
    EXPECT_EQ(s.missing, 0u);
    if (!column.is_numeric()) {
      std::map<std::string, std::size_t> counts;
      for (std::size_t r = 0; r < column.size(); ++r) ++counts[std::string(column.text(r))];
      EXPECT_EQ(s.distinct, counts.size()) << column.name;
      std::size_t most = 0;
      for (const auto& entry : counts) most = std::max(most, entry.second);
      EXPECT_EQ(s.freq, most) << column.name;
      EXPECT_EQ(counts[s.top], most) << column.name;
      continue;
    }
    // Long-double sums in plain order, and quantiles by h = (n - 1) q: both independent of the
    // pairwise order describe() uses, so they agree to rounding.
    const std::vector<double> numbers = column.numbers.to_vector();
    long double sum = 0;
    for (double v : numbers) sum += v;
    const long double mean = sum / numbers.size();
    long double squares = 0;
    for (double v : numbers) squares += (v - mean) * (v - mean);
    const double std = static_cast<double>(std::sqrt(squares / (numbers.size() - 1)));
    EXPECT_NEAR(s.numeric.mean, static_cast<double>(mean),
                1e-12 * std::fabs(static_cast<double>(mean)) + 1e-15)
        << column.name;
    EXPECT_NEAR(s.numeric.std, std, 1e-12 * std) << column.name;
    std::vector<double> sorted = numbers;
    std::sort(sorted.begin(), sorted.end());
    for (double q : {0.25, 0.5, 0.75}) {
      const double h = (sorted.size() - 1) * q;
      const std::size_t lo = static_cast<std::size_t>(h);
      const double expected =
          sorted[lo] + (h - lo) * (sorted[std::min(lo + 1, sorted.size() - 1)] - sorted[lo]);
      const double got = q == 0.25 ? s.numeric.q25 : q == 0.5 ? s.numeric.q50 : s.numeric.q75;
      EXPECT_NEAR(got, expected, 1e-12 * std::fabs(expected)) << column.name << " q" << q;
    }
    EXPECT_EQ(s.numeric.min, sorted.front());
    EXPECT_EQ(s.numeric.max, sorted.back());
    EXPECT_EQ(s.distinct, std::set<double>(sorted.begin(), sorted.end()).size()) << column.name;
  }
}

}  // namespace
}  // namespace gradtape
