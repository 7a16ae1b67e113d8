// What a trained model scores on the validation rows after an epoch, by task: the confusion
// matrix and each class's scores for classification; the errors and the predicted-against-
// actual points for regression. The page's results and the CLI's summary draw it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/target.h"
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
  // Regression, in the target's units: the errors, and up to kMaxPoints validation rows' actual
  // and predicted values (the first in validation order, which is a shuffled order).
  double mae = 0, rmse = 0, r2 = 0;
  std::vector<double> actual, predicted;

  static constexpr std::size_t kMaxPoints = 2000;
};

}  // namespace gradtape
