#include "core/data/encoding.h"

#include <algorithm>

namespace gradtape {

CategoryMap CategoryMap::fit(const Column& column, const std::vector<std::size_t>& rows) {
  CategoryMap map;
  std::vector<bool> used(column.texts.size(), false);
  for (std::size_t r : rows) {
    if (!column.is_missing(r)) used[column.text_id(r)] = true;
  }
  for (std::size_t id = 0; id < used.size(); ++id) {
    if (used[id]) map.categories_.push_back(column.texts[id]);
  }
  // std::string compares as unsigned bytes, i.e. UTF-8 byte order = code point order.
  std::sort(map.categories_.begin(), map.categories_.end());
  return map;
}

CategoryMap CategoryMap::of(std::vector<std::string> sorted_categories) {
  CategoryMap map;
  map.categories_ = std::move(sorted_categories);
  return map;
}

std::optional<std::size_t> CategoryMap::code(std::string_view value) const {
  auto it = std::lower_bound(
      categories_.begin(), categories_.end(), value,
      [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
  if (it == categories_.end() || *it != value) return std::nullopt;
  return static_cast<std::size_t>(it - categories_.begin());
}

std::vector<std::string> one_hot_names(const std::string& column, const CategoryMap& map) {
  std::vector<std::string> names;
  for (const std::string& category : map.categories()) names.push_back(column + "_" + category);
  return names;
}

}  // namespace gradtape
