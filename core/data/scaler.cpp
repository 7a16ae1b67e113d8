#include "core/data/scaler.h"

#include <cassert>
#include <cmath>

namespace gradtape {

StandardScaler StandardScaler::of(std::vector<double> mean, std::vector<double> scale, int ddof) {
  StandardScaler scaler;
  scaler.mean_ = std::move(mean);
  scaler.scale_ = std::move(scale);
  scaler.ddof_ = ddof;
  return scaler;
}

StandardScaler StandardScaler::fit(const MatrixD& x, int ddof) {
  Pacer never_pauses;
  return fit(x, ddof, never_pauses);
}

StandardScaler StandardScaler::fit(const MatrixD& x, int ddof, Pacer& pacer) {
  assert(x.rows() > ddof);
  StandardScaler scaler;
  scaler.ddof_ = ddof;
  const Index n = x.rows(), d = x.cols();
  scaler.mean_.assign(d, 0.0);
  scaler.scale_.assign(d, 0.0);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < d; ++j) scaler.mean_[j] += x(i, j);
    pacer.tick();
  }
  for (Index j = 0; j < d; ++j) scaler.mean_[j] /= static_cast<double>(n);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < d; ++j) {
      const double centred = x(i, j) - scaler.mean_[j];
      scaler.scale_[j] += centred * centred;
    }
    pacer.tick();
  }
  for (Index j = 0; j < d; ++j)
    scaler.scale_[j] = std::sqrt(scaler.scale_[j] / static_cast<double>(n - ddof));
  return scaler;
}

Matrix StandardScaler::transform(const MatrixD& x) const {
  Pacer never_pauses;
  return transform(x, never_pauses);
}

Matrix StandardScaler::transform(const MatrixD& x, Pacer& pacer) const {
  assert(static_cast<std::size_t>(x.cols()) == mean_.size());
  Matrix out(x.rows(), x.cols());
  for (Index i = 0; i < x.rows(); ++i) {
    for (Index j = 0; j < x.cols(); ++j)
      out(i, j) = static_cast<float>((x(i, j) - mean_[j]) / scale_[j]);
    pacer.tick();
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
