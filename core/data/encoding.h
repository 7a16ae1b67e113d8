// Text columns as numbers: the learned category list (distinct values in byte order, as pandas'
// astype('category') sorts them; a value's code is its index) and the one-hot layout over it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/table.h"

namespace gradtape {

enum class Encoding { CategoryCodes, OneHot };

class CategoryMap {
 public:
  CategoryMap() = default;
  // The distinct non-missing values of an object column at `rows`.
  static CategoryMap fit(const Column& column, const std::vector<std::size_t>& rows);
  // The map of categories already sorted and unique (a saved model's).
  static CategoryMap of(std::vector<std::string> sorted_categories);

  // The value's code, or nullopt for a value not seen when fitting.
  std::optional<std::size_t> code(std::string_view value) const;
  const std::vector<std::string>& categories() const { return categories_; }
  std::size_t size() const { return categories_.size(); }

 private:
  std::vector<std::string> categories_;  // sorted, unique
};

// One-hot feature names as pandas.get_dummies writes them: "Sex_F", "Sex_M".
std::vector<std::string> one_hot_names(const std::string& column, const CategoryMap& map);

}  // namespace gradtape
