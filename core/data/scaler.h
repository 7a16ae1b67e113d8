// StandardScaler: per-feature mean and standard deviation fitted on the TRAIN rows only, in
// double; scaled values are (x - mean) / std rounded once to float32. ddof 1 is pandas' std (the
// tutorial), ddof 0 is sklearn's.
#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "core/tensor.h"

namespace gradtape {

// Features before scaling, in double: one row per sample.
using MatrixD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

class StandardScaler {
 public:
  StandardScaler() = default;

  // mean_j = sum_i x_ij / n, summed in row order; scale_j = sqrt(sum_i (x_ij - mean_j)^2 / (n -
  // ddof)); a feature with one value throughout has that value as its mean and a scale of 0
  // (scaler_fitting.h, which also fits rows a block at a time). Needs n > ddof.
  static StandardScaler fit(const MatrixD& x, int ddof);

  // A fitted scaler as saved: the means and stds of its features (stds above 0).
  static StandardScaler of(std::vector<double> mean, std::vector<double> scale, int ddof);

  // float32((x_ij - mean_j) / scale_j), each computed in double.
  Matrix transform(const MatrixD& x) const;

  // The scaler of the given features only, in that order.
  StandardScaler select(const std::vector<std::size_t>& features) const;

  // Features whose scale is 0 (constant in the fitted rows): they must be dropped, not divided by.
  std::vector<std::size_t> constant_features() const;

  const std::vector<double>& mean() const { return mean_; }
  const std::vector<double>& scale() const { return scale_; }
  int ddof() const { return ddof_; }

 private:
  std::vector<double> mean_, scale_;
  int ddof_ = 1;
};

}  // namespace gradtape
