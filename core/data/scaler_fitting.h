// StandardScaler::fit over rows given a block at a time, so that a large table's features never
// have to be held whole: each block's means and squared deviations are summed in row order and
// merged into the running ones as Chan, Golub and LeVeque merge them. One block (the tables of
// up to kBlockRows rows) gives exactly fit()'s numbers. A feature whose every value is the same is
// constant, with that value as its mean and a scale of exactly 0, even where the rounding of the
// sums would leave a trace of spread (ten thousand 0.1s).
#pragma once

#include <vector>

#include "core/data/scaler.h"

namespace gradtape {

class ScalerFitting {
 public:
  static constexpr Index kBlockRows = 8192;

  explicit ScalerFitting(Index features);
  // The first `rows` rows of `block` (as many columns as features).
  void add(const MatrixD& block, Index rows);
  // The scaler of every row added; needs more rows than ddof.
  StandardScaler finish(int ddof) const;

 private:
  double rows_ = 0;
  std::vector<double> mean_, squares_;  // squares_: the sum of squared deviations from mean_
  std::vector<double> low_, high_;      // each feature's smallest and largest value
};

}  // namespace gradtape
