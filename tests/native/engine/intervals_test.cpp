// The Wilson interval against hand-computed and statsmodels' values, and the t interval's
// quantile against Student's t table.
#include "core/engine/intervals.h"

#include <cmath>

#include <gtest/gtest.h>

namespace gradtape {
namespace {

TEST(Intervals, WilsonMatchesPublishedValues) {
  // statsmodels proportion_confint(5, 10, method="wilson") = (0.2366, 0.7634).
  Interval half = wilson_interval(5, 10);
  EXPECT_NEAR(half.low, 0.236593, 1e-6);
  EXPECT_NEAR(half.high, 0.763407, 1e-6);
  // 0 of 10: (0, 0.2775), never below 0 as the normal interval would be.
  Interval none = wilson_interval(0, 10);
  EXPECT_NEAR(none.low, 0.0, 1e-12);
  EXPECT_NEAR(none.high, 0.277532, 1e-6);
  // By hand: 81 of 100, p = 0.81, z = 1.95996: (0.722212, 0.874852).
  Interval most = wilson_interval(81, 100);
  EXPECT_NEAR(most.low, 0.722212, 1e-6);
  EXPECT_NEAR(most.high, 0.874852, 1e-6);
  EXPECT_TRUE(std::isnan(wilson_interval(0, 0).low));
}

TEST(Intervals, TQuantileFollowsStudentsTable) {
  EXPECT_NEAR(t_quantile_975(5), 2.570582, 3e-3);
  EXPECT_NEAR(t_quantile_975(10), 2.228139, 2e-4);
  EXPECT_NEAR(t_quantile_975(30), 2.042272, 1e-5);
  EXPECT_NEAR(t_quantile_975(1e6), 1.9599664, 1e-6);  // Student's t at a million degrees
}

TEST(Intervals, MeanIntervalIsSymmetricAboutTheMean) {
  Interval i = mean_interval({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  // mean 6, sd sqrt(11), n 11: 6 -/+ t(10) * sqrt(11) / sqrt(11) = 6 -/+ 2.228.
  EXPECT_NEAR(i.low, 6 - 2.228139, 2e-4);
  EXPECT_NEAR(i.high, 6 + 2.228139, 2e-4);
  Interval one = mean_interval({4});
  EXPECT_EQ(one.low, 4);
  EXPECT_EQ(one.high, 4);
}

}  // namespace
}  // namespace gradtape
