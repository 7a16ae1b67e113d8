// The training session: a seeded run on heart.csv follows TensorFlow.js's trace step for step
// (its draws are the trace's: split, initial kernels, epoch shuffles), histories repeat exactly,
// stepping by batches or by time gives the same numbers as whole epochs, and bad settings are
// refused before anything trains, naming the field.
#include "core/train/training_session.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"
#include "core/reference/trace.h"
#include "tests/native/test_data.h"

namespace gradtape {
namespace {

Table load_heart(const std::string& path) {
  Result<Table> table = read_csv(testing::read_text_file(path));
  EXPECT_TRUE(table.ok()) << (table.ok() ? "" : table.error().message);
  return std::move(*table);
}

std::unique_ptr<TrainingSession> make_session(const Table& table, const TrainingConfig& config) {
  Result<std::unique_ptr<TrainingSession>> session = TrainingSession::create(table, config);
  EXPECT_TRUE(session.ok()) << (session.ok() ? "" : session.error().message);
  return session.ok() ? std::move(*session) : nullptr;
}

std::vector<EpochLog> train_all(const Table& table, const TrainingConfig& config) {
  std::unique_ptr<TrainingSession> session = make_session(table, config);
  while (session && !session->done()) session->run_epoch();
  return session ? session->history() : std::vector<EpochLog>{};
}

// A small table with a clear signal: y = 1 when x1 + x2 > 0, with a text column.
Table toy_table() {
  std::string csv = "x1,x2,colour,y\n";
  Random random(5);
  for (int i = 0; i < 200; ++i) {
    double a = random.unit() * 2 - 1, b = random.unit() * 2 - 1;
    csv += std::to_string(a) + "," + std::to_string(b) + "," + (i % 3 ? "red" : "blue") + "," +
           (a + b > 0 ? "1" : "0") + "\n";
  }
  Result<Table> table = read_csv(csv);
  EXPECT_TRUE(table.ok());
  return std::move(*table);
}

TEST(TrainingSession, SeededRunFollowsTheTensorFlowJsTraceStepForStep) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  GRADTAPE_REQUIRE_TRACE(trace, "heart_tfjs_trace_2epochs.json");
  TrainingConfig config;
  config.epochs = 2;
  config.seed = trace["meta"]["seed"].get<std::uint32_t>();
  std::vector<EpochLog> history = train_all(load_heart(path), config);
  ASSERT_EQ(history.size(), 2u);
  for (std::size_t e = 0; e < 2; ++e) {
    const auto& expected = trace["epochs"][e];
    ASSERT_EQ(history[e].step_losses.size(), expected["step_losses"].size());
    for (std::size_t s = 0; s < history[e].step_losses.size(); ++s) {
      EXPECT_NEAR(history[e].step_losses[s], expected["step_losses"][s].get<double>(), 1e-5)
          << "epoch " << e + 1 << " step " << s;
    }
    EXPECT_NEAR(history[e].train_loss, expected["train_loss"].get<double>(), 1e-5);
    EXPECT_NEAR(history[e].val_loss, expected["val_loss"].get<double>(), 1e-5);
    EXPECT_EQ(history[e].train_correct, expected["train_correct"].get<std::int64_t>());
    EXPECT_EQ(history[e].val_correct, expected["val_correct"].get<std::int64_t>());
  }
}

TEST(TrainingSession, ReplayOfTheTraceSplitWeightsAndOrdersAgrees) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  GRADTAPE_REQUIRE_TRACE(json, "heart_tfjs_trace_2epochs.json");
  Result<Trace> trace = parse_trace(json.dump());
  ASSERT_TRUE(trace.ok()) << trace.error().message;
  Result<std::unique_ptr<TrainingSession>> session =
      TrainingSession::create(load_heart(path), trace->config, trace->replay);
  ASSERT_TRUE(session.ok()) << session.error().message;
  for (const TraceEpoch& expected : trace->epochs) {
    const EpochLog& log = (*session)->run_epoch();
    EXPECT_NEAR(log.train_loss, expected.train_loss, 1e-5);
    EXPECT_EQ(log.train_correct, expected.train_correct);
    EXPECT_EQ(log.val_correct, expected.val_correct);
  }
  EXPECT_TRUE((*session)->done());
}

