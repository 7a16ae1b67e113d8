// The 64 bits of a double, to tell values apart exactly (-0 from +0) and to hash them.
#pragma once

#include <cstdint>
#include <cstring>

namespace gradtape {

inline std::uint64_t bit_pattern(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

}  // namespace gradtape
