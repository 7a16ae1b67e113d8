// One small unsigned integer per row (a text's number, a value's place in a dictionary), each
// stored in as few bytes as the largest so far needs: one, two or four. A column of a few
// categories takes a byte per row, a quarter of what 32-bit numbers would.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gradtape {

class Codes {
 public:
  std::size_t size() const {
    switch (width_) {
      case 1: return narrow_.size();
      case 2: return middle_.size();
      default: return wide_.size();
    }
  }
  std::uint32_t operator[](std::size_t row) const {
    switch (width_) {
      case 1: return narrow_[row];
      case 2: return middle_[row];
      default: return wide_[row];
    }
  }
  // Appends `code`, first rewriting the codes so far in a wider width when it needs one.
  void push_back(std::uint32_t code) {
    if (width_ == 1 && code <= 0xFFu) {
      narrow_.push_back(static_cast<std::uint8_t>(code));
    } else {
      push_back_wider(code);
    }
  }
  void reserve(std::size_t rows);
  // The bytes one code takes now: 1, 2 or 4.
  int width() const { return width_; }

 private:
  void push_back_wider(std::uint32_t code);
  void widen_to(int width);

  int width_ = 1;
  std::size_t reserved_ = 0;
  std::vector<std::uint8_t> narrow_;   // while width_ is 1
  std::vector<std::uint16_t> middle_;  // while width_ is 2
  std::vector<std::uint32_t> wide_;    // while width_ is 4
};

}  // namespace gradtape
