#include "core/data/distribution.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "core/bit_pattern.h"
#include "core/data/number_sort.h"

namespace gradtape {
namespace {

// Counts of each distinct bit pattern, in an open-addressing table twice kMaxCounted wide;
// false when there are more distinct values than that.
template <class Values>
bool count_distinct(const Values& values, Pacer& pacer, std::vector<double>& keys,
                    std::vector<std::size_t>& counts) {
  constexpr int kSlotBits = 13;  // 8192 slots
  static_assert((std::size_t{1} << kSlotBits) >= 2 * Distribution::kMaxCounted);
  constexpr std::size_t kMask = (std::size_t{1} << kSlotBits) - 1;
  keys.assign(kMask + 1, 0.0);
  counts.assign(kMask + 1, 0);  // 0: an empty slot
  std::size_t used = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    pacer.tick();
    const double value = values[i];
    if (std::isnan(value)) continue;
    const std::uint64_t bits = bit_pattern(value);
    std::size_t slot = hash_slot(bits, kSlotBits);
    while (counts[slot] != 0 && bit_pattern(keys[slot]) != bits) slot = (slot + 1) & kMask;
    if (counts[slot] == 0) {
      if (++used > Distribution::kMaxCounted) return false;
      keys[slot] = value;
    }
    ++counts[slot];
  }
  return true;
}

// Distinct values with their row counts, ascending as the radix sort orders them: -0 just
// before +0.
Distribution from_counts(std::vector<std::pair<double, std::size_t>> seen) {
  std::sort(seen.begin(), seen.end(), [](const auto& a, const auto& b) {
    return a.first < b.first ||
           (a.first == b.first && std::signbit(a.first) && !std::signbit(b.first));
  });
  Distribution out;
  std::size_t total = 0;
  for (const auto& [value, rows] : seen) {
    out.values.push_back(value);
    out.ends.push_back(total += rows);
  }
  return out;
}

}  // namespace

double Distribution::order_statistic(std::size_t k) const {
  const auto at = std::upper_bound(ends.begin(), ends.end(), k);
  return values[static_cast<std::size_t>(at - ends.begin())];
}

std::size_t Distribution::distinct() const {
  std::size_t zeros = 0;
  for (std::size_t i = 0; i < values.size() && values[i] <= 0.0; ++i) zeros += values[i] == 0.0;
  return values.size() - (zeros == 2 ? 1 : 0);
}

namespace {

// The distribution of a std::vector<double> or a column's NumberValues through a radix sort of
// its present values.
template <class Values>
Distribution sorted_distribution(const Values& values, Pacer& pacer) {
  Distribution out;
  std::vector<double> sorted;
  sorted.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isnan(values[i])) sorted.push_back(values[i]);
    pacer.tick();
  }
  sort_numbers(sorted, pacer);
  for (std::size_t i = 0; i < sorted.size(); ++i) {  // runs of one bit pattern
    if (i == 0 || bit_pattern(sorted[i]) != bit_pattern(sorted[i - 1])) {
      out.values.push_back(sorted[i]);
      out.ends.push_back(i + 1);
    } else {
      out.ends.back() = i + 1;
    }
    pacer.tick();
  }
  return out;
}

}  // namespace

Distribution distribution_of(const std::vector<double>& values, Pacer& pacer) {
  std::vector<double> keys;
  std::vector<std::size_t> counts;
  if (!count_distinct(values, pacer, keys, counts)) return sorted_distribution(values, pacer);
  std::vector<std::pair<double, std::size_t>> seen;  // (value, rows)
  for (std::size_t slot = 0; slot < counts.size(); ++slot) {
    if (counts[slot] != 0) seen.emplace_back(keys[slot], counts[slot]);
  }
  return from_counts(std::move(seen));
}

Distribution distribution_of(const NumberValues& values, Pacer& pacer) {
  // A column that left its dictionary had more than kMaxDistinct distinct values, so counting
  // them (at most kMaxCounted) would fail: it goes straight to the sort.
  if (!values.coded()) return sorted_distribution(values, pacer);
  const std::vector<double>& dictionary = values.dictionary();
  std::vector<std::size_t> rows(dictionary.size(), 0);
  for (std::size_t r = 0; r < values.size(); ++r) {
    ++rows[values.place(r)];
    pacer.tick();
  }
  std::vector<std::pair<double, std::size_t>> seen;  // (value, rows)
  for (std::size_t place = 0; place < dictionary.size(); ++place) {
    if (rows[place] != 0 && !std::isnan(dictionary[place]))
      seen.emplace_back(dictionary[place], rows[place]);
  }
  return from_counts(std::move(seen));
}

}  // namespace gradtape
