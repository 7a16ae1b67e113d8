// A binary classifier's curves on labelled scores, as scikit-learn computes them: the ROC curve
// (roc_curve with drop_intermediate=False: one point per distinct score, from the highest) with
// its area by the trapezoid rule (roc_auc_score), the precision-recall curve and its average
// precision, AP = sum over thresholds of (R_n - R_{n-1}) * P_n (average_precision_score), and
// the confusion counts and scores at any decision threshold (positive when score >= threshold).
#pragma once

#include <cstdint>
#include <vector>

namespace gradtape {

struct RocCurve {
  std::vector<double> thresholds;  // descending; the first is +infinity (no row positive)
  std::vector<double> fpr, tpr;
  double auc = 0;  // NaN when a class is absent
};

struct PrCurve {
  std::vector<double> thresholds;         // descending distinct scores
  std::vector<double> precision, recall;  // at each threshold
  double average_precision = 0;           // NaN without positives
};

struct ThresholdScores {
  double threshold = 0.5;
  std::int64_t tp = 0, fp = 0, tn = 0, fn = 0;
  double precision = 0, recall = 0, f1 = 0, accuracy = 0;  // 0 where undefined (sklearn's)
};

// The cumulative true and false positives at each distinct score, from the highest (sklearn's
// _binary_clf_curve): what both curves are drawn from.
struct ScoreCounts {
  std::vector<double> thresholds;  // descending distinct scores
  std::vector<std::int64_t> tps, fps;
};

// scores: the positive class's probability per row; labels: 1 for the positive class, else 0.
// The scores are ordered by a radix sort of their bits: linear, and the same on every platform.
ScoreCounts score_counts(const std::vector<float>& scores, const std::vector<std::uint8_t>& labels);
RocCurve roc_curve(const ScoreCounts& counts);
PrCurve pr_curve(const ScoreCounts& counts);
RocCurve roc_curve(const std::vector<float>& scores, const std::vector<std::uint8_t>& labels);
PrCurve pr_curve(const std::vector<float>& scores, const std::vector<std::uint8_t>& labels);
ThresholdScores scores_at(double threshold, const std::vector<float>& scores,
                          const std::vector<std::uint8_t>& labels);

// At most `most` points of a curve, always keeping its first and last (for drawing).
std::vector<std::size_t> thinned(std::size_t points, std::size_t most);

}  // namespace gradtape
