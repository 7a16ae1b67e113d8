#include "core/data/batches.h"

#include <cassert>
#include <numeric>

namespace gradtape {

std::size_t batch_count(std::size_t n, std::size_t batch_size) {
  assert(batch_size > 0);
  return (n + batch_size - 1) / batch_size;
}

std::vector<std::size_t> epoch_order(std::size_t n, Random& random) {
  return random.permutation(n);
}

std::vector<std::size_t> in_order(std::size_t n) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  return order;
}

void gather_rows(const Matrix& src, const std::vector<std::size_t>& order, std::size_t begin,
                 std::size_t end, Matrix& out) {
  assert(begin <= end && end <= order.size());
  const Index rows = static_cast<Index>(end - begin);
  if (out.rows() != rows || out.cols() != src.cols()) out.resize(rows, src.cols());
  for (Index i = 0; i < rows; ++i) out.row(i) = src.row(static_cast<Index>(order[begin + i]));
}

}  // namespace gradtape
