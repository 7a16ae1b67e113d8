// RFC 4180 records, one at a time, as views into the text: quoted fields with delimiters, doubled
// quotes and newlines; LF, CRLF and lone CR line endings; blank lines skipped (as pandas). Also
// the sniffing of the delimiter between comma, semicolon and tab.
#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gradtape {

// A quote opens a quoted field only as a field's first character. Text after a closing quote
// joins the field, and a quote inside an unquoted field is an ordinary character (both as
// pandas' C reader does).
class CsvScanner {
 public:
  CsvScanner(std::string_view text, char delimiter);

  // Reads the next non-blank record into fields(). False at the end of the text, or on an
  // unterminated quote (then failed() is true and error() names the line where it opened).
  bool next();

  // The fields of the last record; valid until the next call to next().
  const std::vector<std::string_view>& fields() const { return fields_; }
  std::size_t line() const { return record_line_; }  // 1-based physical line of its start
  std::size_t position() const { return pos_; }      // bytes consumed so far
  bool failed() const { return failed_; }
  const Error& error() const { return error_; }

 private:
  bool skip_blank_lines();
  void consume_line_end();
  void count_lines(std::size_t begin, std::size_t end);
  bool quoted_field();

  std::string_view text_;
  char delimiter_;
  std::array<bool, 256> stops_;
  std::vector<std::string_view> fields_;
  std::deque<std::string> unescaped_;  // fields that are not a slice of the text (doubled quotes)
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 1;
  bool failed_ = false;
  Error error_;
};

// The delimiter among ',', ';' and '\t' that splits the first records into the same number of
// fields, the most fields winning; ',' when nothing splits. Quotes are respected.
char sniff_delimiter(std::string_view text);

}  // namespace gradtape
