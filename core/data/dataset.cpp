#include "core/data/dataset.h"

#include <utility>

#include "core/data/dataset_stages.h"

namespace gradtape {
namespace {

// Stages 1 to 3: the target, the features and the usable rows, decided before any split.
struct Plan {
  TargetStage target;
  std::vector<const Column*> features;
  std::vector<std::size_t> rows;  // usable: a target value and (under DropRows) every feature
};

Result<Plan> plan_rows(const Table& table, const PipelineOptions& options,
                       std::vector<Decision>& decisions, Pacer& pacer) {
  Result<TargetStage> target = read_target_stage(table, options, decisions, pacer);
  if (!target) return target.error();
  Result<std::vector<const Column*>> features = select_features(table, options, *target, decisions);
  if (!features) return features.error();
  pacer.look();
  Result<std::vector<std::size_t>> rows = drop_incomplete_rows(
      table, *features, std::move(target->rows), options.missing, decisions, pacer);
  if (!rows) return rows.error();
  pacer.look();
  return Plan{std::move(*target), std::move(*features), std::move(*rows)};
}

// Stages 5 to 7 on a split.
Result<Dataset> fit(const Table& table, const PipelineOptions& options, const Plan& plan,
                    Split split, std::vector<Decision> decisions, Pacer& pacer) {
  Result<EncodingStage> encoding =
      fit_encoding(table, plan.features, std::move(split), options, decisions, pacer);
  if (!encoding) return encoding.error();
  Result<ScalingStage> scaling =
      fit_scaling(table, std::move(*encoding), options, decisions, pacer);
  if (!scaling) return scaling.error();
  Split& kept = scaling->split;
  Result<TargetMatrices> targets = encode_targets(plan.target.target, kept, options, decisions);
  if (!targets) return targets.error();
  Dataset dataset;
  dataset.x_train = std::move(scaling->x_train);
  dataset.x_val = std::move(scaling->x_val);
  dataset.y_train = std::move(targets->y_train);
  dataset.y_val = std::move(targets->y_val);
  dataset.val_targets = std::move(targets->val_targets);
  dataset.feature_names = scaling->preprocessor.feature_names();
  dataset.target = std::move(targets->info);
  dataset.train_rows = std::move(kept.train_rows);
  dataset.val_rows = std::move(kept.val_rows);
  dataset.decisions = std::move(decisions);
  dataset.preprocessor = std::move(scaling->preprocessor);
  return Result<Dataset>(std::move(dataset));
}

}  // namespace

Result<Dataset> prepare_dataset(const Table& table, const PipelineOptions& options,
                                Random& random) {
  Pacer never_pauses;
  return prepare_dataset(table, options, random, never_pauses);
}

Result<Dataset> prepare_dataset(const Table& table, const PipelineOptions& options, Random& random,
                                Pacer& pacer) {
  std::vector<Decision> decisions;
  Result<Plan> plan = plan_rows(table, options, decisions, pacer);
  if (!plan) return plan.error();
  Result<Split> split = split_rows(plan->rows, plan->target.target, options, random, pacer);
  if (!split) return split.error();
  std::vector<std::size_t>().swap(plan->rows);  // the split holds them now
  pacer.look();
  return fit(table, options, *plan, std::move(*split), std::move(decisions), pacer);
}

Result<Dataset> prepare_dataset(const Table& table, const PipelineOptions& options,
                                const Split& split) {
  std::vector<std::uint8_t> seen(table.rows, 0);
  for (const std::vector<std::size_t>* rows : {&split.train_rows, &split.val_rows}) {
    for (std::size_t r : *rows) {
      if (r >= table.rows) {
        return Error{"the split names data row " + std::to_string(r) + ", but the table has " +
                         std::to_string(table.rows) + " rows",
                     "split"};
      }
      if (seen[r]++)
        return Error{"the split names data row " + std::to_string(r) + " twice", "split"};
    }
  }
  std::vector<Decision> decisions;
  Pacer never_pauses;
  Result<Plan> plan = plan_rows(table, options, decisions, never_pauses);
  if (!plan) return plan.error();
  Split usable = keep_usable(split, plan->rows);
  std::vector<std::size_t>().swap(plan->rows);  // `usable` holds them now
  return fit(table, options, *plan, std::move(usable), std::move(decisions), never_pauses);
}

}  // namespace gradtape
