// Permutation importance and the rows a model gets wrong, on a table where the target depends on
// one column only: that column ranks first and the noise columns near zero; the unshuffled
// figure is the last epoch's; the same seed gives the same numbers however the work is sliced;
// the misclassified rows are the confusion matrix's off-diagonal ones.
#include "core/train/permutation_importance.h"

#include <cmath>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"
#include "core/random.h"
#include "core/train/error_rows.h"
#include "core/train/training_session.h"
#include "tests/native/train/run_to_end.h"

namespace gradtape {
namespace {

// y is 1 when `signal` is positive; `noise` and the text column `colour` say nothing about it.
Table signal_table() {
  std::string csv = "noise,signal,colour,y\n";
  Random random(11);
  for (int i = 0; i < 400; ++i) {
    const double noise = random.unit() * 2 - 1, signal = random.unit() * 2 - 1;
    csv += std::to_string(noise) + "," + std::to_string(signal) + "," +
           (random.unit() < 0.5 ? "red" : "blue") + "," + (signal > 0 ? "1" : "0") + "\n";
  }
  Result<Table> table = read_csv(csv);
  EXPECT_TRUE(table.ok());
  return std::move(*table);
}

ImportanceResult importance_of(const TrainingSession& session, int repeats, double budget_ms) {
  Result<PermutationImportance> importance = PermutationImportance::create(session, repeats);
  EXPECT_TRUE(importance.ok());
  int steps = 0;
  while (!importance->step(budget_ms)) ++steps;
  EXPECT_EQ(importance->completed(), importance->total());
  return importance->result();
}

TrainingConfig config_of(int epochs) {
  TrainingConfig config;
  config.epochs = epochs;
  config.data.target = "y";
  return config;
}

TEST(PermutationImportance, TheColumnTheTargetDependsOnRanksFirstAndNoiseNearZero) {
  const Table table = signal_table();
  auto session = testing::run_to_end(table, config_of(30));
  const ImportanceResult result = importance_of(*session, 5, 1e9);
  ASSERT_EQ(result.columns.size(), 3u);
  EXPECT_EQ(result.columns[0].column, "signal");
  EXPECT_GT(result.columns[0].mean, 0.2);
  for (std::size_t i = 1; i < 3; ++i) {
    EXPECT_LT(std::fabs(result.columns[i].mean), 0.05) << result.columns[i].column;
    EXPECT_EQ(result.columns[i].drops.size(), 5u);
  }
  EXPECT_EQ(result.figure, "val_loss");
  EXPECT_FALSE(result.higher_is_better);
  EXPECT_DOUBLE_EQ(result.baseline, session->history().back().val_loss);
}

TEST(PermutationImportance, SameSeedSameNumbersHoweverTheWorkIsSliced) {
  const Table table = signal_table();
  auto session = testing::run_to_end(table, config_of(5));
  const ImportanceResult whole = importance_of(*session, 3, 1e9);
  const ImportanceResult sliced = importance_of(*session, 3, 0);  // one batch per step
  ASSERT_EQ(whole.columns.size(), sliced.columns.size());
  for (std::size_t i = 0; i < whole.columns.size(); ++i) {
    EXPECT_EQ(whole.columns[i].column, sliced.columns[i].column);
    EXPECT_EQ(whole.columns[i].drops, sliced.columns[i].drops);
  }
  TrainingConfig other = config_of(5);
  other.seed = 7;
  EXPECT_NE(importance_of(*testing::run_to_end(table, other), 3, 1e9).baseline, whole.baseline);
}

TEST(PermutationImportance, AMonitoredAccuracyCountsADropInAccuracy) {
  TrainingConfig config = config_of(20);
  config.early_stopping.monitor = "val_accuracy";
  auto session = testing::run_to_end(signal_table(), config);
  const ImportanceResult result = importance_of(*session, 3, 1e9);
  EXPECT_EQ(result.figure, "val_accuracy");
  EXPECT_TRUE(result.higher_is_better);
  EXPECT_EQ(result.columns[0].column, "signal");
  EXPECT_GT(result.columns[0].mean, 0.2) << "shuffling the signal costs accuracy";
  EXPECT_LE(result.baseline - result.columns[0].mean, 0.8);
}

TEST(PermutationImportance, RefusesBadRepeatsAndAnUntrainedSession) {
  const Table table = signal_table();
  Result<std::unique_ptr<TrainingSession>> fresh = TrainingSession::create(table, config_of(2));
  ASSERT_TRUE(fresh.ok());
  EXPECT_FALSE(PermutationImportance::create(**fresh, 3).ok());
  (*fresh)->run_epoch();
  Result<PermutationImportance> zero = PermutationImportance::create(**fresh, 0);
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().field, "repeats");
  EXPECT_FALSE(PermutationImportance::create(**fresh, 101).ok());
}

TEST(ErrorRows, TheMisclassifiedRowsAreTheMatrixOffDiagonalMostConfidentFirst) {
  const Table table = signal_table();
  auto session = testing::run_to_end(table, config_of(2));
  const Evaluation& e = *session->evaluation();
  const ErrorRows errors = error_rows(*session, 1000);
  EXPECT_EQ(errors.total, static_cast<std::size_t>(e.confusion[1] + e.confusion[2]));
  for (std::size_t i = 0; i < errors.rows.size(); ++i) {
    EXPECT_NE(errors.rows[i].truth_class, errors.rows[i].predicted_class);
    EXPECT_GE(errors.rows[i].confidence, 0.5);
    if (i) {
      EXPECT_LE(errors.rows[i].confidence, errors.rows[i - 1].confidence);
    }
    const double signal = table.find("signal")->numbers[errors.rows[i].data_row];
    EXPECT_EQ(errors.rows[i].truth_class, signal > 0 ? 1u : 0u) << "the row's own truth";
  }
  EXPECT_EQ(error_rows(*session, 1).rows.size(), std::min<std::size_t>(1, errors.total));
}

}  // namespace
}  // namespace gradtape
