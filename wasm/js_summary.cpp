#include "wasm/js_summary.h"

#include <optional>

#include "core/data/describe.h"
#include "core/data/id_columns.h"
#include "core/data/missing_patterns.h"
#include "core/data/table_review.h"
#include "core/data/target.h"

namespace gradtape::wasm {
namespace {

val column_summary(const ColumnSummary& c, std::size_t rows) {
  val column = val::object();
  column.set("name", c.name);
  column.set("dtype", std::string(dtype_name(c.dtype)));
  column.set("missing", c.missing);
  column.set("distinct", c.distinct);
  column.set("idLike", looks_like_id(c, rows));
  column.set("count", c.count);
  if (c.dtype != DType::Object) {
    const NumericSummary& n = c.numeric;
    column.set("mean", js_number(n.mean));
    column.set("std", js_number(n.std));
    column.set("min", js_number(n.min));
    column.set("p25", js_number(n.q25));
    column.set("p50", js_number(n.q50));
    column.set("p75", js_number(n.q75));
    column.set("max", js_number(n.max));
  } else {
    column.set("top", c.top);
    column.set("freq", c.freq);
    column.set("categories", js_array(c.categories));
    column.set("valueCounts", js_objects(c.value_counts, [](val& entry, const ValueCount& vc) {
                 entry.set("value", vc.value);
                 entry.set("count", vc.count);
               }));
  }
  return column;
}

}  // namespace

val table_summary(const Table& table, Pacer& pacer) {
  val summary = val::object();
  summary.set("rows", table.rows);
  summary.set("delimiter", std::string(1, table.delimiter));
  summary.set("encoding", std::string(encoding_name(table.encoding)));
  const std::vector<ColumnSummary> described = describe(table, pacer);
  val columns = val::array();
  for (const ColumnSummary& c : described)
    columns.call<void>("push", column_summary(c, table.rows));
  summary.set("columns", columns);
  // How it was read, and what may surprise: { kind, column, value, line, message } per warning.
  const TableReview review = review_table(table, described, pacer);
  summary.set("notes", js_array(review.notes));
  summary.set("warnings", js_objects(review.warnings, [](val& entry, const TableWarning& w) {
                entry.set("kind", std::string(warning_kind_name(w.kind)));
                entry.set("column", w.column.empty() ? val::null() : val(w.column));
                entry.set("value", w.value);
                entry.set("line", w.line);
                entry.set("message", w.message);
              }));
  std::vector<std::string> comma_columns;
  for (const Table::DecimalCommaColumn& c : table.decimal_comma_columns)
    comma_columns.push_back(c.name);
  summary.set("decimalCommaColumns", js_array(comma_columns));
  // The rows missing each set of columns (column indices), for the page's count of dropped rows.
  const MissingPatterns patterns = missing_patterns(table, pacer);
  summary.set("missingPatternsComplete", patterns.complete);
  summary.set("missingPatterns",
              js_objects(patterns.patterns, [](val& entry, const MissingPattern& p) {
                entry.set("columns", js_array(p.columns));
                entry.set("rows", p.rows);
              }));
  val head = val::array();
  for (const std::vector<std::string>& row : table.head) head.call<void>("push", js_array(row));
  summary.set("head", head);
  // Every column as a possible target: its task by the rule, and per task why not (null: it can).
  std::vector<TargetCandidate> possible = target_candidates(table, pacer);
  val candidates = js_objects(possible, [](val& entry, const TargetCandidate& t) {
    entry.set("name", t.column);
    entry.set("task", std::string(task_name(t.task)));
    entry.set("usable", t.usable());
    entry.set("reason", t.usable() ? val::null() : val(t.reason));
    val refused = val::object();
    for (std::size_t k = 0; k < kTaskCount; ++k) {
      const std::string& why = t.refused[k];
      refused.set(task_name(static_cast<Task>(k)), why.empty() ? val::null() : val(why));
    }
    entry.set("refused", refused);
    entry.set("labels",
              js_array(t.task == Task::regression ? std::vector<std::string>{} : t.classes));
    entry.set("counts",
              js_array(t.task == Task::regression ? std::vector<std::size_t>{} : t.counts));
  });
  summary.set("targetCandidates", candidates);
  std::optional<TargetCandidate> suggested = suggest_target(std::move(possible));
  summary.set("suggestedTarget", suggested ? val(suggested->column) : val::null());
  return summary;
}

}  // namespace gradtape::wasm
