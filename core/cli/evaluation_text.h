// The text the CLI prints about a task's target and its validation results: the target's task
// and classes, and by task the confusion matrix with each class's scores, or the errors.
#pragma once

#include <string>

#include "core/data/dataset.h"
#include "core/train/epoch_log.h"
#include "core/train/evaluation.h"

namespace gradtape::cli {

// "binary: 0/1", "multiclass: 3 classes (Adelie, Chinstrap, Gentoo)", "regression".
std::string describe_target(const TargetInfo& target);

// The validation results of the last epoch, as lines for stdout.
std::string evaluation_text(const Evaluation& evaluation, const EpochLog& last);

}  // namespace gradtape::cli
