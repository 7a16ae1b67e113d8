// ROC and precision-recall curves against scikit-learn's documented examples (roc_curve,
// roc_auc_score, precision_recall_curve, average_precision_score on y = [0, 0, 1, 1],
// scores = [0.1, 0.4, 0.35, 0.8]), ties, a missing class, and scores at a threshold.
#include "core/engine/curves.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace gradtape {
namespace {

const std::vector<float> kScores = {0.1f, 0.4f, 0.35f, 0.8f};
const std::vector<std::uint8_t> kLabels = {0, 0, 1, 1};

TEST(Curves, RocCurveIsScikitLearnsDocumentedExample) {
  const RocCurve roc = roc_curve(kScores, kLabels);
  EXPECT_EQ(roc.fpr, (std::vector<double>{0, 0, 0.5, 0.5, 1}));
  EXPECT_EQ(roc.tpr, (std::vector<double>{0, 0.5, 0.5, 1, 1}));
  ASSERT_EQ(roc.thresholds.size(), 5u);
  EXPECT_TRUE(std::isinf(roc.thresholds[0]));
  EXPECT_FLOAT_EQ(roc.thresholds[1], 0.8f);
  EXPECT_FLOAT_EQ(roc.thresholds[4], 0.1f);
  EXPECT_DOUBLE_EQ(roc.auc, 0.75);  // roc_auc_score's example
}

TEST(Curves, PrecisionRecallAndAveragePrecisionAreScikitLearns) {
  const PrCurve pr = pr_curve(kScores, kLabels);
  // precision_recall_curve lists them from the lowest threshold: P [0.5, 0.667, 0.5, 1],
  // R [1, 1, 0.5, 0.5]; here from the highest.
  ASSERT_EQ(pr.precision.size(), 4u);
  EXPECT_DOUBLE_EQ(pr.precision[0], 1.0);
  EXPECT_DOUBLE_EQ(pr.precision[1], 0.5);
  EXPECT_DOUBLE_EQ(pr.precision[2], 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(pr.precision[3], 0.5);
  EXPECT_EQ(pr.recall, (std::vector<double>{0.5, 0.5, 1, 1}));
  EXPECT_NEAR(pr.average_precision, 0.8333333333333333, 1e-15);  // the docs' 0.83...
}

TEST(Curves, TiedScoresAreOnePointAndAPerfectRankingHasAreaOne) {
  const RocCurve tied = roc_curve({0.5f, 0.5f, 0.5f, 0.5f}, {0, 1, 0, 1});
  EXPECT_EQ(tied.fpr, (std::vector<double>{0, 1}));
  EXPECT_DOUBLE_EQ(tied.auc, 0.5);
  EXPECT_DOUBLE_EQ(roc_curve({0.9f, 0.8f, 0.2f, 0.1f}, {1, 1, 0, 0}).auc, 1.0);
  EXPECT_DOUBLE_EQ(pr_curve({0.9f, 0.8f, 0.2f, 0.1f}, {1, 1, 0, 0}).average_precision, 1.0);
}

TEST(Curves, AMissingClassGivesNoAreaRatherThanAWrongOne) {
  EXPECT_TRUE(std::isnan(roc_curve({0.2f, 0.7f}, {1, 1}).auc));
  EXPECT_TRUE(std::isnan(pr_curve({0.2f, 0.7f}, {0, 0}).average_precision));
}

TEST(Curves, ScoresAtAThresholdCountPositivesAtOrAboveIt) {
  const ThresholdScores s = scores_at(0.35, kScores, kLabels);
  EXPECT_EQ(s.tp, 2);
  EXPECT_EQ(s.fp, 1);
  EXPECT_EQ(s.tn, 1);
  EXPECT_EQ(s.fn, 0);
  EXPECT_DOUBLE_EQ(s.precision, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  EXPECT_DOUBLE_EQ(s.f1, 0.8);
  EXPECT_DOUBLE_EQ(s.accuracy, 0.75);
  const ThresholdScores none = scores_at(0.95, kScores, kLabels);
  EXPECT_EQ(none.tp + none.fp, 0);
  EXPECT_EQ(none.precision, 0.0);  // scikit-learn's zero_division=0
  EXPECT_EQ(none.f1, 0.0);
}

TEST(Curves, ThinningKeepsTheEnds) {
  EXPECT_EQ(thinned(3, 10), (std::vector<std::size_t>{0, 1, 2}));
  const std::vector<std::size_t> kept = thinned(1001, 5);
  EXPECT_EQ(kept, (std::vector<std::size_t>{0, 250, 500, 750, 1000}));
}

}  // namespace
}  // namespace gradtape
