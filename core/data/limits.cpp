#include "core/data/limits.h"

#include <cstdio>

namespace gradtape {

std::string size_text(std::size_t bytes) {
  if (bytes < 1000) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  const char* units[] = {"kB", "MB", "GB"};
  double value = static_cast<double>(bytes);
  int unit = -1;
  do {
    value /= 1000;
    ++unit;
  } while (value >= 1000 && unit < 2);
  char text[32];
  std::snprintf(text, sizeof text, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  return text;
}

}  // namespace gradtape
