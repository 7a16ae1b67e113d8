// The notes and warnings of a table, from what read_csv recorded and from its columns.
#include "core/data/table_review.h"

#include <cstdio>

#include "core/data/id_columns.h"
#include "core/data/values.h"

namespace gradtape {
namespace {

std::string quoted(const std::string& text) { return "'" + text + "'"; }

std::string encoding_note(const Table& table) {
  if (table.encoding != TextEncoding::windows1252) return "";
  std::string text;
  if (table.encoding_detected) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", table.non_utf8_byte);
    text = "the file is not UTF-8 (byte " + std::string(byte) + " on line " +
           std::to_string(table.non_utf8_line) +
           "), so it was read as Windows-1252 (Latin-1), as Excel saves CSV on Windows; "
           "if letters look wrong, set the text encoding";
  } else {
    text = "the file was read as Windows-1252 (Latin-1), as set";
  }
  if (table.undefined_bytes) {
    text += "; " + std::to_string(table.undefined_bytes) +
            (table.undefined_bytes == 1 ? " byte" : " bytes") +
            " that Windows-1252 leaves undefined became \xEF\xBF\xBD";
  }
  return text;
}

std::string comma_note(const Table& table) {
  const auto& columns = table.decimal_comma_columns;
  if (columns.empty()) return "";
  constexpr std::size_t kNamed = 10;
  std::string names;
  for (std::size_t i = 0; i < columns.size() && i < kNamed; ++i) {
    const bool last = i + 1 == columns.size();
    names += (i == 0 ? "" : last ? " and " : ", ") + quoted(columns[i].name);
  }
  if (columns.size() > kNamed) names += " and " + std::to_string(columns.size() - kNamed) + " more";
  std::string example = columns[0].example, point = example;
  for (char& c : point) c = c == ',' ? '.' : c;
  return std::string(columns.size() == 1 ? "column " : "columns ") + names +
         " read as numbers with a decimal comma (" + quoted(example) + " is " + point +
         "), as a European spreadsheet writes them; set the decimal separator to change that";
}

// How a text value reads as a number: not at all, with a point, or only with a decimal comma.
enum class Reads { text, point, comma };

Reads reads_as(std::string_view value) {
  double number = 0;
  value = trim_blanks(value);
  if (parse_number(value, number) != NumberKind::NotANumber) return Reads::point;
  if (parse_decimal_comma(value, number) != NumberKind::NotANumber) return Reads::comma;
  return Reads::text;
}

// A text column most of whose values are numbers: the first value that kept it text.
bool numeric_text(const Table& table, const Column& column, TableWarning& warning, Pacer& pacer) {
  std::vector<Reads> reads(column.texts.size());
  for (std::size_t t = 0; t < column.texts.size(); ++t) {
    pacer.tick();
    reads[t] = reads_as(column.texts[t]);
  }
  std::size_t present = 0, numbers = 0, points = 0, commas = 0;
  for (std::size_t r = 0; r < table.rows; ++r) {
    pacer.tick();
    if (column.is_missing(r)) continue;
    ++present;
    const Reads how = reads[column.text_id(r)];
    numbers += how != Reads::text;
    points += how == Reads::point;
    commas += how == Reads::comma;
  }
  if (present == 0 || 2 * numbers < present || numbers < 2) return false;
  // The offender: a value that is no number at all, or else one written the other way.
  // Under a set decimal mark, the values written with the other; else the rarer way.
  const bool comma_file = table.delimiter != ',';
  const Reads minority = table.decimal == DecimalMark::comma                  ? Reads::point
                         : table.decimal == DecimalMark::point || !comma_file ? Reads::comma
                         : commas < points                                    ? Reads::comma
                                                                              : Reads::point;
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t r = 0; r < table.rows; ++r) {
      pacer.tick();
      if (column.is_missing(r)) continue;
      const Reads how = reads[column.text_id(r)];
      if (pass == 0 ? how != Reads::text : how != minority) continue;
      warning.kind = TableWarning::Kind::numeric_text;
      warning.column = column.name;
      warning.value = std::string(trim_blanks(column.text(r)));
      warning.line = table.line_numbers[r];
      std::string why = "is not a number";
      if (how == Reads::comma) why = "has a decimal comma";
      if (how == Reads::point) why = "has a decimal point";
      warning.message =
          "column " + quoted(column.name) + " looks numeric (" + std::to_string(numbers) + " of " +
          std::to_string(present) +
          " values are numbers) but is read as text: " + quoted(warning.value) + " on line " +
          std::to_string(warning.line) + " " + why +
          (how == Reads::text ? "; correct or empty such values, or leave the column out"
                              : "; set the decimal separator to match the file");
      return true;
    }
  }
  return false;
}

bool header_data(const Table& table, TableWarning& warning) {
  std::string names;
  std::size_t numeric = 0;
  for (const Column& column : table.columns) {
    if (reads_as(column.name) == Reads::text) continue;
    names += (numeric++ ? ", " : "") + column.name;
  }
  if (numeric == 0) return false;
  warning.kind = TableWarning::Kind::header_data;
  warning.value = names;
  warning.line = table.header_line;
  warning.message = "the header line (line " + std::to_string(table.header_line) + ") holds " +
                    (numeric == 1 ? "a number" : "numbers") + " as column names (" + names +
                    "): if that line is data, the file has no header; add a line of column "
                    "names at the top";
  return true;
}

}  // namespace

const char* warning_kind_name(TableWarning::Kind kind) {
  switch (kind) {
    case TableWarning::Kind::numeric_text: return "numeric_text";
    case TableWarning::Kind::header_data: return "header_data";
    case TableWarning::Kind::identifier: return "identifier";
  }
  return "numeric_text";
}

TableReview review_table(const Table& table, const std::vector<ColumnSummary>& summaries) {
  Pacer never_pauses;
  return review_table(table, summaries, never_pauses);
}

TableReview review_table(const Table& table, const std::vector<ColumnSummary>& summaries,
                         Pacer& pacer) {
  TableReview review;
  if (std::string note = encoding_note(table); !note.empty()) review.notes.push_back(note);
  if (std::string note = comma_note(table); !note.empty()) review.notes.push_back(note);
  TableWarning warning;
  if (header_data(table, warning)) review.warnings.push_back(warning);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const Column& column = table.columns[c];
    if (!column.is_numeric() && numeric_text(table, column, warning, pacer))
      review.warnings.push_back(warning);
    if (c < summaries.size() && looks_like_id(summaries[c], table.rows)) {
      TableWarning id;
      id.kind = TableWarning::Kind::identifier;
      id.column = column.name;
      id.message = "column " + quoted(column.name) + " looks like a row identifier (" +
                   std::to_string(summaries[c].distinct) + " different values in " +
                   std::to_string(table.rows) +
                   " rows): it tells the model nothing about other rows, so it is best left out "
                   "of the features";
      review.warnings.push_back(id);
    }
  }
  return review;
}

}  // namespace gradtape
