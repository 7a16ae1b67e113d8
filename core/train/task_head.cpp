#include "core/train/task_head.h"

namespace gradtape {

std::unique_ptr<TaskHead> make_head(const Dataset& dataset) {
  if (dataset.target.task == Task::regression)
    return make_regression_head(dataset.target, dataset.val_targets);
  return make_classification_head(dataset.target, dataset.y_train);
}

}  // namespace gradtape
