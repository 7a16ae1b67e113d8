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

void BinaryAccuracy::update_state(const Matrix& y_true, const Matrix& y_pred) {
  assert(y_true.rows() == y_pred.rows() && y_true.cols() == y_pred.cols());
  for (Index i = 0; i < y_pred.size(); ++i) {
    const float predicted = y_pred.data()[i] > threshold_ ? 1.f : 0.f;
    correct_ += predicted == y_true.data()[i];
  }
  count_ += y_pred.size();
}

double BinaryAccuracy::result() const { return ratio(correct_, count_); }

void BinaryAccuracy::reset_state() {
  correct_ = 0;
  count_ = 0;
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

double Precision::result() const {
  return ratio(counts_.result().tp, counts_.result().tp + counts_.result().fp);
}

double Recall::result() const {
  return ratio(counts_.result().tp, counts_.result().tp + counts_.result().fn);
}

}  // namespace gradtape
