// The fields of an epoch's log, defined once: the CLI's lines and --json, the bindings (which
// export the list to the page), the page's history table, charts and CSV download, and the docs
// all take their names, labels, order and tasks from here. A new field is one row and its test.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/data/target.h"
#include "core/train/epoch_log.h"

namespace gradtape {

enum class FieldKind {
  epoch,         // the 1-based epoch number
  loss,          // a loss, printed to 4 decimals
  fraction,      // accuracy, precision, recall, AUC, F1: in [0, 1]
  units,         // an error in the target's own units (MAE, RMSE)
  score,         // R²: at most 1, and below 0 for a model worse than the mean
  milliseconds,  // time
};

struct EpochField {
  std::string name;   // snake_case: --json keys, the CSV header; the bindings use its camelCase
  std::string label;  // the page's column header: "Val accuracy"
  std::string line;   // Keras' name in the CLI's progress line ("loss", "val_auc"), "" if not there
  FieldKind kind;
  std::array<bool, kTaskCount> tasks;  // which tasks report it, by Task
  bool summary;                        // a column of the page's history table
  double (*get)(const EpochLog&);

  bool reported_for(Task task) const { return tasks[static_cast<std::size_t>(task)]; }
};

// Every field, in the order the CSV, --json and the page's table list them.
const std::vector<EpochField>& epoch_fields();
// The fields `task` reports, in that order.
std::vector<const EpochField*> epoch_fields_for(Task task);

// The task's figure drawn beside the loss per epoch: accuracy, or MAE for regression.
struct EpochMetric {
  std::string train, val;  // field names
  std::string label;       // "Accuracy", "MAE"
};
EpochMetric epoch_metric(Task task);

}  // namespace gradtape
