// Four float lanes for the training path's loops: SSE natively, SIMD128 in wasm, written once
// with GCC/clang vector extensions. Only lane-wise + - * / and sqrt, which IEEE 754 rounds
// correctly (so identically) on every target; -ffp-contract=off keeps the compilers from fusing
// a multiply and an add into one rounding (docs/design.md, "Same seed, same numbers").
#pragma once

#include <cmath>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <immintrin.h>
#endif

namespace gradtape::lanes {

using f32x4 = float __attribute__((vector_size(16)));
inline constexpr int width = 4;

inline f32x4 load(const float* p) {
  f32x4 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}

inline void store(float* p, f32x4 v) { __builtin_memcpy(p, &v, sizeof v); }

inline f32x4 splat(float x) { return f32x4{x, x, x, x}; }

inline f32x4 sqrt(f32x4 x) {
#if defined(__wasm_simd128__)
  return reinterpret_cast<f32x4>(wasm_f32x4_sqrt(reinterpret_cast<v128_t>(x)));
#elif defined(__SSE2__)
  return reinterpret_cast<f32x4>(_mm_sqrt_ps(reinterpret_cast<__m128>(x)));
#else
  return f32x4{std::sqrt(x[0]), std::sqrt(x[1]), std::sqrt(x[2]), std::sqrt(x[3])};
#endif
}

}  // namespace gradtape::lanes
