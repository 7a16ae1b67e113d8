#include "core/data/dataset.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <utility>

#include "core/data/values.h"

namespace gradtape {
namespace {

// Feature columns and usable rows, decided before the split.
struct Plan {
  Target target;
  std::vector<const Column*> features;
  std::vector<std::size_t> rows;
};

std::string line_list(const Table& table, const std::vector<std::size_t>& rows) {
  std::string text;
  const std::size_t shown = std::min<std::size_t>(rows.size(), 10);
  for (std::size_t i = 0; i < shown; ++i) text += (i ? ", " : "") + std::to_string(table.line_numbers[rows[i]]);
  if (shown < rows.size()) text += ", ...";
  return (rows.size() == 1 ? "line " : "lines ") + text;
}

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
                        rows_word(rows) + ", more than the " + std::to_string(kMaxEncodedCells >> 20) +
                        " million values this tool handles";
  if (widest->kind == FeatureColumn::Kind::OneHot && widest->width() > 1) {
    message += "; one-hot encoding of '" + widest->name + "' alone makes " + std::to_string(widest->width()) +
               " features: use category codes, or leave that column out";
    return Error{message, "encoding"};
  }
  return Error{message + "; use fewer rows or columns"};
}

Status check_options(const PipelineOptions& options) {
  if (options.scaler_ddof != 0 && options.scaler_ddof != 1) {
    return Error{"the scaler's ddof must be 1 (pandas' sample std, the default) or 0 (sklearn's)",
                 "scaler_ddof"};
  }
  return {};
}

Result<Plan> make_plan(const Table& table, const PipelineOptions& options, Dataset& dataset) {
  if (Status status = check_options(options); !status) return status.error();
  Result<Target> target = read_target(table, options.target);
  if (!target) return target.error();
  Plan plan;
  plan.target = std::move(*target);
  if (plan.target.text_labels) {
    dataset.notes.push_back("target '" + plan.target.column + "': '" + plan.target.labels.negative +
                            "' is class 0 and '" + plan.target.labels.positive + "' is class 1 (sorted order)");
  }
  std::vector<std::size_t> no_target;
  for (std::size_t r = 0; r < table.rows; ++r) {
    (std::isnan(plan.target.y[r]) ? no_target : plan.rows).push_back(r);
  }
  if (!no_target.empty()) {
    dataset.notes.push_back("dropped " + rows_word(no_target.size()) + " without a target value (" +
                            line_list(table, no_target) + ")");
  }
  for (const std::string& name : options.excluded_columns) {
    if (!table.find(name)) return Error{"cannot leave out '" + name + "': there is no such column", "excluded_columns"};
  }
  for (const Column& column : table.columns) {
    if (column.name == plan.target.column) continue;
    const auto& excluded = options.excluded_columns;
    if (std::find(excluded.begin(), excluded.end(), column.name) != excluded.end()) {
      dataset.dropped_columns.push_back({column.name, "left out by request"});
      continue;
    }
    bool any = false;
    for (std::size_t r : plan.rows) any = any || !column.missing[r];
    if (!any) {
      dataset.dropped_columns.push_back({column.name, "every value is missing"});
      dataset.notes.push_back("dropped column '" + column.name + "': every value is missing");
      continue;
    }
    plan.features.push_back(&column);
  }
  if (plan.features.empty()) {
    return Error{"there is no feature column besides the target '" + plan.target.column + "'", "target"};
  }
  if (options.missing == MissingPolicy::DropRows) {
    std::vector<std::size_t> complete = complete_rows(plan.features, plan.rows);
    std::vector<std::size_t> incomplete;
    std::set_difference(plan.rows.begin(), plan.rows.end(), complete.begin(), complete.end(),
                        std::back_inserter(incomplete));
    if (complete.size() < 3) {
      return Error{"only " + rows_word(complete.size()) + " of " + std::to_string(plan.rows.size()) +
                       " have no missing value, too few to train on; impute missing values instead",
                   "missing"};
    }
    if (!incomplete.empty()) {
      std::string note = "dropped " + rows_word(incomplete.size()) + " of " + std::to_string(plan.rows.size()) +
                         " with missing values (" + line_list(table, incomplete) + ")";
      // When a quarter or more go, name the column that costs the most, so the user can act.
      if (incomplete.size() * 4 >= plan.rows.size()) {
        auto [column, count] = most_missing(plan.features, plan.rows);
        note += "; '" + column->name + "' alone is missing in " + rows_word(count) +
                ": leave it out, or impute missing values";
      }
      dataset.notes.push_back(note);
    }
    plan.rows = std::move(complete);
  }
  for (std::size_t r = 0; r < table.rows; ++r) {
    if (!std::binary_search(plan.rows.begin(), plan.rows.end(), r)) dataset.dropped_rows.push_back(r);
  }
  return Result<Plan>(std::move(plan));
}

// Encoding and scaling, fitted on the train rows of `split` only.
Result<Dataset> fit(const Table& table, const PipelineOptions& options, const Plan& plan, Split split,
                    Dataset dataset) {
  if (split.train_rows.size() < 2 || split.val_rows.empty()) {
    return Error{"the split leaves " + rows_word(split.train_rows.size()) + " for training and " +
                     rows_word(split.val_rows.size()) + " for validation; training needs at least 2 and "
                     "validation at least 1",
                 "validation_split"};
  }
  // 1. Per column: its encoding and fill value, from the train rows.
  std::vector<FeatureColumn> features;
  for (const Column* column : plan.features) {
    FeatureColumn feature;
    feature.name = column->name;
    if (column->is_numeric()) {
      feature.kind = FeatureColumn::Kind::Numeric;
      if (options.missing == MissingPolicy::Impute) feature.fill_number = mean_at(*column, split.train_rows);
    } else {
      feature.kind = options.encoding == Encoding::OneHot ? FeatureColumn::Kind::OneHot : FeatureColumn::Kind::Codes;
      feature.categories = CategoryMap::fit(*column, split.train_rows);
      if (options.missing == MissingPolicy::Impute) feature.fill_text = mode_at(*column, split.train_rows);
    }
    const bool no_train_value = column->is_numeric() ? !mean_at(*column, split.train_rows)
                                                     : feature.categories.size() == 0;
    if (no_train_value) {
      dataset.dropped_columns.push_back({column->name, "no value in the training rows"});
      dataset.notes.push_back("dropped column '" + column->name + "': it has no value in the training rows");
      continue;
    }
    features.push_back(std::move(feature));
  }
  if (features.empty()) return Error{"no feature column has a value in the training rows", "target"};
  if (options.missing == MissingPolicy::Impute) {
    for (const FeatureColumn& feature : features) {
      const Column& column = *table.find(feature.name);
      std::size_t filled = 0;
      for (const std::vector<std::size_t>* rows : {&split.train_rows, &split.val_rows}) {
        for (std::size_t r : *rows) filled += column.missing[r];
      }
      if (filled == 0) continue;
      const std::string value = feature.fill_number ? "the training mean " + format_number(*feature.fill_number)
                                                    : "the training mode '" + *feature.fill_text + "'";
      dataset.notes.push_back("filled " + std::to_string(filled) + " missing values of '" + feature.name +
                              "' with " + value);
    }
  }

  // 2. Validation rows with text never seen in the training rows.
  std::vector<std::size_t> unseen_rows;
  std::vector<std::size_t> kept_val;
  const std::string* unseen_column = nullptr;  // the first column with an unseen value
  for (std::size_t r : split.val_rows) {
    bool unseen = false;
    for (const FeatureColumn& feature : features) {
      if (feature.kind == FeatureColumn::Kind::Numeric) continue;
      const Column& column = *table.find(feature.name);
      if (!column.missing[r] && !feature.categories.code(column.text(r))) {
        unseen = true;
        if (!unseen_column) unseen_column = &feature.name;
      }
    }
    if (unseen) unseen_rows.push_back(r);
    if (!(unseen && options.missing == MissingPolicy::DropRows && options.encoding == Encoding::CategoryCodes)) {
      kept_val.push_back(r);
    }
  }
  if (!unseen_rows.empty()) {
    std::string what = options.encoding == Encoding::OneHot
                           ? "encoded as all zeros"
                           : (options.missing == MissingPolicy::Impute ? "imputed with the training mode"
                                                                       : "dropped");
    dataset.notes.push_back(rows_word(unseen_rows.size()) + " of validation with text never seen in the "
                            "training rows " + what + " (" + line_list(table, unseen_rows) + ")");
    if (kept_val.size() != split.val_rows.size()) {
      for (std::size_t r : unseen_rows) dataset.dropped_rows.push_back(r);
      std::sort(dataset.dropped_rows.begin(), dataset.dropped_rows.end());
    }
  }
  if (kept_val.empty() && unseen_column) {
    return Error{"every validation row has text never seen in the training rows (first in column '" +
                     *unseen_column + "', perhaps an ID); leave that column out, or impute, or use one-hot encoding",
                 "missing"};
  }
  split.val_rows = std::move(kept_val);
  if (split.val_rows.empty()) {
    return Error{"no validation row is left; choose a larger validation split", "validation_split"};
  }

  // 3. Encode, then fit the scaler on the train rows and drop what does not vary there.
  if (Status fits = check_encoded_size(features, split.train_rows.size() + split.val_rows.size()); !fits) {
    return fits.error();
  }
  Preprocessor preprocessor(std::move(features), options.missing);
  Result<MatrixD> train = preprocessor.encode(table, split.train_rows);
  if (!train) return train.error();
  Result<MatrixD> val = preprocessor.encode(table, split.val_rows, true);
  if (!val) return val.error();
  StandardScaler full = StandardScaler::fit(*train, options.scaler_ddof);
  const std::vector<std::string> names = preprocessor.all_feature_names();
  std::vector<std::size_t> kept;
  for (std::size_t j = 0; j < names.size(); ++j) {
    if (full.scale()[j] == 0.0) {
      const std::string value = format_number((*train)(0, static_cast<Index>(j)));
      dataset.dropped_columns.push_back({names[j], "constant in the training rows"});
      dataset.notes.push_back("dropped feature '" + names[j] + "': constant in the training rows (every value is " +
                              value + ")");
      continue;
    }
    if (!std::isfinite(full.mean()[j]) || !std::isfinite(full.scale()[j])) {
      return Error{"the values of '" + names[j] + "' are too large to scale (their mean or spread overflows)",
                   {}, names[j]};
    }
    kept.push_back(j);
  }
  if (kept.empty()) return Error{"no feature varies across the training rows, so there is nothing to learn from"};
  preprocessor.set_scaling(kept, full.select(kept));

  MatrixD train_kept(train->rows(), static_cast<Index>(kept.size()));
  MatrixD val_kept(val->rows(), static_cast<Index>(kept.size()));
  for (std::size_t j = 0; j < kept.size(); ++j) {
    train_kept.col(static_cast<Index>(j)) = train->col(static_cast<Index>(kept[j]));
    val_kept.col(static_cast<Index>(j)) = val->col(static_cast<Index>(kept[j]));
    std::vector<double> column(train_kept.rows());
    for (Index i = 0; i < train_kept.rows(); ++i) column[i] = train_kept(i, static_cast<Index>(j));
    dataset.train_summary.push_back(describe_numbers(column));
  }
  Result<Matrix> x_train = preprocessor.scale(train_kept, table, split.train_rows);
  if (!x_train) return x_train.error();
  Result<Matrix> x_val = preprocessor.scale(val_kept, table, split.val_rows);
  if (!x_val) return x_val.error();
  dataset.x_train = std::move(*x_train);
  dataset.x_val = std::move(*x_val);
  auto targets = [&](const std::vector<std::size_t>& rows) {
    Matrix y(static_cast<Index>(rows.size()), 1);
    for (std::size_t i = 0; i < rows.size(); ++i) y(static_cast<Index>(i), 0) = static_cast<float>(plan.target.y[rows[i]]);
    return y;
  };
  dataset.y_train = targets(split.train_rows);
  dataset.y_val = targets(split.val_rows);
  dataset.feature_names = preprocessor.feature_names();
  dataset.labels = plan.target.labels;
  dataset.train_rows = std::move(split.train_rows);
  dataset.val_rows = std::move(split.val_rows);
  dataset.preprocessor = std::move(preprocessor);
  return Result<Dataset>(std::move(dataset));
}

}  // namespace

