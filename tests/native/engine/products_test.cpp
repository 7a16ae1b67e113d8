// The dense layers' products against Eigen's own product, on the shapes of a step and on shapes
// that leave remainders in every direction of the 2 × 16 blocks; the transpose kernel; and, to the
// bit, against naive loops that sum in the order products.h promises, which is what makes every
// build agree.
#include "core/engine/products.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

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
    Matrix b_transposed;
    multiply_add_transposed_b(dz, b, dx, b_transposed);
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
  kernels::multiply(a, 2, 1, b, 2, c, 2, 2, 2, 2, false);
  EXPECT_EQ(std::vector<float>(c, c + 4), (std::vector<float>{19, 22, 43, 50}));
  kernels::multiply(a, 2, 1, b, 2, c, 2, 2, 2, 2, true);
  EXPECT_EQ(std::vector<float>(c, c + 4), (std::vector<float>{38, 44, 86, 100}));
}

// c(i, j) = start + Σ_p a(i, p)·b(p, j), one float running sum in p order.
Matrix naive_product(const Matrix& a, const Matrix& b, const Matrix* start) {
  Matrix c(a.rows(), b.cols());
  for (Index i = 0; i < a.rows(); ++i) {
    for (Index j = 0; j < b.cols(); ++j) {
      float sum = start ? (*start)(i, j) : 0.f;
      for (Index p = 0; p < a.cols(); ++p) sum += a(i, p) * b(p, j);
      c(i, j) = sum;
    }
  }
  return c;
}

// c(i, p) + Σ_j a(i, j)·b(p, j): one float running sum in j order, started from c.
Matrix naive_transposed_b(const Matrix& a, const Matrix& b, Matrix c) {
  for (Index i = 0; i < a.rows(); ++i) {
    for (Index p = 0; p < b.rows(); ++p) {
      float sum = c(i, p);
      for (Index j = 0; j < a.cols(); ++j) sum += a(i, j) * b(p, j);
      c(i, p) = sum;
    }
  }
  return c;
}

std::uint32_t bits_of(float x) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}

void expect_same_bits(const Matrix& got, const Matrix& want, const char* what) {
  ASSERT_EQ(got.rows(), want.rows()) << what;
  ASSERT_EQ(got.cols(), want.cols()) << what;
  for (Index i = 0; i < got.size(); ++i) {
    EXPECT_EQ(bits_of(got.data()[i]), bits_of(want.data()[i]))
        << what << " element " << i << ": " << got.data()[i] << " vs " << want.data()[i];
  }
}

TEST(Products, EqualToTheBitNaiveLoopsInTheDocumentedOrder) {
  Random random(11);
  for (const Shape s : {Shape{32, 11, 64}, Shape{32, 64, 16}, Shape{32, 16, 1}, Shape{5, 7, 19},
                        Shape{1, 3, 4}, Shape{7, 1, 33}, Shape{9, 13, 21}}) {
    const Matrix a = random_matrix(s.m, s.k, random);
    const Matrix b = random_matrix(s.k, s.n, random);
    Matrix out;
    multiply(a, b, out);
    expect_same_bits(out, naive_product(a, b, nullptr), "multiply");

    const Matrix dz = random_matrix(s.m, s.n, random);
    Matrix dx = random_matrix(s.m, s.k, random);
    const Matrix dx_want = naive_transposed_b(dz, b, dx);
    Matrix b_transposed;
    multiply_add_transposed_b(dz, b, dx, b_transposed);
    expect_same_bits(dx, dx_want, "multiply_add_transposed_b");

    Matrix dw = random_matrix(s.k, s.n, random);
    const Matrix a_transposed = a.transpose();
    const Matrix dw_want = naive_product(a_transposed, dz, &dw);
    multiply_add_transposed_a(a, dz, dw);
    expect_same_bits(dw, dw_want, "multiply_add_transposed_a");
  }
}

TEST(Products, TheTransposeKernelMovesEveryElementOnBlocksAndEdges) {
  Random random(5);
  for (const Shape s : {Shape{64, 64, 0}, Shape{11, 64, 0}, Shape{64, 1, 0}, Shape{1, 64, 0},
                        Shape{4, 4, 0}, Shape{9, 13, 0}, Shape{3, 2, 0}, Shape{6, 10, 0}}) {
    const Matrix src = random_matrix(s.m, s.k, random);
    Matrix dst(s.k, s.m);
    kernels::transpose(src.data(), src.rows(), src.cols(), dst.data());
    const Matrix want = src.transpose();
    expect_same_bits(dst, want, "transpose");
  }
}

}  // namespace
}  // namespace gradtape
