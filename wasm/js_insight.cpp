#include "wasm/js_insight.h"

#include "core/model/prediction_table.h"

namespace gradtape::wasm {

val js_importance(const ImportanceResult& result) {
  val out = val::object();
  out.set("figure", result.figure);
  out.set("figureLabel", result.figure_label);
  out.set("higherIsBetter", result.higher_is_better);
  out.set("baseline", js_number(result.baseline));
  out.set("repeats", result.repeats);
  out.set("columns", js_objects(result.columns, [](val& entry, const ColumnImportance& c) {
            entry.set("name", c.column);
            entry.set("mean", js_number(c.mean));
            entry.set("std", js_number(c.std));
            entry.set("drops", js_array(c.drops));
          }));
  return out;
}

val js_error_rows(const Table& table, const TargetInfo& target, const ErrorRows& errors) {
  const bool regression = errors.task == Task::regression;
  val out = val::object();
  out.set("task", std::string(task_name(errors.task)));
  out.set("total", static_cast<double>(errors.total));
  out.set("shown", static_cast<double>(errors.rows.size()));
  out.set("columns", js_array(table.column_names()));
  out.set("rows", js_objects(errors.rows, [&](val& entry, const ErrorRow& row) {
            entry.set("row", static_cast<double>(table.line_numbers[row.data_row]));
            val values = val::array();
            for (const Column& column : table.columns)
              values.call<void>("push", cell_text(column, row.data_row));
            entry.set("values", values);
            if (regression) {
              entry.set("truth", row.truth);
              entry.set("prediction", row.predicted);
              entry.set("residual", row.residual);
            } else {
              entry.set("truth", target.classes[row.truth_class]);
              entry.set("prediction", target.classes[row.predicted_class]);
              entry.set("confidence", row.confidence);
            }
          }));
  return out;
}

}  // namespace gradtape::wasm
