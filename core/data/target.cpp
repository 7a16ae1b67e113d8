#include "core/data/target.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <utility>

#include "core/data/describe.h"
#include "core/data/values.h"

namespace gradtape {
namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) text += (i ? ", '" : "'") + names[i] + "'";
  return text;
}

std::size_t first_line_of(const Table& table, const Column& column, const std::string& label) {
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (column.missing[r]) continue;
    if (column.is_numeric() ? format_number(column.numbers[r]) == label : column.text(r) == label) {
      return table.line_numbers[r];
    }
  }
  return 0;
}

// Stops at the third distinct value, so that wide columns cost one short scan.
bool at_most_two_values(const Column& column) {
  if (!column.is_numeric()) return column.texts.size() <= 2;
  double seen[2];
  std::size_t count = 0;
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (column.missing[r]) continue;
    const double value = column.numbers[r];
    if ((count > 0 && seen[0] == value) || (count > 1 && seen[1] == value)) continue;
    if (count == 2) return false;
    seen[count++] = value;
  }
  return true;
}

std::string normalized(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool named_like_target(std::string_view name) {
  const std::string n = normalized(name);
  // The usual names of a binary outcome in public tables (Titanic, churn, credit default, fraud).
  for (std::string_view exact :
       {"y", "class", "label", "target", "outcome", "diagnosis", "survived", "churn", "exited",
        "attrition", "fraud", "isfraud", "default"}) {
    if (n == exact) return true;
  }
  for (std::string_view suffix : {"target", "label", "class", "outcome", "diagnosis", "disease"}) {
    if (n.size() > suffix.size() &&
        n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<Target> read_target(const Table& table, std::string_view name) {
  if (name.empty())
    return Error{"choose the target column: the one the model should predict", "target"};
  const Column* column = table.find(name);
  if (!column) {
    return Error{"there is no column '" + std::string(name) + "'; the columns are " +
                     quoted_list(table.column_names()),
                 "target"};
  }
  const std::string what = "the target '" + column->name + "'";
  std::vector<ValueCount> counts = value_counts(*column);
  if (counts.empty()) return Error{what + " has no values: every row is missing", "target"};
  if (counts.size() == 1) {
    return Error{what + " holds one class only ('" + counts[0].value +
                     "' in every row); a "
                     "classifier needs exactly two",
                 "target"};
  }
  if (counts.size() > 2) {
    std::string found;
    const std::size_t shown = std::min<std::size_t>(counts.size(), 8);
    for (std::size_t i = 0; i < shown; ++i) {
      found += (i ? ", '" : "'") + counts[i].value + "' (" + std::to_string(counts[i].count) + ")";
    }
    if (shown < counts.size()) found += ", ...";
    const ValueCount& rarest = counts.back();
    return Error{what + " must have exactly two classes, but it has " +
                     std::to_string(counts.size()) + ": " + found + "; the first row with '" +
                     rarest.value + "' is line " +
                     std::to_string(first_line_of(table, *column, rarest.value)),
                 "target"};
  }
  Target target;
  target.column = column->name;
  target.text_labels = !column->is_numeric();
  std::vector<std::string> labels = {counts[0].value, counts[1].value};
  if (column->is_numeric()) {
    std::sort(labels.begin(), labels.end());  // "0" < "1"
    if (labels[0] != "0" || labels[1] != "1") {
      return Error{what + " holds the numbers '" + labels[0] + "' and '" + labels[1] +
                       "'; a numeric target must be 0 and 1 (or write the classes as text labels)",
                   "target"};
    }
  } else {
    std::sort(labels.begin(), labels.end());  // byte order, as pandas sorts categories
  }
  target.labels = {labels[0], labels[1]};
  target.y.assign(column->size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t r = 0; r < column->size(); ++r) {
    if (column->missing[r]) {
      ++target.missing;
      continue;
    }
    const bool positive =
        column->is_numeric() ? column->numbers[r] == 1.0 : column->text(r) == labels[1];
    target.y[r] = positive ? 1.0 : 0.0;
    ++(positive ? target.positive_count : target.negative_count);
  }
  return Result<Target>(std::move(target));
}

std::vector<TargetCandidate> target_candidates(const Table& table) {
  std::vector<TargetCandidate> candidates;
  for (const Column& column : table.columns) {
    if (!at_most_two_values(column)) continue;
    Result<Target> target = read_target(table, column.name);
    if (!target) continue;
    candidates.push_back(
        {target->column, target->labels, target->negative_count, target->positive_count});
  }
  return candidates;
}

std::optional<TargetCandidate> suggest_target(const Table& table) {
  std::vector<TargetCandidate> candidates = target_candidates(table);
  if (candidates.empty()) return std::nullopt;
  for (const TargetCandidate& candidate : candidates) {
    if (named_like_target(candidate.column)) return candidate;
  }
  return candidates.back();
}

}  // namespace gradtape
