// The stages of prepare_dataset (dataset.h), in the order it calls them: target, features,
// missing values, split, encoding, scaling, and the target's own encoding. Each is one function
// that returns its result and appends what it decided to `decisions`, so every decision is recorded
// once, by the stage that made it. The stages that read every row have a version that ticks a
// Pacer (core/pacer.h) as it goes.
#pragma once

#include <cstddef>
#include <vector>

#include "core/data/dataset.h"

namespace gradtape {

// 1. The target column and the rows that have a target value.
struct TargetStage {
  Target target;
  std::vector<std::size_t> rows;  // ascending
};
Result<TargetStage> read_target_stage(const Table& table, const PipelineOptions& options,
                                      std::vector<Decision>& decisions);
Result<TargetStage> read_target_stage(const Table& table, const PipelineOptions& options,
                                      std::vector<Decision>& decisions, Pacer& pacer);

// 2. Feature columns: every column but the target, less those left out by request and those
//    missing on every row that has a target.
Result<std::vector<const Column*>> select_features(const Table& table,
                                                   const PipelineOptions& options,
                                                   const TargetStage& target,
                                                   std::vector<Decision>& decisions);

// 3. Missing values: under DropRows, the rows where no feature is missing (at least 3 must be
//    left); under Impute, every row (filled at the encoding stage).
Result<std::vector<std::size_t>> drop_incomplete_rows(
    const Table& table, const std::vector<const Column*>& features, std::vector<std::size_t> rows,
    MissingPolicy policy, std::vector<Decision>& decisions, Pacer& pacer);

// 4. The split of the usable rows: seeded (shuffled, or stratified by class), or a given split
//    of data-row numbers with the unusable rows left out of it.
Result<Split> split_rows(const std::vector<std::size_t>& rows, const Target& target,
                         const PipelineOptions& options, Random& random, Pacer& pacer);
Split keep_usable(const Split& given, const std::vector<std::size_t>& usable);

// 5. Encoding, fitted on the train rows: per feature its kind, categories and fill value; the
//    validation rows with text the train rows never had are dropped, imputed or zeroed.
struct EncodingStage {
  std::vector<FeatureColumn> features;
  Split split;  // with the dropped validation rows taken out
};
Result<EncodingStage> fit_encoding(const Table& table, const std::vector<const Column*>& features,
                                   Split split, const PipelineOptions& options,
                                   std::vector<Decision>& decisions);
Result<EncodingStage> fit_encoding(const Table& table, const std::vector<const Column*>& features,
                                   Split split, const PipelineOptions& options,
                                   std::vector<Decision>& decisions, Pacer& pacer);

// 6. Scaling: encode both sets, fit the scaler on the train rows, drop features that are constant
//    there, and scale to float32.
struct ScalingStage {
  Preprocessor preprocessor;
  Matrix x_train, x_val;
  Split split;  // the encoding stage's, as the rows of x_train and x_val
};
Result<ScalingStage> fit_scaling(const Table& table, EncodingStage encoding,
                                 const PipelineOptions& options, std::vector<Decision>& decisions);
Result<ScalingStage> fit_scaling(const Table& table, EncodingStage encoding,
                                 const PipelineOptions& options, std::vector<Decision>& decisions,
                                 Pacer& pacer);

// 7. The target of both sets: the class index, or for regression the value standardised with
//    the train rows' mean and std (ddof as the features), computed in double and rounded once.
struct TargetMatrices {
  Matrix y_train, y_val;
  std::vector<double> val_targets;  // regression: the validation values in their own units
  TargetInfo info;
};
Result<TargetMatrices> encode_targets(const Target& target, const Split& split,
                                      const PipelineOptions& options,
                                      std::vector<Decision>& decisions);

}  // namespace gradtape
