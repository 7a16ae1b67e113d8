#include "core/train/training_session.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <utility>

#include "core/data/batches.h"
#include "core/data/limits.h"
#include "core/data/target.h"
#include "core/number_text.h"
#include "core/train/epoch_fields.h"
#include "core/train/model_factory.h"

namespace gradtape {
namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double mean_of(const std::vector<float>& values) {
  double total = 0;
  for (float v : values) total += v;
  return values.empty() ? 0.0 : total / static_cast<double>(values.size());
}

}  // namespace

Result<std::unique_ptr<TrainingSession>> TrainingSession::create(const Table& table,
                                                                 TrainingConfig config) {
  Pacer never_pauses;
  return create(table, std::move(config), never_pauses);
}

Result<std::unique_ptr<TrainingSession>> TrainingSession::create(const Table& table,
                                                                 TrainingConfig config,
                                                                 Pacer& pacer) {
  if (Status valid = validate(config); !valid) return valid.error();
  if (Status chosen = choose_target(table, config, pacer); !chosen) return chosen.error();
  Random random(config.seed);
  Result<Dataset> dataset = prepare_dataset(table, config.data, random, pacer);
  if (!dataset) return dataset.error();
  std::unique_ptr<TaskHead> head = make_head(*dataset);
  Result<std::vector<float>> weights = check_against_data(config, *dataset, head->units());
  if (!weights) return weights.error();
  Sequential model =
      build_model(dataset->x_train.cols(), config, head->units(), head->activation(), random);
  return std::unique_ptr<TrainingSession>(new TrainingSession(config, std::move(*dataset),
                                                              std::move(head), std::move(model),
                                                              random, {}, std::move(*weights)));
}

Result<std::unique_ptr<TrainingSession>> TrainingSession::create(const Table& table,
                                                                 TrainingConfig config,
                                                                 Replay replay) {
  config.epochs = static_cast<int>(replay.epoch_orders.size());
  if (Status valid = validate(config); !valid) return valid.error();
  Pacer never_pauses;
  if (Status chosen = choose_target(table, config, never_pauses); !chosen) return chosen.error();
  Result<Dataset> dataset = prepare_dataset(table, config.data, replay.split);
  if (!dataset) return dataset.error();
  std::unique_ptr<TaskHead> head = make_head(*dataset);
  Result<std::vector<float>> weights = check_against_data(config, *dataset, head->units());
  if (!weights) return weights.error();
  std::vector<std::size_t> identity(static_cast<std::size_t>(dataset->x_train.rows()));
  std::iota(identity.begin(), identity.end(), std::size_t{0});
  for (std::size_t e = 0; e < replay.epoch_orders.size(); ++e) {
    std::vector<std::size_t> sorted = replay.epoch_orders[e];
    std::sort(sorted.begin(), sorted.end());
    if (sorted != identity) {
      return Error{"epoch " + std::to_string(e + 1) + "'s order is not a permutation of the " +
                   std::to_string(identity.size()) + " train rows"};
    }
  }
  Random unused(config.seed);
  Sequential model =
      build_model(dataset->x_train.cols(), config, head->units(), head->activation(), unused);
  if (Status set = model.set_weights(replay.initial_weights); !set) return set.error();
  return std::unique_ptr<TrainingSession>(
      new TrainingSession(std::move(config), std::move(*dataset), std::move(head), std::move(model),
                          unused, std::move(replay.epoch_orders), std::move(*weights)));
}

Status TrainingSession::choose_target(const Table& table, TrainingConfig& config, Pacer& pacer) {
  if (!config.data.target.empty()) return {};
  const std::vector<TargetCandidate> candidates = target_candidates(table, pacer);
  std::optional<TargetCandidate> suggested = suggest_target(candidates);
  if (!suggested) {
    std::string reasons;
    for (const TargetCandidate& c : candidates) {
      if (reasons.size() < 300)
        reasons += (reasons.empty() ? "" : "; ") + c.column + ": " + c.reason;
    }
    return Error{"no column can be the target: " + reasons, "target"};
  }
  config.data.target = suggested->column;
  return {};
}