TEST(TrainingSession, SameSeedSameHistoryBitForBit) {
  Table table = toy_table();
  TrainingConfig config;
  config.epochs = 5;
  std::vector<EpochLog> a = train_all(table, config), b = train_all(table, config);
  ASSERT_EQ(a.size(), 5u);
  ASSERT_EQ(b.size(), 5u);
  for (std::size_t e = 0; e < a.size(); ++e) {
    EXPECT_EQ(a[e].step_losses, b[e].step_losses);
    EXPECT_EQ(a[e].train_loss, b[e].train_loss);
    EXPECT_EQ(a[e].val_loss, b[e].val_loss);
    EXPECT_EQ(a[e].val_auc, b[e].val_auc);
  }
}

TEST(TrainingSession, DifferentSeedsGiveDifferentHistories) {
  Table table = toy_table();
  TrainingConfig config;
  config.epochs = 2;
  std::vector<EpochLog> a = train_all(table, config);
  config.seed = 43;
  std::vector<EpochLog> b = train_all(table, config);
  EXPECT_NE(a.back().step_losses, b.back().step_losses);
}

TEST(TrainingSession, SteppingByBatchesOrByBudgetMatchesWholeEpochs) {
  Table table = toy_table();
  TrainingConfig config;
  config.epochs = 3;
  config.batch_size = 16;
  std::vector<EpochLog> whole = train_all(table, config);

  std::unique_ptr<TrainingSession> by_batch = make_session(table, config);
  int epochs_ended = 0;
  while (!by_batch->done()) epochs_ended += by_batch->step({1}) ? 1 : 0;
  EXPECT_EQ(epochs_ended, 3);

  std::unique_ptr<TrainingSession> by_budget = make_session(table, config);
  while (!by_budget->done()) by_budget->step({TrainingSession::StepLimits{}.max_batches, 0.0});

  for (std::size_t e = 0; e < whole.size(); ++e) {
    EXPECT_EQ(by_batch->history()[e].step_losses, whole[e].step_losses);
    EXPECT_EQ(by_budget->history()[e].val_loss, whole[e].val_loss);
  }
}

TEST(TrainingSession, ProgressCountsBatchesAndSamples) {
  Table table = toy_table();  // 200 rows: 160 train, 40 validation
  TrainingConfig config;
  config.epochs = 2;
  config.batch_size = 50;
  std::unique_ptr<TrainingSession> session = make_session(table, config);
  TrainingSession::Progress p = session->progress();
  EXPECT_EQ(p.epoch, 1);
  EXPECT_EQ(p.batches_per_epoch, 4u);  // 50, 50, 50, 10
  EXPECT_EQ(p.val_batches, 1u);
  EXPECT_FALSE(session->step({2}));
  p = session->progress();
  EXPECT_EQ(p.batch, 2u);
  EXPECT_EQ(p.samples_seen, 100);
  EXPECT_EQ(p.phase, TrainingSession::Phase::train);
  EXPECT_FALSE(session->step({2}));
  EXPECT_EQ(session->progress().phase, TrainingSession::Phase::validate);
  EXPECT_TRUE(session->step({5}));  // the one validation batch ends the epoch
  EXPECT_EQ(session->progress().epoch, 2);
  EXPECT_EQ(session->history().size(), 1u);
  ASSERT_TRUE(session->evaluation().has_value());
  const Evaluation& evaluation = *session->evaluation();
  EXPECT_EQ(evaluation.epoch, 1);
  ASSERT_EQ(evaluation.confusion.size(), 4u);
  EXPECT_EQ(evaluation.confusion[0] + evaluation.confusion[1] + evaluation.confusion[2] +
                evaluation.confusion[3],
            40);
  EXPECT_EQ(session->history()[0].step_losses.size(), 4u);
}

