#include "core/train/error_rows.h"

#include <algorithm>
#include <cmath>

namespace gradtape {

ErrorRows error_rows(TrainingSession& session, std::size_t limit) {
  const Dataset& data = session.dataset();
  const Predictions predictions = session.predict_validation();
  ErrorRows out;
  out.task = data.target.task;
  const bool regression = out.task == Task::regression;
  const std::size_t n = data.val_rows.size();
  for (std::size_t i = 0; i < n; ++i) {
    ErrorRow row;
    row.data_row = data.val_rows[i];
    if (regression) {
      row.truth = data.val_targets[i];
      row.predicted = predictions.values[i];
      row.residual = row.predicted - row.truth;
    } else {
      row.truth_class = static_cast<std::size_t>(data.y_val(static_cast<Index>(i), 0));
      row.predicted_class = predictions.classes[i];
      if (row.truth_class == row.predicted_class) continue;
      row.confidence =
          predictions.probabilities(static_cast<Index>(i), static_cast<Index>(row.predicted_class));
    }
    out.rows.push_back(row);
  }
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [regression](const ErrorRow& a, const ErrorRow& b) {
                     return regression ? std::fabs(a.residual) > std::fabs(b.residual)
                                       : a.confidence > b.confidence;
                   });
  out.total = out.rows.size();
  if (out.rows.size() > limit) out.rows.resize(limit);
  return out;
}

}  // namespace gradtape
