#include "core/data/number_values.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <vector>

#include "core/bit_pattern.h"
#include "core/random.h"

namespace gradtape {
namespace {

// Every value comes back with its exact bit pattern (NaN as a NaN).
void expect_same(const NumberValues& stored, const std::vector<double>& values) {
  ASSERT_EQ(stored.size(), values.size());
  for (std::size_t r = 0; r < values.size(); ++r) {
    if (std::isnan(values[r])) {
      EXPECT_TRUE(std::isnan(stored[r])) << r;
    } else {
      EXPECT_EQ(bit_pattern(stored[r]), bit_pattern(values[r])) << r;
    }
  }
  const std::vector<double> copy = stored.to_vector();
  ASSERT_EQ(copy.size(), values.size());
  for (std::size_t r = 0; r < values.size(); ++r) {
    EXPECT_TRUE(bit_pattern(copy[r]) == bit_pattern(stored[r]) || std::isnan(copy[r])) << r;
  }
}

TEST(NumberValues, FewDistinctValuesAreCodedInAByteEachAndKeptExactly) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> values = {63, 0.1, -0.0, 0.0, nan, 63, 1e300, 0.1, -nan, 2.5e-310};
  NumberValues stored;
  for (double v : values) stored.push_back(v);
  EXPECT_TRUE(stored.coded());
  EXPECT_EQ(stored.bytes_per_row(), 1u);
  // -0 and +0 are two entries; every NaN is one.
  EXPECT_EQ(stored.dictionary().size(), 7u);
  EXPECT_EQ(stored.place(0), stored.place(5));
  EXPECT_EQ(stored.place(4), stored.place(8));
  EXPECT_NE(stored.place(2), stored.place(3));
  expect_same(stored, values);
}

TEST(NumberValues, CodesTakeTwoBytesPastTwoHundredAndFiftySixValues) {
  NumberValues stored;
  std::vector<double> values;
  for (int i = 0; i < 3000; ++i) values.push_back((i * 37 % 1000) / 10.0);
  for (double v : values) stored.push_back(v);
  EXPECT_TRUE(stored.coded());
  EXPECT_EQ(stored.bytes_per_row(), 2u);
  EXPECT_EQ(stored.dictionary().size(), 1000u);
  expect_same(stored, values);
}

TEST(NumberValues, PastTheMostDistinctValuesTheyArePlainDoubles) {
  Random random(3);
  std::vector<double> values;
  const std::size_t n = 2 * NumberValues::kMaxDistinct;  // two thirds of them distinct
  for (std::size_t i = 0; i < n; ++i) values.push_back(i % 3 == 0 ? 1.5 : random.next_u32() / 7.0);
  NumberValues stored;
  stored.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    stored.push_back(values[i]);
    if (i == 1000) {
      EXPECT_TRUE(stored.coded());
    }
  }
  EXPECT_FALSE(stored.coded());
  EXPECT_EQ(stored.bytes_per_row(), sizeof(double));
  expect_same(stored, values);
}

TEST(NumberValues, ManyWholeNumbersTakeFourBytesUntilOneIsNot) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> values;
  for (std::size_t i = 0; i < 2 * NumberValues::kMaxDistinct; ++i)
    values.push_back(i % 11 == 0 ? nan : static_cast<double>(i) * 3 - 100000);
  values.push_back(2147483647.0);
  values.push_back(-2147483647.0);
  NumberValues stored;
  for (double v : values) stored.push_back(v);
  EXPECT_EQ(stored.storage(), NumberValues::Storage::decimals);
  EXPECT_EQ(stored.decimals(), 0);
  EXPECT_EQ(stored.bytes_per_row(), 4u);
  expect_same(stored, values);
  values.push_back(0.5);
  stored.push_back(0.5);
  EXPECT_EQ(stored.storage(), NumberValues::Storage::plain);
  expect_same(stored, values);
}

TEST(NumberValues, NumbersBeyondThirtyTwoBitsOfUnitsOrMinusZeroArePlain) {
  for (double odd : {2147483648.0, -2147483648.0, 1e15, -0.0}) {
    NumberValues stored;
    std::vector<double> values;
    for (std::size_t i = 0; i <= NumberValues::kMaxDistinct; ++i)
      values.push_back(static_cast<double>(i));
    values.push_back(odd);
    for (double v : values) stored.push_back(v);
    EXPECT_EQ(stored.storage(), NumberValues::Storage::plain) << odd;
    expect_same(stored, values);
  }
}

// The double that reading units / 100, written with two decimals, gives.
double read_hundredths(int units) {
  char text[32];
  std::snprintf(text, sizeof text, "%d.%02d", units / 100, units % 100);
  return std::strtod(text, nullptr);
}

TEST(NumberValues, FewDecimalsTakeFourBytesAndMoreOfThemRescaleEveryRow) {
  std::vector<double> values;
  for (int i = 0; i < 100000; ++i) values.push_back(read_hundredths(i * 7 % 99991));
  NumberValues stored;
  for (double v : values) stored.push_back(v);
  EXPECT_EQ(stored.storage(), NumberValues::Storage::decimals);
  EXPECT_EQ(stored.decimals(), 2);
  expect_same(stored, values);
  for (const char* more : {"0.125", "-12.5", "3.000001"}) {
    values.push_back(std::strtod(more, nullptr));
    stored.push_back(values.back());
  }
  EXPECT_EQ(stored.storage(), NumberValues::Storage::decimals);
  EXPECT_EQ(stored.decimals(), 6);
  expect_same(stored, values);
  values.push_back(0.1 + 0.2);  // 0.30000000000000004: no short decimal gives it back
  stored.push_back(values.back());
  EXPECT_EQ(stored.storage(), NumberValues::Storage::plain);
  expect_same(stored, values);
}

TEST(NumberValues, DecimalsThatWouldOverflowTheUnitsArePlain) {
  std::vector<double> values;
  for (int i = 0; i < 70000; ++i) values.push_back(i * 30000.0);  // units up to 2.1e9
  NumberValues stored;
  for (double v : values) stored.push_back(v);
  EXPECT_EQ(stored.storage(), NumberValues::Storage::decimals);
  values.push_back(0.5);  // a decimal: every row's units times ten, past 32 bits
  stored.push_back(0.5);
  EXPECT_EQ(stored.storage(), NumberValues::Storage::plain);
  expect_same(stored, values);
}

TEST(NumberValues, ExactlyTheMostDistinctValuesStayCoded) {
  NumberValues stored;
  std::vector<double> values;
  for (std::size_t i = 0; i < NumberValues::kMaxDistinct; ++i) values.push_back(i * 0.25);
  for (double v : values) stored.push_back(v);
  for (double v : values) stored.push_back(v);  // repeats add no entry
  EXPECT_TRUE(stored.coded());
  EXPECT_EQ(stored.dictionary().size(), NumberValues::kMaxDistinct);
  values.insert(values.end(), values.begin(), values.end());
  expect_same(stored, values);
}

TEST(NumberValues, ValuesCanStillBeAddedAfterShrinking) {
  NumberValues stored;
  std::vector<double> values;
  for (int i = 0; i < 300; ++i) values.push_back(i % 150);
  for (double v : values) stored.push_back(v);
  stored.shrink();
  for (int i = 0; i < 300; ++i) {
    values.push_back(i % 200);
    stored.push_back(i % 200);
  }
  EXPECT_EQ(stored.dictionary().size(), 200u);  // the first 150 were found again, not added
  expect_same(stored, values);
}

}  // namespace
}  // namespace gradtape
