// What a finished run's weights rely on and get wrong, as plain JavaScript values (API.md):
// permutation importance and the validation rows it gets wrong.
#pragma once

#include "core/data/table.h"
#include "core/train/error_rows.h"
#include "core/train/permutation_importance.h"
#include "wasm/js_values.h"

namespace gradtape::wasm {

// { figure, figureLabel, higherIsBetter, baseline, repeats, columns: [{ name, mean, std, drops }]
// }, the columns by mean drop, largest first.
val js_importance(const ImportanceResult& result);

// { task, total, shown, columns: [the table's column names], rows: [{ row (its CSV line), values
//   (each cell as read), truth, prediction, confidence | residual }] }: classes by name for
//   classification, numbers in the target's units for regression.
val js_error_rows(const Table& table, const TargetInfo& target, const ErrorRows& errors);

}  // namespace gradtape::wasm
