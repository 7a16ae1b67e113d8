#include "core/data/dataset_stages.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <utility>

#include "core/data/values.h"

namespace gradtape {
namespace {

std::string rows_word(std::size_t n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); }

// The encoded features must fit a browser tab: each cell is held in double twice and in float
// once while the data is prepared. One-hot over a column of IDs is the usual way to exceed it.
constexpr std::size_t kMaxEncodedCells = std::size_t{20} << 20;

Status check_encoded_size(const std::vector<FeatureColumn>& features, std::size_t rows) {
  std::size_t width = 0;
  const FeatureColumn* widest = &features.front();
  for (const FeatureColumn& feature : features) {
    width += feature.width();
    if (feature.width() > widest->width()) widest = &feature;
  }
  if (width * rows <= kMaxEncodedCells) return {};
  std::string message = "the encoded data would hold " + std::to_string(width) + " features for " +
                        rows_word(rows) + ", more than the " +
                        std::to_string(kMaxEncodedCells >> 20) +
                        " million values this tool handles";
  if (widest->kind == FeatureColumn::Kind::OneHot && widest->width() > 1) {
    message += "; one-hot encoding of '" + widest->name + "' alone makes " +
               std::to_string(widest->width()) +
               " features: use category codes, or leave that column out";
    return Error{message, "encoding"};
  }
  return Error{message + "; use fewer rows or columns"};
}

bool is_excluded(const PipelineOptions& options, const std::string& name) {
  return std::find(options.exclude.begin(), options.exclude.end(), name) != options.exclude.end();
}

// Per feature column: its kind, its categories and its fill value, from the train rows.
FeatureColumn fit_feature(const Column& column, const std::vector<std::size_t>& train_rows,
                          const PipelineOptions& options) {
  FeatureColumn feature;
  feature.name = column.name;
  const bool impute = options.missing == MissingPolicy::Impute;
  if (column.is_numeric()) {
    feature.kind = FeatureColumn::Kind::Numeric;
    if (impute) feature.fill_number = mean_at(column, train_rows);
  } else {
    feature.kind = options.encoding == Encoding::OneHot ? FeatureColumn::Kind::OneHot
                                                        : FeatureColumn::Kind::Codes;
    feature.categories = CategoryMap::fit(column, train_rows);
    if (impute) feature.fill_text = mode_at(column, train_rows);
  }
  return feature;
}

// The fill of each imputed column, said once per column that had anything to fill.
void record_fills(const Table& table, const std::vector<FeatureColumn>& features,
                  const Split& split, std::vector<Decision>& decisions) {
  for (const FeatureColumn& feature : features) {
    const Column& column = *table.find(feature.name);
    std::size_t filled = 0;
    for (const std::vector<std::size_t>* rows : {&split.train_rows, &split.val_rows}) {
      for (std::size_t r : *rows) filled += column.is_missing(r);
    }
    if (filled == 0) continue;
    const bool text = !feature.fill_number;
    decisions.push_back(
        ValuesFilled{feature.name, filled,
                     text ? *feature.fill_text : format_number(*feature.fill_number), text});
  }
}

}  // namespace

Result<TargetStage> read_target_stage(const Table& table, const PipelineOptions& options,
                                      std::vector<Decision>& decisions) {
  Pacer never_pauses;
  return read_target_stage(table, options, decisions, never_pauses);
}

Result<TargetStage> read_target_stage(const Table& table, const PipelineOptions& options,
                                      std::vector<Decision>& decisions, Pacer& pacer) {
  if (options.scaler_ddof != 0 && options.scaler_ddof != 1) {
    return Error{"the scaler's ddof must be 1 (pandas' sample std, the default) or 0 (sklearn's)",
                 "scaler_ddof"};
  }
  Result<Target> target = read_target(table, options.target, options.task, pacer);
  if (!target) return target.error();
  TargetStage stage{std::move(*target), {}};
  if (stage.target.mapped)
    decisions.push_back(TargetClasses{stage.target.column, stage.target.classes});
  std::vector<std::size_t> no_target;
  stage.rows.reserve(table.rows - stage.target.missing);
  for (std::size_t r = 0; r < table.rows; ++r)
    (std::isnan(stage.target.y[r]) ? no_target : stage.rows).push_back(r);
  if (!no_target.empty())
    decisions.push_back(RowsWithoutTarget{RowSet::of(table, std::move(no_target))});
  return Result<TargetStage>(std::move(stage));
}

