// Keras' streaming metrics for a binary classifier: update_state(y_true, y_pred) with equal
// shapes (n x 1 for one output), result() over everything seen since reset_state(). Counts are
// exact integers and results doubles (Keras keeps float32 totals).
#pragma once

#include <cstdint>

#include "core/tensor.h"

namespace gradtape {

// Keras Mean: the running mean of the values given, such as batch losses.
class Mean {
 public:
  void update_state(double value, double weight = 1.0);
  double result() const;  // 0 before any value (Keras' divide_no_nan)
  void reset_state();
  double total() const { return total_; }
  double count() const { return count_; }

 private:
  double total_ = 0.0;
  double count_ = 0.0;
};

// Keras BinaryAccuracy: a prediction counts as 1 when y_pred > threshold (strictly), and is
// correct when that equals y_true.
class BinaryAccuracy {
 public:
  explicit BinaryAccuracy(float threshold = 0.5f) : threshold_(threshold) {}
  void update_state(const Matrix& y_true, const Matrix& y_pred);
  double result() const;  // correct / count, 0 before any update
  void reset_state();
  std::int64_t correct() const { return correct_; }
  std::int64_t count() const { return count_; }

 private:
  float threshold_;
  std::int64_t correct_ = 0;
  std::int64_t count_ = 0;
};

struct ConfusionCounts {
  std::int64_t tp = 0, fp = 0, tn = 0, fn = 0;
};

// Keras' TruePositives, FalsePositives, TrueNegatives and FalseNegatives at one threshold, in one:
// predicted positive when y_pred > threshold, actually positive when y_true != 0.
class ConfusionMatrix {
 public:
  explicit ConfusionMatrix(float threshold = 0.5f) : threshold_(threshold) {}
  void update_state(const Matrix& y_true, const Matrix& y_pred);
  const ConfusionCounts& result() const { return counts_; }
  void reset_state() { counts_ = {}; }

 private:
  float threshold_;
  ConfusionCounts counts_;
};

// Keras Precision: tp / (tp + fp), 0 while nothing was predicted positive.
class Precision {
 public:
  explicit Precision(float threshold = 0.5f) : counts_(threshold) {}
  void update_state(const Matrix& y_true, const Matrix& y_pred) {
    counts_.update_state(y_true, y_pred);
  }
  double result() const;
  void reset_state() { counts_.reset_state(); }

 private:
  ConfusionMatrix counts_;
};

// Keras Recall: tp / (tp + fn), 0 while no positive was seen.
class Recall {
 public:
  explicit Recall(float threshold = 0.5f) : counts_(threshold) {}
  void update_state(const Matrix& y_true, const Matrix& y_pred) {
    counts_.update_state(y_true, y_pred);
  }
  double result() const;
  void reset_state() { counts_.reset_state(); }

 private:
  ConfusionMatrix counts_;
};

}  // namespace gradtape
