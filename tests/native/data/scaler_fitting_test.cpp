#include "core/data/scaler_fitting.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/random.h"

namespace gradtape {
namespace {

// Rows of three features on very different scales, one of them far from zero.
MatrixD rows_of(Index n, std::uint32_t seed) {
  Random random(seed);
  MatrixD x(n, 3);
  for (Index i = 0; i < n; ++i) {
    x(i, 0) = random.unit();
    x(i, 1) = 1e6 + 1000 * random.unit();
    x(i, 2) = static_cast<double>(random.below(3));
  }
  return x;
}

TEST(ScalerFitting, OneBlockIsFitExactly) {
  const MatrixD x = rows_of(500, 1);
  ScalerFitting fitting(3);
  fitting.add(x, x.rows());
  const StandardScaler blocked = fitting.finish(1), whole = StandardScaler::fit(x, 1);
  EXPECT_EQ(blocked.mean(), whole.mean());
  EXPECT_EQ(blocked.scale(), whole.scale());
}

TEST(ScalerFitting, MergedBlocksAgreeWithOnePassToRounding) {
  const MatrixD x = rows_of(20000, 2);
  for (int ddof : {0, 1}) {
    ScalerFitting fitting(3);
    for (Index start = 0; start < x.rows(); start += 3001) {  // uneven blocks, a short last one
      const Index rows = std::min<Index>(3001, x.rows() - start);
      fitting.add(x.middleRows(start, rows), rows);
    }
    const StandardScaler blocked = fitting.finish(ddof), whole = StandardScaler::fit(x, ddof);
    for (std::size_t j = 0; j < 3; ++j) {
      EXPECT_NEAR(blocked.mean()[j], whole.mean()[j], 1e-13 * std::fabs(whole.mean()[j])) << j;
      EXPECT_NEAR(blocked.scale()[j], whole.scale()[j], 1e-10 * whole.scale()[j]) << j;
    }
  }
}

TEST(ScalerFitting, AConstantFeatureHasAScaleOfZeroAcrossBlocks) {
  MatrixD x = MatrixD::Constant(10000, 1, 0.1);
  ScalerFitting fitting(1);
  fitting.add(x.topRows(6000), 6000);
  fitting.add(x.bottomRows(4000), 4000);
  const StandardScaler s = fitting.finish(1);
  EXPECT_EQ(s.scale()[0], 0.0);  // the sums alone leave a spread of about 1e-17
  EXPECT_EQ(s.mean()[0], 0.1);
  EXPECT_EQ(StandardScaler::fit(x, 1).scale()[0], 0.0);
}

}  // namespace
}  // namespace gradtape