TEST(TrainingSession, LearnsAClearSignal) {
  TrainingConfig config;
  config.epochs = 40;
  std::vector<EpochLog> history = train_all(toy_table(), config);
  ASSERT_EQ(history.size(), 40u);
  EXPECT_GT(history.back().val_accuracy, 0.9);
  EXPECT_LT(history.back().train_loss, history.front().train_loss);
}

TEST(TrainingSession, EveryOptimizerTrains) {
  for (OptimizerKind kind : {OptimizerKind::rmsprop, OptimizerKind::adam, OptimizerKind::sgd}) {
    TrainingConfig config;
    config.epochs = 30;
    config.optimizer.kind = kind;
    config.optimizer.learning_rate = kind == OptimizerKind::sgd ? 0.05 : 0.005;
    std::vector<EpochLog> history = train_all(toy_table(), config);
    ASSERT_EQ(history.size(), 30u) << optimizer_name(kind);
    EXPECT_GT(history.back().val_accuracy, 0.85) << optimizer_name(kind);
  }
}

TEST(TrainingSession, PredictsNewRowsPreparedAsTheTrainingRows) {
  TrainingConfig config;
  config.epochs = 40;
  std::unique_ptr<TrainingSession> session = make_session(toy_table(), config);
  while (!session->done()) session->run_epoch();
  Result<Table> rows = read_csv("x1,x2,colour\n0.9,0.8,red\n-0.9,-0.7,blue\n");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  Result<Predictions> predicted = session->predict(*rows);
  ASSERT_TRUE(predicted.ok()) << predicted.error().message;
  ASSERT_EQ(predicted->probabilities.rows(), 2);
  EXPECT_GT(predicted->probabilities(0, 1), 0.5f);
  EXPECT_LT(predicted->probabilities(1, 1), 0.5f);
  EXPECT_EQ(predicted->classes, (std::vector<std::size_t>{1, 0}));
  Result<Table> unseen = read_csv("x1,x2,colour\n0.1,0.2,green\n");
  ASSERT_TRUE(unseen.ok());
  Result<Predictions> refused = session->predict(*unseen);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("green"), std::string::npos) << refused.error().message;
}

TEST(TrainingSession, ADivergingRunStopsNamingTheEpochAndStepAndKeepsItsHistory) {
  // A regression target of huge values and SGD at the largest learning rate: the loss overflows.
  std::string csv = "x,y\n";
  for (int i = 0; i < 64; ++i)
    csv += std::to_string(i % 8) + "," + std::to_string((i % 8) * 1e6 + i) + "\n";
  Result<Table> table = read_csv(csv);
  ASSERT_TRUE(table.ok());
  TrainingConfig config;
  config.epochs = 50;
  config.batch_size = 8;
  config.optimizer.kind = OptimizerKind::sgd;
  config.optimizer.learning_rate = 10;
  std::unique_ptr<TrainingSession> session = make_session(*table, config);
  ASSERT_TRUE(session);
  while (!session->done()) session->step({1});
  ASSERT_TRUE(session->failure().has_value()) << "the run should have diverged";
  const Error& failure = *session->failure();
  EXPECT_EQ(failure.field, "learning_rate");
  EXPECT_NE(failure.message.find("the run diverged: the loss became"), std::string::npos)
      << failure.message;
  EXPECT_NE(
      failure.message.find("at epoch " + std::to_string(session->history().size() + 1) + ", "),
      std::string::npos)
      << failure.message;
  EXPECT_NE(failure.message.find("try a lower one"), std::string::npos) << failure.message;
  EXPECT_FALSE(session->step({1}));  // stopped for good
  for (const EpochLog& log : session->history())
    EXPECT_TRUE(std::isfinite(log.train_loss)) << log.epoch;
}