Result<std::vector<const Column*>> select_features(const Table& table,
                                                   const PipelineOptions& options,
                                                   const TargetStage& target,
                                                   std::vector<Decision>& decisions) {
  for (const std::string& name : options.exclude) {
    if (!table.find(name))
      return Error{"cannot leave out '" + name + "': there is no such column", "exclude"};
  }
  std::vector<const Column*> features;
  for (const Column& column : table.columns) {
    if (column.name == target.target.column) continue;
    if (is_excluded(options, column.name)) {
      decisions.push_back(ColumnLeftOut{column.name});
      continue;
    }
    const bool any = std::any_of(target.rows.begin(), target.rows.end(),
                                 [&](std::size_t r) { return !column.is_missing(r); });
    if (!any) {
      decisions.push_back(ColumnAllMissing{column.name});
      continue;
    }
    features.push_back(&column);
  }
  if (features.empty() && !options.exclude.empty()) {
    return Error{"every column but the target '" + target.target.column +
                     "' is left out. Keep at least one column to learn from.",
                 "exclude"};
  }
  if (features.empty()) {
    return Error{"there is no feature column besides the target '" + target.target.column + "'",
                 "target"};
  }
  return features;
}

Result<std::vector<std::size_t>> drop_incomplete_rows(
    const Table& table, const std::vector<const Column*>& features, std::vector<std::size_t> rows,
    MissingPolicy policy, std::vector<Decision>& decisions, Pacer& pacer) {
  if (rows.size() < 3) {
    return Error{"the table has " + rows_word(rows.size()) +
                     " with a target value; training needs at least 3 (2 to "
                     "learn from and 1 to check on)",
                 "target"};
  }
  if (policy != MissingPolicy::DropRows) return rows;
  std::vector<std::size_t> complete = complete_rows(features, rows, pacer);
  if (complete.size() < 3) {
    return Error{"only " + rows_word(complete.size()) + " of " + std::to_string(rows.size()) +
                     " have no missing value, too few to train on; impute missing values instead",
                 "missing"};
  }
  if (complete.size() < rows.size()) {
    RowsWithMissing dropped;
    std::vector<std::size_t> incomplete;
    std::set_difference(rows.begin(), rows.end(), complete.begin(), complete.end(),
                        std::back_inserter(incomplete));
    dropped.of = rows.size();
    // When a quarter or more go, name the column that costs the most, so the user can act.
    if (incomplete.size() * 4 >= rows.size()) {
      auto [column, count] = most_missing(features, rows);
      dropped.worst_column = column->name;
      dropped.worst_count = count;
    }
    dropped.rows = RowSet::of(table, std::move(incomplete));
    decisions.push_back(std::move(dropped));
  }
  return complete;
}

Result<Split> split_rows(const std::vector<std::size_t>& rows, const Target& target,
                         const PipelineOptions& options, Random& random, Pacer& pacer) {
  if (!options.stratify) return shuffle_split(rows, options.validation_split, random, pacer);
  if (target.task == Task::regression) {
    return Error{"a stratified split keeps each class's share, but '" + target.column +
                     "' is a regression target "
                     "with no classes; turn stratification off",
                 "stratify"};
  }
  std::vector<std::uint32_t> labels;
  for (std::size_t r : rows) labels.push_back(static_cast<std::uint32_t>(target.y[r]));
  return stratified_split(rows, labels, options.validation_split, random, pacer);
}

Split keep_usable(const Split& given, const std::vector<std::size_t>& usable) {
  auto kept = [&](const std::vector<std::size_t>& rows) {
    std::vector<std::size_t> out;
    for (std::size_t r : rows) {
      if (std::binary_search(usable.begin(), usable.end(), r)) out.push_back(r);
    }
    return out;
  };
  return Split{kept(given.train_rows), kept(given.val_rows)};
}

