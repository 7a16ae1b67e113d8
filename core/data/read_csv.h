// read_csv: CSV text to a typed Table, as pandas.read_csv with its defaults reads it. A column is
// numeric when every non-missing value in it (every row, not a sample) parses as a number.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/csv_format.h"
#include "core/data/limits.h"
#include "core/data/table.h"
#include "core/pacer.h"
#include "core/result.h"

namespace gradtape {

struct CsvOptions {
  char delimiter = 0;                               // 0: sniff among ',', ';' and '\t'
  DecimalMark decimal = DecimalMark::automatic;     // csv_settings.h: "decimal"
  TextEncoding encoding = TextEncoding::automatic;  // csv_settings.h: "text_encoding"
  std::size_t max_bytes = kMaxFileBytes;            // the limits of limits.h; tests may lower them
  std::size_t max_columns = kMaxColumns;
  std::size_t max_rows = kMaxRows;
  std::size_t max_cell_bytes = kMaxCellBytes;
  std::vector<std::string> object_columns;  // read as text even if numeric (pandas dtype=str)
  std::size_t preview_rows = 20;            // raw rows kept in Table::head
};

// Errors name the 1-based line of the file (and the column): empty file, header only, empty or
// duplicate column names, ragged rows, unterminated quotes, binary data, text that is not UTF-8
// when UTF-8 is asked for, and each limit (size, columns, rows, cell length) that the file
// passes, naming the limit. Text that is not UTF-8 is read as Windows-1252 unless UTF-8 is asked
// for; decimal commas are read as csv_format.h's DecimalMark says. The table records both.
Result<Table> read_csv(std::string_view text, const CsvOptions& options = {});
// The same, ticking `pacer` once per field read (so a page can pause the reading in slices).
Result<Table> read_csv(std::string_view text, const CsvOptions& options, Pacer& pacer);

}  // namespace gradtape
