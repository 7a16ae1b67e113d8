// A typed table read from CSV: named columns of pandas dtype int64, float64 or object, stored
// compactly (number_values.h, codes.h) with NaN or code 0 where a value is missing; the CSV line
// of every data row, for error messages; and a raw preview.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/codes.h"
#include "core/data/csv_format.h"
#include "core/data/line_numbers.h"
#include "core/data/number_values.h"
#include "core/pacer.h"

namespace gradtape {

enum class DType { Int64, Float64, Object };

// pandas' name of a dtype: "int64", "float64" or "object".
std::string_view dtype_name(DType dtype);

struct Column {
  std::string name;
  DType dtype = DType::Float64;
  NumberValues numbers;  // int64/float64 columns: one per row, NaN where missing
  // Object columns, dictionary-encoded: each distinct text once (as written), in order of first
  // appearance, and per row 1 + the index of its text (0 where missing).
  std::vector<std::string> texts;
  Codes text_codes;

  static constexpr std::uint32_t kNoText = 0xFFFFFFFFu;

  bool is_numeric() const { return dtype != DType::Object; }
  // An object column's index of its text at `row` in `texts`, kNoText where missing.
  std::uint32_t text_id(std::size_t row) const {
    const std::uint32_t code = text_codes[row];
    return code == 0 ? kNoText : code - 1;
  }
  // An object column's text at `row`, "" where missing.
  std::string_view text(std::size_t row) const {
    const std::uint32_t code = text_codes[row];
    return code == 0 ? std::string_view() : std::string_view(texts[code - 1]);
  }
  bool is_missing(std::size_t row) const {
    if (!is_numeric()) return text_codes[row] == 0;
    const double value = numbers[row];
    return value != value;  // NaN
  }
  std::size_t size() const { return is_numeric() ? numbers.size() : text_codes.size(); }
  std::size_t missing_count() const;
  std::size_t missing_count(Pacer& pacer) const;  // ticks once per row
};

struct Table {
  std::vector<Column> columns;
  std::size_t rows = 0;
  LineNumbers line_numbers;  // 1-based physical CSV line where each data row starts
  std::size_t header_line = 1;
  char delimiter = ',';
  std::vector<std::vector<std::string>> head;  // raw fields of the first data rows, for a preview
  // How the text was read: its encoding (utf8 or windows1252), and when the bytes were not UTF-8
  // and the reader chose Windows-1252, the first such byte, its line, and how many bytes
  // Windows-1252 leaves undefined (read as U+FFFD).
  TextEncoding encoding = TextEncoding::utf8;
  bool encoding_detected = false;
  std::size_t non_utf8_line = 0;
  unsigned char non_utf8_byte = 0;
  std::size_t undefined_bytes = 0;
  // Columns read as numbers with a decimal comma ("39,1" as 39.1), in file order, each with its
  // first such value.
  struct DecimalCommaColumn {
    std::string name;
    std::string example;
  };
  std::vector<DecimalCommaColumn> decimal_comma_columns;
  DecimalMark decimal = DecimalMark::automatic;  // as asked

  // The column called `name` (exact match), or nullptr.
  const Column* find(std::string_view name) const;
  std::vector<std::string> column_names() const;
};

}  // namespace gradtape
