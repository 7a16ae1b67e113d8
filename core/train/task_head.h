// What a task adds to the one training loop (training_session.h): the output layer's units and
// activation, the loss, and the metrics of the train and validation batches. A task is a head,
// a loss and a set of metrics, not a second trainer (docs/pipeline.md, "Beyond the tutorial").
#pragma once

#include <memory>
#include <vector>

#include "core/data/dataset.h"
#include "core/engine/activation.h"
#include "core/engine/tape.h"
#include "core/train/epoch_log.h"
#include "core/train/evaluation.h"

namespace gradtape {

// The parts of a head that are not metrics: its output layer and its loss.
struct HeadOutput {
  Index units;
  Activation activation;
  Var (*tape_loss)(GradientTape&, Var output, const Matrix& y, const Matrix* row_weights);
  float (*loss)(const Matrix& output, const Matrix& y, const Matrix* row_weights);
};

class TaskHead {
 public:
  explicit TaskHead(HeadOutput output) : output_(output) {}
  virtual ~TaskHead() = default;

  // The output layer: its units and activation.
  Index units() const { return output_.units; }
  Activation activation() const { return output_.activation; }

  // The batch loss of `output` against the targets y (dataset.h's encoding), on the tape for a
  // train batch, with each row weighted by row_weights when given (class weights); and its
  // no-tape twin, which gives the same unweighted number, for a validation batch.
  Var loss(GradientTape& tape, Var output, const Matrix& y,
           const Matrix* row_weights = nullptr) const {
    return output_.tape_loss(tape, output, y, row_weights);
  }
  float loss(const Matrix& output, const Matrix& y) const {
    return output_.loss(output, y, nullptr);
  }

  // Each train batch's pre-update output, and each validation batch's output; `first` is the
  // batch's first row in validation order.
  virtual void add_train(const Matrix& y, const Matrix& output) = 0;
  virtual void add_val(const Matrix& y, const Matrix& output, std::size_t first) = 0;

  // The epoch's metrics into `log` and its validation results into `evaluation` (its epoch is
  // set by the caller); then the metrics start again for the next epoch.
  virtual void end_epoch(EpochLog& log, Evaluation& evaluation) = 0;

 private:
  HeadOutput output_;
};

// The head of the dataset's task: binary (one sigmoid unit), multi-class (K softmax units) or
// regression (one linear unit on the standardised target).
std::unique_ptr<TaskHead> make_head(const Dataset& dataset);

// Binary or multi-class; y_train gives the majority class of the baseline.
std::unique_ptr<TaskHead> make_classification_head(const TargetInfo& target, const Matrix& y_train);
std::unique_ptr<TaskHead> make_regression_head(const TargetInfo& target,
                                               std::vector<double> val_targets);

}  // namespace gradtape
