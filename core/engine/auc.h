// Keras' AUC for a binary classifier: the area under the ROC curve, accumulated over batches.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/tensor.h"

namespace gradtape {

// Two methods:
//  - Method::thresholds (the default) is keras.metrics.AUC(): confusion counts at num_thresholds
//    thresholds {-1e-7, 1/(T-1), ..., (T-2)/(T-1), 1 + 1e-7} (positive when y_pred > t), and the
//    trapezoid rule over the (false positive rate, recall) points (summation 'interpolation').
//  - Method::exact is the area under the exact ROC curve: the probability that a random positive
//    scores above a random negative, ties counting one half (Mann-Whitney). It keeps every
//    prediction until reset_state().
class AUC {
 public:
  enum class Method { thresholds, exact };

  explicit AUC(int num_thresholds = 200, Method method = Method::thresholds);
  static AUC exact() { return AUC(200, Method::exact); }

  // y_true positive when != 0; y_pred a probability.
  void update_state(const Matrix& y_true, const Matrix& y_pred);
  double result() const;  // 0 until both a positive and a negative were seen
  void reset_state();

  Method method() const { return method_; }
  const std::vector<float>& thresholds() const { return thresholds_; }

 private:
  Method method_;
  std::vector<float> thresholds_;
  // For Method::thresholds: positives / negatives whose y_pred is above exactly k thresholds.
  std::vector<std::int64_t> positives_above_;
  std::vector<std::int64_t> negatives_above_;
  // For Method::exact: every (y_pred, positive) pair seen.
  std::vector<std::pair<float, bool>> scores_;
};

}  // namespace gradtape