Result<EncodingStage> fit_encoding(const Table& table, const std::vector<const Column*>& columns,
                                   Split split, const PipelineOptions& options,
                                   std::vector<Decision>& decisions) {
  Pacer never_pauses;
  return fit_encoding(table, columns, std::move(split), options, decisions, never_pauses);
}

Result<EncodingStage> fit_encoding(const Table& table, const std::vector<const Column*>& columns,
                                   Split split, const PipelineOptions& options,
                                   std::vector<Decision>& decisions, Pacer& pacer) {
  if (split.train_rows.size() < 2 || split.val_rows.empty()) {
    return Error{"the split leaves " + rows_word(split.train_rows.size()) + " for training and " +
                     rows_word(split.val_rows.size()) +
                     " for validation; training needs at least 2 and "
                     "validation at least 1",
                 "validation_split"};
  }
  std::vector<FeatureColumn> features;
  for (const Column* column : columns) {
    FeatureColumn feature = fit_feature(*column, split.train_rows, options);
    const bool no_train_value =
        column->is_numeric() ? !mean_at(*column, split.train_rows) : feature.categories.size() == 0;
    if (no_train_value) {
      decisions.push_back(ColumnWithoutTrainValue{column->name});
      continue;
    }
    features.push_back(std::move(feature));
    pacer.look();
  }
  if (features.empty())
    return Error{"no feature column has a value in the training rows", "target"};
  if (options.missing == MissingPolicy::Impute) record_fills(table, features, split, decisions);

  // Validation rows with text never seen in the training rows.
  std::vector<std::size_t> unseen_rows, kept_val;
  const std::string* unseen_column = nullptr;  // the first column with an unseen value
  const bool drop_unseen =
      options.missing == MissingPolicy::DropRows && options.encoding == Encoding::CategoryCodes;
  // Each distinct text is looked up in the training categories once, at its first validation
  // row, not at every row.
  enum class Trained : std::uint8_t { unchecked, yes, no };
  struct TextFeature {
    const FeatureColumn* feature;
    const Column* column;
    std::vector<Trained> trained;  // by text id
  };
  std::vector<TextFeature> text_features;
  for (const FeatureColumn& feature : features) {
    if (feature.kind == FeatureColumn::Kind::Numeric) continue;
    const Column* column = table.find(feature.name);
    text_features.push_back({&feature, column, std::vector<Trained>(column->texts.size())});
  }
  for (std::size_t r : split.val_rows) {
    pacer.tick(static_cast<std::uint32_t>(text_features.size()));
    bool unseen = false;
    for (TextFeature& text : text_features) {
      const std::uint32_t id = text.column->text_id(r);
      if (id == Column::kNoText) continue;
      Trained& trained = text.trained[id];
      if (trained == Trained::unchecked)
        trained =
            text.feature->categories.code(text.column->texts[id]) ? Trained::yes : Trained::no;
      if (trained == Trained::no) {
        unseen = true;
        if (!unseen_column) unseen_column = &text.feature->name;
      }
    }
    if (unseen) unseen_rows.push_back(r);
    if (!(unseen && drop_unseen)) kept_val.push_back(r);
  }
  if (!unseen_rows.empty()) {
    using Outcome = UnseenCategories::Outcome;
    const Outcome outcome = options.encoding == Encoding::OneHot ? Outcome::all_zeros
                            : drop_unseen                        ? Outcome::dropped
                                                                 : Outcome::imputed;
    decisions.push_back(UnseenCategories{RowSet::of(table, unseen_rows), *unseen_column, outcome});
  }
  if (kept_val.empty() && unseen_column) {
    return Error{
        "every validation row has text never seen in the training rows (first in column '" +
            *unseen_column +
            "', perhaps an ID); leave that column out, or impute, or use one-hot encoding",
        "missing"};
  }
  if (kept_val.empty())
    return Error{"no validation row is left; choose a larger validation split", "validation_split"};
  split.val_rows = std::move(kept_val);
  return EncodingStage{std::move(features), std::move(split)};
}

