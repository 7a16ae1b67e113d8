// What a trained model scores on the validation rows after an epoch, by task: the confusion
// matrix, each class's scores, the accuracy's interval and baseline (and, binary, the ROC and PR
// curves) for classification; the errors with the MAE's interval and baseline, and the
// predicted-against-actual points, for regression. The page's results and the CLI's summary draw
// it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/target.h"
#include "core/engine/curves.h"
#include "core/engine/intervals.h"
#include "core/engine/metrics.h"

namespace gradtape {

struct Evaluation {
  int epoch = 0;
  Task task = Task::binary;
  // Classification: the classes, the K x K counts [actual][predicted] (row-major), each class's
  // precision, recall, F1 and support, and their macro F1.
  std::vector<std::string> classes;
  std::vector<std::int64_t> confusion;
  std::vector<ClassScore> scores;
  double macro_f1 = 0;
  // Classification: the accuracy with its 95% Wilson interval, beside the majority-class
  // baseline (always guessing the train rows' most frequent class, scored on these rows).
  double accuracy = 0;
  Interval accuracy_interval;
  std::string baseline_class;
  double baseline_accuracy = 0;
  // Binary: the ROC and precision-recall curves (at most kMaxCurvePoints each; the AUC and the
  // average precision are exact), and each row's positive score and label, for scores_at().
  RocCurve roc;
  PrCurve pr;
  std::vector<float> positive_scores;
  std::vector<std::uint8_t> positive_labels;
  // Regression, in the target's units: the errors, and up to kMaxPoints validation rows' actual
  // and predicted values (the first in validation order, which is a shuffled order).
  double mae = 0, rmse = 0, r2 = 0;
  std::vector<double> actual, predicted;
  // Regression: the MAE's 95% t interval over the rows' absolute errors, beside the baseline of
  // predicting the train rows' mean for every row (R² about 0).
  Interval mae_interval;
  double baseline_mae = 0;

  static constexpr std::size_t kMaxPoints = 2000;
  static constexpr std::size_t kMaxCurvePoints = 256;
};

}  // namespace gradtape
