#include "core/data/read_csv.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <unordered_map>
#include <utility>

#include "core/bit_pattern.h"
#include "core/data/csv.h"
#include "core/data/limits.h"
#include "core/data/text_check.h"
#include "core/data/values.h"
#include "core/data/windows1252.h"

namespace gradtape {
namespace {

std::string at_line(std::size_t line) { return "line " + std::to_string(line) + ": "; }

// Names present and unique, in one pass over the header (a hash of the names seen).
Status check_header(const std::vector<std::string_view>& names, std::size_t line,
                    std::size_t max_columns) {
  if (names.size() > max_columns) {
    return Error{at_line(line) + "the header has " + std::to_string(names.size()) +
                 " columns; at most " + std::to_string(max_columns) +
                 " can be read: keep the columns you need"};
  }
  std::unordered_map<std::string_view, std::size_t> seen;
  seen.reserve(names.size());
  for (std::size_t c = 0; c < names.size(); ++c) {
    if (trim_blanks(names[c]).empty()) {
      const bool last = c + 1 == names.size();
      return Error{at_line(line) + "column " + std::to_string(c + 1) +
                   " of the header has no name; every "
                   "column needs a name" +
                   (last ? " (is there a delimiter at the end of the line?)" : "")};
    }
    const auto [earlier, fresh] = seen.emplace(names[c], c);
    if (!fresh) {
      return Error{at_line(line) + "the column name '" + std::string(names[c]) +
                       "' appears twice (columns " + std::to_string(earlier->second + 1) + " and " +
                       std::to_string(c + 1) + "); column names must be unique",
                   {},
                   std::string(names[c])};
    }
  }
  return {};
}

Error ragged(const CsvScanner& scanner, std::size_t expected) {
  const std::size_t got = scanner.fields().size();
  return Error{at_line(scanner.line()) + "expected " + std::to_string(expected) +
               " fields as in the header, got " + std::to_string(got) +
               (got > expected ? "; is a value holding the delimiter without quotes?"
                               : "; is a value missing, or a line broken?")};
}

// Pass 1 state of one column: numeric until a value is neither a number nor a missing marker.
// `comma` stays true while every value could still be a number with a decimal comma (automatic
// decimal mark only), and `example` keeps the first value that holds one.
struct Inference {
  bool numeric = true;
  bool integers = true;
  bool comma = false;
  bool texts_read = false;  // text from the first data row on: its texts are read in pass 1
  std::string_view example;
};

// The texts of one text column: each distinct one stored once, numbered in order of first
// appearance and found again through an open-addressing table of their numbers, and each row's
// code (1 + its text's number, 0 where the value is missing), as Column::text_codes holds them.
class TextColumn {
 public:
  void add(std::string_view value) {
    if (2 * (texts_.size() + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = slot_of(value);
    for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
      if (texts_[slots_[slot] - 1] == value) {
        row_codes_.push_back(slots_[slot]);
        return;
      }
    }
    if (is_missing_marker(trim_blanks(value))) {  // markers are never stored, so never found
      row_codes_.push_back(0);
      return;
    }
    texts_.emplace_back(value);
    slots_[slot] = static_cast<std::uint32_t>(texts_.size());
    row_codes_.push_back(slots_[slot]);
  }
  void reserve(std::size_t rows) { row_codes_.reserve(rows); }
  // Into `column`, an object column.
  void store(Column& column) {
    column.dtype = DType::Object;
    column.texts = std::move(texts_);
    column.text_codes = std::move(row_codes_);
  }

 private:
  // FNV-1a over the bytes, then Fibonacci hashing to the table's width.
  std::size_t slot_of(std::string_view text) const {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return hash_slot(hash, slot_bits_);
  }
  void grow() {
    slot_bits_ = slot_bits_ == 0 ? 6 : slot_bits_ + 1;
    slots_.assign(std::size_t{1} << slot_bits_, 0);
    for (std::size_t id = 0; id < texts_.size(); ++id) {
      std::size_t slot = slot_of(texts_[id]);
      while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
      slots_[slot] = static_cast<std::uint32_t>(id + 1);
    }
  }

  std::vector<std::string> texts_;
  std::vector<std::uint32_t> slots_;  // 1 + a text's number, 0 if empty; at most half full
  int slot_bits_ = 0;
  Codes row_codes_;
};

NumberKind parse_with(DecimalMark mark, std::string_view value, double& number) {
  return mark == DecimalMark::comma ? parse_decimal_comma(value, number)
                                    : parse_number(value, number);
}

// The text as UTF-8: as it is, or converted from Windows-1252 (kept in `storage`) when asked,
// or when it is not UTF-8 and the encoding is automatic; what was done is recorded in `table`.
Result<std::string_view> decode(std::string_view text, TextEncoding asked, std::string& storage,
                                Table& table, Pacer& pacer) {
  if (Status status = check_not_binary(text, pacer); !status) return status.error();
  const std::size_t bad = asked == TextEncoding::windows1252 ? 0 : first_invalid_utf8(text, pacer);
  if (asked != TextEncoding::windows1252 && bad == text.size()) {
    table.encoding = TextEncoding::utf8;
    return text;
  }
  if (asked == TextEncoding::utf8) return not_utf8_error(text, bad);
  if (asked == TextEncoding::automatic) {
    table.encoding_detected = true;
    table.non_utf8_line = line_of_offset(text, bad);
    table.non_utf8_byte = static_cast<unsigned char>(text[bad]);
  }
  Converted converted = windows1252_to_utf8(text, pacer);
  table.encoding = TextEncoding::windows1252;
  table.undefined_bytes = converted.undefined_bytes;
  storage = std::move(converted.text);
  return std::string_view(storage);
}

}  // namespace

Result<Table> read_csv(std::string_view text, const CsvOptions& options) {
  Pacer never_pauses;
  return read_csv(text, options, never_pauses);
}

Result<Table> read_csv(std::string_view text, const CsvOptions& options, Pacer& pacer) {
  if (text.size() > options.max_bytes) {
    return Error{"the file is " + size_text(text.size()) + "; the limit is " +
                 size_text(options.max_bytes) +
                 ": take a sample of the rows, or leave out columns you do not need"};
  }
  const char given = options.delimiter;
  const auto code = static_cast<unsigned char>(given);
  if (given == '"' || code >= 0x80 || (given != 0 && given != '\t' && code < 0x20)) {
    return Error{
        "the delimiter cannot be a quote, a line break, a control character or a non-ASCII byte",
        "delimiter"};
  }
  Table table;
  std::string decoded;
  Result<std::string_view> utf8 =
      decode(strip_utf8_bom(text), options.encoding, decoded, table, pacer);
  if (!utf8) return utf8.error();
  text = *utf8;
  const char delimiter = given ? given : sniff_delimiter(text);
  // A comma cannot be the decimal mark of a comma-separated file, unless asked for.
  const DecimalMark mark =
      options.decimal == DecimalMark::comma ? DecimalMark::comma : DecimalMark::point;
  const bool sniff_comma = options.decimal == DecimalMark::automatic && delimiter != ',';
  table.decimal = options.decimal;

  // Pass 1: header, row shape, line numbers, and the numbers of every column still numeric.
  CsvScanner scanner(text, delimiter);
  if (!scanner.next())
    return scanner.failed() ? scanner.error() : Error{"line 1: the file is empty"};
  table.delimiter = delimiter;
  table.header_line = scanner.line();
  const std::size_t width = scanner.fields().size();
  if (Status status = check_header(scanner.fields(), table.header_line, options.max_columns);
      !status)
    return status.error();
  std::vector<Inference> inference(width);
  std::vector<TextColumn> texts(width);
  table.columns.resize(width);
  for (std::size_t c = 0; c < width; ++c) {
    Column& column = table.columns[c];
    column.name = std::string(scanner.fields()[c]);
    inference[c].numeric = std::find(options.object_columns.begin(), options.object_columns.end(),
                                     column.name) == options.object_columns.end();
    inference[c].comma = sniff_comma && inference[c].numeric;
    inference[c].texts_read = !inference[c].numeric;
  }
  const std::size_t header_end = scanner.position();
  while (scanner.next()) {
    pacer.tick(static_cast<std::uint32_t>(width));
    const std::vector<std::string_view>& fields = scanner.fields();
    if (fields.size() != width) return ragged(scanner, width);
    if (table.rows == options.max_rows) {
      return Error{at_line(scanner.line()) + "the file has more than " +
                   std::to_string(options.max_rows) +
                   " data rows, the most this tool reads: take a sample of the rows"};
    }
    for (std::size_t c = 0; c < width; ++c) {
      if (fields[c].size() > options.max_cell_bytes) {
        return Error{at_line(scanner.line()) + "the value of column '" + table.columns[c].name +
                         "' is " + size_text(fields[c].size()) + " long; a cell may hold at most " +
                         size_text(options.max_cell_bytes),
                     {},
                     table.columns[c].name};
      }
    }
    if (table.rows == 256) {  // the first rows show the typical row length: reserve for the rest
      const std::size_t guess =
          static_cast<std::size_t>(1.05 * table.rows * text.size() / scanner.position()) + 1;
      for (std::size_t c = 0; c < width; ++c) {
        if (inference[c].numeric) table.columns[c].numbers.reserve(guess);
        if (inference[c].texts_read) texts[c].reserve(guess);
      }
    }
    table.line_numbers.push_back(scanner.line());
    if (table.head.size() < options.preview_rows)
      table.head.emplace_back(fields.begin(), fields.end());
    for (std::size_t c = 0; c < width; ++c) {
      Inference& state = inference[c];
      if (!state.numeric) {
        if (state.texts_read) texts[c].add(fields[c]);
        if (state.comma) {  // no longer numeric with a point: perhaps with a comma
          const std::string_view value = trim_blanks(fields[c]);
          double number = 0;
          if (parse_decimal_comma(value, number) == NumberKind::NotANumber) {
            state.comma = is_missing_marker(value);
          } else if (state.example.empty() && value.find(',') != std::string_view::npos) {
            state.example = value;
          }
        }
        continue;
      }
      const std::string_view value = trim_blanks(fields[c]);
      double number = 0;
      const NumberKind kind = parse_with(mark, value, number);
      if (kind == NumberKind::NotANumber) {
        if (!is_missing_marker(value)) {
          state.numeric = false;
          table.columns[c].numbers = {};
          state.texts_read = table.rows == 0;  // later, the rows before must be read again
          if (state.texts_read) texts[c].add(fields[c]);
          if (state.comma) {
            state.comma = parse_decimal_comma(value, number) != NumberKind::NotANumber;
            if (state.comma && value.find(',') != std::string_view::npos) state.example = value;
          }
          continue;
        }
        number = std::numeric_limits<double>::quiet_NaN();
      } else if (state.comma && kind == NumberKind::Float &&
                 value.find('.') != std::string_view::npos) {
        state.comma = false;  // "40.5" is no number with a decimal comma
      }
      state.integers = state.integers && kind == NumberKind::Integer;
      table.columns[c].numbers.push_back(number);
    }
    ++table.rows;
  }
  if (scanner.failed()) return scanner.error();
  if (table.rows == 0)
    return Error{at_line(table.header_line) + "the file has a header but no data rows"};

  // Pass 2, only if some column turned to text after its first row, or has decimal commas: the
  // texts of those columns from the first row, and the numbers of the decimal-comma ones.
  std::vector<std::size_t> text_columns, comma_columns;
  for (std::size_t c = 0; c < width; ++c) {
    Column& column = table.columns[c];
    if (!inference[c].numeric && inference[c].comma && !inference[c].example.empty()) {
      column.dtype = DType::Float64;
      column.numbers.reserve(table.rows);
      comma_columns.push_back(c);
      table.decimal_comma_columns.push_back({column.name, std::string(inference[c].example)});
      texts[c] = {};
    } else if (inference[c].numeric) {
      // int64 needs every value to be an integer and none missing, as pandas; all-missing is
      // float64.
      column.dtype = inference[c].integers ? DType::Int64 : DType::Float64;
      column.numbers.shrink();
    } else if (inference[c].texts_read) {
      texts[c].store(column);
      texts[c] = {};
    } else {
      texts[c] = {};
      text_columns.push_back(c);
    }
  }
  if (!text_columns.empty() || !comma_columns.empty()) {
    CsvScanner again(text.substr(header_end), delimiter);
    while (again.next()) {
      pacer.tick(static_cast<std::uint32_t>(width));
      for (std::size_t c : comma_columns) {
        double number = std::numeric_limits<double>::quiet_NaN();
        if (parse_decimal_comma(trim_blanks(again.fields()[c]), number) == NumberKind::NotANumber)
          number = std::numeric_limits<double>::quiet_NaN();  // a missing marker
        table.columns[c].numbers.push_back(number);
      }
      for (std::size_t c : text_columns) texts[c].add(again.fields()[c]);
    }
    for (std::size_t c : text_columns) texts[c].store(table.columns[c]);
    for (std::size_t c : comma_columns) table.columns[c].numbers.shrink();
  }
  return Result<Table>(std::move(table));
}

}  // namespace gradtape
