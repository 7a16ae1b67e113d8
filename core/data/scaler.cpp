#include "core/data/scaler.h"

#include <cassert>
#include <cmath>

#include "core/data/scaler_fitting.h"

namespace gradtape {

StandardScaler StandardScaler::of(std::vector<double> mean, std::vector<double> scale, int ddof) {
  StandardScaler scaler;
  scaler.mean_ = std::move(mean);
  scaler.scale_ = std::move(scale);
  scaler.ddof_ = ddof;
  return scaler;
}

StandardScaler StandardScaler::fit(const MatrixD& x, int ddof) {
  assert(x.rows() > ddof);
  ScalerFitting fitting(x.cols());
  fitting.add(x, x.rows());  // one block: the sums in row order
  return fitting.finish(ddof);
}

Matrix StandardScaler::transform(const MatrixD& x) const {
  assert(static_cast<std::size_t>(x.cols()) == mean_.size());
  Matrix out(x.rows(), x.cols());
  for (Index i = 0; i < x.rows(); ++i) {
    for (Index j = 0; j < x.cols(); ++j)
      out(i, j) = static_cast<float>((x(i, j) - mean_[j]) / scale_[j]);
  }
  return out;
}

StandardScaler StandardScaler::select(const std::vector<std::size_t>& features) const {
  StandardScaler out;
  out.ddof_ = ddof_;
  for (std::size_t j : features) {
    out.mean_.push_back(mean_[j]);
    out.scale_.push_back(scale_[j]);
  }
  return out;
}

std::vector<std::size_t> StandardScaler::constant_features() const {
  std::vector<std::size_t> constant;
  for (std::size_t j = 0; j < scale_.size(); ++j) {
    if (scale_[j] == 0.0) constant.push_back(j);
  }
  return constant;
}

}  // namespace gradtape
