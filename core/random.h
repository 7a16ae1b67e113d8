// The one seeded random source of the engine: mulberry32, with the draws written out by hand so
// that libstdc++, libc++ and TensorFlow.js's reference traces all see the same numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/pacer.h"

namespace gradtape {

class Random {
 public:
  explicit Random(std::uint32_t seed) : state_(seed) {}

  // Next raw 32-bit output of mulberry32.
  std::uint32_t next_u32();
  // Integer in [0, n): (u32 * n) >> 32, as the reference traces draw it. n must be <= 2^32.
  std::uint32_t below(std::uint64_t n);
  // Float in [0, 1): u32 / 2^32, in double.
  double unit();
  // Fisher-Yates from the identity: for i = n-1 down to 1, swap(a[i], a[below(i+1)]).
  std::vector<std::size_t> permutation(std::size_t n);
  std::vector<std::size_t> permutation(std::size_t n, Pacer& pacer);  // ticks once per draw

 private:
  std::uint32_t state_;
};

}  // namespace gradtape
