// The errors of a regression model over everything seen since reset_state(): MAE, RMSE and R²,
// as sklearn's mean_absolute_error, root of mean_squared_error and r2_score compute them, in
// double. R² compares with always predicting the mean of the actual values seen.
#pragma once

#include <cstdint>

namespace gradtape {

class RegressionErrors {
 public:
  void add(double actual, double predicted);
  double mae() const;   // mean |predicted - actual|, 0 before any value
  double rmse() const;  // sqrt(mean (predicted - actual)²)
  // 1 - SS_res / SS_tot, SS_tot around the mean of the actual values (Welford's running sum);
  // when every actual value is the same, 1 for a perfect fit and 0 otherwise (sklearn).
  double r2() const;
  std::int64_t count() const { return count_; }
  void reset_state() { *this = RegressionErrors{}; }

 private:
  std::int64_t count_ = 0;
  double absolute_ = 0, squared_ = 0;
  double mean_ = 0, spread_ = 0;  // of the actual values: running mean and Σ (y - mean)²
};

}  // namespace gradtape
