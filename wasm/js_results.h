// A run's results as plain JavaScript values (API.md): the plan configure() returns, an epoch's
// evaluation on the validation rows, and predictions, each by task.
#pragma once

#include "core/train/training_session.h"
#include "wasm/js_values.h"

namespace gradtape::wasm {

// { target, task, classes, trainRows, valRows, features, batchesPerEpoch, parameters, notes,
//   metric: { train, val, label, kind } }, and for regression targetMean and targetStd.
val js_plan(const TrainingSession& session);

// { epoch, task, classes, matrix (K x K, [actual][predicted]), scores: [{ label, precision,
//   recall, f1, support }], macroF1, accuracy, accuracyInterval: { low, high } (95% Wilson),
//   baselineClass, baselineAccuracy } for classification, and for binary roc: { fpr, tpr, auc }
//   and pr: { recall, precision, averagePrecision } (at most 256 points each); { epoch, task,
//   mae, rmse, r2, points: { actual, predicted }, maeInterval: { low, high } (95% t),
//   baselineMae } for regression.
val js_evaluation(const Evaluation& evaluation);

// { threshold, tp, fp, tn, fn, precision, recall, f1, accuracy } on the validation rows.
val js_threshold_scores(const ThresholdScores& scores);

// { task, classes, probabilities: [[...] per row], labels: [...] } for classification;
// { task, values: [...] } for regression.
val js_predictions(const Predictions& predictions, const TargetInfo& target);

}  // namespace gradtape::wasm
