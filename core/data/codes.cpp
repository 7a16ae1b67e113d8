#include "core/data/codes.h"

#include <algorithm>

namespace gradtape {
namespace {

int width_for(std::uint32_t code) { return code <= 0xFFu ? 1 : code <= 0xFFFFu ? 2 : 4; }

template <class To, class From>
void move_into(std::vector<To>& to, std::vector<From>& from, std::size_t reserved) {
  to.reserve(std::max(reserved, from.size()));
  to.assign(from.begin(), from.end());
  std::vector<From>().swap(from);
}

}  // namespace

void Codes::push_back_wider(std::uint32_t code) {
  if (width_for(code) > width_) widen_to(width_for(code));
  switch (width_) {
    case 1: narrow_.push_back(static_cast<std::uint8_t>(code)); break;
    case 2: middle_.push_back(static_cast<std::uint16_t>(code)); break;
    default: wide_.push_back(code); break;
  }
}

void Codes::reserve(std::size_t rows) {
  reserved_ = rows;
  switch (width_) {
    case 1: narrow_.reserve(rows); break;
    case 2: middle_.reserve(rows); break;
    default: wide_.reserve(rows); break;
  }
}

void Codes::widen_to(int width) {
  if (width == 2) {
    move_into(middle_, narrow_, reserved_);
  } else if (width_ == 1) {
    move_into(wide_, narrow_, reserved_);
  } else {
    move_into(wide_, middle_, reserved_);
  }
  width_ = width;
}

}  // namespace gradtape
