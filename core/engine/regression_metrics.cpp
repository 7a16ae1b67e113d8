#include "core/engine/regression_metrics.h"

#include <cmath>

namespace gradtape {

void RegressionErrors::add(double actual, double predicted) {
  const double error = predicted - actual;
  absolute_ += std::fabs(error);
  squared_ += error * error;
  ++count_;
  const double delta = actual - mean_;  // Welford: the mean and Σ (y - mean)² in one pass
  mean_ += delta / static_cast<double>(count_);
  spread_ += delta * (actual - mean_);
}

double RegressionErrors::mae() const {
  return count_ == 0 ? 0.0 : absolute_ / static_cast<double>(count_);
}

double RegressionErrors::rmse() const {
  return count_ == 0 ? 0.0 : std::sqrt(squared_ / static_cast<double>(count_));
}

double RegressionErrors::r2() const {
  if (spread_ == 0.0) return squared_ == 0.0 ? 1.0 : 0.0;
  return 1.0 - squared_ / spread_;
}

}  // namespace gradtape
