#include "core/engine/products.h"

#include "core/engine/lanes.h"

namespace gradtape {
namespace kernels {
namespace {

using lanes::f32x4;
using lanes::load;
using lanes::splat;
using lanes::store;

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

// Rows i..i+R-1 by the columns [0, n), n a multiple of 4: blocks of 16 columns, then of 4.
template <int R>
void rows_of(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c,
             Index ldc, Index i, Index n, Index k, bool accumulate) {
  Index j = 0;
  for (; j + 16 <= n; j += 16) block<R, 4>(a, a_row, a_col, b, ldb, c, ldc, i, j, k, accumulate);
  for (; j < n; j += 4) block<R, 1>(a, a_row, a_col, b, ldb, c, ldc, i, j, k, accumulate);
}

// Rows i..i+3 of src, columns j..j+3, written as rows j..j+3 of dst: a 4 × 4 transpose in
// registers, by two rounds of interleaving.
void transpose_four_by_four(const float* src, Index src_cols, float* dst, Index dst_cols, Index i,
                            Index j) {
  const f32x4 r0 = load(src + i * src_cols + j), r1 = load(src + (i + 1) * src_cols + j);
  const f32x4 r2 = load(src + (i + 2) * src_cols + j), r3 = load(src + (i + 3) * src_cols + j);
  const f32x4 t0 = __builtin_shufflevector(r0, r1, 0, 4, 1, 5);  // r0[0] r1[0] r0[1] r1[1]
  const f32x4 t1 = __builtin_shufflevector(r0, r1, 2, 6, 3, 7);
  const f32x4 t2 = __builtin_shufflevector(r2, r3, 0, 4, 1, 5);
  const f32x4 t3 = __builtin_shufflevector(r2, r3, 2, 6, 3, 7);
  store(dst + j * dst_cols + i, __builtin_shufflevector(t0, t2, 0, 1, 4, 5));
  store(dst + (j + 1) * dst_cols + i, __builtin_shufflevector(t0, t2, 2, 3, 6, 7));
  store(dst + (j + 2) * dst_cols + i, __builtin_shufflevector(t1, t3, 0, 1, 4, 5));
  store(dst + (j + 3) * dst_cols + i, __builtin_shufflevector(t1, t3, 2, 3, 6, 7));
}

}  // namespace

// Two rows at a time: 2 × 16 columns is 8 accumulators, which with the 4 rows of b and the
// splat fit in V8's 16 SIMD registers; 4 × 16 spills (docs/design.md, "What makes the engine
// fast"). The columns left over from the 4-lane blocks are done with 4 rows in the lanes.
void multiply(const float* a, Index a_row, Index a_col, const float* b, Index ldb, float* c,
              Index ldc, Index m, Index n, Index k, bool accumulate) {
  const Index in_lanes = n - n % 4;
  Index i = 0;
  for (; i + 2 <= m; i += 2)
    rows_of<2>(a, a_row, a_col, b, ldb, c, ldc, i, in_lanes, k, accumulate);
  for (; i < m; ++i) rows_of<1>(a, a_row, a_col, b, ldb, c, ldc, i, in_lanes, k, accumulate);
  for (Index j = in_lanes; j < n; ++j) {  // the columns left over, such as one output unit
    Index r = 0;
    for (; r + 4 <= m; r += 4)
      column_of_four_rows(a, a_row, a_col, b, ldb, c, ldc, r, j, k, accumulate);
    for (; r < m; ++r) multiply_one(a, a_row, a_col, b, ldb, c, ldc, r, j, k, accumulate);
  }
}

void transpose(const float* src, Index rows, Index cols, float* dst) {
  const Index rows4 = rows - rows % 4, cols4 = cols - cols % 4;
  for (Index i = 0; i < rows4; i += 4) {
    for (Index j = 0; j < cols4; j += 4) transpose_four_by_four(src, cols, dst, rows, i, j);
  }
  for (Index i = 0; i < rows; ++i) {  // the edges: the last rows % 4 rows and cols % 4 columns
    for (Index j = i < rows4 ? cols4 : 0; j < cols; ++j) dst[j * rows + i] = src[i * cols + j];
  }
}

}  // namespace kernels

void multiply(const Matrix& a, const Matrix& b, Matrix& out) {
  out.resize(a.rows(), b.cols());
  kernels::multiply(a.data(), a.cols(), 1, b.data(), b.cols(), out.data(), out.cols(), a.rows(),
                    b.cols(), a.cols(), false);
}

void multiply_add_transposed_b(const Matrix& a, const Matrix& b, Matrix& out,
                               Matrix& b_transposed) {
  b_transposed.resize(b.cols(), b.rows());  // same shape every step: no allocation after the first
  kernels::transpose(b.data(), b.rows(), b.cols(), b_transposed.data());
  kernels::multiply(a.data(), a.cols(), 1, b_transposed.data(), b_transposed.cols(), out.data(),
                    out.cols(), a.rows(), b_transposed.cols(), a.cols(), true);
}

void multiply_add_transposed_a(const Matrix& a, const Matrix& b, Matrix& out) {
  // aᵀ(i, p) = a(p, i): row stride 1, column stride a.cols().
  kernels::multiply(a.data(), 1, a.cols(), b.data(), b.cols(), out.data(), out.cols(), a.cols(),
                    b.cols(), a.rows(), true);
}

}  // namespace gradtape
