// Class weights in a whole run: weights of 1 by hand give the unweighted history bit for bit,
// balanced weights raise a rare class's recall on an imbalanced table, the train loss is weighted
// and the validation loss is not, and a regression target refuses them.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/data/read_csv.h"
#include "core/engine/losses.h"
#include "core/random.h"
#include "core/train/training_session.h"
#include "tests/native/train/run_to_end.h"

namespace gradtape {
namespace {

// 1,000 rows, about 13% positive: y = 1 when x1 + noise is high.
Table imbalanced_table() {
  std::string csv = "x1,x2,y\n";
  Random random(17);
  for (int i = 0; i < 1000; ++i) {
    const double a = random.unit() * 2 - 1, b = random.unit() * 2 - 1;
    const double noise = (random.unit() - 0.5) * 0.6;
    csv +=
        std::to_string(a) + "," + std::to_string(b) + "," + (a + noise > 0.75 ? "1" : "0") + "\n";
  }
  Result<Table> table = read_csv(csv);
  EXPECT_TRUE(table.ok());
  return std::move(*table);
}

TrainingConfig short_run(ClassWeighting mode, std::string manual = "") {
  TrainingConfig config;
  config.data.target = "y";
  config.epochs = 8;
  config.class_weights = {mode, std::move(manual)};
  return config;
}

double positive_recall(const TrainingSession& session) {
  return session.evaluation()->scores[1].recall;
}

TEST(ClassWeightedTraining, WeightsOfOneByHandGiveTheUnweightedRunBitForBit) {
  const Table table = imbalanced_table();
  auto plain = testing::run_to_end(table, short_run(ClassWeighting::none));
  auto unit = testing::run_to_end(table, short_run(ClassWeighting::manual, "0:1,1:1"));
  ASSERT_TRUE(plain && unit);
  ASSERT_EQ(plain->history().size(), unit->history().size());
  for (std::size_t e = 0; e < plain->history().size(); ++e) {
    EXPECT_EQ(plain->history()[e].step_losses, unit->history()[e].step_losses) << "epoch " << e + 1;
    EXPECT_EQ(plain->history()[e].val_loss, unit->history()[e].val_loss) << "epoch " << e + 1;
  }
  EXPECT_EQ(unit->class_weights(), (std::vector<float>{1.f, 1.f}));
  EXPECT_TRUE(plain->class_weights().empty());
}

TEST(ClassWeightedTraining, BalancedWeightsRaiseTheRareClassRecall) {
  const Table table = imbalanced_table();
  auto plain = testing::run_to_end(table, short_run(ClassWeighting::none));
  auto balanced = testing::run_to_end(table, short_run(ClassWeighting::balanced));
  ASSERT_TRUE(plain && balanced);
  const std::vector<float>& w = balanced->class_weights();
  ASSERT_EQ(w.size(), 2u);
  EXPECT_GT(w[1], 3.f);  // the rare class: n / (2 · n_1) with n_1 under a sixth of n
  EXPECT_LT(w[0], 1.f);
  EXPECT_GT(positive_recall(*balanced), positive_recall(*plain) + 0.2)
      << "plain " << positive_recall(*plain) << ", balanced " << positive_recall(*balanced);
}

TEST(ClassWeightedTraining, TheTrainLossIsWeightedAndTheValidationLossIsNot) {
  const Table table = imbalanced_table();
  TrainingConfig plain_config = short_run(ClassWeighting::none);
  TrainingConfig weighted_config = short_run(ClassWeighting::manual, "1:5");
  plain_config.epochs = weighted_config.epochs = 1;
  auto plain = testing::run_to_end(table, plain_config);
  auto weighted = testing::run_to_end(table, weighted_config);
  ASSERT_TRUE(plain && weighted);
  // The same seed draws the same first batch and initial weights: only the weighting differs.
  EXPECT_NE(plain->history()[0].step_losses[0], weighted->history()[0].step_losses[0]);
  // Each validation batch's loss is the plain binary cross-entropy of the weighted run's model.
  Sequential model = weighted->model();
  const Dataset& data = weighted->dataset();
  const EpochLog& log = weighted->history()[0];
  for (std::size_t b = 0; b < log.val_batch_losses.size(); ++b) {
    const Index begin = static_cast<Index>(b) * 32;
    const Index rows = std::min<Index>(32, data.x_val.rows() - begin);
    const Matrix probs = model.predict(data.x_val.middleRows(begin, rows));
    EXPECT_EQ(log.val_batch_losses[b],
              binary_crossentropy(probs, data.y_val.middleRows(begin, rows)))
        << "validation batch " << b + 1;
  }
}

TEST(ClassWeightedTraining, ARegressionTargetRefusesClassWeights) {
  const Table table = imbalanced_table();
  TrainingConfig config = short_run(ClassWeighting::balanced);
  config.data.target = "x2";
  auto session = TrainingSession::create(table, config);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().field, "class_weight");
}

}  // namespace
}  // namespace gradtape
