#include "core/cli/evaluation_text.h"

#include <algorithm>
#include <cstdio>

namespace gradtape::cli {
namespace {

std::string format(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

// The K x K matrix with the class names as row and column headers, right-aligned.
std::string confusion_text(const Evaluation& e) {
  const std::size_t k = e.classes.size();
  std::size_t width = 6;
  for (const std::string& name : e.classes) width = std::max(width, name.size());
  for (std::int64_t count : e.confusion) width = std::max(width, std::to_string(count).size());
  auto cell = [&](const std::string& text) {
    return std::string(width - std::min(width, text.size()), ' ') + text;
  };
  std::string out = "Validation confusion matrix (rows: actual, columns: predicted)\n" + cell("");
  for (const std::string& name : e.classes) out += "  " + cell(name);
  out += "\n";
  for (std::size_t a = 0; a < k; ++a) {
    out += cell(e.classes[a]);
    for (std::size_t p = 0; p < k; ++p) out += "  " + cell(std::to_string(e.confusion[a * k + p]));
    out += "\n";
  }
  return out;
}

std::string class_scores_text(const Evaluation& e) {
  std::size_t width = 5;
  for (const std::string& name : e.classes) width = std::max(width, name.size());
  std::string out = std::string(width, ' ') + "  precision  recall      f1  support\n";
  for (std::size_t c = 0; c < e.classes.size(); ++c) {
    const ClassScore& s = e.scores[c];
    char line[128];
    std::snprintf(line, sizeof line, "%*s  %9.4f  %6.4f  %6.4f  %7lld\n", static_cast<int>(width),
                  e.classes[c].c_str(), s.precision, s.recall, s.f1,
                  static_cast<long long>(s.support));
    out += line;
  }
  return out + "macro F1 " + format("%.4f", e.macro_f1) + "\n";
}

// "accuracy 0.8478 (95% Wilson interval 0.7890 to 0.8906, 184 rows); always guessing '1' scores
// 0.5533": how far to trust the figure, and what it beats.
std::string trust_text(const Evaluation& e) {
  std::int64_t rows = 0;
  for (std::int64_t count : e.confusion) rows += count;
  char line[512];
  std::snprintf(
      line, sizeof line,
      "accuracy %.4f (95%% Wilson interval %.4f to %.4f, %lld rows); always guessing '%s' "
      "scores %.4f\n",
      e.accuracy, e.accuracy_interval.low, e.accuracy_interval.high, static_cast<long long>(rows),
      e.baseline_class.c_str(), e.baseline_accuracy);
  return line;
}

}  // namespace

std::string describe_target(const TargetInfo& target) {
  if (target.task == Task::regression) return "regression";
  std::string classes;
  for (const std::string& name : target.classes)
    classes += (classes.empty() ? "" : target.task == Task::binary ? "/" : ", ") + name;
  if (target.task == Task::binary) return "binary: " + classes;
  return "multiclass: " + std::to_string(target.classes.size()) + " classes (" + classes + ")";
}

std::string evaluation_text(const Evaluation& e, const EpochLog& last) {
  switch (e.task) {
    case Task::binary:
      return confusion_text(e) + "precision " + format("%.4f", e.scores[1].precision) +
             "  recall " + format("%.4f", e.scores[1].recall) + "  AUC " +
             format("%.4f", last.epoch == e.epoch ? last.val_auc : e.roc.auc) +
             "  ROC AUC (exact) " + format("%.4f", e.roc.auc) + "  average precision " +
             format("%.4f", e.pr.average_precision) + "\n" + trust_text(e);
    case Task::multiclass: return confusion_text(e) + "\n" + class_scores_text(e) + trust_text(e);
    case Task::regression:
      return "Validation errors, in the target's units: MAE " + format("%.4g", e.mae) + "  RMSE " +
             format("%.4g", e.rmse) + "  R² " + format("%.4f", e.r2) + "\n" +
             "MAE 95% t interval " + format("%.4g", e.mae_interval.low) + " to " +
             format("%.4g", e.mae_interval.high) +
             "; predicting the train rows' mean for every "
             "row gives MAE " +
             format("%.4g", e.baseline_mae) + " (R² about 0)\n";
  }
  return "";
}

}  // namespace gradtape::cli
