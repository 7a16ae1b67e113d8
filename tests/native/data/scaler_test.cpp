// StandardScaler: hand-computed means and deviations for both ddof, float32 rounding once,
// constant features found rather than divided by.
#include "core/data/scaler.h"

#include <cmath>

#include <gtest/gtest.h>

namespace gradtape {
namespace {

MatrixD three_rows() {
  MatrixD x(3, 2);
  x << 1, 10, 2, 10, 3, 10;
  return x;
}

TEST(Scaler, MeanAndSampleStd) {
  // Column 0: mean 2, squares 1 + 0 + 1 = 2, ddof 1: sqrt(2 / 2) = 1.
  StandardScaler scaler = StandardScaler::fit(three_rows(), 1);
  EXPECT_EQ(scaler.mean()[0], 2.0);
  EXPECT_EQ(scaler.scale()[0], 1.0);
  EXPECT_EQ(scaler.mean()[1], 10.0);
}

TEST(Scaler, PopulationStdWithDdofZero) {
  StandardScaler scaler = StandardScaler::fit(three_rows(), 0);
  EXPECT_EQ(scaler.scale()[0], std::sqrt(2.0 / 3.0));  // sklearn's StandardScaler
  EXPECT_EQ(scaler.ddof(), 0);
}

TEST(Scaler, ConstantFeatureIsReportedNotDivided) {
  StandardScaler scaler = StandardScaler::fit(three_rows(), 1);
  EXPECT_EQ(scaler.constant_features(), (std::vector<std::size_t>{1}));
  StandardScaler kept = scaler.select({0});
  Matrix out = kept.transform(three_rows().leftCols(1));
  EXPECT_EQ(out(0, 0), -1.0f);
  EXPECT_EQ(out(2, 0), 1.0f);
}

TEST(Scaler, ScalesInDoubleAndRoundsOnce) {
  // (0.1 - mean) / std in double, then one rounding to float32.
  MatrixD x(2, 1);
  x << 0.1, 0.4;
  StandardScaler scaler = StandardScaler::fit(x, 1);
  Matrix out = scaler.transform(x);
  const double mean = (0.1 + 0.4) / 2,
               std = std::sqrt(((0.1 - mean) * (0.1 - mean) + (0.4 - mean) * (0.4 - mean)) / 1);
  EXPECT_EQ(out(0, 0), static_cast<float>((0.1 - mean) / std));
  EXPECT_EQ(out(1, 0), static_cast<float>((0.4 - mean) / std));
}

}  // namespace
}  // namespace gradtape
