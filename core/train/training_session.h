// The tutorial's training loop (docs/pipeline.md steps 10-12) as a session that advances on
// request: by a number of batches, by a time budget, or by one epoch, so that a page can keep each
// frame short. It owns the prepared data, the model, the optimizer, the task's head (its loss and
// metrics: task_head.h) and the history. Every task runs through this one loop.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/split.h"
#include "core/data/table.h"
#include "core/engine/optimizer.h"
#include "core/engine/sequential.h"
#include "core/engine/tape.h"
#include "core/random.h"
#include "core/result.h"
#include "core/train/early_stopping.h"
#include "core/train/epoch_log.h"
#include "core/train/evaluation.h"
#include "core/train/predictions.h"
#include "core/train/task_head.h"
#include "core/train/training_config.h"

namespace gradtape {

class TrainingSession {
 public:
  enum class Phase { train, validate, done };

  struct Progress {
    int epoch = 1;  // the epoch in progress, 1-based; the last one once done
    int epochs = 0;
    std::size_t batch = 0;  // train batches done in this epoch
    std::size_t batches_per_epoch = 0;
    std::size_t val_batch = 0;  // validation batches done in this epoch
    std::size_t val_batches = 0;
    Phase phase = Phase::train;
    std::int64_t samples_seen = 0;  // train rows processed since the start
  };

  struct StepLimits {
    std::size_t max_batches = std::numeric_limits<std::size_t>::max();
    double budget_ms = std::numeric_limits<double>::infinity();  // checked after each batch
  };

  // A run that follows a reference trace instead of the seed: its split (data-row numbers), its
  // initial weights (kernel, bias per layer) and each epoch's order of the train rows.
  struct Replay {
    Split split;
    std::vector<Matrix> initial_weights;
    std::vector<std::vector<std::size_t>> epoch_orders;
  };

  // The seeded run: Random(config.seed) draws the split, then the initial kernels, then each
  // epoch's shuffle, in the reference traces' order. An empty target is the suggested one.
  static Result<std::unique_ptr<TrainingSession>> create(const Table& table, TrainingConfig config);
  // The same, ticking `pacer` while it prepares the data (core/pacer.h).
  static Result<std::unique_ptr<TrainingSession>> create(const Table& table, TrainingConfig config,
                                                         Pacer& pacer);
  // The replayed run; config.epochs is the number of epoch orders given.
  static Result<std::unique_ptr<TrainingSession>> create(const Table& table, TrainingConfig config,
                                                         Replay replay);

  TrainingSession(const TrainingSession&) = delete;
  TrainingSession& operator=(const TrainingSession&) = delete;

  // Runs whole batches (train, then validation) until `limits` is reached or the current epoch
  // ends. Returns true when an epoch ended; its log is history().back().
  bool step(const StepLimits& limits);
  // Runs the rest of the current epoch and returns its log; if the run diverges in it, the
  // partial log of that epoch (see failure()). Not to be called once done().
  const EpochLog& run_epoch();

  // True once every epoch has run, or the run has diverged.
  bool done() const { return phase_ == Phase::done || failure_.has_value(); }
  // Why the run stopped before its last epoch: a loss that became NaN or infinite, naming the
  // epoch and the step, on field "learning_rate". The history keeps the epochs before it.
  const std::optional<Error>& failure() const { return failure_; }
  Progress progress() const;
  const std::vector<EpochLog>& history() const { return history_; }
  // The validation results after the last completed epoch; nullopt before the first.
  const std::optional<Evaluation>& evaluation() const { return evaluation_; }

  const TrainingConfig& config() const { return config_; }
  const Dataset& dataset() const { return dataset_; }
  const Sequential& model() const { return model_; }

  // The best epoch so far by the monitored figure (config().early_stopping.monitor), 0 before
  // the first; and its log.
  int best_epoch() const { return best_.best_epoch(); }
  const EpochLog* best_log() const;
  // Why the run ended before its last epoch by early stopping, naming the epochs; "" otherwise.
  const std::string& stop_reason() const { return stop_reason_; }
  // Once done: the best epoch's weights and evaluation replace the last epoch's (restore_best
  // does this at the end of a run). False if there is no better epoch to go back to.
  bool use_best_epoch();
  // True once the model holds the best epoch's weights rather than the last epoch's.
  bool using_best_epoch() const { return using_best_; }
  // Each class's weight in the train loss (class_weights.h); empty when the run weighs none.
  const std::vector<float>& class_weights() const { return class_weights_; }

  // The prediction for every row of `rows` (same columns as training; the target may be
  // absent), prepared exactly as the training rows were: each class's probability, or the value
  // in the target's units.
  Result<Predictions> predict(const Table& rows);
  // The weights in use on the validation rows (dataset().x_val, in its order); the `pacer`
  // version looks at it between blocks of rows.
  Predictions predict_validation();
  Predictions predict_validation(Pacer& pacer);

 private:
  TrainingSession(TrainingConfig config, Dataset dataset, std::unique_ptr<TaskHead> head,
                  Sequential model, Random random,
                  std::vector<std::vector<std::size_t>> epoch_orders,
                  std::vector<float> class_weights);
  static Status choose_target(const Table& table, TrainingConfig& config, Pacer& pacer);
  // The checks that need the data; on success, the class weights of the run.
  static Result<std::vector<float>> check_against_data(const TrainingConfig& config,
                                                       const Dataset& dataset, Index outputs);

  // One batch of the current phase; true when it was the epoch's last.
  bool run_batch();
  void train_batch();
  void validate_batch();
  void end_epoch();
  // Stops the run if `loss` is not finite (a diverging run), saying where.
  void check_finite(float loss, const char* where);

  TrainingConfig config_;
  Dataset dataset_;
  Sequential model_;
  std::unique_ptr<Optimizer> optimizer_;
  Random random_;
  std::vector<std::vector<std::size_t>> replay_orders_;  // empty: shuffle from random_

  GradientTape tape_;
  Matrix x_batch_, y_batch_;
  std::vector<float> class_weights_;    // empty: every row weighs 1
  Matrix row_weights_;                  // the train batch's rows' class weights
  std::vector<std::size_t> order_;      // this epoch's order of the train rows
  std::vector<std::size_t> val_order_;  // 0..n_val-1

  std::unique_ptr<TaskHead> head_;  // the task's loss and metrics

  Phase phase_ = Phase::train;
  int epoch_ = 1;
  std::size_t batch_ = 0, val_batch_ = 0;
  std::size_t batches_per_epoch_ = 0, val_batches_ = 0;
  std::int64_t samples_seen_ = 0;
  EpochLog current_;
  std::vector<EpochLog> history_;
  std::optional<Evaluation> evaluation_;

  BestEpochTracker best_;
  std::vector<Matrix> best_weights_;
  std::optional<Evaluation> best_evaluation_;
  std::string stop_reason_;
  bool using_best_ = false;
  std::optional<Error> failure_;
};

}  // namespace gradtape
