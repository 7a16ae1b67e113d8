// The "limit" for issue 14: a plain hand-written wasm-SIMD f32 matrix product C = A B for the
// shape that dominates a training step (batch 32 × 64 inputs × 64 units), register-blocked 2 rows
// by 16 columns (8 v128 accumulators, which with B's 4 vectors and the splat fit in 16 registers;
// 4 × 16 spills in V8's code and is about a quarter slower). Built by scripts/bench with emcc -O3
// -msimd128 as a standalone module with no imports; bench/suite/kernel.mjs times multiply() in
// node.
#include <wasm_simd128.h>

namespace {

constexpr int kRows = 32;   // M: the batch
constexpr int kInner = 64;  // K: the inputs of the layer
constexpr int kCols = 64;   // N: its units

alignas(16) float a[kRows * kInner];
alignas(16) float b[kInner * kCols];
alignas(16) float c[kRows * kCols];

// One 2×16 block of C, from rows i, i+1 of A and columns j..j+15 of B (row-major).
void block(int i, int j) {
  v128_t acc[2][4];
  for (auto& row : acc)
    for (auto& v : row) v = wasm_f32x4_splat(0.0f);
  for (int k = 0; k < kInner; ++k) {
    const float* bk = b + k * kCols + j;
    const v128_t b0 = wasm_v128_load(bk), b1 = wasm_v128_load(bk + 4);
    const v128_t b2 = wasm_v128_load(bk + 8), b3 = wasm_v128_load(bk + 12);
    for (int r = 0; r < 2; ++r) {
      const v128_t ar = wasm_f32x4_splat(a[(i + r) * kInner + k]);
      acc[r][0] = wasm_f32x4_add(acc[r][0], wasm_f32x4_mul(ar, b0));
      acc[r][1] = wasm_f32x4_add(acc[r][1], wasm_f32x4_mul(ar, b1));
      acc[r][2] = wasm_f32x4_add(acc[r][2], wasm_f32x4_mul(ar, b2));
      acc[r][3] = wasm_f32x4_add(acc[r][3], wasm_f32x4_mul(ar, b3));
    }
  }
  for (int r = 0; r < 2; ++r)
    for (int q = 0; q < 4; ++q) wasm_v128_store(c + (i + r) * kCols + j + 4 * q, acc[r][q]);
}

}  // namespace

extern "C" {

// Fills A and B with small values that make every product exact in float.
__attribute__((export_name("fill"))) void fill() {
  for (int x = 0; x < kRows * kInner; ++x) a[x] = static_cast<float>(x % 7) - 3.0f;
  for (int x = 0; x < kInner * kCols; ++x) b[x] = static_cast<float>(x % 5) - 2.0f;
}

// Computes C = A B `times` times; returns one entry of C so the work cannot be dropped.
__attribute__((export_name("multiply"))) float multiply(int times) {
  for (int t = 0; t < times; ++t)
    for (int i = 0; i < kRows; i += 2)
      for (int j = 0; j < kCols; j += 16) block(i, j);
  return c[times % (kRows * kCols)];
}

// The largest |C - A B| against a plain triple loop: 0 when the kernel is right.
__attribute__((export_name("check"))) float check() {
  float worst = 0.0f;
  for (int i = 0; i < kRows; ++i)
    for (int j = 0; j < kCols; ++j) {
      float sum = 0.0f;
      for (int k = 0; k < kInner; ++k) sum += a[i * kInner + k] * b[k * kCols + j];
      const float diff = sum > c[i * kCols + j] ? sum - c[i * kCols + j] : c[i * kCols + j] - sum;
      worst = diff > worst ? diff : worst;
    }
  return worst;
}

// 2 M N K: the floating-point operations of one product.
__attribute__((export_name("flops"))) double flops() { return 2.0 * kRows * kInner * kCols; }
}
