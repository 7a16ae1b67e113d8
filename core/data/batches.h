// Mini-batches: each epoch a fresh Fisher-Yates order of the train rows drawn from the one
// Random, cut into batches of a given size (the last one shorter); validation rows in order.
#pragma once

#include <cstddef>
#include <vector>

#include "core/random.h"
#include "core/tensor.h"

namespace gradtape {

// ceil(n / batch_size): the number of batches of one epoch. batch_size > 0.
std::size_t batch_count(std::size_t n, std::size_t batch_size);

// The epoch's row order: random.permutation(n), its n - 1 draws (as the trace's epochs[k].perm).
std::vector<std::size_t> epoch_order(std::size_t n, Random& random);

// 0, 1, ..., n - 1: the order of the validation rows.
std::vector<std::size_t> in_order(std::size_t n);

// out = src rows order[begin], ..., order[end - 1]. `out` keeps its storage when its shape
// already fits (every full batch of an epoch), so the training loop does not allocate.
void gather_rows(const Matrix& src, const std::vector<std::size_t>& order, std::size_t begin,
                 std::size_t end, Matrix& out);

}  // namespace gradtape
