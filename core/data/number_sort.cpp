#include "core/data/number_sort.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace gradtape {
namespace {

constexpr int kDigitBits = 11;
constexpr int kPasses = (64 + kDigitBits - 1) / kDigitBits;
constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;

// The bit pattern of a double as an unsigned key in the doubles' order: negatives have every bit
// flipped (larger magnitudes sort first), positives only the sign bit.
std::uint64_t key_of(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits >> 63 ? ~bits : bits | (std::uint64_t{1} << 63);
}

double value_of(std::uint64_t key) {
  const std::uint64_t bits = key >> 63 ? key & ~(std::uint64_t{1} << 63) : ~key;
  double value = 0;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

std::size_t digit(std::uint64_t key, int pass) {
  return static_cast<std::size_t>(key >> (pass * kDigitBits)) & (kBuckets - 1);
}

}  // namespace

void sort_numbers(std::vector<double>& values, Pacer& pacer) {
  const std::size_t n = values.size();
  if (n < 2) return;
  std::vector<std::uint64_t> keys(n), spare(n);
  std::vector<std::array<std::size_t, kBuckets>> counts(kPasses);
  for (auto& pass : counts) pass.fill(0);
  for (std::size_t i = 0; i < n; ++i) {
    keys[i] = key_of(values[i]);
    for (int p = 0; p < kPasses; ++p) ++counts[p][digit(keys[i], p)];
    pacer.tick();
  }
  for (int p = 0; p < kPasses; ++p) {
    std::array<std::size_t, kBuckets>& count = counts[p];
    if (count[digit(keys[0], p)] == n) continue;  // one digit everywhere: the order stands
    std::size_t start = 0;
    for (std::size_t& c : count) {  // counts become each bucket's first slot
      const std::size_t size = c;
      c = start;
      start += size;
    }
    for (std::size_t i = 0; i < n; ++i) {
      spare[count[digit(keys[i], p)]++] = keys[i];
      pacer.tick();
    }
    keys.swap(spare);
  }
  for (std::size_t i = 0; i < n; ++i) values[i] = value_of(keys[i]);
}

}  // namespace gradtape
