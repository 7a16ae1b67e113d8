#include "core/data/describe.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "core/data/distribution.h"
#include "core/data/values.h"

namespace gradtape {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Distinct keys with their counts, in order of first appearance, then stably sorted by count.
template <class Key>
std::vector<std::pair<Key, std::size_t>> count_values(const std::vector<Key>& keys, Pacer& pacer) {
  std::unordered_map<Key, std::size_t> index;
  std::vector<std::pair<Key, std::size_t>> counts;
  for (const Key& key : keys) {
    auto [it, inserted] = index.emplace(key, counts.size());
    if (inserted) counts.emplace_back(key, 0);
    ++counts[it->second].second;
    pacer.tick();
  }
  std::stable_sort(counts.begin(), counts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return counts;
}

std::vector<double> present_numbers(const Column& column, Pacer& pacer) {
  std::vector<double> values;
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (!column.is_missing(r)) values.push_back(column.numbers[r] == 0 ? 0.0 : column.numbers[r]);
    pacer.tick();
  }
  return values;
}

// numpy's pairwise sum of get(begin), ..., get(begin + n - 1): pairwise_sum's order exactly, with
// the values computed as it goes rather than held in an array.
template <class Get>
double pairwise_sum_of(const Get& get, std::size_t begin, std::size_t n) {
  if (n < 8) {
    double sum = 0.;
    for (std::size_t i = 0; i < n; ++i) sum += get(begin + i);
    return sum;
  }
  if (n <= 128) {
    double leaf[128];
    for (std::size_t i = 0; i < n; ++i) leaf[i] = get(begin + i);
    return pairwise_sum(leaf, n);
  }
  std::size_t half = n / 2;
  half -= half % 8;
  return pairwise_sum_of(get, begin, half) + pairwise_sum_of(get, begin + half, n - half);
}

// describe_numbers, given the present values' distribution as well. `Values` is a
// std::vector<double> or a column's NumberValues.
template <class Values>
NumericSummary summarize(const Values& values, bool integers, const Distribution& present,
                         Pacer& pacer) {
  NumericSummary s;
  s.count = present.count();
  if (s.count == 0) {
    s.mean = s.std = s.min = s.q25 = s.q50 = s.q75 = s.max = kNaN;
    return s;
  }
  // pandas nanmean/nanvar: missing entries become 0 and the sums run over every entry.
  const auto filled = [&](std::size_t i) {
    const double v = values[i];
    return std::isnan(v) ? 0.0 : v;
  };
  const std::size_t n = values.size();
  const double count = static_cast<double>(s.count);
  // An int64 column's mean sums through numpy's cast buffer: pairwise within blocks of 8192.
  const std::size_t block = integers ? 8192 : n;
  double sum = 0.0;
  for (std::size_t i = 0; i < n; i += block) {
    const std::size_t size = std::min(block, n - i);
    sum += pairwise_sum_of(filled, i, size);
    pacer.tick(static_cast<std::uint32_t>(size));
  }
  s.mean = sum / count;
  // Two passes, as pandas: sum((mean - x)^2) / (count - 1), missing entries adding 0.
  const auto square = [&](std::size_t i) {
    const double v = values[i];
    const double d = s.mean - v;
    return std::isnan(v) ? 0.0 : d * d;
  };
  s.std = s.count < 2 ? kNaN : std::sqrt(pairwise_sum_of(square, 0, n) / (count - 1));
  pacer.tick(static_cast<std::uint32_t>(n));
  s.min = present.values.front();
  s.max = present.values.back();
  s.q25 = quantile_of(present, 0.25);
  s.q50 = quantile_of(present, 0.5);
  s.q75 = quantile_of(present, 0.75);
  return s;
}

}  // namespace

