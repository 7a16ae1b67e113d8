// The dense layers' three matrix products, out = x·W, dx += dz·Wᵀ and dW += xᵀ·dz, on kernels
// of our own that every build runs with the same arithmetic in the same order, so that the
// native and the wasm trainings agree to the bit (docs/design.md, "Same seed, same numbers"):
// they are written once with GCC/clang vector extensions, 4 float lanes that compile to SSE
// natively and to wasm SIMD128 in the browser (Eigen 3.4 has no wasm-SIMD code of its own, and
// its native GEMM sums in another order). Register blocking (2 rows × 16 columns of accumulators)
// only decides which outputs are computed together, never the order of an output's sum.
#pragma once

#include "core/tensor.h"

namespace gradtape {

// out = a·b (out is resized to a.rows() × b.cols()).
void multiply(const Matrix& a, const Matrix& b, Matrix& out);
// out += a·bᵀ (out is a.rows() × b.rows()), as multiply's kernel with accumulate on bᵀ, which is
// copied into `b_transposed` first (the caller keeps it, so that a step allocates nothing): each
// output one running sum that starts from out.
void multiply_add_transposed_b(const Matrix& a, const Matrix& b, Matrix& out, Matrix& b_transposed);
// out += aᵀ·b (out is a.cols() × b.cols()).
void multiply_add_transposed_a(const Matrix& a, const Matrix& b, Matrix& out);

namespace kernels {
// c[i·ldc + j] (+)= Σ_p a[i·a_row + p·a_col] · b[p·ldb + j], for i < m, j < n, p < k: each
// output one running float sum over p = 0, 1, ..., k-1, started from c (accumulate) or 0.
void multiply(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c,
              Index ldc, Index m, Index n, Index k, bool accumulate);
// dst (cols × rows, row-major) = the transpose of src (rows × cols, row-major).
void transpose(const float* src, Index rows, Index cols, float* dst);
}  // namespace kernels

}  // namespace gradtape
