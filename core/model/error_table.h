// The rows a model gets wrong (core/train/error_rows.h) as CSV: "csv_line" (where the row is in
// the file), the row's columns as read (the target's among them, so the truth), then
// "predicted_<target>" and "confidence" (the predicted class's probability) or "residual"
// (predicted - actual, in the target's units). A new column's name never clashes with one of
// the file's.
#pragma once

#include <string>

#include "core/data/dataset.h"
#include "core/data/table.h"
#include "core/train/error_rows.h"

namespace gradtape {

std::string error_rows_csv(const Table& table, const TargetInfo& target, const ErrorRows& errors);

}  // namespace gradtape
