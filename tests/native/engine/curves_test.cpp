// ROC and precision-recall curves against scikit-learn's documented examples (roc_curve,
// roc_auc_score, precision_recall_curve, average_precision_score on y = [0, 0, 1, 1],
// scores = [0.1, 0.4, 0.35, 0.8]), ties (and the radix-sorted counts against a sort), a missing
// class, and scores at a threshold.
#include "core/engine/curves.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/random.h"

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

// Many rows, both signs, many ties: the counts at each distinct score, from the highest, as a
// plain sort of the scores gives them.
TEST(Curves, CountsAtEachDistinctScoreAgreeWithASort) {
  Random random(11);
  std::vector<float> scores;
  std::vector<std::uint8_t> labels;
  for (int i = 0; i < 20000; ++i) {
    const std::uint32_t draw = random.next_u32();
    scores.push_back(draw % 4 == 0 ? static_cast<float>(draw % 50) / 49.0f
                                   : (static_cast<float>(draw % 100000) - 20000.0f) / 7.0f);
    labels.push_back(static_cast<std::uint8_t>((draw >> 7) & 1));
  }
  scores.push_back(0.0f);
  scores.push_back(-0.0f);
  labels.push_back(1);
  labels.push_back(0);
  std::vector<std::pair<float, std::uint8_t>> sorted;
  for (std::size_t i = 0; i < scores.size(); ++i) sorted.emplace_back(scores[i], labels[i]);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  ScoreCounts expected;
  std::int64_t tp = 0, fp = 0;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    (sorted[i].second ? tp : fp) += 1;
    if (i + 1 < sorted.size() && sorted[i + 1].first == sorted[i].first) continue;
    expected.thresholds.push_back(sorted[i].first);
    expected.tps.push_back(tp);
    expected.fps.push_back(fp);
  }
  const ScoreCounts counts = score_counts(scores, labels);
  EXPECT_EQ(counts.thresholds, expected.thresholds);
  EXPECT_EQ(counts.tps, expected.tps);
  EXPECT_EQ(counts.fps, expected.fps);
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
