// gradtape describe FILE [--target COL] [--json]: dtypes and pandas' describe() over all rows,
// missing and distinct counts, the target's classes; as text tables, or as one JSON object.
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/cli/cli_support.h"
#include "core/cli/commands.h"
#include "core/data/describe.h"
#include "core/data/read_csv.h"
#include "core/data/table_review.h"
#include "core/data/target.h"

namespace gradtape::cli {
namespace {

using Json = nlohmann::ordered_json;

struct DescribeArgs {
  std::string file;
  std::string target;
  bool json = false;
  CsvFlags csv;
};

// NaN becomes null, as pandas' to_json writes it.
Json number(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

Json column_json(const ColumnSummary& s, const Column& column, bool is_target) {
  Json j;
  j["name"] = s.name;
  j["dtype"] = std::string(dtype_name(s.dtype));
  j["missing"] = s.missing;
  j["distinct"] = s.distinct;
  j["count"] = s.count;
  if (column.is_numeric()) {
    const NumericSummary& n = s.numeric;
    j["mean"] = number(n.mean);
    j["std"] = number(n.std);
    j["min"] = number(n.min);
    j["25%"] = number(n.q25);
    j["50%"] = number(n.q50);
    j["75%"] = number(n.q75);
    j["max"] = number(n.max);
  } else {
    j["unique"] = s.distinct;
    j["top"] = s.count ? Json(s.top) : Json(nullptr);
    j["freq"] = s.count ? Json(s.freq) : Json(nullptr);
    j["categories"] = s.categories;
  }
  if (!column.is_numeric() || is_target) {
    Json counts = Json::object();
    for (const ValueCount& entry : column.is_numeric() ? value_counts(column) : s.value_counts) {
      counts[entry.value] = entry.count;
    }
    j["value_counts"] = counts;
  }
  return j;
}

std::string fixed6(double value) {
  if (std::isnan(value)) return "NaN";
  char text[64];
  std::snprintf(text, sizeof text, "%.6f", value);
  return text;
}

// A pandas-like table: a label column, then value columns wrapped to about 100 characters.
void print_table(const std::vector<std::string>& labels, const std::vector<std::string>& names,
                 const std::vector<std::vector<std::string>>& cells) {
  std::size_t label_width = 0;
  for (const std::string& label : labels) label_width = std::max(label_width, label.size());
  std::vector<std::size_t> widths;
  for (std::size_t c = 0; c < names.size(); ++c) {
    std::size_t width = names[c].size();
    for (const std::string& cell : cells[c]) width = std::max(width, cell.size());
    widths.push_back(width + 2);
  }
  for (std::size_t first = 0; first < names.size();) {
    std::size_t last = first, used = label_width;
    while (last < names.size() && (last == first || used + widths[last] <= 100))
      used += widths[last++];
    std::printf("%-*s", static_cast<int>(label_width), "");
    for (std::size_t c = first; c < last; ++c)
      std::printf("%*s", static_cast<int>(widths[c]), names[c].c_str());
    std::printf("\n");
    for (std::size_t row = 0; row < labels.size(); ++row) {
      std::printf("%-*s", static_cast<int>(label_width), labels[row].c_str());
      for (std::size_t c = first; c < last; ++c) {
        std::printf("%*s", static_cast<int>(widths[c]), cells[c][row].c_str());
      }
      std::printf("\n");
    }
    std::printf("\n");
    first = last;
  }
}

void print_text(const DescribeArgs& args, const Table& table,
                const std::vector<ColumnSummary>& summaries, const std::optional<Target>& target,
                bool suggested, const std::vector<TargetCandidate>& candidates) {
  std::printf("%s: %zu rows, %zu columns, delimiter '%s'\n\n", terminal_safe(args.file).c_str(),
              table.rows, table.columns.size(),
              table.delimiter == '\t' ? "\\t" : std::string(1, table.delimiter).c_str());
  std::size_t name_width = 6;
  for (const ColumnSummary& s : summaries)
    name_width = std::max(name_width, terminal_safe(s.name).size());
  std::printf("%-*s  %-7s  %8s  %8s\n", static_cast<int>(name_width), "column", "dtype", "missing",
              "distinct");
  for (const ColumnSummary& s : summaries) {
    std::printf("%-*s  %-7s  %8zu  %8zu\n", static_cast<int>(name_width),
                terminal_safe(s.name).c_str(), std::string(dtype_name(s.dtype)).c_str(), s.missing,
                s.distinct);
  }
  std::printf("\n");
  std::vector<std::string> numeric_names, text_names;
  std::vector<std::vector<std::string>> numeric_cells, text_cells;
  for (const ColumnSummary& s : summaries) {
    if (s.dtype != DType::Object) {
      const NumericSummary& n = s.numeric;
      numeric_names.push_back(terminal_safe(s.name));
      numeric_cells.push_back({fixed6(static_cast<double>(n.count)), fixed6(n.mean), fixed6(n.std),
                               fixed6(n.min), fixed6(n.q25), fixed6(n.q50), fixed6(n.q75),
                               fixed6(n.max)});
    } else {
      text_names.push_back(terminal_safe(s.name));
      text_cells.push_back({std::to_string(s.count), std::to_string(s.distinct),
                            s.count ? terminal_safe(s.top) : "NaN",
                            s.count ? std::to_string(s.freq) : "NaN"});
    }
  }
  if (!numeric_names.empty()) {
    print_table({"count", "mean", "std", "min", "25%", "50%", "75%", "max"}, numeric_names,
                numeric_cells);
  }
  if (!text_names.empty()) print_table({"count", "unique", "top", "freq"}, text_names, text_cells);
  std::string names;
  for (const TargetCandidate& c : candidates) {
    if (c.usable())
      names +=
          (names.empty() ? "" : ", ") + terminal_safe(c.column) + " (" + task_name(c.task) + ")";
  }
  if (!target) {
    std::printf("target: none found (every column is constant, missing everywhere, or an ID)\n");
    return;
  }
  std::printf("target: %s (%s, %s; candidates: %s)\n", terminal_safe(target->column).c_str(),
              suggested ? "suggested" : "chosen", task_name(target->task), names.c_str());
  for (std::size_t k = 0; k < target->classes.size(); ++k) {
    std::printf("  class %zu = '%s': %zu rows\n", k, terminal_safe(target->classes[k]).c_str(),
                target->counts[k]);
  }
  if (target->missing) std::printf("  missing: %zu rows\n", target->missing);
}

Json review_json(const TableReview& review) {
  Json warnings = Json::array();
  for (const TableWarning& w : review.warnings) {
    Json entry{{"kind", warning_kind_name(w.kind)}, {"message", w.message}};
    if (!w.column.empty()) entry["column"] = w.column;
    if (!w.value.empty()) entry["value"] = w.value;
    if (w.line) entry["line"] = w.line;
    warnings.push_back(entry);
  }
  return Json{{"notes", review.notes}, {"warnings", warnings}};
}

int run(const DescribeArgs& args) {
  Result<CsvOptions> options = resolve_csv(args.csv);
  if (!options) return report_error("describe", options.error());
  const CsvOptions& csv = *options;
  Result<std::string> text = read_file(args.file, csv.max_bytes);
  if (!text) return report_error("describe", text.error());
  Result<Table> table = read_csv(*text, csv);
  if (!table) return report_error("describe", Error{args.file + ": " + table.error().message});

  const std::vector<TargetCandidate> candidates = target_candidates(*table);
  std::optional<Target> target;
  bool suggested = false;
  if (!args.target.empty()) {
    Result<Target> chosen = read_target(*table, args.target);
    if (!chosen) return report_error("describe", chosen.error());
    target = std::move(*chosen);
  } else if (std::optional<TargetCandidate> guess = suggest_target(*table)) {
    Result<Target> chosen = read_target(*table, guess->column);
    if (chosen) target = std::move(*chosen);
    suggested = true;
  }
  const std::vector<ColumnSummary> summaries = describe(*table);
  const TableReview review = review_table(*table, summaries);
  if (!args.json) {
    print_text(args, *table, summaries, target, suggested, candidates);
    if (!review.notes.empty() || !review.warnings.empty()) {
      std::printf("\nreading:\n");
      print_review(stdout, review);
    }
    return 0;
  }
  Json out;
  out["rows"] = table->rows;
  out["delimiter"] = std::string(1, table->delimiter);
  out["encoding"] = std::string(encoding_name(table->encoding));
  const Json reviewed = review_json(review);
  out["notes"] = reviewed["notes"];
  out["warnings"] = reviewed["warnings"];
  Json columns = Json::array();
  for (std::size_t c = 0; c < summaries.size(); ++c) {
    columns.push_back(column_json(summaries[c], table->columns[c],
                                  target && target->column == summaries[c].name));
  }
  out["columns"] = columns;
  if (target) {
    Json t;
    t["name"] = target->column;
    t["suggested"] = suggested;
    t["task"] = task_name(target->task);
    t["classes"] = Json::array();
    for (std::size_t k = 0; k < target->classes.size(); ++k) {
      t["classes"].push_back(
          Json{{"class", k}, {"label", target->classes[k]}, {"count", target->counts[k]}});
    }
    t["missing"] = target->missing;
    out["target"] = t;
  } else {
    out["target"] = nullptr;
  }
  Json list = Json::array();
  for (const TargetCandidate& c : candidates) {
    list.push_back(Json{{"name", c.column},
                        {"task", task_name(c.task)},
                        {"usable", c.usable()},
                        {"reason", c.reason},
                        {"classes", c.task == Task::regression ? Json::array() : Json(c.classes)},
                        {"counts", c.task == Task::regression ? Json::array() : Json(c.counts)}});
  }
  out["target_candidates"] = list;
  std::printf("%s\n", out.dump(2).c_str());
  return 0;
}

}  // namespace

CommandRunner add_describe_command(CLI::App& app) {
  auto args = std::make_shared<DescribeArgs>();
  CLI::App* command = add_command(app, "describe",
                                  "Print each column's dtype and pandas' describe() over all rows, "
                                  "and the target's task and classes",
                                  "file", args->file);
  command->add_option("--target", args->target, "Target column (default: the suggested one)");
  command->add_flag("--json", args->json,
                    R"(One JSON object: {"rows": ..., "columns": [...], "notes": [...], ...})");
  add_csv_flags(*command, args->csv);
  return [args] { return run(*args); };
}

}  // namespace gradtape::cli
