#include "core/model/error_table.h"

#include <vector>

#include "core/model/prediction_table.h"
#include "core/number_text.h"

namespace gradtape {

std::string error_rows_csv(const Table& table, const TargetInfo& target, const ErrorRows& errors) {
  const bool regression = errors.task == Task::regression;
  const std::vector<std::string> names = table.column_names();
  const std::vector<std::string> added = unique_column_names(
      table, {"csv_line", "predicted_" + target.column, regression ? "residual" : "confidence"});
  std::string out;
  append_csv_field(out, added[0]);
  for (const std::string& name : names) {
    out += ',';
    append_csv_field(out, name);
  }
  out += ',';
  append_csv_field(out, added[1]);
  out += ',';
  append_csv_field(out, added[2]);
  out += '\n';
  for (const ErrorRow& row : errors.rows) {
    out += std::to_string(table.line_numbers[row.data_row]);
    for (const Column& column : table.columns) {
      out += ',';
      append_csv_cell(out, column, row.data_row);
    }
    out += ',';
    if (regression) {
      out += shortest_text(row.predicted) + ',' + shortest_text(row.residual);
    } else {
      append_csv_field(out, target.classes[row.predicted_class]);
      out += ',' + shortest_text(static_cast<float>(row.confidence));
    }
    out += '\n';
  }
  return out;
}

}  // namespace gradtape