TEST(TrainingSession, TheSuggestedTargetIsUsedWhenNoneIsGiven) {
  const TrainingConfig defaults;
  std::unique_ptr<TrainingSession> session = make_session(toy_table(), defaults);
  EXPECT_EQ(session->config().data.target, "y");
}

// Each invalid setting is refused before training, and the error names its field.
TEST(TrainingSession, InvalidSettingsNameTheirField) {
  Table table = toy_table();
  auto refused_field = [&](auto change) {
    TrainingConfig config;
    change(config);
    Result<std::unique_ptr<TrainingSession>> session = TrainingSession::create(table, config);
    EXPECT_FALSE(session.ok());
    return session.ok() ? std::string("(accepted)") : session.error().field;
  };
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.epochs = 0; }), "epochs");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.batch_size = -3; }), "batch_size");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.batch_size = 161; }), "batch_size");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.optimizer.learning_rate = std::nan(""); }),
            "learning_rate");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.optimizer.learning_rate = -0.1; }),
            "learning_rate");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.optimizer.learning_rate = INFINITY; }),
            "learning_rate");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.hidden = {64, 0}; }), "hidden");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.data.validation_split = 1.0; }),
            "validation_split");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.data.validation_split = 0.0; }),
            "validation_split");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.data.target = "nope"; }), "target");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.data.target = "nope"; }), "target");
  EXPECT_EQ(refused_field([](TrainingConfig& c) {
              c.data.target = "x1";  // many numbers: a regression target, never a binary one
              c.data.task = TaskRequest::binary;
            }),
            "task");
  EXPECT_EQ(refused_field([](TrainingConfig& c) {
              c.data.target = "colour";
              c.data.task = TaskRequest::regression;
            }),
            "task");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.data.scaler_ddof = 2; }), "scaler_ddof");
  EXPECT_EQ(refused_field([](TrainingConfig& c) { c.optimizer.momentum = 1.5; }), "momentum");
}

TEST(TrainingSession, BatchLargerThanTrainSetSaysHowManyRowsThereAre) {
  TrainingConfig config;
  config.batch_size = 500;
  Result<std::unique_ptr<TrainingSession>> session = TrainingSession::create(toy_table(), config);
  ASSERT_FALSE(session.ok());
  EXPECT_NE(session.error().message.find("160 training rows"), std::string::npos)
      << session.error().message;
}

TEST(TrainingSession, ModelsTooLargeForATabAreRefused) {
  Table table = toy_table();
  TrainingConfig huge_model;
  huge_model.hidden = {4096, 4096, 4096};  // about 33.6 million weights
  Result<std::unique_ptr<TrainingSession>> refused = TrainingSession::create(table, huge_model);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "hidden");
  EXPECT_NE(refused.error().message.find("weights"), std::string::npos) << refused.error().message;

  TrainingConfig wide;
  wide.hidden = {2048, 2048};  // about 4.2 million weights: allowed
  EXPECT_TRUE(TrainingSession::create(table, wide).ok());
}

TEST(TrainingSession, OneHotOfAnIdColumnTooWideToHoldIsRefusedNamingIt) {
  std::string csv = "id,x,y\n";
  for (int i = 0; i < 6000; ++i)
    csv += "user" + std::to_string(i) + "," + std::to_string(i % 7) + "," + std::to_string(i % 2) +
           "\n";
  Result<Table> table = read_csv(csv);
  ASSERT_TRUE(table.ok());
  TrainingConfig config;
  config.data.encoding = Encoding::OneHot;
  Result<std::unique_ptr<TrainingSession>> refused = TrainingSession::create(*table, config);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "encoding");
  EXPECT_NE(refused.error().message.find("'id'"), std::string::npos) << refused.error().message;
  // Under category codes every validation ID is unseen in training: refused, naming the column.
  config.data.encoding = Encoding::CategoryCodes;
  refused = TrainingSession::create(*table, config);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("'id'"), std::string::npos) << refused.error().message;
}

}  // namespace
}  // namespace gradtape
