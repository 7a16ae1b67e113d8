#include "core/data/table.h"

#include <algorithm>

namespace gradtape {

std::string_view dtype_name(DType dtype) {
  switch (dtype) {
    case DType::Int64: return "int64";
    case DType::Float64: return "float64";
    case DType::Object: return "object";
  }
  return "object";
}

std::size_t Column::missing_count() const {
  Pacer never_pauses;
  return missing_count(never_pauses);
}

std::size_t Column::missing_count(Pacer& pacer) const {
  const std::size_t rows = size();
  std::size_t count = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    pacer.tick();
    count += is_missing(r) ? 1 : 0;
  }
  return count;
}

const Column* Table::find(std::string_view name) const {
  for (const Column& column : columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

std::vector<std::string> Table::column_names() const {
  std::vector<std::string> names;
  for (const Column& column : columns) names.push_back(column.name);
  return names;
}

}  // namespace gradtape
