#include "core/train/permutation_importance.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <utility>

#include "core/data/batches.h"
#include "core/train/early_stopping.h"

namespace gradtape {

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Each original column's model-input features: the encoded features run column by column
// (a one-hot column is `width()` of them), and the model keeps some of them (kept()).
std::vector<std::pair<std::string, std::vector<Index>>> feature_groups(const Preprocessor& p) {
  std::vector<std::pair<std::string, std::vector<Index>>> groups;
  std::size_t first = 0;
  for (const FeatureColumn& column : p.columns()) {
    std::vector<Index> features;
    for (std::size_t j = 0; j < p.kept().size(); ++j) {
      if (p.kept()[j] >= first && p.kept()[j] < first + column.width())
        features.push_back(static_cast<Index>(j));
    }
    if (!features.empty()) groups.emplace_back(column.name, std::move(features));
    first += column.width();
  }
  return groups;
}

// Mean and standard deviation (ddof 1; 0 for one value).
std::pair<double, double> mean_and_std(const std::vector<double>& values) {
  const double n = static_cast<double>(values.size());
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
  if (values.size() < 2) return {mean, 0.0};
  double squares = 0;
  for (double v : values) squares += (v - mean) * (v - mean);
  return {mean, std::sqrt(squares / (n - 1))};
}

}  // namespace

Result<PermutationImportance> PermutationImportance::create(const TrainingSession& session,
                                                            int repeats) {
  if (repeats < 1 || repeats > kMaxRepeats)
    return Error{"repeats must be a whole number from 1 to " + std::to_string(kMaxRepeats) +
                     ", got " + std::to_string(repeats),
                 "repeats"};
  if (session.history().empty()) return Error{"train at least one epoch first"};
  return PermutationImportance(session, repeats);
}

PermutationImportance::PermutationImportance(const TrainingSession& session, int repeats)
    : dataset_(&session.dataset()),
      model_(session.model()),
      batch_size_(session.config().batch_size),
      repeats_(repeats),
      field_(monitored_field(session.config().early_stopping.monitor, dataset_->target.task)),
      higher_is_better_(monitor_mode(*field_) == MonitorMode::max),
      random_(session.config().seed ^ kSeedSalt),
      x_(dataset_->x_val),
      identity_(static_cast<std::size_t>(dataset_->x_val.rows())) {
  std::iota(identity_.begin(), identity_.end(), std::size_t{0});
  for (auto& [column, features] : feature_groups(dataset_->preprocessor))
    groups_.push_back(Group{column, std::move(features)});
  result_.figure = field_->name;
  result_.figure_label = field_->label;
  result_.higher_is_better = higher_is_better_;
  result_.repeats = repeats;
  for (const Group& group : groups_) {
    ColumnImportance column;
    column.column = group.column;
    result_.columns.push_back(std::move(column));
  }
}

bool PermutationImportance::step(double budget_ms) {
  const Clock::time_point start = Clock::now();
  while (!done()) {
    if (!in_pass_) begin_pass();
    score_batch();
    if (next_row_ >= identity_.size()) end_pass();
    if (milliseconds_since(start) >= budget_ms) break;
  }
  return done();
}

// The pass's rows: the group's features shuffled among the rows (pass 0: none), every other
// feature as it was.
void PermutationImportance::begin_pass() {
  in_pass_ = true;
  next_row_ = 0;
  batch_losses_.clear();
  head_ = make_head(*dataset_);
  if (pass_ == 0) return;
  const Group& group = groups_[(pass_ - 1) / static_cast<std::size_t>(repeats_)];
  const std::vector<std::size_t> order = random_.permutation(identity_.size());
  for (Index j : group.features) {
    for (std::size_t i = 0; i < order.size(); ++i)
      x_(static_cast<Index>(i), j) = dataset_->x_val(static_cast<Index>(order[i]), j);
  }
}

// One validation batch, scored as TrainingSession::validate_batch scores it.
void PermutationImportance::score_batch() {
  const std::size_t begin = next_row_;
  const std::size_t end = std::min(begin + static_cast<std::size_t>(batch_size_), identity_.size());
  gather_rows(x_, identity_, begin, end, x_batch_);
  gather_rows(dataset_->y_val, identity_, begin, end, y_batch_);
  const Matrix& output = model_.predict(x_batch_);
  batch_losses_.push_back(head_->loss(output, y_batch_));
  head_->add_val(y_batch_, output, begin);
  next_row_ = end;
}

void PermutationImportance::end_pass() {
  EpochLog log;
  double total = 0;
  for (float loss : batch_losses_) total += loss;
  log.val_loss = batch_losses_.empty() ? 0.0 : total / static_cast<double>(batch_losses_.size());
  Evaluation evaluation;
  head_->end_epoch(log, evaluation);
  const double figure = field_->get(log);
  if (pass_ == 0) {
    result_.baseline = figure;
  } else {
    const std::size_t g = (pass_ - 1) / static_cast<std::size_t>(repeats_);
    // Worse is positive: a lower accuracy, AUC or R², a higher loss or MAE.
    result_.columns[g].drops.push_back(higher_is_better_ ? result_.baseline - figure
                                                         : figure - result_.baseline);
    if (result_.columns[g].drops.size() == static_cast<std::size_t>(repeats_)) {
      std::tie(result_.columns[g].mean, result_.columns[g].std) =
          mean_and_std(result_.columns[g].drops);
      for (Index j : groups_[g].features) x_.col(j) = dataset_->x_val.col(j);  // restored
    }
  }
  in_pass_ = false;
  ++pass_;
  if (done()) {
    std::stable_sort(
        result_.columns.begin(), result_.columns.end(),
        [](const ColumnImportance& a, const ColumnImportance& b) { return a.mean > b.mean; });
  }
}

}  // namespace gradtape
