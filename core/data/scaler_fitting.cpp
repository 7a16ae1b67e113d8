#include "core/data/scaler_fitting.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gradtape {

ScalerFitting::ScalerFitting(Index features)
    : mean_(static_cast<std::size_t>(features), 0.0),
      squares_(static_cast<std::size_t>(features), 0.0),
      low_(static_cast<std::size_t>(features), std::numeric_limits<double>::infinity()),
      high_(static_cast<std::size_t>(features), -std::numeric_limits<double>::infinity()) {}

void ScalerFitting::add(const MatrixD& block, Index rows) {
  if (rows == 0) return;
  const std::size_t d = mean_.size();
  std::vector<double> mean(d, 0.0), squares(d, 0.0);
  for (Index i = 0; i < rows; ++i) {
    for (std::size_t j = 0; j < d; ++j) {
      const double x = block(i, static_cast<Index>(j));
      mean[j] += x;
      low_[j] = std::min(low_[j], x);
      high_[j] = std::max(high_[j], x);
    }
  }
  const double n = static_cast<double>(rows);
  for (double& m : mean) m /= n;
  for (Index i = 0; i < rows; ++i) {
    for (std::size_t j = 0; j < d; ++j) {
      const double centred = block(i, static_cast<Index>(j)) - mean[j];
      squares[j] += centred * centred;
    }
  }
  if (rows_ == 0) {  // the first block as it is, so that one block is fit() exactly
    mean_ = std::move(mean);
    squares_ = std::move(squares);
    rows_ = n;
    return;
  }
  const double total = rows_ + n;
  for (std::size_t j = 0; j < d; ++j) {
    const double delta = mean[j] - mean_[j];
    mean_[j] += delta * (n / total);
    squares_[j] += squares[j] + delta * delta * (rows_ * n / total);
  }
  rows_ = total;
}

StandardScaler ScalerFitting::finish(int ddof) const {
  std::vector<double> mean = mean_, scale(squares_.size());
  for (std::size_t j = 0; j < scale.size(); ++j) {
    const bool constant = low_[j] == high_[j];
    if (constant) mean[j] = low_[j];
    scale[j] = constant ? 0.0 : std::sqrt(squares_[j] / (rows_ - static_cast<double>(ddof)));
  }
  return StandardScaler::of(std::move(mean), std::move(scale), ddof);
}

}  // namespace gradtape
