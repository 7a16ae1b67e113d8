// pandas' describe() per column: count, mean, std (ddof=1), min, quartiles (linear interpolation)
// and max for numbers; count, top and freq for text; plus dtype, missing, distinct, the sorted
// categories and value counts. Sums follow numpy's pairwise order, so figures match to the bit.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/data/distribution.h"
#include "core/data/table.h"
#include "core/pacer.h"

namespace gradtape {

struct NumericSummary {
  std::size_t count = 0;  // non-missing values
  // NaN where pandas gives NaN: everything when count is 0, std when count < 2.
  double mean = 0, std = 0, min = 0, q25 = 0, q50 = 0, q75 = 0, max = 0;
};

struct ValueCount {
  std::string value;
  std::size_t count = 0;
};

struct ColumnSummary {
  std::string name;
  DType dtype = DType::Float64;
  std::size_t count = 0;  // non-missing values
  std::size_t missing = 0;
  std::size_t distinct = 0;  // distinct non-missing values (pandas nunique)
  NumericSummary numeric;    // numeric columns only
  // Object columns only: the most frequent value and its count (ties: the first to appear), the
  // distinct values in byte order, and value_counts() (most frequent first, ties by appearance).
  std::string top;
  std::size_t freq = 0;
  std::vector<std::string> categories;
  std::vector<ValueCount> value_counts;
};

// Each describes every row; the `pacer` versions tick it once per value and pass over the values.
std::vector<ColumnSummary> describe(const Table& table);
std::vector<ColumnSummary> describe(const Table& table, Pacer& pacer);
ColumnSummary describe_column(const Column& column);
ColumnSummary describe_column(const Column& column, Pacer& pacer);

// Series.describe() of the non-NaN entries of `values`; `integers` for an int64 column.
NumericSummary describe_numbers(const std::vector<double>& values, bool integers = false);
NumericSummary describe_numbers(const std::vector<double>& values, bool integers, Pacer& pacer);

// pandas value_counts(): most frequent first, ties in order of first appearance; numbers are
// written as format_number prints them ("0", "1", "2.5").
std::vector<ValueCount> value_counts(const Column& column);
std::vector<ValueCount> value_counts(const Column& column, Pacer& pacer);

// numpy.percentile(values, 100 q) with linear interpolation, of a non-empty distribution.
double quantile_of(const Distribution& present, double q);

// numpy's sum of n doubles: pairwise in blocks of 128 with 8 accumulators.
double pairwise_sum(const double* values, std::size_t n);

}  // namespace gradtape
