#include "core/train/class_weights.h"

#include <algorithm>
#include <cstdio>

#include "core/plain_text.h"

namespace gradtape {
namespace {

Error weights_error(const std::string& message) {
  return Error{"Class weights: " + message, "class_weights"};
}

std::string class_list(const std::vector<std::string>& classes) {
  std::string list;
  for (std::size_t i = 0; i < classes.size() && i < 30; ++i) list += (i ? ", " : "") + classes[i];
  return list;
}

}  // namespace

Result<std::vector<ClassWeightEntry>> parse_class_weights(std::string_view text) {
  std::vector<ClassWeightEntry> entries;
  if (trimmed(text).empty()) return entries;
  std::size_t number = 0;
  for (std::size_t start = 0; start <= text.size(); ++number) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string item = trimmed(text.substr(start, end - start));
    start = end + 1;
    const std::string where = "item " + std::to_string(number + 1) + " ('" + item + "')";
    const std::size_t colon = item.rfind(':');
    if (colon == std::string::npos) {
      return weights_error(where + " must be a class and its weight, like 1:3");
    }
    ClassWeightEntry entry{trimmed(std::string_view(item).substr(0, colon)), 1};
    if (entry.label.empty()) return weights_error(where + " has no class before the ':'");
    const std::string weight = trimmed(std::string_view(item).substr(colon + 1));
    if (!read_decimal(weight, entry.weight) || entry.weight <= 0 ||
        entry.weight > kMaxClassWeight) {
      return weights_error(where + ": the weight must be a number above 0 and at most 1,000,000");
    }
    for (const ClassWeightEntry& earlier : entries) {
      if (earlier.label == entry.label)
        return weights_error("class '" + entry.label + "' is given twice");
    }
    entries.push_back(std::move(entry));
    if (end == text.size()) break;
  }
  return entries;
}

Result<std::vector<float>> class_weights_for(const ClassWeightSettings& settings,
                                             const TargetInfo& target, const Matrix& y_train) {
  const bool by_hand = settings.mode == ClassWeighting::manual;
  if (settings.mode == ClassWeighting::none) {
    if (trimmed(settings.manual).empty()) return std::vector<float>{};
    return weights_error("'" + trimmed(settings.manual) +
                         "' is set, but Class weighting is none: set it to manual (Set by hand) to "
                         "use these weights, or clear them");
  }
  if (target.task == Task::regression) {
    return Error{"class weights need classes, and " + target.column +
                     " is a regression target; set Class weighting to none",
                 "class_weight"};
  }
  const std::size_t k = target.classes.size();
  std::vector<float> weights(k, 1.f);
  if (!by_hand) {
    // scikit-learn's "balanced": n / (k · n_c); a class with no train rows keeps 1 (it is never
    // drawn).
    std::vector<double> counts(k, 0.0);
    for (Index i = 0; i < y_train.rows(); ++i) counts[static_cast<std::size_t>(y_train(i, 0))] += 1;
    const auto n = static_cast<double>(y_train.rows());
    for (std::size_t c = 0; c < k; ++c) {
      if (counts[c] > 0) weights[c] = static_cast<float>(n / (static_cast<double>(k) * counts[c]));
    }
    return weights;
  }
  Result<std::vector<ClassWeightEntry>> entries = parse_class_weights(settings.manual);
  if (!entries) return entries.error();
  if (entries->empty()) {
    return weights_error("choose a weight for each class, like " + target.classes[0] + ":1," +
                         target.classes[k - 1] + ":3 (the classes of " + target.column + " are " +
                         class_list(target.classes) + ")");
  }
  for (const ClassWeightEntry& entry : *entries) {
    std::size_t c = 0;
    while (c < k && target.classes[c] != entry.label) ++c;
    if (c == k) {
      return weights_error("'" + entry.label + "' is not a class of " + target.column +
                           "; its classes are " + class_list(target.classes));
    }
    weights[c] = static_cast<float>(entry.weight);
  }
  return weights;
}

std::string class_weights_text(const std::vector<float>& class_weights, const TargetInfo& target) {
  std::string text;
  for (std::size_t c = 0; c < class_weights.size() && c < target.classes.size(); ++c) {
    char weight[32];
    std::snprintf(weight, sizeof weight, "%.4g", static_cast<double>(class_weights[c]));
    text += (c ? ", " : "") + target.classes[c] + ": " + weight;
  }
  return text;
}

void fill_row_weights(const std::vector<float>& class_weights, const Matrix& y, Matrix& out) {
  out.resize(y.rows(), 1);
  for (Index i = 0; i < y.rows(); ++i) out(i, 0) = class_weights[static_cast<std::size_t>(y(i, 0))];
}

}  // namespace gradtape
