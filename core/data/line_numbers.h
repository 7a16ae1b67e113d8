// The CSV line where each data row starts, for error messages. Rows mostly follow one another a
// line apart, so only the rows where that breaks (after a blank line, or a quoted value holding a
// line break) are stored, with their lines: a few words for most files, not one per row.
#pragma once

#include <cstddef>
#include <vector>

namespace gradtape {

class LineNumbers {
 public:
  // Appends the next row's line (greater than the previous row's).
  void push_back(std::size_t line);
  // The line where data row `row` (< size()) starts.
  std::size_t operator[](std::size_t row) const;
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::size_t front() const { return (*this)[0]; }
  std::size_t back() const { return (*this)[size_ - 1]; }

 private:
  std::size_t size_ = 0;
  std::size_t last_line_ = 0;
  // Rows whose line is not the previous row's plus one, ascending, and their lines.
  std::vector<std::size_t> break_rows_, break_lines_;
};

}  // namespace gradtape
