#include "core/data/values.h"

#include <cmath>
#include <cstdio>

#include <fast_float/fast_float.h>

namespace gradtape {

std::string_view trim_blanks(std::string_view field) {
  std::size_t begin = 0, end = field.size();
  while (begin < end && (field[begin] == ' ' || field[begin] == '\t')) ++begin;
  while (end > begin && (field[end - 1] == ' ' || field[end - 1] == '\t')) --end;
  return field.substr(begin, end - begin);
}

bool is_missing_marker(std::string_view field) {
  static constexpr std::string_view kMarkers[] = {
      "",         "NA",   "N/A",  "NaN",    "null",    "?",    "#N/A", "#N/A N/A", "#NA", "-1.#IND",
      "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "NULL", "None",     "n/a", "nan"};
  if (field.empty()) return true;
  if (field.size() > 8) return false;
  switch (field[0]) {  // the first characters of the markers
    case 'N':
    case 'n':
    case '#':
    case '-':
    case '1':
    case '<':
    case '?': break;
    default: return false;
  }
  for (std::string_view marker : kMarkers) {
    if (field == marker) return true;
  }
  return false;
}

NumberKind parse_number(std::string_view field, double& value) {
  const char* first = field.data();
  const char* last = first + field.size();
  if (first == last) return NumberKind::NotANumber;
  const bool negative = *first == '-';
  const char* digits = (*first == '-' || *first == '+') ? first + 1 : first;
  // Integers of up to 18 digits fit int64 and cannot overflow it; longer ones go through the
  // float parser and are float64 (pandas would keep uint64 or text; docs/pipeline.md step 1).
  const char* p = digits;
  std::int64_t integer = 0;
  while (p != last && *p >= '0' && *p <= '9' && p - digits < 18)
    integer = integer * 10 + (*p++ - '0');
  if (p == last && p != digits) {
    value = static_cast<double>(negative ? -integer : integer);
    return NumberKind::Integer;
  }
  // fast_float rejects a leading '+', which pandas accepts.
  const char* start = first;
  if (*first == '+') {
    if (++start == last || *start == '-' || *start == '+') return NumberKind::NotANumber;
  }
  double parsed = 0;
  fast_float::from_chars_result result = fast_float::from_chars(start, last, parsed);
  if (result.ec != std::errc() || result.ptr != last || std::isnan(parsed))
    return NumberKind::NotANumber;
  // A number too large for float64 (1e400, a 400-digit integer) is text, not an infinity; only
  // "inf" and "infinity" spell one.
  const bool spelled_infinity = *digits == 'i' || *digits == 'I';
  if (std::isinf(parsed) && !spelled_infinity) return NumberKind::NotANumber;
  value = parsed;
  return NumberKind::Float;
}

NumberKind parse_decimal_comma(std::string_view field, double& value) {
  const std::size_t comma = field.find(',');
  if (field.find('.') != std::string_view::npos) return NumberKind::NotANumber;
  if (comma == std::string_view::npos) return parse_number(field, value);
  if (field.find(',', comma + 1) != std::string_view::npos) return NumberKind::NotANumber;
  char buffer[64];
  if (field.size() >= sizeof buffer) return NumberKind::NotANumber;
  field.copy(buffer, field.size());
  buffer[comma] = '.';
  const NumberKind kind = parse_number(std::string_view(buffer, field.size()), value);
  return kind == NumberKind::NotANumber ? kind : NumberKind::Float;
}

std::string format_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char text[40];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(text, sizeof text, "%.0f", value);
    return text;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(text, sizeof text, "%.*g", precision, value);
    double back = 0;
    std::string_view printed(text);
    fast_float::from_chars(printed.data(), printed.data() + printed.size(), back);
    if (back == value) break;
  }
  return text;
}

}  // namespace gradtape
