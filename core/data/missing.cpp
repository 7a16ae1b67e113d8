#include "core/data/missing.h"

#include <algorithm>
#include <cstdint>

namespace gradtape {

std::vector<std::size_t> complete_rows(const std::vector<const Column*>& columns,
                                       const std::vector<std::size_t>& rows, Pacer& pacer) {
  std::vector<std::size_t> kept;
  kept.reserve(rows.size());
  for (std::size_t r : rows) {
    pacer.tick(static_cast<std::uint32_t>(columns.size()));
    bool complete = true;
    for (const Column* column : columns) complete = complete && !column->is_missing(r);
    if (complete) kept.push_back(r);
  }
  return kept;
}

std::pair<const Column*, std::size_t> most_missing(const std::vector<const Column*>& columns,
                                                   const std::vector<std::size_t>& rows) {
  std::pair<const Column*, std::size_t> most{nullptr, 0};
  for (const Column* column : columns) {
    std::size_t count = 0;
    for (std::size_t r : rows) count += column->is_missing(r);
    if (count > most.second) most = {column, count};
  }
  return most;
}

std::optional<double> mean_at(const Column& column, const std::vector<std::size_t>& rows) {
  double sum = 0;
  std::size_t count = 0;
  for (std::size_t r : rows) {
    if (column.is_missing(r)) continue;
    sum += column.numbers[r];
    ++count;
  }
  if (count == 0) return std::nullopt;
  return sum / static_cast<double>(count);
}

std::optional<std::string> mode_at(const Column& column, const std::vector<std::size_t>& rows) {
  std::vector<std::size_t> counts(column.texts.size(), 0);
  for (std::size_t r : rows) {
    if (!column.is_missing(r)) ++counts[column.text_id(r)];
  }
  std::optional<std::size_t> best;
  for (std::size_t id = 0; id < counts.size(); ++id) {
    if (counts[id] == 0) continue;
    if (!best || counts[id] > counts[*best] ||
        (counts[id] == counts[*best] && column.texts[id] < column.texts[*best])) {
      best = id;
    }
  }
  if (!best) return std::nullopt;
  return column.texts[*best];
}

}  // namespace gradtape
