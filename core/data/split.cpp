#include "core/data/split.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/data/values.h"

namespace gradtape {
namespace {

Status check_sizes(std::size_t n, double fraction) {
  if (!(fraction > 0.0 && fraction < 1.0)) {
    return Error{"the validation split must be a fraction between 0 and 1 (exclusive), got " +
                     format_number(fraction),
                 "validation_split"};
  }
  const std::size_t n_test = test_count(n, fraction);
  if (n_test >= n) {
    return Error{"a validation split of " + format_number(fraction) + " of " + std::to_string(n) +
                     " rows leaves no training rows; choose a smaller fraction",
                 "validation_split"};
  }
  return {};
}

}  // namespace

std::size_t test_count(std::size_t n, double fraction) {
  return static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(n)));
}

Result<Split> shuffle_split(const std::vector<std::size_t>& rows, double fraction, Random& random) {
  if (Status status = check_sizes(rows.size(), fraction); !status) return status.error();
  const std::size_t n_test = test_count(rows.size(), fraction);
  std::vector<std::size_t> perm = random.permutation(rows.size());
  Split split;
  for (std::size_t i = 0; i < perm.size(); ++i) {
    (i < n_test ? split.val_rows : split.train_rows).push_back(rows[perm[i]]);
  }
  return Result<Split>(std::move(split));
}

Result<Split> stratified_split(const std::vector<std::size_t>& rows,
                               const std::vector<std::uint8_t>& labels, double fraction,
                               Random& random) {
  if (Status status = check_sizes(rows.size(), fraction); !status) return status.error();
  const std::size_t n = rows.size(), n_test = test_count(n, fraction);
  std::size_t count[2] = {0, 0};
  for (std::uint8_t label : labels) ++count[label];
  for (int k = 0; k < 2; ++k) {
    if (count[k] < 2) {
      return Error{"a stratified split needs at least 2 rows of each class; class " +
                       std::to_string(k) + " has " + std::to_string(count[k]),
                   "stratify"};
    }
  }
  if (n_test < 2 || n - n_test < 2) {
    return Error{
        "a stratified split needs at least 2 rows on each side (one per class); choose a "
        "validation split between " +
            std::to_string(2) + " and " + std::to_string(n - 2) + " rows of " + std::to_string(n),
        "validation_split"};
  }
  // Largest remainder: class 0 gets floor(n_test c0 / n), plus one if its remainder is larger.
  const double exact0 = static_cast<double>(n_test) * count[0] / n;
  std::size_t quota0 = static_cast<std::size_t>(std::floor(exact0));
  const double rest0 = exact0 - std::floor(exact0);
  const double exact1 = static_cast<double>(n_test) * count[1] / n;
  if (quota0 + static_cast<std::size_t>(std::floor(exact1)) < n_test &&
      rest0 >= exact1 - std::floor(exact1)) {
    ++quota0;
  }
  // Keep one row of each class on each side.
  quota0 = std::clamp(quota0,
                      std::max<std::size_t>(1, n_test > count[1] - 1 ? n_test - (count[1] - 1) : 1),
                      std::min(count[0] - 1, n_test - 1));
  const std::size_t quota[2] = {quota0, n_test - quota0};
  std::vector<std::size_t> perm = random.permutation(n);
  Split split;
  std::size_t taken[2] = {0, 0};
  for (std::size_t p : perm) {
    const std::uint8_t k = labels[p];
    if (taken[k] < quota[k]) {
      ++taken[k];
      split.val_rows.push_back(rows[p]);
    } else {
      split.train_rows.push_back(rows[p]);
    }
  }
  return Result<Split>(std::move(split));
}

}  // namespace gradtape
