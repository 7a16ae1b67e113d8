// The classification heads. Binary: one sigmoid unit, Keras' BinaryCrossentropy, a row predicted
// positive when p > 0.5 (BinaryAccuracy), and precision, recall and AUC of the positive class.
// Multi-class: K softmax units, Keras' SparseCategoricalCrossentropy, the argmax predicted (the
// first on ties), and the classes' macro-F1. Both count accuracy from each train step's
// pre-update predictions and keep the validation confusion matrix with each class's scores.
#include <algorithm>

#include "core/engine/auc.h"
#include "core/engine/curves.h"
#include "core/engine/intervals.h"
#include "core/engine/losses.h"
#include "core/train/task_head.h"

namespace gradtape {
namespace {

HeadOutput output_of(const TargetInfo& target) {
  if (target.task == Task::binary)
    return {1, Activation::sigmoid, binary_crossentropy, binary_crossentropy};
  return {static_cast<Index>(target.classes.size()), Activation::softmax,
          sparse_categorical_crossentropy, sparse_categorical_crossentropy};
}

class ClassificationHead final : public TaskHead {
 public:
  ClassificationHead(TargetInfo target, std::size_t majority)
      : TaskHead(output_of(target)),
        target_(std::move(target)),
        confusion_(target_.classes.size()),
        majority_(majority) {}

  void add_train(const Matrix& y, const Matrix& output) override {
    for (Index i = 0; i < output.rows(); ++i)
      train_correct_ += predicted(output, i) == actual(y, i);
    train_rows_ += output.rows();
  }

  void add_val(const Matrix& y, const Matrix& output, std::size_t) override {
    for (Index i = 0; i < output.rows(); ++i) confusion_.add(actual(y, i), predicted(output, i));
    if (!binary()) return;
    auc_.update_state(y, output);
    for (Index i = 0; i < output.rows(); ++i) {
      scores_.push_back(output(i, 0));
      labels_.push_back(static_cast<std::uint8_t>(actual(y, i)));
    }
  }

  void end_epoch(EpochLog& log, Evaluation& evaluation) override {
    const std::vector<std::int64_t>& m = confusion_.result();
    const std::size_t k = confusion_.classes();
    std::int64_t correct = 0, rows = 0;
    for (std::size_t a = 0; a < k; ++a) {
      correct += m[a * k + a];
      for (std::size_t p = 0; p < k; ++p) rows += m[a * k + p];
    }
    log.train_correct = train_correct_;
    log.train_accuracy = ratio(train_correct_, train_rows_);
    log.val_correct = correct;
    log.val_accuracy = ratio(correct, rows);
    evaluation.task = target_.task;
    evaluation.classes = target_.classes;
    evaluation.confusion = m;
    evaluation.scores = class_scores(confusion_);
    evaluation.macro_f1 = macro_f1(evaluation.scores);
    evaluation.accuracy = log.val_accuracy;
    evaluation.accuracy_interval = wilson_interval(correct, rows);
    evaluation.baseline_class = target_.classes[majority_];
    std::int64_t majority_rows = 0;
    for (std::size_t p = 0; p < k; ++p) majority_rows += m[majority_ * k + p];
    evaluation.baseline_accuracy = ratio(majority_rows, rows);
    if (binary()) add_curves(evaluation);
    if (binary()) {
      log.val_precision = evaluation.scores[1].precision;
      log.val_recall = evaluation.scores[1].recall;
      log.val_auc = auc_.result();
    } else {
      log.val_macro_f1 = evaluation.macro_f1;
    }
    train_correct_ = train_rows_ = 0;
    confusion_.reset_state();
    auc_.reset_state();
  }

  // The exact curves, thinned for drawing; the rows' scores move into the evaluation.
  void add_curves(Evaluation& evaluation) {
    const ScoreCounts counts = score_counts(scores_, labels_);
    const RocCurve roc = roc_curve(counts);
    const PrCurve pr = pr_curve(counts);
    evaluation.roc.auc = roc.auc;
    for (std::size_t i : thinned(roc.fpr.size(), Evaluation::kMaxCurvePoints)) {
      evaluation.roc.thresholds.push_back(roc.thresholds[i]);
      evaluation.roc.fpr.push_back(roc.fpr[i]);
      evaluation.roc.tpr.push_back(roc.tpr[i]);
    }
    evaluation.pr.average_precision = pr.average_precision;
    for (std::size_t i : thinned(pr.recall.size(), Evaluation::kMaxCurvePoints)) {
      evaluation.pr.thresholds.push_back(pr.thresholds[i]);
      evaluation.pr.precision.push_back(pr.precision[i]);
      evaluation.pr.recall.push_back(pr.recall[i]);
    }
    evaluation.positive_scores = std::move(scores_);
    evaluation.positive_labels = std::move(labels_);
    scores_.clear();
    labels_.clear();
  }

 private:
  bool binary() const { return target_.task == Task::binary; }
  static std::size_t actual(const Matrix& y, Index row) {
    return static_cast<std::size_t>(y(row, 0));
  }
  // Binary: positive when p > 0.5, strictly (Keras' BinaryAccuracy); else the argmax.
  std::size_t predicted(const Matrix& output, Index row) const {
    return binary() ? (output(row, 0) > 0.5f ? 1 : 0)
                    : static_cast<std::size_t>(argmax_of_row(output, row));
  }
  static double ratio(std::int64_t a, std::int64_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
  }

  TargetInfo target_;
  std::int64_t train_correct_ = 0, train_rows_ = 0;
  ClassConfusion confusion_;
  std::size_t majority_;              // the train rows' most frequent class (the first on ties)
  AUC auc_;                           // binary only
  std::vector<float> scores_;         // binary: each validation row's positive score
  std::vector<std::uint8_t> labels_;  // and its class
};

}  // namespace

std::unique_ptr<TaskHead> make_classification_head(const TargetInfo& target,
                                                   const Matrix& y_train) {
  std::vector<std::int64_t> counts(target.classes.size(), 0);
  for (Index i = 0; i < y_train.rows(); ++i) ++counts[static_cast<std::size_t>(y_train(i, 0))];
  const auto majority =
      static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
  return std::make_unique<ClassificationHead>(target, majority);
}

}  // namespace gradtape
