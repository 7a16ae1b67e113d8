#include "core/engine/products.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace gradtape {
namespace simd {
namespace {

// One output element the plain way: the remainder rows and columns of a block.
void multiply_one(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c,
                  Index ldc, Index i, Index j, Index k, bool accumulate) {
  float sum = accumulate ? c[i * ldc + j] : 0.f;
  for (Index p = 0; p < k; ++p) sum += a[i * a_row + p * a_col] * b[p * ldb + j];
  c[i * ldc + j] = sum;
}

#ifdef __wasm_simd128__
// Rows i..i+R-1 by columns j..j+4V-1: R·V accumulators of 4 lanes, each a running sum over p.
template <int R, int V>
void block(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c, Index ldc,
           Index i, Index j, Index k, bool accumulate) {
  v128_t acc[R][V];
  for (int r = 0; r < R; ++r) {
    for (int v = 0; v < V; ++v) {
      acc[r][v] =
          accumulate ? wasm_v128_load(c + (i + r) * ldc + j + 4 * v) : wasm_f32x4_splat(0.f);
    }
  }
  for (Index p = 0; p < k; ++p) {
    v128_t row[V];
    for (int v = 0; v < V; ++v) row[v] = wasm_v128_load(b + p * ldb + j + 4 * v);
    for (int r = 0; r < R; ++r) {
      const v128_t x = wasm_f32x4_splat(a[(i + r) * a_row + p * a_col]);
      for (int v = 0; v < V; ++v) acc[r][v] = wasm_f32x4_add(acc[r][v], wasm_f32x4_mul(x, row[v]));
    }
  }
  for (int r = 0; r < R; ++r) {
    for (int v = 0; v < V; ++v) wasm_v128_store(c + (i + r) * ldc + j + 4 * v, acc[r][v]);
  }
}

template <int R>
void rows_of(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c,
             Index ldc, Index i, Index n, Index k, bool accumulate) {
  Index j = 0;
  for (; j + 16 <= n; j += 16) block<R, 4>(a, a_row, a_col, b, ldb, c, ldc, i, j, k, accumulate);
  for (; j + 4 <= n; j += 4) block<R, 1>(a, a_row, a_col, b, ldb, c, ldc, i, j, k, accumulate);
  for (; j < n; ++j) {
    for (int r = 0; r < R; ++r)
      multiply_one(a, a_row, a_col, b, ldb, c, ldc, i + r, j, k, accumulate);
  }
}
#endif

}  // namespace

void multiply(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c,
              Index ldc, Index m, Index n, Index k, bool accumulate) {
#ifdef __wasm_simd128__
  Index i = 0;
  for (; i + 4 <= m; i += 4) rows_of<4>(a, a_row, a_col, b, ldb, c, ldc, i, n, k, accumulate);
  for (; i < m; ++i) rows_of<1>(a, a_row, a_col, b, ldb, c, ldc, i, n, k, accumulate);
#else
  for (Index i = 0; i < m; ++i) {
    for (Index j = 0; j < n; ++j)
      multiply_one(a, a_row, a_col, b, ldb, c, ldc, i, j, k, accumulate);
  }
#endif
}

void multiply_transposed_b(const float* a, const float* b, float* c, Index m, Index n, Index k) {
  for (Index i = 0; i < m; ++i) {
    const float* x = a + i * k;
    for (Index p = 0; p < n; ++p) {
      const float* y = b + p * k;
      Index j = 0;
      float sum = 0.f;
#ifdef __wasm_simd128__
      // Four lanes of running sums over j, added pairwise at the end.
      v128_t acc = wasm_f32x4_splat(0.f);
      for (; j + 4 <= k; j += 4)
        acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(x + j), wasm_v128_load(y + j)));
      sum = (wasm_f32x4_extract_lane(acc, 0) + wasm_f32x4_extract_lane(acc, 1)) +
            (wasm_f32x4_extract_lane(acc, 2) + wasm_f32x4_extract_lane(acc, 3));
#endif
      for (; j < k; ++j) sum += x[j] * y[j];
      c[i * n + p] += sum;
    }
  }
}

}  // namespace simd

#ifdef __wasm_simd128__

void multiply(const Matrix& a, const Matrix& b, Matrix& out) {
  out.resize(a.rows(), b.cols());
  simd::multiply(a.data(), a.cols(), 1, b.data(), b.cols(), out.data(), out.cols(), a.rows(),
                 b.cols(), a.cols(), false);
}

void multiply_add_transposed_b(const Matrix& a, const Matrix& b, Matrix& out) {
  simd::multiply_transposed_b(a.data(), b.data(), out.data(), a.rows(), b.rows(), a.cols());
}

void multiply_add_transposed_a(const Matrix& a, const Matrix& b, Matrix& out) {
  // aᵀ(i, p) = a(p, i): row stride 1, column stride a.cols().
  simd::multiply(a.data(), 1, a.cols(), b.data(), b.cols(), out.data(), out.cols(), a.cols(),
                 b.cols(), a.rows(), true);
}

#else

void multiply(const Matrix& a, const Matrix& b, Matrix& out) { out.noalias() = a * b; }

void multiply_add_transposed_b(const Matrix& a, const Matrix& b, Matrix& out) {
  out.noalias() += a * b.transpose();
}

void multiply_add_transposed_a(const Matrix& a, const Matrix& b, Matrix& out) {
  out.noalias() += a.transpose() * b;
}

#endif

}  // namespace gradtape
