// Which columns are missing together: each distinct set of missing columns with the number of
// rows that have it, so that for any target and any features the rows that "drop rows" would
// lose can be counted without the table (the page does, before a run).
#pragma once

#include <cstddef>
#include <vector>

#include "core/data/table.h"
#include "core/pacer.h"

namespace gradtape {

struct MissingPattern {
  std::vector<std::size_t> columns;  // column indices, ascending
  std::size_t rows = 0;
};

struct MissingPatterns {
  std::vector<MissingPattern> patterns;  // most rows first (ties in column order); rows missing
                                         // nothing are left out
  bool complete = true;                  // false (and no patterns) past `max_patterns`
};

MissingPatterns missing_patterns(const Table& table, std::size_t max_patterns = 256);
// The same, ticking `pacer` once per row.
MissingPatterns missing_patterns(const Table& table, Pacer& pacer, std::size_t max_patterns = 256);

}  // namespace gradtape
