#include "core/data/id_columns.h"

#include <cctype>
#include <string>

namespace gradtape {
namespace {

constexpr std::size_t kMinRows = 20;  // below this, distinct values everywhere is no sign

}  // namespace

bool named_like_id(const std::string& name) {
  const std::size_t n = name.size();
  if (n < 2) return false;
  const char i = name[n - 2], d = name[n - 1];
  const bool ends_id = (i == 'i' || i == 'I') && (d == 'd' || d == 'D');
  if (!ends_id) return false;
  if (n == 2) return true;
  const char before = name[n - 3];
  if (before == '_' || before == ' ' || before == '-') return true;
  // camel case: "customerID", "PassengerId", not "paid" or "Valid"
  return std::islower(static_cast<unsigned char>(before)) && i == 'I';
}

bool looks_like_id(const ColumnSummary& column, std::size_t rows) {
  if (rows < kMinRows || column.missing >= rows) return false;
  const std::size_t present = rows - column.missing;
  // Named like an ID: a different value on at least half the rows where it has one (an ID that
  // repeats, such as a customer's on each order, is still no measurement).
  if (named_like_id(column.name)) return 2 * column.distinct >= present;
  return column.dtype == DType::Object && column.missing == 0 && column.distinct == rows;
}

}  // namespace gradtape
