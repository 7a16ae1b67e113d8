// The whole data chain (docs/pipeline.md steps 1-5) in one call: target, features, missing
// values, split, encoding fitted on TRAIN rows, scaler fitted on TRAIN rows (the stages of
// dataset_stages.h); and every decision that changed the data recorded (decision.h).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/data/decision.h"
#include "core/data/describe.h"
#include "core/data/encoding.h"
#include "core/data/missing.h"
#include "core/data/preprocessor.h"
#include "core/data/split.h"
#include "core/data/table.h"
#include "core/data/target.h"
#include "core/pacer.h"
#include "core/random.h"
#include "core/result.h"
#include "core/tensor.h"

namespace gradtape {

struct PipelineOptions {
  std::string target;
  TaskRequest task = TaskRequest::automatic;
  double validation_split = 0.2;
  Encoding encoding = Encoding::CategoryCodes;
  MissingPolicy missing = MissingPolicy::DropRows;
  int scaler_ddof = 1;
  bool stratify = false;
  std::vector<std::string> exclude;  // left out of the features (an ID, a leak)
};

// The target as the model learns it.
struct TargetInfo {
  std::string column;
  Task task = Task::binary;
  std::vector<std::string> classes;  // classification: the labels; class i is classes[i]
  double mean = 0, std = 1;          // regression: the train rows' mean and std (ddof as scaled)
};

struct Dataset {
  // n x features; n x 1: the class index (0/1 for binary), or the standardised target.
  Matrix x_train, y_train;
  Matrix x_val, y_val;
  std::vector<double> val_targets;  // regression: the validation targets in their own units
  std::vector<std::string> feature_names;
  TargetInfo target;
  std::vector<std::size_t> train_rows, val_rows;  // data-row numbers, in set order
  std::vector<Decision> decisions;  // what the stages decided, in order (notes(), dropped_rows())
  Preprocessor preprocessor;
};

// The seeded pipeline. Its only draws are the split's n - 1 Fisher-Yates draws over the usable
// rows, so `random` then continues exactly as the reference trace's stream (weights, epochs).
// Option errors set Error::field ("target", "validation_split", "scaler_ddof", "stratify",
// "missing", "exclude"); data errors name the CSV line and column.
Result<Dataset> prepare_dataset(const Table& table, const PipelineOptions& options, Random& random);
// The same, ticking `pacer` as it reads the rows (so that a page can pause it in slices).
Result<Dataset> prepare_dataset(const Table& table, const PipelineOptions& options, Random& random,
                                Pacer& pacer);

// The same with a given split of data-row numbers (for replaying a trace); `validation_split` and
// `stratify` are not used. Rows that cannot be used (missing values under DropRows, no target)
// are left out of their set and reported.
Result<Dataset> prepare_dataset(const Table& table, const PipelineOptions& options,
                                const Split& split);

}  // namespace gradtape
