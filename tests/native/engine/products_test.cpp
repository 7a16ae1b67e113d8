// The dense layers' products (the wasm-SIMD kernel in the wasm build, Eigen natively) against
// Eigen's own product, on the shapes of a step and on shapes that leave remainders in every
// direction of the 4 × 16 blocks; and the kernels' plain loops, which every build has.
#include "core/engine/products.h"

#include <gtest/gtest.h>

#include "tests/native/engine/gradient_check.h"

namespace gradtape {
namespace {

using testing::random_matrix;

void expect_near(const Matrix& got, const Matrix& want, const char* what) {
  ASSERT_EQ(got.rows(), want.rows()) << what;
  ASSERT_EQ(got.cols(), want.cols()) << what;
  for (Index i = 0; i < got.size(); ++i)
    EXPECT_NEAR(got.data()[i], want.data()[i], 1e-5f * (1.f + std::abs(want.data()[i]))) << what;
}

struct Shape {
  Index m, k, n;
};

TEST(Products, AgreeWithEigenOnStepShapesAndRemainders) {
  Random random(3);
  for (const Shape s : {Shape{32, 11, 64}, Shape{32, 64, 64}, Shape{32, 64, 1}, Shape{5, 7, 19},
                        Shape{1, 3, 4}, Shape{7, 1, 33}}) {
    const Matrix a = random_matrix(s.m, s.k, random);
    const Matrix b = random_matrix(s.k, s.n, random);
    Matrix out;
    multiply(a, b, out);
    expect_near(out, a * b, "multiply");

    const Matrix dz = random_matrix(s.m, s.n, random);
    Matrix dx = random_matrix(s.m, s.k, random);
    const Matrix dx_want = dx + dz * b.transpose();
    multiply_add_transposed_b(dz, b, dx);
    expect_near(dx, dx_want, "multiply_add_transposed_b");

    Matrix dw = random_matrix(s.k, s.n, random);
    const Matrix dw_want = dw + a.transpose() * dz;
    multiply_add_transposed_a(a, dz, dw);
    expect_near(dw, dw_want, "multiply_add_transposed_a");
  }
}

TEST(Products, TheKernelsSumEachOutputOverKAndAccumulateOnRequest) {
  // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]]
  const float a[] = {1, 2, 3, 4}, b[] = {5, 6, 7, 8};
  float c[] = {100, 100, 100, 100};
  simd::multiply(a, 2, 1, b, 2, c, 2, 2, 2, 2, false);
  EXPECT_EQ(std::vector<float>(c, c + 4), (std::vector<float>{19, 22, 43, 50}));
  simd::multiply(a, 2, 1, b, 2, c, 2, 2, 2, 2, true);
  EXPECT_EQ(std::vector<float>(c, c + 4), (std::vector<float>{38, 44, 86, 100}));
  // a · bᵀ: rows of a against rows of b: [[1·5 + 2·6, 1·7 + 2·8], [3·5 + 4·6, 3·7 + 4·8]]
  float d[] = {0, 0, 0, 0};
  simd::multiply_transposed_b(a, b, d, 2, 2, 2);
  EXPECT_EQ(std::vector<float>(d, d + 4), (std::vector<float>{17, 23, 39, 53}));
}

}  // namespace
}  // namespace gradtape
