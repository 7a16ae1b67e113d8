// A trained model as plain JavaScript values (API.md): what the page needs to build its predict
// form and label its results, and a batch of scored rows.
#pragma once

#include "core/model/trained_model.h"
#include "wasm/js_values.h"

namespace gradtape::wasm {

// { task, target, classes (classification), targetMean/targetStd (regression), features:
//   [{ name, kind: 'numeric'|'codes'|'onehot', categories?, fill?, typical? (a value to start a
//   form with: the training mean, the fill or a category) }], missing: 'drop'|'impute',
//   settings (camelCase), finalFigures: { name: value }, origin: { file, bytes, sha256 } }.
val js_model_info(const TrainedModel& model);

// { columns (the appended ones), rows: [{ label?, probabilities?, value?, problem }], scored,
//   failed, csv: the rows with the prediction columns appended }.
val js_scored_rows(const Table& rows, const TrainedModel& model, const ScoredPredictions& scored);

}  // namespace gradtape::wasm
