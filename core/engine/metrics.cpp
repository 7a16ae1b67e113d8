#include "core/engine/metrics.h"

#include <cassert>

namespace gradtape {
namespace {

double ratio(std::int64_t numerator, std::int64_t denominator) {
  return denominator == 0 ? 0.0 : static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace

void Mean::update_state(double value, double weight) {
  total_ += value * weight;
  count_ += weight;
}

double Mean::result() const { return count_ == 0.0 ? 0.0 : total_ / count_; }

void Mean::reset_state() {
  total_ = 0.0;
  count_ = 0.0;
}

double AccuracyCount::result() const { return ratio(correct_, count_); }

void AccuracyCount::reset_state() {
  correct_ = 0;
  count_ = 0;
}

void AccuracyCount::add(std::int64_t correct, std::int64_t count) {
  correct_ += correct;
  count_ += count;
}

void BinaryAccuracy::update_state(const Matrix& y_true, const Matrix& y_pred) {
  assert(y_true.rows() == y_pred.rows() && y_true.cols() == y_pred.cols());
  std::int64_t correct = 0;
  for (Index i = 0; i < y_pred.size(); ++i) {
    const float predicted = y_pred.data()[i] > threshold_ ? 1.f : 0.f;
    correct += predicted == y_true.data()[i];
  }
  add(correct, y_pred.size());
}

Index argmax_of_row(const Matrix& m, Index row) {
  Index best = 0;
  for (Index j = 1; j < m.cols(); ++j) {
    if (m(row, j) > m(row, best)) best = j;
  }
  return best;
}

void SparseCategoricalAccuracy::update_state(const Matrix& y_true, const Matrix& y_pred) {
  assert(y_true.rows() == y_pred.rows() && y_true.cols() == 1);
  std::int64_t correct = 0;
  for (Index i = 0; i < y_pred.rows(); ++i)
    correct += argmax_of_row(y_pred, i) == static_cast<Index>(y_true(i, 0));
  add(correct, y_pred.rows());
}

void ConfusionMatrix::update_state(const Matrix& y_true, const Matrix& y_pred) {
  assert(y_true.rows() == y_pred.rows() && y_true.cols() == y_pred.cols());
  for (Index i = 0; i < y_pred.size(); ++i) {
    const bool predicted = y_pred.data()[i] > threshold_;
    const bool actual = y_true.data()[i] != 0.f;
    if (actual) {
      ++(predicted ? counts_.tp : counts_.fn);
    } else {
      ++(predicted ? counts_.fp : counts_.tn);
    }
  }
}

double Precision::result() const { return ratio(counts().tp, counts().tp + counts().fp); }

double Recall::result() const { return ratio(counts().tp, counts().tp + counts().fn); }

void ClassConfusion::update_state(const Matrix& y_true, const Matrix& y_pred) {
  assert(y_true.rows() == y_pred.rows() && y_true.cols() == 1);
  assert(static_cast<std::size_t>(y_pred.cols()) == classes_);
  for (Index i = 0; i < y_pred.rows(); ++i) {
    add(static_cast<std::size_t>(y_true(i, 0)), static_cast<std::size_t>(argmax_of_row(y_pred, i)));
  }
}

std::vector<ClassScore> class_scores(const ClassConfusion& confusion) {
  const std::size_t k = confusion.classes();
  const std::vector<std::int64_t>& m = confusion.result();
  std::vector<ClassScore> scores(k);
  for (std::size_t c = 0; c < k; ++c) {
    std::int64_t predicted = 0, actual = 0;
    for (std::size_t j = 0; j < k; ++j) {
      predicted += m[j * k + c];
      actual += m[c * k + j];
    }
    const std::int64_t tp = m[c * k + c];
    ClassScore& s = scores[c];
    s.precision = ratio(tp, predicted);
    s.recall = ratio(tp, actual);
    s.f1 =
        s.precision + s.recall == 0.0 ? 0.0 : 2 * s.precision * s.recall / (s.precision + s.recall);
    s.support = actual;
  }
  return scores;
}

double macro_f1(const std::vector<ClassScore>& scores) {
  double total = 0;
  for (const ClassScore& s : scores) total += s.f1;
  return scores.empty() ? 0.0 : total / static_cast<double>(scores.size());
}

}  // namespace gradtape
