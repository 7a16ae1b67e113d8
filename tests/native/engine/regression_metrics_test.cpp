// The regression errors on a hand-worked case, as sklearn computes them.
#include "core/engine/regression_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

namespace gradtape {
namespace {

TEST(RegressionErrors, MaeRmseAndR2AsSklearn) {
  // actual 3, -0.5, 2, 7; predicted 2.5, 0, 2, 8 (sklearn's r2_score docstring example):
  // errors -0.5, 0.5, 0, 1 -> MAE 0.5, MSE 0.375, RMSE 0.612372; R² 0.948608.
  RegressionErrors errors;
  for (auto [actual, predicted] : {std::pair{3.0, 2.5}, {-0.5, 0.0}, {2.0, 2.0}, {7.0, 8.0}}) {
    errors.add(actual, predicted);
  }
  EXPECT_DOUBLE_EQ(errors.mae(), 0.5);
  EXPECT_DOUBLE_EQ(errors.rmse(), std::sqrt(0.375));
  EXPECT_NEAR(errors.r2(), 0.9486081370449679, 1e-12);
  EXPECT_EQ(errors.count(), 4);
}

TEST(RegressionErrors, PredictingTheMeanScoresZeroAndWorseScoresBelow) {
  RegressionErrors mean, worse;
  for (double y : {1.0, 2.0, 3.0}) {
    mean.add(y, 2.0);
    worse.add(y, 5.0);
  }
  EXPECT_NEAR(mean.r2(), 0.0, 1e-15);
  EXPECT_LT(worse.r2(), 0.0);
}

TEST(RegressionErrors, ConstantActualValuesFollowSklearn) {
  RegressionErrors perfect, off;
  perfect.add(4, 4);
  perfect.add(4, 4);
  off.add(4, 4);
  off.add(4, 5);
  EXPECT_EQ(perfect.r2(), 1.0);
  EXPECT_EQ(off.r2(), 0.0);
  off.reset_state();
  EXPECT_EQ(off.count(), 0);
  EXPECT_EQ(off.mae(), 0.0);
}

}  // namespace
}  // namespace gradtape