Result<Dataset> prepare_dataset(const Table& table, const PipelineOptions& options, Random& random) {
  Dataset dataset;
  Result<Plan> plan = make_plan(table, options, dataset);
  if (!plan) return plan.error();
  std::vector<std::uint8_t> labels;
  for (std::size_t r : plan->rows) labels.push_back(plan->target.y[r] == 1.0 ? 1 : 0);
  Result<Split> split = options.stratify
                            ? stratified_split(plan->rows, labels, options.validation_split, random)
                            : shuffle_split(plan->rows, options.validation_split, random);
  if (!split) return split.error();
  return fit(table, options, *plan, std::move(*split), std::move(dataset));
}

Result<Dataset> prepare_dataset(const Table& table, const PipelineOptions& options, const Split& split) {
  std::vector<std::uint8_t> seen(table.rows, 0);
  for (const std::vector<std::size_t>* rows : {&split.train_rows, &split.val_rows}) {
    for (std::size_t r : *rows) {
      if (r >= table.rows) {
        return Error{"the split names data row " + std::to_string(r) + ", but the table has " +
                         rows_word(table.rows),
                     "split"};
      }
      if (seen[r]++) return Error{"the split names data row " + std::to_string(r) + " twice", "split"};
    }
  }
  Dataset dataset;
  Result<Plan> plan = make_plan(table, options, dataset);
  if (!plan) return plan.error();
  auto usable = [&](const std::vector<std::size_t>& rows) {
    std::vector<std::size_t> kept;
    for (std::size_t r : rows) {
      if (std::binary_search(plan->rows.begin(), plan->rows.end(), r)) kept.push_back(r);
    }
    return kept;
  };
  return fit(table, options, *plan, Split{usable(split.train_rows), usable(split.val_rows)}, std::move(dataset));
}

}  // namespace gradtape
