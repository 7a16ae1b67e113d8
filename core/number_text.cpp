#include "core/number_text.h"

#include <cstdio>
#include <cstdlib>

namespace gradtape {
namespace {

// Tries precisions 1, 2, ... until the text reads back as `value` (to_chars for floating point is
// missing from Emscripten 3.1.6's libc++).
template <class Real, class Read>
std::string shortest(Real value, int most, Read read) {
  char text[40];
  for (int precision = 1; precision <= most; ++precision) {
    std::snprintf(text, sizeof text, "%.*g", precision, static_cast<double>(value));
    if (read(text) == value) break;
  }
  return text;
}

}  // namespace

std::string shortest_text(double value) {
  return shortest(value, 17, [](const char* text) { return std::strtod(text, nullptr); });
}

std::string shortest_text(float value) {
  return shortest(value, 9, [](const char* text) { return std::strtof(text, nullptr); });
}

}  // namespace gradtape
