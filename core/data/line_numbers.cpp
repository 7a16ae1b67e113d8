#include "core/data/line_numbers.h"

#include <algorithm>

namespace gradtape {

void LineNumbers::push_back(std::size_t line) {
  if (size_ == 0 || line != last_line_ + 1) {
    break_rows_.push_back(size_);
    break_lines_.push_back(line);
  }
  last_line_ = line;
  ++size_;
}

std::size_t LineNumbers::operator[](std::size_t row) const {
  // The last break at or before `row`; the rows after it each start a line later.
  const auto after = std::upper_bound(break_rows_.begin(), break_rows_.end(), row);
  const auto i = static_cast<std::size_t>(after - break_rows_.begin()) - 1;
  return break_lines_[i] + (row - break_rows_[i]);
}

}  // namespace gradtape
