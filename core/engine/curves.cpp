#include "core/engine/curves.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

namespace gradtape {
namespace {

// A key whose ascending order is the scores' descending order: the float's bits with the sign
// bit flipped for positives and every bit for negatives sort ascending, and the complement of
// that sorts descending.
std::uint32_t descending_key(float score) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &score, sizeof bits);
  const std::uint32_t ascending = (bits & 0x80000000u) ? ~bits : bits | 0x80000000u;
  return ~ascending;
}

double ratio(double a, double b) { return b == 0 ? 0.0 : a / b; }

}  // namespace

ScoreCounts score_counts(const std::vector<float>& scores,
                         const std::vector<std::uint8_t>& labels) {
  // Each row as key << 32 | label, put in key order by a least-significant-digit radix sort of
  // the key's four bytes; rows of one score stay together, which is all the counts need.
  std::vector<std::uint64_t> rows(scores.size()), spare(scores.size());
  for (std::size_t i = 0; i < scores.size(); ++i)
    rows[i] = std::uint64_t{descending_key(scores[i])} << 32 | (labels[i] ? 1u : 0u);
  for (int shift = 32; shift < 64; shift += 8) {
    std::size_t starts[257] = {};
    for (std::uint64_t row : rows) ++starts[((row >> shift) & 0xFF) + 1];
    for (int b = 0; b < 256; ++b) starts[b + 1] += starts[b];
    for (std::uint64_t row : rows) spare[starts[(row >> shift) & 0xFF]++] = row;
    rows.swap(spare);
  }
  ScoreCounts counts;
  std::int64_t tp = 0, fp = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    (rows[i] & 1 ? tp : fp) += 1;
    const std::uint32_t key = static_cast<std::uint32_t>(rows[i] >> 32);
    const bool last_of_key = i + 1 == rows.size() || (rows[i + 1] >> 32) != key;
    if (!last_of_key) continue;
    const std::uint32_t ascending = ~key;
    const std::uint32_t bits = (ascending & 0x80000000u) ? ascending & 0x7FFFFFFFu : ~ascending;
    float score = 0;
    std::memcpy(&score, &bits, sizeof score);
    // -0 and +0 are one score, as == has them.
    if (!counts.thresholds.empty() && counts.thresholds.back() == score) {
      counts.tps.back() = tp;
      counts.fps.back() = fp;
      continue;
    }
    counts.thresholds.push_back(score);
    counts.tps.push_back(tp);
    counts.fps.push_back(fp);
  }
  return counts;
}

RocCurve roc_curve(const std::vector<float>& scores, const std::vector<std::uint8_t>& labels) {
  return roc_curve(score_counts(scores, labels));
}

PrCurve pr_curve(const std::vector<float>& scores, const std::vector<std::uint8_t>& labels) {
  return pr_curve(score_counts(scores, labels));
}

RocCurve roc_curve(const ScoreCounts& c) {
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

PrCurve pr_curve(const ScoreCounts& c) {
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
