#include "core/random.h"

#include <numeric>
#include <utility>

namespace gradtape {

std::uint32_t Random::next_u32() {
  state_ += 0x6D2B79F5u;
  std::uint32_t t = state_;
  t = (t ^ (t >> 15)) * (t | 1u);
  t ^= t + (t ^ (t >> 7)) * (t | 61u);
  return t ^ (t >> 14);
}

std::uint32_t Random::below(std::uint64_t n) {
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next_u32()) * n) >> 32);
}

double Random::unit() { return next_u32() / 4294967296.0; }

std::vector<std::size_t> Random::permutation(std::size_t n) {
  Pacer never_pauses;
  return permutation(n, never_pauses);
}

std::vector<std::size_t> Random::permutation(std::size_t n, Pacer& pacer) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = n; i-- > 1;) {
    std::swap(order[i], order[below(i + 1)]);
    pacer.tick();
  }
  return order;
}

}  // namespace gradtape
