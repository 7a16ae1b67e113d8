// The present values of a numeric column as its distinct values, ascending, with how many rows
// hold each: all describe() needs for the minimum, the maximum, the quartiles and the distinct
// count. Few distinct values (most columns of a table) are counted in a hash table in one pass
// (or by their place in a coded column's dictionary); past kMaxCounted, the values are radix
// sorted (number_sort.h) instead.
#pragma once

#include <cstddef>
#include <vector>

#include "core/data/number_values.h"
#include "core/pacer.h"

namespace gradtape {

struct Distribution {
  static constexpr std::size_t kMaxCounted = 4096;

  std::vector<double> values;     // distinct bit patterns, ascending (-0 just before +0)
  std::vector<std::size_t> ends;  // ends[i]: how many present values are values[0..i]

  std::size_t count() const { return ends.empty() ? 0 : ends.back(); }
  // The k-th smallest present value (k < count()).
  double order_statistic(std::size_t k) const;
  // Distinct values as == tells them apart: -0 and +0 are one.
  std::size_t distinct() const;
};

// The distribution of the non-NaN entries of `values`, ticking `pacer` once per entry and pass.
Distribution distribution_of(const std::vector<double>& values, Pacer& pacer);
// The same for a column's values: when they are coded, from one count per distinct value.
Distribution distribution_of(const NumberValues& values, Pacer& pacer);

}  // namespace gradtape
