#include "core/data/preprocessor.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <utility>

#include "core/data/scaler_fitting.h"
#include "core/data/values.h"

namespace gradtape {
namespace {

std::string at_line(const Table& table, std::size_t row) {
  return "line " + std::to_string(table.line_numbers[row]) + ": ";
}

std::string quoted(const std::string& name) { return "'" + name + "'"; }

std::string category_list(const CategoryMap& map) {
  std::string text;
  const std::size_t shown = std::min<std::size_t>(map.size(), 12);
  for (std::size_t i = 0; i < shown; ++i) text += (i ? ", '" : "'") + map.categories()[i] + "'";
  if (shown < map.size()) text += ", ...";
  return text;
}

// Rows are read in the table's order, so that each column is read front to back rather than at
// the split's random rows (a cache miss per cell on large tables): places[r] is table row r's
// place among `rows`, kNowhere when it is not among them.
constexpr std::uint32_t kNowhere = 0xFFFFFFFFu;
std::vector<std::uint32_t> places_of(const std::vector<std::size_t>& rows, std::size_t table_rows) {
  std::vector<std::uint32_t> places(table_rows, kNowhere);
  for (std::size_t i = 0; i < rows.size(); ++i) places[rows[i]] = static_cast<std::uint32_t>(i);
  return places;
}

}  // namespace

Preprocessor::Preprocessor(std::vector<FeatureColumn> columns, MissingPolicy missing)
    : columns_(std::move(columns)), missing_(missing) {
  names_ = all_feature_names();
  kept_.resize(names_.size());
  std::iota(kept_.begin(), kept_.end(), std::size_t{0});
}

std::vector<std::string> Preprocessor::all_feature_names() const {
  std::vector<std::string> names;
  for (const FeatureColumn& column : columns_) {
    if (column.kind == FeatureColumn::Kind::OneHot) {
      for (std::string& name : one_hot_names(column.name, column.categories))
        names.push_back(std::move(name));
    } else {
      names.push_back(column.name);
    }
  }
  return names;
}

std::vector<std::string> Preprocessor::object_columns() const {
  std::vector<std::string> names;
  for (const FeatureColumn& column : columns_) {
    if (column.kind != FeatureColumn::Kind::Numeric) names.push_back(column.name);
  }
  return names;
}

void Preprocessor::set_scaling(const std::vector<std::size_t>& features, StandardScaler scaler) {
  std::vector<std::string> all = all_feature_names();
  kept_ = features;
  names_.clear();
  for (std::size_t j : features) names_.push_back(all[j]);
  scaler_ = std::move(scaler);
}

Result<std::vector<Preprocessor::Source>> Preprocessor::sources_of(const Table& table) const {
  std::vector<Source> sources;
  for (const FeatureColumn& feature : columns_) {
    const Column* column = table.find(feature.name);
    if (!column) {
      return Error{"line " + std::to_string(table.header_line) + ": the file has no column '" +
                       feature.name + "', which the model was trained on",
                   {},
                   feature.name};
    }
    Source source{column, {}};
    if (feature.kind != FeatureColumn::Kind::Numeric && !column->is_numeric()) {
      source.codes.reserve(column->texts.size());
      for (const std::string& text : column->texts) {
        const std::optional<std::size_t> code = feature.categories.code(text);
        source.codes.push_back(code ? static_cast<std::int64_t>(*code) : -1);
      }
    }
    sources.push_back(std::move(source));
  }
  return sources;
}

std::size_t Preprocessor::encoded_width() const {
  std::size_t width = 0;
  for (const FeatureColumn& feature : columns_) width += feature.width();
  return width;
}

std::optional<Error> Preprocessor::encode_row(const std::vector<Source>& sources,
                                              const Table& table, std::size_t r,
                                              bool unseen_codes_as_missing,
                                              std::vector<double>& all) const {
  std::size_t at = 0;
  for (std::size_t k = 0; k < columns_.size(); ++k) {
    const FeatureColumn& feature = columns_[k];
    const Column& column = *sources[k].column;
    // The cell, decoded once: a number, or the index of its text (compact storage decodes on
    // every read, and a decimal column divides). A text column's text is "" where missing.
    const bool numeric_column = column.is_numeric();
    const double number = numeric_column ? column.numbers[r] : 0.0;
    const std::uint32_t text_id = numeric_column ? Column::kNoText : column.text_id(r);
    bool missing = numeric_column ? number != number : text_id == Column::kNoText;  // NaN: missing
    const std::string_view cell_text =
        text_id == Column::kNoText ? std::string_view() : std::string_view(column.texts[text_id]);
    if (feature.kind == FeatureColumn::Kind::Numeric) {
      double value = 0;
      if (!missing && numeric_column) {
        value = number;
      } else if (!missing &&
                 parse_number(trim_blanks(cell_text), value) == NumberKind::NotANumber) {
        return Error{at_line(table, r) + quoted(feature.name) + " must be a number, but it is '" +
                         std::string(cell_text) + "'",
                     {},
                     feature.name};
      }
      if (missing) {
        if (!feature.fill_number) {
          return Error{at_line(table, r) + quoted(feature.name) +
                           " is missing; the model was trained on complete rows only, "
                           "so fill it in (or train with missing values imputed)",
                       {},
                       feature.name};
        }
        value = *feature.fill_number;
      }
      if (!std::isfinite(value)) {
        return Error{at_line(table, r) + quoted(feature.name) +
                         " is infinite; write a finite number or leave the cell empty",
                     {},
                     feature.name};
      }
      all[at++] = value;
      continue;
    }
    // A text column's cell as it is; a number read where a text column was expected, as text.
    std::string number_text;
    if (!missing && numeric_column) number_text = format_number(number);
    const std::string_view text = numeric_column ? std::string_view(number_text) : cell_text;
    std::optional<std::size_t> code;
    if (!missing && numeric_column) code = feature.categories.code(text);
    if (!missing && !numeric_column && sources[k].codes[text_id] >= 0)
      code = static_cast<std::size_t>(sources[k].codes[text_id]);
    if (!missing && !code && feature.kind == FeatureColumn::Kind::Codes) {
      if (!unseen_codes_as_missing) {
        return Error{at_line(table, r) + quoted(feature.name) + " is '" + std::string(text) +
                         "', a value the training rows never had (they had " +
                         category_list(feature.categories) + ")",
                     {},
                     feature.name};
      }
      missing = true;
    }
    if (missing) {
      if (!feature.fill_text) {
        return Error{at_line(table, r) + quoted(feature.name) +
                         " is missing; the model was trained on complete rows only, "
                         "so fill it in (or train with missing values imputed)",
                     {},
                     feature.name};
      }
      code = feature.categories.code(*feature.fill_text);
    }
    if (feature.kind == FeatureColumn::Kind::Codes) {
      all[at++] = static_cast<double>(*code);
    } else {
      for (std::size_t c = 0; c < feature.categories.size(); ++c)
        all[at + c] = (code && *code == c) ? 1.0 : 0.0;
      at += feature.categories.size();
    }
  }
  return std::nullopt;
}

Result<MatrixD> Preprocessor::encode(const Table& table, const std::vector<std::size_t>& rows,
                                     bool unseen_codes_as_missing) const {
  Pacer never_pauses;
  return encode(table, rows, unseen_codes_as_missing, never_pauses);
}

Result<MatrixD> Preprocessor::encode(const Table& table, const std::vector<std::size_t>& rows,
                                     bool unseen_codes_as_missing, Pacer& pacer) const {
  Result<std::vector<Source>> sources = sources_of(table);
  if (!sources) return sources.error();
  std::vector<double> all(encoded_width());
  MatrixD out(static_cast<Index>(rows.size()), static_cast<Index>(kept_.size()));
  // In the table's order (places_of), so the first bad row reported is the first in the file.
  const std::vector<std::uint32_t> place = places_of(rows, table.rows);
  for (std::size_t r = 0; r < table.rows; ++r) {
    pacer.tick();
    if (place[r] == kNowhere) continue;
    if (std::optional<Error> error = encode_row(*sources, table, r, unseen_codes_as_missing, all))
      return *error;
    for (std::size_t j = 0; j < kept_.size(); ++j)
      out(static_cast<Index>(place[r]), static_cast<Index>(j)) = all[kept_[j]];
  }
  return Result<MatrixD>(std::move(out));
}

Result<ScoredRows> Preprocessor::transform_each(const Table& table) const {
  Result<std::vector<Source>> sources = sources_of(table);
  if (!sources) return sources.error();
  ScoredRows scored;
  scored.x = Matrix::Zero(static_cast<Index>(table.rows), static_cast<Index>(kept_.size()));
  scored.errors.resize(table.rows);
  std::vector<double> all(encoded_width());
  std::vector<float> row(kept_.size());
  for (std::size_t r = 0; r < table.rows; ++r) {
    std::optional<Error> error = encode_row(*sources, table, r, false, all);
    if (!error) error = scale_row(all, table, r, row.data());
    if (error) {
      scored.errors[r] = error->message;
      continue;
    }
    for (std::size_t j = 0; j < row.size(); ++j)
      scored.x(static_cast<Index>(r), static_cast<Index>(j)) = row[j];
  }
  return Result<ScoredRows>(std::move(scored));
}

Result<Matrix> Preprocessor::transform(const Table& table) const {
  std::vector<std::size_t> rows(table.rows);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  Pacer never_pauses;
  return encode_scaled(table, rows, false, never_pauses);
}

Result<StandardScaler> Preprocessor::fit_scaler(const Table& table,
                                                const std::vector<std::size_t>& rows, int ddof,
                                                Pacer& pacer) const {
  Result<std::vector<Source>> sources = sources_of(table);
  if (!sources) return sources.error();
  const Index width = static_cast<Index>(encoded_width());
  std::vector<double> all(encoded_width());
  ScalerFitting fitting(width);
  MatrixD block(std::min<Index>(ScalerFitting::kBlockRows, static_cast<Index>(rows.size())), width);
  // One block is summed in the rows' own order, exactly as fit() sums encode()'s matrix; more
  // rows are read in the table's order, which is kinder to the cache than the split's.
  std::vector<std::size_t> in_file_order;
  if (rows.size() > static_cast<std::size_t>(ScalerFitting::kBlockRows)) {
    const std::vector<std::uint32_t> place = places_of(rows, table.rows);
    in_file_order.reserve(rows.size());
    for (std::size_t r = 0; r < table.rows; ++r) {
      if (place[r] != kNowhere) in_file_order.push_back(r);
      pacer.tick();
    }
  }
  Index filled = 0;
  for (std::size_t r : in_file_order.empty() ? rows : in_file_order) {
    pacer.tick();
    if (encode_row(*sources, table, r, false, all)) {
      // Which row the error names is encode()'s choice: the first bad one in the file.
      return encode(table, rows, false, pacer).error();
    }
    for (Index j = 0; j < width; ++j) block(filled, j) = all[static_cast<std::size_t>(j)];
    if (++filled == block.rows()) {
      fitting.add(block, filled);
      filled = 0;
    }
  }
  fitting.add(block, filled);
  return fitting.finish(ddof);
}

Result<Matrix> Preprocessor::encode_scaled(const Table& table, const std::vector<std::size_t>& rows,
                                           bool unseen_codes_as_missing, Pacer& pacer) const {
  Result<std::vector<Source>> sources = sources_of(table);
  if (!sources) return sources.error();
  std::vector<double> all(encoded_width());
  Matrix out(static_cast<Index>(rows.size()), static_cast<Index>(kept_.size()));
  const std::vector<std::uint32_t> place = places_of(rows, table.rows);  // in the table's order
  for (std::size_t r = 0; r < table.rows; ++r) {
    pacer.tick();
    if (place[r] == kNowhere) continue;
    std::optional<Error> error = encode_row(*sources, table, r, unseen_codes_as_missing, all);
    if (!error) error = scale_row(all, table, r, &out(static_cast<Index>(place[r]), 0));
    if (error) return *error;
  }
  return Result<Matrix>(std::move(out));
}

std::optional<Error> Preprocessor::scale_row(const std::vector<double>& all, const Table& table,
                                             std::size_t r, float* out) const {
  const std::vector<double>& mean = scaler_.mean();
  const std::vector<double>& scale = scaler_.scale();
  for (std::size_t j = 0; j < kept_.size(); ++j) {
    const double value = all[kept_[j]];
    out[j] = static_cast<float>((value - mean[j]) / scale[j]);
    if (!std::isfinite(out[j])) {
      return Error{at_line(table, r) + "'" + names_[j] + "' is " + format_number(value) +
                       ", too far from the training values to scale (mean " +
                       format_number(mean[j]) + ", std " + format_number(scale[j]) + ")",
                   {},
                   names_[j]};
    }
  }
  return std::nullopt;
}

}  // namespace gradtape
