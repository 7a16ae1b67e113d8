// The dense layers' three matrix products, out = x·W, dx += dz·Wᵀ and dW += xᵀ·dz. In the wasm
// build they run on register-blocked wasm-SIMD kernels (4 rows × 16 columns of accumulators,
// each sum taken over k in order); Eigen 3.4 has no wasm-SIMD code of its own, and the kernels
// take heart's 60 epochs in node from 113 to 94 ms (README "Performance"). Natively they are
// Eigen's.
#pragma once

#include "core/tensor.h"

namespace gradtape {

// out = a·b (out is resized to a.rows() × b.cols()).
void multiply(const Matrix& a, const Matrix& b, Matrix& out);
// out += a·bᵀ (out is a.rows() × b.rows()).
void multiply_add_transposed_b(const Matrix& a, const Matrix& b, Matrix& out);
// out += aᵀ·b (out is a.cols() × b.cols()).
void multiply_add_transposed_a(const Matrix& a, const Matrix& b, Matrix& out);

namespace simd {
// The kernels themselves, on every build (the scalar loop where wasm SIMD is absent), for its
// tests: c[i·ldc + j] (+)= Σ_p a[i·a_row + p·a_col] · b[p·ldb + j], for i < m, j < n, p < k.
void multiply(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c,
              Index ldc, Index m, Index n, Index k, bool accumulate);
// c[i·n + p] += Σ_j a[i·k + j] · b[p·k + j], for i < m, p < n: rows of a against rows of b.
void multiply_transposed_b(const float* a, const float* b, float* c, Index m, Index n, Index k);
}  // namespace simd

}  // namespace gradtape
