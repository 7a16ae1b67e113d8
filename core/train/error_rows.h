// The validation rows a model gets wrong: for classification the misclassified ones, most
// confident first; for regression every row, largest absolute residual first. Each names its
// data row, so that a table can show the row's original values beside the truth and the
// prediction (the predicted class is the argmax; binary: positive when p > 0.5).
#pragma once

#include <cstddef>
#include <vector>

#include "core/data/target.h"
#include "core/train/training_session.h"

namespace gradtape {

struct ErrorRow {
  std::size_t order = 0;     // its place among the validation rows
  std::size_t data_row = 0;  // in the table, as Dataset::val_rows numbers it
  // Classification: the true and the predicted class, and the predicted class's probability.
  std::size_t truth_class = 0, predicted_class = 0;
  double confidence = 0;
  // Regression, in the target's units: the truth, the prediction and prediction - truth.
  double truth = 0, predicted = 0, residual = 0;
};

struct ErrorRows {
  Task task = Task::binary;
  std::size_t total = 0;  // rows wrong (regression: every row), before `limit`
  std::vector<ErrorRow> rows;
};

// From the weights `session` holds now; at most `limit` rows. The `pacer` version ticks it as the
// validation rows are predicted.
ErrorRows error_rows(TrainingSession& session, std::size_t limit);
ErrorRows error_rows(TrainingSession& session, std::size_t limit, Pacer& pacer);

}  // namespace gradtape
