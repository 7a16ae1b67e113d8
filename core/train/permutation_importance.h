// Permutation feature importance on the validation rows: for each original column (a one-hot
// column's features move together), shuffle its values among the validation rows, score the
// model on them as an epoch's validation pass would, and report how much the monitored figure
// gets worse, over a few repeats. The work is cut into batches, so that a page can spread it
// over frames within a time budget; its shuffles come from a stream of their own, seeded by the
// run's seed, so the run's own draws are untouched and the result is the same on every build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/engine/sequential.h"
#include "core/random.h"
#include "core/result.h"
#include "core/train/epoch_fields.h"
#include "core/train/task_head.h"
#include "core/train/training_session.h"

namespace gradtape {

struct ColumnImportance {
  std::string column;
  double mean = 0;  // the mean drop over the repeats: larger means the model relies on it more
  double std = 0;   // their standard deviation (ddof 1; 0 for a single repeat)
  std::vector<double> drops;
};

struct ImportanceResult {
  std::string figure;        // the monitored epoch field, "val_loss"
  std::string figure_label;  // its label, "Val loss"
  bool higher_is_better = false;
  double baseline = 0;  // the figure on the unshuffled validation rows
  int repeats = 0;
  std::vector<ColumnImportance> columns;  // by mean drop, largest first
};

class PermutationImportance {
 public:
  static constexpr int kDefaultRepeats = 5;
  static constexpr int kMaxRepeats = 100;
  // XORed into the run's seed for the shuffles' stream.
  static constexpr std::uint32_t kSeedSalt = 0x9E3779B9u;

  // For the weights `session` holds now, with `repeats` shuffles per column (1 to kMaxRepeats);
  // an Error on "repeats", or when the session has no completed epoch.
  static Result<PermutationImportance> create(const TrainingSession& session, int repeats);

  // Scores validation batches until `budget_ms` has passed (checked after each batch) or all is
  // done; true once done.
  bool step(double budget_ms);
  bool done() const { return pass_ == total_passes(); }
  // Shuffled passes done, and in all (columns x repeats).
  std::size_t completed() const { return pass_ == 0 ? 0 : pass_ - 1; }
  std::size_t total() const { return total_passes() - 1; }
  // Once done: each column's drop, largest first.
  const ImportanceResult& result() const { return result_; }

 private:
  struct Group {
    std::string column;
    std::vector<Index> features;  // the model-input columns it fills
  };

  PermutationImportance(const TrainingSession& session, int repeats);
  std::size_t total_passes() const {
    return 1 + groups_.size() * static_cast<std::size_t>(repeats_);
  }
  void begin_pass();
  void score_batch();
  void end_pass();

  const Dataset* dataset_;  // the session's, which must outlive this
  Sequential model_;        // a copy of the session's weights in use
  int batch_size_;
  int repeats_;
  const EpochField* field_;
  bool higher_is_better_;
  Random random_;
  std::vector<Group> groups_;

  std::size_t pass_ = 0;  // 0: the unshuffled baseline; then column by column, repeat by repeat
  Matrix x_;              // the validation features, with the current pass's column shuffled
  Matrix x_batch_, y_batch_;
  std::vector<std::size_t> identity_;
  std::size_t next_row_ = 0;
  bool in_pass_ = false;
  std::unique_ptr<TaskHead> head_;
  std::vector<float> batch_losses_;
  ImportanceResult result_;
};

}  // namespace gradtape
