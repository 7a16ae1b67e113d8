// The best epoch and early stopping follow Keras 3's EarlyStopping (keras/src/callbacks/
// early_stopping.py): which epoch is best and which stops, with patience and min_delta, for
// figures to lower and to raise; and in a session, the restored weights are exactly those the
// same seeded run had at the end of its best epoch.
#include "core/train/early_stopping.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"
#include "core/train/training_session.h"
#include "tests/native/test_data.h"
#include "tests/native/train/run_to_end.h"

namespace gradtape {
namespace {

struct Outcome {
  int stopped_after = 0;  // 0: ran every epoch
  int best_epoch = 0;
};

Outcome run(const std::vector<double>& figures, MonitorMode mode, int patience, double min_delta) {
  BestEpochTracker tracker(mode, min_delta, patience);
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const int epoch = static_cast<int>(i) + 1;
    if (tracker.end_epoch(epoch, figures[i]).stop) return {epoch, tracker.best_epoch()};
  }
  return {0, tracker.best_epoch()};
}

TEST(EarlyStopping, StopsOncePatienceEpochsPassWithoutImprovement) {
  const Outcome o = run({1.0, 0.9, 0.95, 0.91, 0.92, 0.5}, MonitorMode::min, 2, 0);
  EXPECT_EQ(o.stopped_after, 4);
  EXPECT_EQ(o.best_epoch, 2);
}

TEST(EarlyStopping, KerasDocstringExampleRunsFourEpochsWithPatienceThree) {
  // The docstring's loss never improves after the first epoch: 4 epochs run.
  EXPECT_EQ(run({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, MonitorMode::min, 3, 0).stopped_after, 4);
}

TEST(EarlyStopping, PatienceZeroStopsAtTheFirstEpochWithoutImprovementButNeverAfterTheFirst) {
  EXPECT_EQ(run({1.0, 1.5}, MonitorMode::min, 0, 0).stopped_after, 2);
  EXPECT_EQ(run({1.0, 0.5, 0.4}, MonitorMode::min, 0, 0).stopped_after, 0);
  // A NaN first epoch is no improvement, and still the run does not stop after it (epoch > 0).
  EXPECT_EQ(run({std::nan(""), 1.0}, MonitorMode::min, 0, 0).stopped_after, 0);
}

TEST(EarlyStopping, AnEqualFigureIsNoImprovement) {
  const Outcome o = run({0.80, 0.85, 0.85, 0.84}, MonitorMode::max, 1, 0);
  EXPECT_EQ(o.stopped_after, 3);
  EXPECT_EQ(o.best_epoch, 2);
}

TEST(EarlyStopping, MinDeltaMustBeExceededInTheFigureDirection) {
  // Lower is better: 0.95 is not 0.05 below 1.0; 0.92 is.
  Outcome o = run({1.0, 0.95, 0.92, 0.92}, MonitorMode::min, 5, 0.05);
  EXPECT_EQ(o.best_epoch, 3);
  EXPECT_EQ(o.stopped_after, 0);
  // Higher is better, and a negative min_delta counts as its absolute value, as in Keras.
  o = run({0.70, 0.72, 0.76, 0.77, 0.78}, MonitorMode::max, 2, -0.03);
  EXPECT_EQ(o.best_epoch, 3);
  EXPECT_EQ(o.stopped_after, 5);
}

TEST(EarlyStopping, MonitorsOnlyValidationFiguresTheTaskReports) {
  ASSERT_NE(monitored_field("val_loss", Task::regression), nullptr);
  EXPECT_EQ(monitor_mode(*monitored_field("val_loss", Task::binary)), MonitorMode::min);
  EXPECT_EQ(monitor_mode(*monitored_field("val_mae", Task::regression)), MonitorMode::min);
  EXPECT_EQ(monitor_mode(*monitored_field("val_r2", Task::regression)), MonitorMode::max);
  EXPECT_EQ(monitor_mode(*monitored_field("val_auc", Task::binary)), MonitorMode::max);
  EXPECT_EQ(monitored_field("val_auc", Task::multiclass), nullptr);
  EXPECT_EQ(monitored_field("train_loss", Task::binary), nullptr);
}

Table penguins() {
  std::optional<std::string> path = testing::shared_data_path("penguins.csv");
  EXPECT_TRUE(path);
  Result<Table> table = read_csv(path ? testing::read_text_file(*path) : "");
  EXPECT_TRUE(table.ok());
  return table.ok() ? std::move(*table) : Table{};
}

TEST(EarlyStopping, ASessionStopsAndRestoresExactlyTheBestEpochsWeights) {
  Table table = penguins();
  TrainingConfig config;
  config.data.target = "sex";
  config.epochs = 200;
  config.early_stopping = {true, "val_loss", 3, 0.0, true};
  std::unique_ptr<TrainingSession> stopped = testing::run_to_end(table, config);
  ASSERT_TRUE(stopped);
  const int best = stopped->best_epoch();
  const int ran = static_cast<int>(stopped->history().size());
  ASSERT_LT(ran, 200) << "the run should stop early";
  EXPECT_EQ(ran, best + 3) << "patience 3 after the best epoch";
  EXPECT_NE(stopped->stop_reason().find("early stopping after epoch " + std::to_string(ran)),
            std::string::npos)
      << stopped->stop_reason();
  EXPECT_NE(stopped->stop_reason().find("since epoch " + std::to_string(best)), std::string::npos);
  EXPECT_TRUE(stopped->using_best_epoch());
  EXPECT_EQ(stopped->evaluation()->epoch, best);
  for (std::size_t e = 0; e < stopped->history().size(); ++e) {
    EXPECT_GE(stopped->history()[e].val_loss, stopped->best_log()->val_loss) << e;
  }

  // The same seeded run, stopped at the best epoch by its epoch count, has the same weights.
  TrainingConfig plain;
  plain.data.target = "sex";
  plain.epochs = best;
  std::unique_ptr<TrainingSession> reference = testing::run_to_end(table, plain);
  ASSERT_TRUE(reference);
  const std::vector<Matrix> a = stopped->model().get_weights();
  const std::vector<Matrix> b = reference->model().get_weights();
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_TRUE(a[i] == b[i]) << "weight " << i;
}

TEST(EarlyStopping, OffByDefaultEveryEpochRunsAndTheBestIsStillKnown) {
  Table table = penguins();
  TrainingConfig config;
  config.epochs = 30;
  std::unique_ptr<TrainingSession> session = testing::run_to_end(table, config);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->history().size(), 30u);
  EXPECT_EQ(session->stop_reason(), "");
  EXPECT_FALSE(session->using_best_epoch());
  ASSERT_NE(session->best_log(), nullptr);
  double lowest = 1e9;
  for (const EpochLog& log : session->history()) lowest = std::min(lowest, log.val_loss);
  EXPECT_EQ(session->best_log()->val_loss, lowest);
}

TEST(EarlyStopping, AMonitorTheTaskDoesNotReportIsRefusedOnItsField) {
  Table table = penguins();
  TrainingConfig config;
  config.early_stopping.monitor = "val_r2";
  Result<std::unique_ptr<TrainingSession>> session = TrainingSession::create(table, config);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().field, "monitor");
  EXPECT_NE(session.error().message.find("val_macro_f1"), std::string::npos)
      << session.error().message;
}

}  // namespace
}  // namespace gradtape