Result<std::vector<float>> TrainingSession::check_against_data(const TrainingConfig& config,
                                                               const Dataset& dataset,
                                                               Index outputs) {
  // A run must fit a browser tab: the weights with their gradients and optimizer slots, and one
  // batch's activations (a value, an adjoint and a scratch buffer per unit).
  Index parameters = 0, units = 0, inputs = dataset.x_train.cols();
  for (Index layer_units : config.hidden) {
    parameters += inputs * layer_units + layer_units;
    units += layer_units;
    inputs = layer_units;
  }
  parameters += inputs * outputs + outputs;
  if (parameters > static_cast<Index>(kMaxParameters)) {
    return Error{"the model would have " + std::to_string(parameters) + " weights (" +
                     std::to_string(dataset.x_train.cols()) + " features in); at most " +
                     std::to_string(kMaxParameters) + " fit: use fewer or smaller hidden layers",
                 "hidden"};
  }
  if (static_cast<Index>(config.batch_size) * (units + outputs) >
      static_cast<Index>(kMaxBatchActivations)) {
    return Error{"a batch of " + std::to_string(config.batch_size) + " rows through " +
                     std::to_string(units) +
                     " hidden units is too large to hold; use a smaller batch size",
                 "batch_size"};
  }
  const Index n_train = dataset.x_train.rows();
  if (config.batch_size > n_train) {
    return Error{"batch size " + std::to_string(config.batch_size) + " is larger than the " +
                     std::to_string(n_train) + " training rows",
                 "batch_size"};
  }
  if (dataset.x_train.cols() == 0) {
    return Error{"no feature columns are left to train on", "target"};
  }
  if (!monitored_field(config.early_stopping.monitor, dataset.target.task)) {
    std::string reported;
    for (const EpochField* field : epoch_fields_for(dataset.target.task)) {
      if (field->name.rfind("val_", 0) == 0)
        reported += (reported.empty() ? "" : ", ") + field->name;
    }
    return Error{"a " + std::string(task_name(dataset.target.task)) + " target does not report " +
                     config.early_stopping.monitor + "; monitor one of " + reported,
                 "monitor"};
  }
  return class_weights_for(config.class_weights, dataset.target, dataset.y_train);
}

TrainingSession::TrainingSession(TrainingConfig config, Dataset dataset,
                                 std::unique_ptr<TaskHead> head, Sequential model, Random random,
                                 std::vector<std::vector<std::size_t>> epoch_orders,
                                 std::vector<float> class_weights)
    : config_(std::move(config)),
      dataset_(std::move(dataset)),
      model_(std::move(model)),
      optimizer_(make_optimizer(config_.optimizer)),
      random_(random),
      replay_orders_(std::move(epoch_orders)),
      class_weights_(std::move(class_weights)),
      val_order_(in_order(static_cast<std::size_t>(dataset_.x_val.rows()))),
      head_(std::move(head)),
      best_(monitor_mode(*monitored_field(config_.early_stopping.monitor, dataset_.target.task)),
            config_.early_stopping.min_delta, config_.early_stopping.patience) {
  const auto batch = static_cast<std::size_t>(config_.batch_size);
  batches_per_epoch_ = batch_count(static_cast<std::size_t>(dataset_.x_train.rows()), batch);
  val_batches_ = batch_count(static_cast<std::size_t>(dataset_.x_val.rows()), batch);
  current_.step_losses.reserve(batches_per_epoch_);
  current_.val_batch_losses.reserve(val_batches_);
}

TrainingSession::Progress TrainingSession::progress() const {
  Progress p;
  p.epoch = std::min(epoch_, config_.epochs);
  p.epochs = config_.epochs;
  p.batch = batch_;
  p.batches_per_epoch = batches_per_epoch_;
  p.val_batch = val_batch_;
  p.val_batches = val_batches_;
  p.phase = phase_;
  p.samples_seen = samples_seen_;
  return p;
}

bool TrainingSession::step(const StepLimits& limits) {
  const Clock::time_point start = Clock::now();
  for (std::size_t batches = 0; batches < limits.max_batches && !done(); ++batches) {
    const Clock::time_point batch_start = Clock::now();
    const bool last_of_epoch = run_batch();
    current_.ms += milliseconds_since(batch_start);
    if (failure_) return false;  // the epoch in progress is not logged
    if (last_of_epoch) {
      end_epoch();
      return true;
    }
    if (milliseconds_since(start) >= limits.budget_ms) break;
  }
  return false;
}

const EpochLog& TrainingSession::run_epoch() {
  while (!step(StepLimits{})) {
    if (failure_) return current_;  // the epoch that diverged, as far as it went
  }
  return history_.back();
}

void TrainingSession::check_finite(float loss, const char* where) {
  if (std::isfinite(loss) || failure_) return;
  current_.epoch = epoch_;
  const std::size_t number = phase_ == Phase::train ? batch_ + 1 : val_batch_ + 1;
  char rate[32];
  std::snprintf(rate, sizeof rate, "%g", config_.optimizer.learning_rate);
  failure_ = Error{std::string("the run diverged: the loss became ") +
                       (std::isnan(loss) ? "NaN" : "infinite") + " at epoch " +
                       std::to_string(epoch_) + ", " + where + " " + std::to_string(number) +
                       ", so training stopped there; the learning rate (" + rate +
                       ") is too large for this data: try a lower one, such as a tenth of it",
                   "learning_rate"};
}

bool TrainingSession::run_batch() {
  if (phase_ == Phase::train) {
    train_batch();
    if (++batch_ == batches_per_epoch_) phase_ = Phase::validate;
    return false;
  }
  validate_batch();
  return ++val_batch_ == val_batches_;
}

