// Keras' streaming metrics for classifiers: update_state(y_true, y_pred), result() over
// everything seen since reset_state(). Counts are exact integers and results doubles (Keras keeps
// float32 totals). Binary metrics take equal shapes (n x 1); multi-class ones take the labels
// (n x 1) and the probabilities (n x K).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

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

// What the accuracy metrics share: the correct predictions and the rows seen since reset_state().
class AccuracyCount {
 public:
  double result() const;  // correct / count, 0 before any update
  void reset_state();
  std::int64_t correct() const { return correct_; }
  std::int64_t count() const { return count_; }

 protected:
  void add(std::int64_t correct, std::int64_t count);

 private:
  std::int64_t correct_ = 0;
  std::int64_t count_ = 0;
};

// Keras BinaryAccuracy: a prediction counts as 1 when y_pred > threshold (strictly), and is
// correct when that equals y_true.
class BinaryAccuracy : public AccuracyCount {
 public:
  explicit BinaryAccuracy(float threshold = 0.5f) : threshold_(threshold) {}
  void update_state(const Matrix& y_true, const Matrix& y_pred);

 private:
  float threshold_;
};

// Keras SparseCategoricalAccuracy: correct when the argmax of a row of y_pred [n,K] (the first
// index on ties) equals its label in y_true [n,1].
class SparseCategoricalAccuracy : public AccuracyCount {
 public:
  void update_state(const Matrix& y_true, const Matrix& y_pred);
};

// The column of the largest value in `row` of m, the first on ties (tfjs' argMax).
Index argmax_of_row(const Matrix& m, Index row);

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

// What Precision and Recall share: the confusion counts at one threshold.
class ConfusionRatio {
 public:
  explicit ConfusionRatio(float threshold) : counts_(threshold) {}
  void update_state(const Matrix& y_true, const Matrix& y_pred) {
    counts_.update_state(y_true, y_pred);
  }
  void reset_state() { counts_.reset_state(); }

 protected:
  const ConfusionCounts& counts() const { return counts_.result(); }

 private:
  ConfusionMatrix counts_;
};

// Keras Precision: tp / (tp + fp), 0 while nothing was predicted positive.
class Precision : public ConfusionRatio {
 public:
  explicit Precision(float threshold = 0.5f) : ConfusionRatio(threshold) {}
  double result() const;
};

// Keras Recall: tp / (tp + fn), 0 while no positive was seen.
class Recall : public ConfusionRatio {
 public:
  explicit Recall(float threshold = 0.5f) : ConfusionRatio(threshold) {}
  double result() const;
};

// The K x K confusion counts of a multi-class classifier: [actual][predicted], the prediction
// being the argmax of each row of y_pred [n,K]; y_true [n,1] holds the labels.
class ClassConfusion {
 public:
  explicit ClassConfusion(std::size_t classes = 0)
      : classes_(classes), counts_(classes * classes, 0) {}
  void update_state(const Matrix& y_true, const Matrix& y_pred);
  // Row-major [actual][predicted].
  const std::vector<std::int64_t>& result() const { return counts_; }
  std::size_t classes() const { return classes_; }
  void reset_state() { std::fill(counts_.begin(), counts_.end(), 0); }
  // Adds one row: the actual class and the predicted one.
  void add(std::size_t actual, std::size_t predicted) { ++counts_[actual * classes_ + predicted]; }

 private:
  std::size_t classes_;
  std::vector<std::int64_t> counts_;
};

// One class's scores from a K x K confusion matrix, as sklearn's classification_report gives
// them: precision tp / (tp + fp), recall tp / (tp + fn), F1 their harmonic mean (0 where a
// denominator is 0), support the actual rows of the class.
struct ClassScore {
  double precision = 0, recall = 0, f1 = 0;
  std::int64_t support = 0;
};
std::vector<ClassScore> class_scores(const ClassConfusion& confusion);
// The unweighted mean of the classes' F1 (sklearn's f1_score(average='macro')).
double macro_f1(const std::vector<ClassScore>& scores);

}  // namespace gradtape
