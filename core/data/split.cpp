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

Result<Split> shuffle_split(const std::vector<std::size_t>& rows, double fraction, Random& random,
                            Pacer& pacer) {
  if (Status status = check_sizes(rows.size(), fraction); !status) return status.error();
  const std::size_t n_test = test_count(rows.size(), fraction);
  std::vector<std::size_t> perm = random.permutation(rows.size(), pacer);
  Split split;
  split.val_rows.reserve(n_test);
  split.train_rows.reserve(perm.size() - n_test);
  for (std::size_t i = 0; i < perm.size(); ++i) {
    (i < n_test ? split.val_rows : split.train_rows).push_back(rows[perm[i]]);
    pacer.tick();
  }
  return Result<Split>(std::move(split));
}

namespace {

// Each class's share of n_test by largest remainder (ties to the lower class), then moved so
// that every class keeps at least one row on each side; nullopt-like empty when impossible.
std::vector<std::size_t> class_quotas(const std::vector<std::size_t>& count, std::size_t n,
                                      std::size_t n_test) {
  const std::size_t k = count.size();
  std::vector<std::size_t> quota(k);
  std::vector<double> rest(k);
  std::size_t given = 0;
  for (std::size_t c = 0; c < k; ++c) {
    const double exact =
        static_cast<double>(n_test) * static_cast<double>(count[c]) / static_cast<double>(n);
    quota[c] = static_cast<std::size_t>(std::floor(exact));
    rest[c] = exact - std::floor(exact);
    given += quota[c];
  }
  std::vector<std::size_t> order(k);
  for (std::size_t c = 0; c < k; ++c) order[c] = c;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return rest[a] > rest[b]; });
  for (std::size_t i = 0; given < n_test; ++i, ++given) ++quota[order[i % k]];
  // At least one row of each class on each side: take from, or give to, the class with the most
  // room (the first such on ties).
  for (std::size_t c = 0; c < k; ++c) {
    while (quota[c] < 1 || quota[c] > count[c] - 1) {
      const bool raise = quota[c] < 1;
      std::size_t other = k;
      for (std::size_t d = 0; d < k; ++d) {
        if (d == c) continue;
        const std::size_t room = raise ? quota[d] - 1 : count[d] - 1 - quota[d];
        const std::size_t best =
            other == k ? 0 : (raise ? quota[other] - 1 : count[other] - 1 - quota[other]);
        if ((raise ? quota[d] > 1 : quota[d] + 1 < count[d]) && (other == k || room > best))
          other = d;
      }
      if (other == k) return {};
      if (raise)
        ++quota[c], --quota[other];
      else
        --quota[c], ++quota[other];
    }
  }
  return quota;
}

}  // namespace

Result<Split> stratified_split(const std::vector<std::size_t>& rows,
                               const std::vector<std::uint32_t>& labels, double fraction,
                               Random& random, Pacer& pacer) {
  if (Status status = check_sizes(rows.size(), fraction); !status) return status.error();
  const std::size_t n = rows.size(), n_test = test_count(n, fraction);
  std::size_t k = 0;
  for (std::uint32_t label : labels) k = std::max<std::size_t>(k, label + 1);
  std::vector<std::size_t> count(k, 0);
  for (std::uint32_t label : labels) ++count[label];
  for (std::size_t c = 0; c < k; ++c) {
    if (count[c] < 2) {
      return Error{"a stratified split needs at least 2 rows of each class; class " +
                       std::to_string(c) + " has " + std::to_string(count[c]),
                   "stratify"};
    }
  }
  std::vector<std::size_t> quota = class_quotas(count, n, n_test);
  if (quota.empty()) {
    return Error{"a stratified split needs at least one row of each of the " + std::to_string(k) +
                     " classes on each side; choose a validation split that leaves " +
                     std::to_string(k) + " to " + std::to_string(n - k) + " of the " +
                     std::to_string(n) + " rows for validation",
                 "validation_split"};
  }
  std::vector<std::size_t> perm = random.permutation(n, pacer);
  Split split;
  split.val_rows.reserve(n_test);
  split.train_rows.reserve(n - n_test);
  std::vector<std::size_t> taken(k, 0);
  for (std::size_t p : perm) {
    pacer.tick();
    const std::uint32_t c = labels[p];
    if (taken[c] < quota[c]) {
      ++taken[c];
      split.val_rows.push_back(rows[p]);
    } else {
      split.train_rows.push_back(rows[p]);
    }
  }
  return Result<Split>(std::move(split));
}

}  // namespace gradtape
