#include "core/data/decision.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace gradtape {
namespace {

template <class... F>
struct Overload : F... {
  using F::operator()...;
};
template <class... F>
Overload(F...) -> Overload<F...>;

// 77.28795 -> "77.29": four significant digits, for a sentence.
std::string short_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

std::string rows_word(std::size_t n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); }

// "line 3" or "lines 3, 5, ..." (the first ten).
std::string line_list(const RowSet& set) {
  std::string text;
  const std::size_t shown = std::min<std::size_t>(set.lines.size(), 10);
  for (std::size_t i = 0; i < shown; ++i) text += (i ? ", " : "") + std::to_string(set.lines[i]);
  if (shown < set.lines.size()) text += ", ...";
  return (set.lines.size() == 1 ? "line " : "lines ") + text;
}

}  // namespace

RowSet RowSet::of(const Table& table, std::vector<std::size_t> rows) {
  RowSet set;
  std::sort(rows.begin(), rows.end());
  for (std::size_t r : rows) set.lines.push_back(table.line_numbers[r]);
  set.rows = std::move(rows);
  return set;
}

std::string note(const Decision& decision) {
  return std::visit(
      Overload{
          [](const TargetClasses& d) {
            constexpr std::size_t kNamed = 10;  // a long list names the first ten
            const std::size_t n = std::min(d.classes.size(), kNamed);
            std::string text = "target '" + d.column + "':";
            for (std::size_t i = 0; i < n; ++i) {
              const bool last = i + 1 == n && n == d.classes.size();
              text += (i ? (last ? " and '" : ", '") : " '") + d.classes[i] + "' is class " +
                      std::to_string(i);
            }
            if (n < d.classes.size())
              text += ", ... (" + std::to_string(d.classes.size()) + " classes)";
            return text + " (sorted order)";
          },
          [](const RowsWithoutTarget& d) {
            return "dropped " + rows_word(d.rows.size()) + " without a target value (" +
                   line_list(d.rows) + ")";
          },
          [](const ColumnLeftOut& d) { return "left out column '" + d.column + "' as asked"; },
          [](const ColumnAllMissing& d) {
            return "dropped column '" + d.column + "': every value is missing";
          },
          [](const RowsWithMissing& d) {
            std::string text = "dropped " + rows_word(d.rows.size()) + " of " +
                               std::to_string(d.of) + " with missing values (" + line_list(d.rows) +
                               ")";
            if (!d.worst_column.empty()) {
              text += "; '" + d.worst_column + "' alone is missing in " + rows_word(d.worst_count) +
                      ": leave it out, or impute missing values";
            }
            return text;
          },
          [](const ColumnWithoutTrainValue& d) {
            return "dropped column '" + d.column + "': it has no value in the training rows";
          },
          [](const ValuesFilled& d) {
            return "filled " + std::to_string(d.count) + " missing values of '" + d.column +
                   "' with " +
                   (d.text ? "the training mode '" + d.value + "'"
                           : "the training mean " +
                                 short_number(std::strtod(d.value.c_str(), nullptr)));
          },
          [](const UnseenCategories& d) {
            const char* what =
                d.outcome == UnseenCategories::Outcome::all_zeros ? "encoded as all zeros"
                : d.outcome == UnseenCategories::Outcome::imputed ? "imputed with the training mode"
                                                                  : "dropped";
            return rows_word(d.rows.size()) +
                   " of validation with text never seen in the training rows " + what + " (" +
                   line_list(d.rows) + ")";
          },
          [](const ConstantFeature& d) {
            return "dropped feature '" + d.feature +
                   "': constant in the training rows (every value is " + d.value + ")";
          },
          [](const TargetStandardised& d) {
            return "target '" + d.column + "' standardised with the training rows' mean " +
                   short_number(d.mean) + " and std " + short_number(d.std) +
                   "; errors are shown in its own units";
          },
      },
      decision);
}

std::vector<std::string> notes(const std::vector<Decision>& decisions) {
  std::vector<std::string> out;
  for (const Decision& decision : decisions) out.push_back(note(decision));
  return out;
}

std::vector<std::size_t> dropped_rows(const std::vector<Decision>& decisions) {
  std::vector<std::size_t> rows;
  auto add = [&rows](const RowSet& set) {
    rows.insert(rows.end(), set.rows.begin(), set.rows.end());
  };
  for (const Decision& decision : decisions) {
    if (const auto* d = std::get_if<RowsWithoutTarget>(&decision)) add(d->rows);
    if (const auto* d = std::get_if<RowsWithMissing>(&decision)) add(d->rows);
    if (const auto* d = std::get_if<UnseenCategories>(&decision)) {
      if (d->outcome == UnseenCategories::Outcome::dropped) add(d->rows);
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::vector<std::string> dropped_columns(const std::vector<Decision>& decisions) {
  std::vector<std::string> columns;
  for (const Decision& decision : decisions) {
    std::visit(Overload{[&](const ColumnLeftOut& d) { columns.push_back(d.column); },
                        [&](const ColumnAllMissing& d) { columns.push_back(d.column); },
                        [&](const ColumnWithoutTrainValue& d) { columns.push_back(d.column); },
                        [&](const ConstantFeature& d) { columns.push_back(d.feature); },
                        [](const auto&) {}},
               decision);
  }
  return columns;
}

}  // namespace gradtape
