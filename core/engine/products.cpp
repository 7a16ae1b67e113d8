#include "core/engine/products.h"

namespace gradtape {
namespace kernels {
namespace {

// Four float lanes: SSE natively, SIMD128 in wasm. Only + and * on whole lanes, which IEEE 754
// rounds the same everywhere (-ffp-contract=off keeps the compilers from fusing them).
using f32x4 = float __attribute__((vector_size(16)));

f32x4 load(const float* p) {
  f32x4 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}

void store(float* p, f32x4 v) { __builtin_memcpy(p, &v, sizeof v); }

f32x4 splat(float x) { return f32x4{x, x, x, x}; }

// One output element the plain way: the remainder rows and columns of a block.
void multiply_one(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c,
                  Index ldc, Index i, Index j, Index k, bool accumulate) {
  float sum = accumulate ? c[i * ldc + j] : 0.f;
  for (Index p = 0; p < k; ++p) sum += a[i * a_row + p * a_col] * b[p * ldb + j];
  c[i * ldc + j] = sum;
}

// Rows i..i+R-1 by columns j..j+4V-1: R·V accumulators of 4 lanes, each a running sum over p.
template <int R, int V>
void block(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c, Index ldc,
           Index i, Index j, Index k, bool accumulate) {
  f32x4 acc[R][V];
  for (int r = 0; r < R; ++r) {
    for (int v = 0; v < V; ++v)
      acc[r][v] = accumulate ? load(c + (i + r) * ldc + j + 4 * v) : splat(0.f);
  }
  for (Index p = 0; p < k; ++p) {
    f32x4 row[V];
    for (int v = 0; v < V; ++v) row[v] = load(b + p * ldb + j + 4 * v);
    for (int r = 0; r < R; ++r) {
      const f32x4 x = splat(a[(i + r) * a_row + p * a_col]);
      for (int v = 0; v < V; ++v) acc[r][v] = acc[r][v] + x * row[v];
    }
  }
  for (int r = 0; r < R; ++r) {
    for (int v = 0; v < V; ++v) store(c + (i + r) * ldc + j + 4 * v, acc[r][v]);
  }
}

// Rows i..i+3 of column j, the rows in the 4 lanes: for the columns left over by the blocks
// (the output layer's single unit), each lane still a running sum over p.
void column_of_four_rows(const float* a, Index a_row, Index a_col, const float* b, Index ldb,
                         float* c, Index ldc, Index i, Index j, Index k, bool accumulate) {
  f32x4 acc = splat(0.f);
  if (accumulate) {
    for (int r = 0; r < 4; ++r) acc[r] = c[(i + r) * ldc + j];
  }
  for (Index p = 0; p < k; ++p) {
    const float* x = a + i * a_row + p * a_col;
    const f32x4 rows = a_row == 1 ? load(x) : f32x4{x[0], x[a_row], x[2 * a_row], x[3 * a_row]};
    acc = acc + rows * splat(b[p * ldb + j]);
  }
  for (int r = 0; r < 4; ++r) c[(i + r) * ldc + j] = acc[r];
}

template <int R>
void rows_of(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c,
             Index ldc, Index i, Index n, Index k, bool accumulate) {
  Index j = 0;
  for (; j + 16 <= n; j += 16) block<R, 4>(a, a_row, a_col, b, ldb, c, ldc, i, j, k, accumulate);
  for (; j + 4 <= n; j += 4) block<R, 1>(a, a_row, a_col, b, ldb, c, ldc, i, j, k, accumulate);
  for (; j < n; ++j) {
    if constexpr (R == 4) {
      column_of_four_rows(a, a_row, a_col, b, ldb, c, ldc, i, j, k, accumulate);
    } else {
      for (int r = 0; r < R; ++r)
        multiply_one(a, a_row, a_col, b, ldb, c, ldc, i + r, j, k, accumulate);
    }
  }
}

}  // namespace

void multiply(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c,
              Index ldc, Index m, Index n, Index k, bool accumulate) {
  Index i = 0;
  for (; i + 4 <= m; i += 4) rows_of<4>(a, a_row, a_col, b, ldb, c, ldc, i, n, k, accumulate);
  for (; i < m; ++i) rows_of<1>(a, a_row, a_col, b, ldb, c, ldc, i, n, k, accumulate);
}

}  // namespace kernels

void multiply(const Matrix& a, const Matrix& b, Matrix& out) {
  out.resize(a.rows(), b.cols());
  kernels::multiply(a.data(), a.cols(), 1, b.data(), b.cols(), out.data(), out.cols(), a.rows(),
                    b.cols(), a.cols(), false);
}

void multiply_add_transposed_b(const Matrix& a, const Matrix& b, Matrix& out,
                               Matrix& b_transposed) {
  b_transposed = b.transpose();  // same shape every step: no allocation after the first
  kernels::multiply(a.data(), a.cols(), 1, b_transposed.data(), b_transposed.cols(), out.data(),
                    out.cols(), a.rows(), b_transposed.cols(), a.cols(), true);
}

void multiply_add_transposed_a(const Matrix& a, const Matrix& b, Matrix& out) {
  // aᵀ(i, p) = a(p, i): row stride 1, column stride a.cols().
  kernels::multiply(a.data(), 1, a.cols(), b.data(), b.cols(), out.data(), out.cols(), a.cols(),
                    b.cols(), a.rows(), true);
}

}  // namespace gradtape
