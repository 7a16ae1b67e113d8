#include "core/engine/auc.h"

#include <algorithm>
#include <cassert>

namespace gradtape {
namespace {

double thresholds_auc(const std::vector<std::int64_t>& positives_above,
                      const std::vector<std::int64_t>& negatives_above, std::size_t count) {
  // tp[i] = positives above more than i thresholds (a suffix sum); likewise fp[i].
  std::vector<double> recall(count), fp_rate(count);
  std::int64_t positives = 0, negatives = 0;
  for (std::size_t k = 0; k <= count; ++k) {
    positives += positives_above[k];
    negatives += negatives_above[k];
  }
  std::int64_t tp = 0, fp = 0;
  for (std::size_t i = count; i-- > 0;) {
    tp += positives_above[i + 1];
    fp += negatives_above[i + 1];
    recall[i] = positives ? static_cast<double>(tp) / static_cast<double>(positives) : 0.0;
    fp_rate[i] = negatives ? static_cast<double>(fp) / static_cast<double>(negatives) : 0.0;
  }
  double area = 0.0;  // Σ (x_i - x_{i+1}) · (y_i + y_{i+1}) / 2, x falling as thresholds rise
  for (std::size_t i = 0; i + 1 < count; ++i) {
    area += (fp_rate[i] - fp_rate[i + 1]) * (recall[i] + recall[i + 1]) / 2.0;
  }
  return area;
}

double exact_auc(std::vector<std::pair<float, bool>> scores) {
  std::sort(scores.begin(), scores.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  // AUC = (sum of the positives' ranks - P(P+1)/2) / (P·N), tied scores sharing their mean rank.
  double positive_rank_sum = 0.0;
  std::int64_t positives = 0;
  for (std::size_t i = 0; i < scores.size();) {
    std::size_t j = i;
    while (j < scores.size() && scores[j].first == scores[i].first) ++j;
    const double mean_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
    for (std::size_t k = i; k < j; ++k) {
      if (scores[k].second) {
        positive_rank_sum += mean_rank;
        ++positives;
      }
    }
    i = j;
  }
  const std::int64_t negatives = static_cast<std::int64_t>(scores.size()) - positives;
  if (positives == 0 || negatives == 0) return 0.0;
  const double p = static_cast<double>(positives);
  return (positive_rank_sum - p * (p + 1.0) / 2.0) / (p * static_cast<double>(negatives));
}

}  // namespace

AUC::AUC(int num_thresholds, Method method) : method_(method) {
  assert(num_thresholds > 1);
  const int count = num_thresholds;
  // Keras' thresholds in double, compared in float32 as Keras casts them to y_pred's dtype.
  thresholds_.push_back(static_cast<float>(0.0 - 1e-7));
  for (int i = 0; i < count - 2; ++i) {
    thresholds_.push_back(static_cast<float>((i + 1) * 1.0 / (count - 1)));
  }
  thresholds_.push_back(static_cast<float>(1.0 + 1e-7));
  reset_state();
}

void AUC::update_state(const Matrix& y_true, const Matrix& y_pred) {
  assert(y_true.rows() == y_pred.rows() && y_true.cols() == y_pred.cols());
  for (Index i = 0; i < y_pred.size(); ++i) {
    const float p = y_pred.data()[i];
    const bool positive = y_true.data()[i] != 0.f;
    if (method_ == Method::exact) {
      scores_.emplace_back(p, positive);
      continue;
    }
    // The number of thresholds t with p > t (thresholds ascend).
    const auto above =
        std::lower_bound(thresholds_.begin(), thresholds_.end(), p) - thresholds_.begin();
    ++(positive ? positives_above_ : negatives_above_)[static_cast<std::size_t>(above)];
  }
}

double AUC::result() const {
  if (method_ == Method::exact) return exact_auc(scores_);
  return thresholds_auc(positives_above_, negatives_above_, thresholds_.size());
}

void AUC::reset_state() {
  positives_above_.assign(thresholds_.size() + 1, 0);
  negatives_above_.assign(thresholds_.size() + 1, 0);
  scores_.clear();
}

}  // namespace gradtape
