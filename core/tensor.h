// The one numeric type of the engine and the data it trains on: float32, row-major, one row per
// sample (docs/design.md). A column vector of targets is a Matrix with one column.
#pragma once

#include <Eigen/Core>

namespace gradtape {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Index = Eigen::Index;

}  // namespace gradtape