void TrainingSession::train_batch() {
  const auto n_train = static_cast<std::size_t>(dataset_.x_train.rows());
  if (batch_ == 0) {
    order_ = replay_orders_.empty() ? epoch_order(n_train, random_)
                                    : replay_orders_[static_cast<std::size_t>(epoch_ - 1)];
  }
  const std::size_t begin = batch_ * static_cast<std::size_t>(config_.batch_size);
  const std::size_t end = std::min(begin + static_cast<std::size_t>(config_.batch_size), n_train);
  gather_rows(dataset_.x_train, order_, begin, end, x_batch_);
  gather_rows(dataset_.y_train, order_, begin, end, y_batch_);

  tape_.reset();
  Var output = model_(tape_, tape_.constant(x_batch_));
  if (!class_weights_.empty()) fill_row_weights(class_weights_, y_batch_, row_weights_);
  Var loss = head_->loss(tape_, output, y_batch_, class_weights_.empty() ? nullptr : &row_weights_);
  Result<Gradients> grads = tape_.gradient(loss, model_.trainable_weights());
  assert(grads.ok());  // shapes were fixed when the session was made
  Status applied = optimizer_->apply_gradients(*grads, model_.trainable_weights());
  assert(applied.ok());
  (void)applied;

  current_.step_losses.push_back(tape_.value(loss)(0, 0));
  check_finite(current_.step_losses.back(), "step");
  head_->add_train(y_batch_, tape_.value(output));  // pre-update predictions
  samples_seen_ += static_cast<std::int64_t>(end - begin);
}

void TrainingSession::validate_batch() {
  const auto n_val = static_cast<std::size_t>(dataset_.x_val.rows());
  const std::size_t begin = val_batch_ * static_cast<std::size_t>(config_.batch_size);
  const std::size_t end = std::min(begin + static_cast<std::size_t>(config_.batch_size), n_val);
  gather_rows(dataset_.x_val, val_order_, begin, end, x_batch_);
  gather_rows(dataset_.y_val, val_order_, begin, end, y_batch_);
  const Matrix& output = model_.predict(x_batch_);
  current_.val_batch_losses.push_back(head_->loss(output, y_batch_));
  check_finite(current_.val_batch_losses.back(), "validation batch");
  head_->add_val(y_batch_, output, begin);
}

void TrainingSession::end_epoch() {
  EpochLog log = std::move(current_);
  log.epoch = epoch_;
  log.train_loss = mean_of(log.step_losses);
  log.val_loss = mean_of(log.val_batch_losses);
  Evaluation evaluation;
  evaluation.epoch = epoch_;
  head_->end_epoch(log, evaluation);
  evaluation_ = std::move(evaluation);
  history_.push_back(std::move(log));
  const EarlyStoppingSettings& stopping = config_.early_stopping;
  const EpochField* monitored = monitored_field(stopping.monitor, dataset_.target.task);
  const BestEpochTracker::Verdict verdict =
      best_.end_epoch(epoch_, monitored->get(history_.back()));
  if (verdict.improved) {
    best_weights_ = model_.get_weights();
    best_evaluation_ = evaluation_;
  }

  current_ = EpochLog{};
  current_.step_losses.reserve(batches_per_epoch_);
  current_.val_batch_losses.reserve(val_batches_);
  batch_ = 0;
  val_batch_ = 0;
  phase_ = epoch_ == config_.epochs ? Phase::done : Phase::train;
  if (stopping.enabled && verdict.stop && phase_ != Phase::done) {
    phase_ = Phase::done;
    stop_reason_ = "early stopping after epoch " + std::to_string(epoch_) + " of " +
                   std::to_string(config_.epochs) + ": " + stopping.monitor + " has not improved" +
                   (stopping.min_delta > 0 ? " by more than " + shortest_text(stopping.min_delta)
                                           : std::string()) +
                   " for " + std::to_string(best_.wait()) + " epochs since epoch " +
                   std::to_string(best_.best_epoch());
  }
  if (phase_ == Phase::done && stopping.restore_best) use_best_epoch();
  if (!done()) ++epoch_;
}

const EpochLog* TrainingSession::best_log() const {
  const int best = best_.best_epoch();
  return best >= 1 && best <= static_cast<int>(history_.size()) ? &history_[best - 1] : nullptr;
}

bool TrainingSession::use_best_epoch() {
  if (!done() || best_weights_.empty() || using_best_) return false;
  if (best_.best_epoch() == static_cast<int>(history_.size())) return false;  // the last is best
  if (Status set = model_.set_weights(best_weights_); !set) return false;
  evaluation_ = best_evaluation_;
  using_best_ = true;
  return true;
}

Result<Predictions> TrainingSession::predict(const Table& rows) {
  Result<Matrix> x = dataset_.preprocessor.transform(rows);
  if (!x) return x.error();
  return predict_in_blocks(model_, *x, dataset_.target);
}

Predictions TrainingSession::predict_validation() {
  Pacer never_pauses;
  return predict_validation(never_pauses);
}

Predictions TrainingSession::predict_validation(Pacer& pacer) {
  return predict_in_blocks(model_, dataset_.x_val, dataset_.target, pacer);
}

}  // namespace gradtape
