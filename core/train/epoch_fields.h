// The fields of an epoch's log, defined once: the CLI's lines and --json, the bindings (which
// export the list to the page), the page's history table and CSV download, and the docs all
// take their names, labels and order from here. A new field is one row and its test.
#pragma once

#include <string>
#include <vector>

#include "core/train/epoch_log.h"

namespace gradtape {

enum class FieldKind {
  epoch,         // the 1-based epoch number
  loss,          // a loss, printed to 4 decimals
  fraction,      // accuracy, precision, recall, AUC: in [0, 1]
  milliseconds,  // time
};

struct EpochField {
  std::string name;   // snake_case: --json keys, the CSV header; the bindings use its camelCase
  std::string label;  // the page's column header: "Val accuracy"
  std::string line;   // Keras' name in the CLI's progress line ("loss", "val_auc"), "" if not there
  FieldKind kind;
  bool summary;  // a column of the page's history table
  double (*get)(const EpochLog&);
};

// Every field, in the order the CSV, --json and the page's table list them.
const std::vector<EpochField>& epoch_fields();

}  // namespace gradtape