double pairwise_sum(const double* a, std::size_t n) {
  if (n < 8) {
    double sum = 0.;
    for (std::size_t i = 0; i < n; ++i) sum += a[i];
    return sum;
  }
  if (n <= 128) {
    double r[8];
    for (int j = 0; j < 8; ++j) r[j] = a[j];
    std::size_t i = 8;
    for (; i < n - n % 8; i += 8) {
      for (int j = 0; j < 8; ++j) r[j] += a[i + j];
    }
    double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) sum += a[i];
    return sum;
  }
  std::size_t half = n / 2;
  half -= half % 8;
  return pairwise_sum(a, half) + pairwise_sum(a + half, n - half);
}

// The q-quantile of the values, as numpy's "linear" method gives it.
double quantile_of(const Distribution& present, double q) {
  const double n = static_cast<double>(present.count());
  // numpy's virtual index for method "linear" (alpha = beta = 1), written as numpy writes it.
  const double index = n * q + (1.0 + q * (1.0 - 1.0 - 1.0)) - 1.0;
  const double below = std::floor(index);
  const double gamma = index - below;
  const std::size_t last = present.count() - 1;
  const std::size_t i = below < 0 ? 0 : std::min(static_cast<std::size_t>(below), last);
  const double a = present.order_statistic(i), b = present.order_statistic(std::min(i + 1, last));
  const double diff = b - a;
  // numpy's _lerp: from the nearer end, so that gamma = 1 gives b exactly.
  return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
}

NumericSummary describe_numbers(const std::vector<double>& values, bool integers) {
  Pacer never_pauses;
  return describe_numbers(values, integers, never_pauses);
}

NumericSummary describe_numbers(const std::vector<double>& values, bool integers, Pacer& pacer) {
  return summarize(values, integers, distribution_of(values, pacer), pacer);
}

std::vector<ValueCount> value_counts(const Column& column) {
  Pacer never_pauses;
  return value_counts(column, never_pauses);
}

std::vector<ValueCount> value_counts(const Column& column, Pacer& pacer) {
  std::vector<ValueCount> result;
  if (column.is_numeric()) {
    for (const auto& [value, count] : count_values(present_numbers(column, pacer), pacer)) {
      result.push_back({format_number(value), count});
    }
  } else {
    // Text ids are numbered in order of first appearance already.
    std::vector<std::size_t> counts(column.texts.size(), 0);
    for (std::size_t r = 0; r < column.size(); ++r) {
      if (!column.is_missing(r)) ++counts[column.text_id(r)];
      pacer.tick();
    }
    for (std::size_t id = 0; id < counts.size(); ++id) {
      if (counts[id] > 0) result.push_back({column.texts[id], counts[id]});
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const ValueCount& a, const ValueCount& b) { return a.count > b.count; });
  }
  return result;
}

ColumnSummary describe_column(const Column& column) {
  Pacer never_pauses;
  return describe_column(column, never_pauses);
}

ColumnSummary describe_column(const Column& column, Pacer& pacer) {
  ColumnSummary s;
  s.name = column.name;
  s.dtype = column.dtype;
  s.missing = column.missing_count(pacer);
  s.count = column.size() - s.missing;
  if (column.is_numeric()) {
    const Distribution present = distribution_of(column.numbers, pacer);
    s.numeric = summarize(column.numbers, column.dtype == DType::Int64, present, pacer);
    s.distinct = present.distinct();
    return s;
  }
  s.value_counts = value_counts(column, pacer);
  s.distinct = s.value_counts.size();
  if (!s.value_counts.empty()) {
    s.top = s.value_counts.front().value;
    s.freq = s.value_counts.front().count;
  }
  for (const ValueCount& entry : s.value_counts) s.categories.push_back(entry.value);
  std::sort(s.categories.begin(), s.categories.end());
  return s;
}

std::vector<ColumnSummary> describe(const Table& table) {
  Pacer never_pauses;
  return describe(table, never_pauses);
}

std::vector<ColumnSummary> describe(const Table& table, Pacer& pacer) {
  std::vector<ColumnSummary> summaries;
  for (const Column& column : table.columns) summaries.push_back(describe_column(column, pacer));
  return summaries;
}

}  // namespace gradtape
