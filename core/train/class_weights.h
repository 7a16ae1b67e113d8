// Class weights for imbalanced classification, as Keras' fit(class_weight=...) applies them: each
// train row's loss is multiplied by its class's weight (losses.h's row weights), so a rare class
// counts for more in every step. "balanced" is scikit-learn's compute_class_weight: n / (k · n_c)
// over the train rows. The validation figures stay unweighted, as Keras reports them
// (docs/pipeline.md, "Class weights"). Off by default, so the tutorial's run is unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.h"
#include "core/result.h"
#include "core/tensor.h"

namespace gradtape {

enum class ClassWeighting { none, balanced, manual };  // the class_weight setting's choices

struct ClassWeightSettings {
  ClassWeighting mode = ClassWeighting::none;
  std::string manual;  // mode manual: "label:weight" pairs, "0:1,1:3"; a class left out weighs 1
};

struct ClassWeightEntry {
  std::string label;
  double weight = 1;
};

// The largest weight one class may get, by hand.
inline constexpr double kMaxClassWeight = 1e6;

// "0:1, 1:3" as pairs: each item's label is what comes before its last ':', trimmed; each weight
// a number above 0 and at most kMaxClassWeight; no label twice. The Error says which item is
// wrong and how.
Result<std::vector<ClassWeightEntry>> parse_class_weights(std::string_view text);

// Each class's weight (index: the class, as TargetInfo::classes orders them) for a run on these
// train targets; empty when the mode is none. Errors, on field "class_weight" or
// "class_weights": a regression target, no weights given by hand, or a label the target lacks.
Result<std::vector<float>> class_weights_for(const ClassWeightSettings& settings,
                                             const TargetInfo& target, const Matrix& y_train);

// The weights in words, each class with its weight to 4 significant digits: "0: 1.123, 1: 0.9014".
std::string class_weights_text(const std::vector<float>& class_weights, const TargetInfo& target);

// Row i's weight in `out` ([n,1]): the weight of the class y(i, 0).
void fill_row_weights(const std::vector<float>& class_weights, const Matrix& y, Matrix& out);

}  // namespace gradtape
