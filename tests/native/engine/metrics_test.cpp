// The metrics on small hand-worked cases.
#include "core/engine/metrics.h"

#include <gtest/gtest.h>

#include "core/engine/auc.h"
#include "tests/native/engine/gradient_check.h"

namespace gradtape {
namespace {

using testing::column;
using testing::matrix;

TEST(Mean, AveragesTheValuesGiven) {
  Mean mean;
  EXPECT_EQ(mean.result(), 0.0);
  mean.update_state(0.5);
  mean.update_state(0.25);
  mean.update_state(0.75);
  EXPECT_DOUBLE_EQ(mean.result(), 0.5);  // (0.5 + 0.25 + 0.75) / 3
  mean.update_state(2.0, /*weight=*/2.0);
  EXPECT_DOUBLE_EQ(mean.result(), 1.1);  // (1.5 + 4) / 5
  mean.reset_state();
  EXPECT_EQ(mean.count(), 0.0);
}

TEST(BinaryAccuracy, ThresholdIsStrict) {
  BinaryAccuracy accuracy;
  // predicted [0 (0.5 is not > 0.5), 1, 0, 1] against [0, 1, 1, 1]: 3 of 4 correct
  accuracy.update_state(column({0, 1, 1, 1}), column({0.5f, 0.51f, 0.2f, 0.9f}));
  EXPECT_EQ(accuracy.correct(), 3);
  EXPECT_EQ(accuracy.count(), 4);
  EXPECT_DOUBLE_EQ(accuracy.result(), 0.75);
  // A second batch accumulates: predicted [1, 0] against [0, 0]: 1 more of 2.
  accuracy.update_state(column({0, 0}), column({0.7f, 0.1f}));
  EXPECT_DOUBLE_EQ(accuracy.result(), 4.0 / 6.0);
  accuracy.reset_state();
  EXPECT_EQ(accuracy.result(), 0.0);
}

TEST(BinaryAccuracy, OtherThreshold) {
  BinaryAccuracy accuracy(0.8f);
  accuracy.update_state(column({1, 1}), column({0.7f, 0.9f}));
  EXPECT_DOUBLE_EQ(accuracy.result(), 0.5);
}

TEST(ConfusionMatrix, CountsEachCase) {
  ConfusionMatrix confusion;
  // (true, predicted): (1, 0.9) tp, (1, 0.2) fn, (0, 0.6) fp, (0, 0.1) tn, (0, 0.5) tn, (1, 0.7) tp
  confusion.update_state(column({1, 1, 0, 0, 0, 1}), column({0.9f, 0.2f, 0.6f, 0.1f, 0.5f, 0.7f}));
  EXPECT_EQ(confusion.result().tp, 2);
  EXPECT_EQ(confusion.result().fn, 1);
  EXPECT_EQ(confusion.result().fp, 1);
  EXPECT_EQ(confusion.result().tn, 2);
}

TEST(PrecisionAndRecall, FromTheSameCounts) {
  Precision precision;
  Recall recall;
  const Matrix y_true = column({1, 1, 0, 0, 0, 1});
  const Matrix y_pred = column({0.9f, 0.2f, 0.6f, 0.1f, 0.5f, 0.7f});
  precision.update_state(y_true, y_pred);
  recall.update_state(y_true, y_pred);
  EXPECT_DOUBLE_EQ(precision.result(), 2.0 / 3.0);      // tp / (tp + fp) = 2 / 3
  EXPECT_DOUBLE_EQ(recall.result(), 2.0 / 3.0);         // tp / (tp + fn) = 2 / 3
  precision.update_state(column({0}), column({0.8f}));  // one more fp: 2 / 4
  EXPECT_DOUBLE_EQ(precision.result(), 0.5);
}

TEST(PrecisionAndRecall, ZeroWhenTheDenominatorIsEmpty) {
  Precision precision;
  Recall recall;
  precision.update_state(column({1, 0}), column({0.1f, 0.2f}));  // nothing predicted positive
  recall.update_state(column({0, 0}), column({0.9f, 0.2f}));     // no actual positive
  EXPECT_EQ(precision.result(), 0.0);
  EXPECT_EQ(recall.result(), 0.0);
}

TEST(AUC, KerasDocumentationExample) {
  // keras.metrics.AUC(num_thresholds=3) on [0, 0, 1, 1] / [0, 0.5, 0.3, 0.9]: thresholds
  // [-1e-7, 0.5, 1 + 1e-7], tp = [2, 1, 0], fp = [2, 0, 0], recall = [1, 0.5, 0],
  // fp rate = [1, 0, 0]: ((1 + 0.5) / 2)·(1 - 0) + ((0.5 + 0) / 2)·(0 - 0) = 0.75
  AUC auc(3);
  auc.update_state(column({0, 0, 1, 1}), column({0, 0.5f, 0.3f, 0.9f}));
  EXPECT_DOUBLE_EQ(auc.result(), 0.75);
  // Exact: of the 4 (positive, negative) pairs, 3 are ordered right: 0.3 > 0, 0.9 > 0, 0.9 > 0.5.
  AUC exact = AUC::exact();
  exact.update_state(column({0, 0, 1, 1}), column({0, 0.5f, 0.3f, 0.9f}));
  EXPECT_DOUBLE_EQ(exact.result(), 0.75);
}

TEST(AUC, ThresholdsAndExactDifferWithinOneBucket) {
  // With 200 thresholds the buckets are 1/199 wide: 0.501 and 0.502 share (0.4975, 0.5025],
  // 0.503 and 0.504 share the next. ROC points: (1, 1), (0.5, 0.5), (0, 0): area
  // 0.5·(1 + 0.5)/2 + 0.5·(0.5 + 0)/2 = 0.5. Exact: pairs (0.502 > 0.501), (0.504 > 0.501),
  // (0.504 > 0.503) right, (0.502 < 0.503) wrong: 3 / 4.
  const Matrix y_true = column({0, 1, 0, 1});
  const Matrix y_pred = column({0.501f, 0.502f, 0.503f, 0.504f});
  AUC keras;
  AUC exact = AUC::exact();
  keras.update_state(y_true, y_pred);
  exact.update_state(y_true, y_pred);
  EXPECT_NEAR(keras.result(), 0.5, 1e-12);
  EXPECT_NEAR(exact.result(), 0.75, 1e-12);
  EXPECT_EQ(keras.thresholds().size(), 200u);
}

TEST(AUC, AgreeWhenEveryPredictionHasItsOwnBucket) {
  AUC keras;
  AUC exact = AUC::exact();
  const Matrix y_true = column({1, 0, 1, 1, 0, 0, 1, 0});
  const Matrix y_pred = column({0.95f, 0.85f, 0.7f, 0.55f, 0.4f, 0.3f, 0.2f, 0.05f});
  // Split over two batches: state accumulates.
  keras.update_state(y_true.topRows(3), y_pred.topRows(3));
  keras.update_state(y_true.bottomRows(5), y_pred.bottomRows(5));
  exact.update_state(y_true, y_pred);
  // Of the 16 (positive, negative) pairs: 0.95 beats all 4 negatives, 0.7 and 0.55 beat 3 each,
  // 0.2 beats 1: 11 of 16.
  EXPECT_NEAR(exact.result(), 11.0 / 16.0, 1e-12);
  EXPECT_NEAR(keras.result(), 11.0 / 16.0, 1e-12);
}

TEST(AUC, TiesCountOneHalfAndOneClassGivesZero) {
  AUC exact = AUC::exact();
  exact.update_state(column({1, 0}), column({0.3f, 0.3f}));
  EXPECT_DOUBLE_EQ(exact.result(), 0.5);
  AUC keras;
  keras.update_state(column({1, 1}), column({0.3f, 0.6f}));
  EXPECT_EQ(keras.result(), 0.0);
  exact.reset_state();
  EXPECT_EQ(exact.result(), 0.0);
}

TEST(SparseCategoricalAccuracy, ArgmaxWithTheFirstIndexOnTies) {
  SparseCategoricalAccuracy accuracy;
  // argmax: 1, 0 (a tie of 0.4 and 0.4 goes to the first), 2; labels 1, 1, 2: 2 of 3 correct.
  accuracy.update_state(matrix(3, 1, {1, 1, 2}),
                        matrix(3, 3, {0.1f, 0.8f, 0.1f, 0.4f, 0.4f, 0.2f, 0, 0, 1}));
  EXPECT_EQ(accuracy.correct(), 2);
  EXPECT_EQ(accuracy.count(), 3);
  EXPECT_DOUBLE_EQ(accuracy.result(), 2.0 / 3.0);
}

TEST(ClassConfusion, CountsActualAgainstPredictedAndScoresEachClass) {
  // Labels 0 0 1 1 2 2 2; argmax predictions 0 1 1 1 2 0 2.
  ClassConfusion confusion(3);
  confusion.update_state(
      matrix(7, 1, {0, 0, 1, 1, 2, 2, 2}),
      matrix(7, 3, {1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1}));
  EXPECT_EQ(confusion.result(), (std::vector<std::int64_t>{1, 1, 0, 0, 2, 0, 1, 0, 2}));
  const std::vector<ClassScore> scores = class_scores(confusion);
  // Class 0: tp 1, predicted 2, actual 2 -> precision 0.5, recall 0.5, F1 0.5.
  // Class 1: tp 2, predicted 3, actual 2 -> precision 2/3, recall 1, F1 0.8.
  // Class 2: tp 2, predicted 2, actual 3 -> precision 1, recall 2/3, F1 0.8.
  EXPECT_DOUBLE_EQ(scores[0].f1, 0.5);
  EXPECT_DOUBLE_EQ(scores[1].precision, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(scores[1].f1, 0.8);
  EXPECT_DOUBLE_EQ(scores[2].recall, 2.0 / 3.0);
  EXPECT_EQ(scores[2].support, 3);
  EXPECT_DOUBLE_EQ(macro_f1(scores), (0.5 + 0.8 + 0.8) / 3);  // sklearn f1_score(average='macro')
}

TEST(ClassConfusion, AClassNeverPredictedScoresZeroNotNaN) {
  ClassConfusion confusion(2);
  confusion.add(0, 0);
  confusion.add(1, 0);
  const std::vector<ClassScore> scores = class_scores(confusion);
  EXPECT_EQ(scores[1].precision, 0.0);
  EXPECT_EQ(scores[1].f1, 0.0);
}

}  // namespace
}  // namespace gradtape
