#include "core/model/prediction_table.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "core/number_text.h"

namespace gradtape {

void append_csv_field(std::string& out, std::string_view field) {
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

namespace {

// The shortest text that reads back as the same double (what pandas' to_csv writes).
void append_number(std::string& out, double x, bool integer) {
  if (integer && std::fabs(x) < 9.2e18) {
    out += std::to_string(static_cast<long long>(x));
    return;
  }
  // A whole float64 below 1e16 as pandas writes it, "20.0" (shortest_text gives "2e+01").
  if (std::floor(x) == x && std::fabs(x) < 1e16) {
    out += std::to_string(static_cast<long long>(x)) + ".0";
    return;
  }
  out += shortest_text(x);
}

// A float32 probability's shortest text ("0.3", not 0.30000001192092896).
void append_probability(std::string& out, float p) { out += shortest_text(p); }

}  // namespace

std::string cell_text(const Column& column, std::size_t row) {
  if (column.is_missing(row)) return {};
  if (!column.is_numeric()) return std::string(column.text(row));
  std::string out;
  append_number(out, column.numbers[row], column.dtype == DType::Int64);
  return out;
}

void append_csv_cell(std::string& out, const Column& column, std::size_t row) {
  if (column.is_numeric()) {
    out += cell_text(column, row);
  } else if (!column.is_missing(row)) {
    append_csv_field(out, column.text(row));
  }
}

std::vector<std::string> unique_column_names(const Table& rows, std::vector<std::string> wanted) {
  std::vector<std::string> taken_names = rows.column_names();
  std::set<std::string> taken(taken_names.begin(), taken_names.end());
  for (std::string& name : wanted) {
    while (taken.count(name)) name += "_";
    taken.insert(name);
  }
  return wanted;
}

std::vector<std::string> prediction_columns(const Table& rows, const TargetInfo& target) {
  std::vector<std::string> wanted{"predicted_" + target.column};
  if (target.task != Task::regression) {
    for (const std::string& name : target.classes) wanted.push_back("probability_" + name);
  }
  wanted.push_back("prediction_problem");
  return unique_column_names(rows, std::move(wanted));
}

std::string prediction_csv(const Table& rows, const TargetInfo& target,
                           const ScoredPredictions& scored) {
  std::string out;
  bool first = true;
  for (const std::string& name : rows.column_names()) {
    if (!first) out += ',';
    append_csv_field(out, name);
    first = false;
  }
  for (const std::string& name : prediction_columns(rows, target)) {
    if (!first) out += ',';
    append_csv_field(out, name);
    first = false;
  }
  out += '\n';
  const Predictions& p = scored.predictions;
  for (std::size_t r = 0; r < rows.rows; ++r) {
    for (std::size_t c = 0; c < rows.columns.size(); ++c) {
      if (c) out += ',';
      append_csv_cell(out, rows.columns[c], r);
    }
    if (!rows.columns.empty()) out += ',';
    const bool ok = scored.errors[r].empty();
    if (target.task == Task::regression) {
      if (ok) append_number(out, p.values[r], false);
    } else {
      if (ok) append_csv_field(out, target.classes[p.classes[r]]);
      for (std::size_t k = 0; k < target.classes.size(); ++k) {
        out += ',';
        if (ok)
          append_probability(out, p.probabilities(static_cast<Index>(r), static_cast<Index>(k)));
      }
    }
    out += ',';
    append_csv_field(out, scored.errors[r]);
    out += '\n';
  }
  return out;
}

}  // namespace gradtape
