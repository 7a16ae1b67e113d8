// The table-tfjs-trace/1 replays: gradtape's pipeline and trainer, started from the trace's
// split, initial weights and shuffle orders, against TensorFlow.js on penguins (multi-class) and
// diabetes progression (regression). The 2-epoch traces: the scaled data bit-exact, every step
// loss within 1e-5, the correct counts exact and the regression errors within 1e-4 relative. The
// 60-epoch traces: within float32 drift.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"
#include "core/reference/trace.h"
#include "core/train/training_session.h"
#include "tests/native/test_data.h"

namespace gradtape {
namespace {

struct Replayed {
  Trace trace;
  std::unique_ptr<TrainingSession> session;
};

Replayed replay(const nlohmann::json& json, const std::string& csv_path) {
  Result<Trace> trace = parse_trace(json.dump());
  EXPECT_TRUE(trace.ok()) << trace.error().message;
  Result<Table> table = read_csv(testing::read_text_file(csv_path));
  EXPECT_TRUE(table.ok()) << table.error().message;
  Result<std::unique_ptr<TrainingSession>> session =
      TrainingSession::create(*table, trace->config, trace->replay);
  EXPECT_TRUE(session.ok()) << session.error().message;
  return {std::move(*trace), session.ok() ? std::move(*session) : nullptr};
}

void expect_equals_trace(const Matrix& ours, const nlohmann::json& theirs) {
  ASSERT_EQ(static_cast<std::size_t>(ours.rows()), theirs.size());
  for (Index i = 0; i < ours.rows(); ++i) {
    const nlohmann::json& row = theirs[static_cast<std::size_t>(i)];
    for (Index j = 0; j < ours.cols(); ++j) {
      const float value =
          row.is_array() ? row[static_cast<std::size_t>(j)].get<float>() : row.get<float>();
      ASSERT_EQ(ours(i, j), value) << "row " << i << " column " << j;
    }
  }
}

// How closely each epoch must follow the trace: step losses and epoch losses (absolute, at least
// 1 of scale), correct counts (rows), and the regression errors (relative).
struct Tolerance {
  double step_loss, loss, rows, error;
};
constexpr Tolerance kFirstEpochs{1e-5, 1e-5, 0, 1e-4};
constexpr Tolerance kSixtyEpochs{1e-3, 1e-3, 2, 1e-2};  // float32 drift grows late

void expect_epochs_follow(Replayed& run, const Tolerance& tolerance) {
  for (const TraceEpoch& expected : run.trace.epochs) {
    const EpochLog& log = run.session->run_epoch();
    ASSERT_EQ(log.step_losses.size(), expected.step_losses.size());
    for (std::size_t s = 0; s < log.step_losses.size(); ++s) {
      EXPECT_NEAR(log.step_losses[s], expected.step_losses[s], tolerance.step_loss)
          << "epoch " << log.epoch << " step " << s;
    }
    EXPECT_NEAR(log.train_loss, expected.train_loss,
                tolerance.loss * std::max(1.0, expected.train_loss))
        << log.epoch;
    EXPECT_NEAR(log.val_loss, expected.val_loss, tolerance.loss * std::max(1.0, expected.val_loss))
        << log.epoch;
    if (expected.train_correct) {
      EXPECT_NEAR(double(log.train_correct), double(*expected.train_correct), tolerance.rows)
          << "epoch " << log.epoch;
      EXPECT_NEAR(double(log.val_correct), double(*expected.val_correct), tolerance.rows)
          << "epoch " << log.epoch;
    }
    for (auto [ours, theirs] : {std::pair{log.train_mae, expected.train_mae},
                                {log.val_mae, expected.val_mae},
                                {log.val_rmse, expected.val_rmse},
                                {log.val_r2, expected.val_r2}}) {
      if (theirs) {
        EXPECT_NEAR(ours, *theirs, tolerance.error * std::max(1.0, std::fabs(*theirs)))
            << "epoch " << log.epoch;
      }
    }
  }
}

TEST(TableReplay, PenguinsTwoEpochsAgreeStepForStep) {
  GRADTAPE_REQUIRE_SHARED_DATA(path, "penguins.csv");
  GRADTAPE_REQUIRE_TRACE(json, "penguins_tfjs_trace_2epochs.json");
  Replayed run = replay(json, path);
  ASSERT_TRUE(run.session);
  const Dataset& data = run.session->dataset();
  EXPECT_EQ(data.target.task, Task::multiclass);
  EXPECT_EQ(data.target.classes, run.trace.classes);
  EXPECT_EQ(data.train_rows.size() + data.val_rows.size(),
            json["data"]["n_usable"].get<std::size_t>());
  expect_equals_trace(data.x_train, json["data"]["x_train"]);
  expect_equals_trace(data.x_val, json["data"]["x_val"]);
  expect_equals_trace(data.y_train, json["data"]["y_train"]);
  expect_epochs_follow(run, kFirstEpochs);
}

TEST(TableReplay, DiabetesTwoEpochsAgreeStepForStep) {
  GRADTAPE_REQUIRE_SHARED_DATA(path, "diabetes_progression.csv");
  GRADTAPE_REQUIRE_TRACE(json, "diabetes_tfjs_trace_2epochs.json");
  Replayed run = replay(json, path);
  ASSERT_TRUE(run.session);
  const Dataset& data = run.session->dataset();
  EXPECT_EQ(data.target.task, Task::regression);
  EXPECT_DOUBLE_EQ(data.target.mean, *run.trace.target_mean);
  EXPECT_DOUBLE_EQ(data.target.std, *run.trace.target_std);
  expect_equals_trace(data.x_train, json["data"]["x_train"]);
  expect_equals_trace(data.y_train, json["data"]["y_train"]);  // the standardised target
  expect_equals_trace(data.y_val, json["data"]["y_val"]);
  expect_epochs_follow(run, kFirstEpochs);
}

TEST(TableReplay, BothSixtyEpochTracesTrackTensorFlowJs) {
  for (const auto& [trace_name, data_name] :
       {std::pair{"penguins_tfjs_trace.json", "penguins.csv"},
        {"diabetes_tfjs_trace.json", "diabetes_progression.csv"}}) {
    SCOPED_TRACE(trace_name);
    GRADTAPE_REQUIRE_SHARED_DATA(path, data_name);
    GRADTAPE_REQUIRE_TRACE(json, trace_name);
    Replayed run = replay(json, path);
    ASSERT_TRUE(run.session);
    ASSERT_EQ(run.trace.epochs.size(), 60u);
    expect_epochs_follow(run, kSixtyEpochs);
  }
}

}  // namespace
}  // namespace gradtape
