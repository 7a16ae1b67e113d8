#include "core/train/error_rows.h"

#include <algorithm>
#include <cmath>

namespace gradtape {

ErrorRows error_rows(TrainingSession& session, std::size_t limit) {
  Pacer never_pauses;
  return error_rows(session, limit, never_pauses);
}

ErrorRows error_rows(TrainingSession& session, std::size_t limit, Pacer& pacer) {
  const Dataset& data = session.dataset();
  const Predictions predictions = session.predict_validation(pacer);
  ErrorRows out;
  out.task = data.target.task;
  const bool regression = out.task == Task::regression;
  const std::size_t n = data.val_rows.size();
  for (std::size_t i = 0; i < n; ++i) {
    ErrorRow row;
    row.order = i;
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
  // Largest first, ties in validation order: only the first `limit` are put in order (a full sort
  // of a quarter of a million rows would hold the page).
  const auto first = [regression](const ErrorRow& a, const ErrorRow& b) {
    const double ka = regression ? std::fabs(a.residual) : a.confidence;
    const double kb = regression ? std::fabs(b.residual) : b.confidence;
    return ka != kb ? ka > kb : a.order < b.order;
  };
  out.total = out.rows.size();
  const std::size_t kept = std::min(limit, out.rows.size());
  std::partial_sort(out.rows.begin(), out.rows.begin() + static_cast<std::ptrdiff_t>(kept),
                    out.rows.end(), first);
  out.rows.resize(kept);
  return out;
}

}  // namespace gradtape
