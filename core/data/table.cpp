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
  return static_cast<std::size_t>(std::count(missing.begin(), missing.end(), std::uint8_t{1}));
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
