// The regression head: one linear unit on the standardised target, Keras' MeanSquaredError, and
// the errors in the target's own units: the train MAE from each step's pre-update predictions,
// and the validation MAE, RMSE and R² after the epoch.
#include <cmath>

#include "core/engine/intervals.h"
#include "core/engine/losses.h"
#include "core/engine/regression_metrics.h"
#include "core/train/task_head.h"

namespace gradtape {
namespace {

class RegressionHead final : public TaskHead {
 public:
  RegressionHead(TargetInfo target, std::vector<double> val_targets)
      : TaskHead({1, Activation::linear, mean_squared_error, mean_squared_error}),
        target_(std::move(target)),
        val_targets_(std::move(val_targets)) {}

  // On the standardised scale; end_epoch() multiplies the MAE back by the std.
  void add_train(const Matrix& y, const Matrix& output) override {
    for (Index i = 0; i < output.rows(); ++i) train_.add(y(i, 0), output(i, 0));
  }

  // In the target's units: the prediction unscaled, against the validation value as read.
  void add_val(const Matrix&, const Matrix& output, std::size_t first) override {
    for (Index i = 0; i < output.rows(); ++i) {
      const double actual = val_targets_[first + static_cast<std::size_t>(i)];
      const double predicted = unscale(output(i, 0));
      val_.add(actual, predicted);
      errors_.push_back(std::fabs(predicted - actual));
      baseline_error_ += std::fabs(target_.mean - actual);
      if (actual_.size() < Evaluation::kMaxPoints) {
        actual_.push_back(actual);
        predicted_.push_back(predicted);
      }
    }
  }

  void end_epoch(EpochLog& log, Evaluation& evaluation) override {
    log.train_mae = train_.mae() * target_.std;
    log.val_mae = val_.mae();
    log.val_rmse = val_.rmse();
    log.val_r2 = val_.r2();
    evaluation.task = Task::regression;
    evaluation.mae = log.val_mae;
    evaluation.rmse = log.val_rmse;
    evaluation.r2 = log.val_r2;
    evaluation.mae_interval = mean_interval(errors_);
    evaluation.baseline_mae =
        errors_.empty() ? 0 : baseline_error_ / static_cast<double>(errors_.size());
    errors_.clear();
    baseline_error_ = 0;
    evaluation.actual = std::move(actual_);
    evaluation.predicted = std::move(predicted_);
    actual_.clear();
    predicted_.clear();
    train_.reset_state();
    val_.reset_state();
  }

 private:
  double unscale(float standardised) const {
    return static_cast<double>(standardised) * target_.std + target_.mean;
  }

  TargetInfo target_;
  std::vector<double> val_targets_;
  RegressionErrors train_, val_;
  std::vector<double> errors_;  // each validation row's absolute error, for the MAE's interval
  double baseline_error_ = 0;   // the sum of |train mean - actual| over the validation rows
  std::vector<double> actual_, predicted_;
};

}  // namespace

std::unique_ptr<TaskHead> make_regression_head(const TargetInfo& target,
                                               std::vector<double> val_targets) {
  return std::make_unique<RegressionHead>(target, std::move(val_targets));
}

}  // namespace gradtape
