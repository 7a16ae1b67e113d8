// What a person should know about a table before training on it: notes on how it was read (the
// text encoding chosen, the columns read with a decimal comma) and warnings about what would
// surprise them (a column that looks numeric but is text, a header line that looks like data,
// a column that looks like a row identifier). The page and the CLI show both.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/data/describe.h"
#include "core/data/table.h"

namespace gradtape {

struct TableWarning {
  enum class Kind { numeric_text, header_data, identifier };
  Kind kind = Kind::numeric_text;
  std::string column;    // the column concerned (numeric_text, identifier); empty for header_data
  std::string value;     // the offending value (numeric_text), or the numeric names (header_data)
  std::size_t line = 0;  // its CSV line
  std::string message;   // one sentence a person can act on
};

struct TableReview {
  std::vector<std::string> notes;
  std::vector<TableWarning> warnings;
};

// `summaries` is describe(table). The second ticks `pacer` once per row of each text column.
TableReview review_table(const Table& table, const std::vector<ColumnSummary>& summaries);
TableReview review_table(const Table& table, const std::vector<ColumnSummary>& summaries,
                         Pacer& pacer);

// "numeric_text", "header_data", "identifier".
const char* warning_kind_name(TableWarning::Kind kind);

}  // namespace gradtape
