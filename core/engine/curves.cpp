#include "core/engine/curves.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace gradtape {
namespace {

// Cumulative true and false positives at each distinct score, from the highest (sklearn's
// _binary_clf_curve).
struct Counts {
  std::vector<double> thresholds;
  std::vector<std::int64_t> tps, fps;
};

Counts cumulative_counts(const std::vector<float>& scores,
                         const std::vector<std::uint8_t>& labels) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  Counts counts;
  std::int64_t tp = 0, fp = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    (labels[order[i]] ? tp : fp) += 1;
    const bool last_of_score = i + 1 == order.size() || scores[order[i + 1]] != scores[order[i]];
    if (!last_of_score) continue;
    counts.thresholds.push_back(scores[order[i]]);
    counts.tps.push_back(tp);
    counts.fps.push_back(fp);
  }
  return counts;
}

double ratio(double a, double b) { return b == 0 ? 0.0 : a / b; }

}  // namespace

RocCurve roc_curve(const std::vector<float>& scores, const std::vector<std::uint8_t>& labels) {
  const Counts c = cumulative_counts(scores, labels);
  RocCurve roc;
  const double positives = c.tps.empty() ? 0 : static_cast<double>(c.tps.back());
  const double negatives = c.fps.empty() ? 0 : static_cast<double>(c.fps.back());
  roc.thresholds.push_back(std::numeric_limits<double>::infinity());
  roc.fpr.push_back(0);
  roc.tpr.push_back(0);
  for (std::size_t i = 0; i < c.thresholds.size(); ++i) {
    roc.thresholds.push_back(c.thresholds[i]);
    roc.fpr.push_back(negatives ? static_cast<double>(c.fps[i]) / negatives : std::nan(""));
    roc.tpr.push_back(positives ? static_cast<double>(c.tps[i]) / positives : std::nan(""));
  }
  if (!positives || !negatives) {
    roc.auc = std::nan("");
    return roc;
  }
  for (std::size_t i = 1; i < roc.fpr.size(); ++i)
    roc.auc += (roc.fpr[i] - roc.fpr[i - 1]) * (roc.tpr[i] + roc.tpr[i - 1]) / 2;
  return roc;
}

PrCurve pr_curve(const std::vector<float>& scores, const std::vector<std::uint8_t>& labels) {
  const Counts c = cumulative_counts(scores, labels);
  PrCurve pr;
  const double positives = c.tps.empty() ? 0 : static_cast<double>(c.tps.back());
  double previous_recall = 0;
  for (std::size_t i = 0; i < c.thresholds.size(); ++i) {
    const double tp = static_cast<double>(c.tps[i]), fp = static_cast<double>(c.fps[i]);
    const double precision = ratio(tp, tp + fp);
    const double recall = positives ? tp / positives : std::nan("");
    pr.thresholds.push_back(c.thresholds[i]);
    pr.precision.push_back(precision);
    pr.recall.push_back(recall);
    if (positives) pr.average_precision += (recall - previous_recall) * precision;
    previous_recall = recall;
  }
  if (!positives) pr.average_precision = std::nan("");
  return pr;
}

ThresholdScores scores_at(double threshold, const std::vector<float>& scores,
                          const std::vector<std::uint8_t>& labels) {
  ThresholdScores s;
  s.threshold = threshold;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const bool positive = scores[i] >= static_cast<float>(threshold);  // compared as float32
    if (labels[i]) {
      (positive ? s.tp : s.fn) += 1;
    } else {
      (positive ? s.fp : s.tn) += 1;
    }
  }
  const double tp = static_cast<double>(s.tp), fp = static_cast<double>(s.fp);
  const double fn = static_cast<double>(s.fn), tn = static_cast<double>(s.tn);
  s.precision = ratio(tp, tp + fp);
  s.recall = ratio(tp, tp + fn);
  s.f1 = ratio(2 * s.precision * s.recall, s.precision + s.recall);
  s.accuracy = ratio(tp + tn, tp + tn + fp + fn);
  return s;
}

std::vector<std::size_t> thinned(std::size_t points, std::size_t most) {
  std::vector<std::size_t> kept;
  if (points <= most || most < 2) {
    kept.resize(points);
    std::iota(kept.begin(), kept.end(), std::size_t{0});
    return kept;
  }
  for (std::size_t i = 0; i < most; ++i) kept.push_back(i * (points - 1) / (most - 1));
  return kept;
}

}  // namespace gradtape
