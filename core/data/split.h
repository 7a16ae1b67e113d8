// The seeded train/validation split, as sklearn's ShuffleSplit (train_test_split) lays it out:
// perm = permutation(n); validation = the first ceil(f n) of perm, train = the rest, both in perm
// order. Optionally stratified by class, from the same single permutation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/random.h"
#include "core/result.h"

namespace gradtape {

struct Split {
  std::vector<std::size_t>
      train_rows;  // data-row numbers (0-based, CSV line - 2 for a 1-line header)
  std::vector<std::size_t> val_rows;
};

// n_test = ceil(fraction * n) computed in double, exactly as sklearn (ceil(0.2 * 918) = 184).
std::size_t test_count(std::size_t n, double fraction);

// Splits `rows` with random.permutation(rows.size()): its n - 1 draws are the only ones.
// Errors (field "validation_split") when the fraction is outside (0, 1) or leaves a side empty.
// Both splits tick `pacer` once per row.
Result<Split> shuffle_split(const std::vector<std::size_t>& rows, double fraction, Random& random,
                            Pacer& pacer);

// As shuffle_split, but class k (labels[i] of rows[i], 0 to K-1) gets its share of the n_test
// validation rows (largest remainder, ties to the lower class; then at least one row of each
// class on each side): walking the permutation, a row goes to validation while its class still
// lacks validation rows.
Result<Split> stratified_split(const std::vector<std::size_t>& rows,
                               const std::vector<std::uint32_t>& labels, double fraction,
                               Random& random, Pacer& pacer);

}  // namespace gradtape
