// The patterns of missing values of a table, counted over every row.
#include "core/data/missing_patterns.h"

#include <algorithm>
#include <cstdint>
#include <map>

namespace gradtape {

MissingPatterns missing_patterns(const Table& table, std::size_t max_patterns) {
  Pacer never_pauses;
  return missing_patterns(table, never_pauses, max_patterns);
}

MissingPatterns missing_patterns(const Table& table, Pacer& pacer, std::size_t max_patterns) {
  std::vector<std::size_t> with_missing;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].missing_count(pacer) > 0) with_missing.push_back(c);
  }
  MissingPatterns out;
  if (with_missing.empty()) return out;
  std::map<std::vector<std::size_t>, std::size_t> counts;
  std::vector<std::size_t> key;
  for (std::size_t r = 0; r < table.rows; ++r) {
    pacer.tick(static_cast<std::uint32_t>(with_missing.size()));
    key.clear();
    for (std::size_t c : with_missing) {
      if (table.columns[c].is_missing(r)) key.push_back(c);
    }
    if (key.empty()) continue;
    ++counts[key];
    if (counts.size() > max_patterns) {
      out.complete = false;
      return out;
    }
  }
  for (auto& [columns, rows] : counts) out.patterns.push_back({columns, rows});
  std::stable_sort(
      out.patterns.begin(), out.patterns.end(),
      [](const MissingPattern& a, const MissingPattern& b) { return a.rows > b.rows; });
  return out;
}

}  // namespace gradtape