Result<ScalingStage> fit_scaling(const Table& table, EncodingStage encoding,
                                 const PipelineOptions& options, std::vector<Decision>& decisions) {
  Pacer never_pauses;
  return fit_scaling(table, std::move(encoding), options, decisions, never_pauses);
}

Result<ScalingStage> fit_scaling(const Table& table, EncodingStage encoding,
                                 const PipelineOptions& options, std::vector<Decision>& decisions,
                                 Pacer& pacer) {
  const Split& split = encoding.split;
  if (Status fits =
          check_encoded_size(encoding.features, split.train_rows.size() + split.val_rows.size());
      !fits) {
    return fits.error();
  }
  // The encoded features are never held whole: the scaler is fitted a block of rows at a time,
  // then each row is encoded again and scaled into float32.
  Preprocessor preprocessor(std::move(encoding.features), options.missing);
  Result<StandardScaler> fitted =
      preprocessor.fit_scaler(table, split.train_rows, options.scaler_ddof, pacer);
  if (!fitted) return fitted.error();
  const StandardScaler& full = *fitted;
  const std::vector<std::string> names = preprocessor.all_feature_names();
  std::vector<std::size_t> kept;
  for (std::size_t j = 0; j < names.size(); ++j) {
    if (full.scale()[j] == 0.0) {  // constant: its value is the first train row's
      decisions.push_back(ConstantFeature{names[j], format_number(full.mean()[j])});
      continue;
    }
    if (!std::isfinite(full.mean()[j]) || !std::isfinite(full.scale()[j])) {
      return Error{"the values of '" + names[j] +
                       "' are too large to scale (their mean or spread overflows)",
                   {},
                   names[j]};
    }
    kept.push_back(j);
  }
  if (kept.empty())
    return Error{"no feature varies across the training rows, so there is nothing to learn from"};
  preprocessor.set_scaling(kept, full.select(kept));

  ScalingStage stage;
  Result<Matrix> x_train = preprocessor.encode_scaled(table, split.train_rows, false, pacer);
  if (!x_train) return x_train.error();
  Result<Matrix> x_val = preprocessor.encode_scaled(table, split.val_rows, true, pacer);
  if (!x_val) return x_val.error();
  stage.x_train = std::move(*x_train);
  stage.x_val = std::move(*x_val);
  stage.preprocessor = std::move(preprocessor);
  stage.split = std::move(encoding.split);
  return Result<ScalingStage>(std::move(stage));
}

Result<TargetMatrices> encode_targets(const Target& target, const Split& split,
                                      const PipelineOptions& options,
                                      std::vector<Decision>& decisions) {
  TargetMatrices out;
  out.info = TargetInfo{target.column, target.task, target.classes, 0.0, 1.0};
  if (target.task == Task::regression) {
    std::vector<double> train(split.train_rows.size());
    for (std::size_t i = 0; i < train.size(); ++i) train[i] = target.y[split.train_rows[i]];
    double sum = 0;
    for (double v : train) sum += v;  // in train order, as the scaler sums its features
    const double mean = sum / static_cast<double>(train.size());
    double squares = 0;
    for (double v : train) squares += (v - mean) * (v - mean);
    const double std = std::sqrt(squares / static_cast<double>(train.size() - options.scaler_ddof));
    if (!(std > 0.0) || !std::isfinite(std)) {
      return Error{"the target '" + target.column +
                       "' has the same value in every training row, so there is "
                       "nothing to learn; choose another target",
                   "target"};
    }
    out.info.mean = mean;
    out.info.std = std;
    decisions.push_back(TargetStandardised{target.column, mean, std});
    for (std::size_t r : split.val_rows) out.val_targets.push_back(target.y[r]);
  }
  auto column = [&](const std::vector<std::size_t>& rows) {
    Matrix y(static_cast<Index>(rows.size()), 1);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const double value = target.y[rows[i]];
      y(static_cast<Index>(i), 0) = static_cast<float>(
          target.task == Task::regression ? (value - out.info.mean) / out.info.std : value);
    }
    return y;
  };
  out.y_train = column(split.train_rows);
  out.y_val = column(split.val_rows);
  return Result<TargetMatrices>(std::move(out));
}

}  // namespace gradtape
