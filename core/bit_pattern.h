// The 64 bits of a double, to tell values apart exactly (-0 from +0) and to hash them, and the
// slot of a 64-bit hash in an open-addressing table of 2^slot_bits slots.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace gradtape {

inline std::uint64_t bit_pattern(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

// Fibonacci hashing: the top `slot_bits` bits of the product spread nearby hashes apart.
inline std::size_t hash_slot(std::uint64_t hash, int slot_bits) {
  return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ull) >> (64 - slot_bits));
}

}  // namespace gradtape
