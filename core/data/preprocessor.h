// The fitted transformation from table columns to the model's input: per column, numbers as they
// are, or text as category codes or one-hot; missing values filled (Impute) or refused; then the
// TRAIN scaler. Kept with the model, so new rows are prepared exactly as training rows were.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/data/encoding.h"
#include "core/data/missing.h"
#include "core/data/scaler.h"
#include "core/data/table.h"
#include "core/pacer.h"
#include "core/result.h"
#include "core/tensor.h"

namespace gradtape {

struct FeatureColumn {
  enum class Kind { Numeric, Codes, OneHot };
  // Kind's names in the model file and the bindings, in its order.
  static constexpr const char* kKindNames[] = {"numeric", "codes", "onehot"};
  std::string name;
  Kind kind = Kind::Numeric;
  CategoryMap categories;                // Codes and OneHot, fitted on the TRAIN rows
  std::optional<double> fill_number;     // Impute, numbers: the TRAIN mean
  std::optional<std::string> fill_text;  // Impute, text: the TRAIN mode

  std::size_t width() const { return kind == Kind::OneHot ? categories.size() : 1; }
};

// Rows prepared one by one: the model's input, and per row the reason it could not be prepared
// ("" where it was; such a row's input is zeros).
struct ScoredRows {
  Matrix x;
  std::vector<std::string> errors;
};

class Preprocessor {
 public:
  Preprocessor() = default;
  Preprocessor(std::vector<FeatureColumn> columns, MissingPolicy missing);

  // The features of `rows` of `table`, before scaling, in double. Columns are found by name (the
  // target may be absent); a numeric column read as text, or the reverse, is converted. Errors
  // name the line and the column: absent column, missing value (DropRows), non-number, infinite
  // value, and a text value unseen in training when category codes are used. One-hot encodes an
  // unseen value as all zeros. With `unseen_codes_as_missing`, an unseen code counts as missing.
  // `rows` are distinct.
  Result<MatrixD> encode(const Table& table, const std::vector<std::size_t>& rows,
                         bool unseen_codes_as_missing = false) const;
  // The same, ticking `pacer` once per row.
  Result<MatrixD> encode(const Table& table, const std::vector<std::size_t>& rows,
                         bool unseen_codes_as_missing, Pacer& pacer) const;

  // Every row of `table`, encoded then scaled: the model's input for prediction.
  Result<Matrix> transform(const Table& table) const;
  // The same row by row: a row that cannot be prepared (a missing value under DropRows, an
  // unseen category, a non-number) gets its reason and the others go on. An Error only when a
  // column the model needs is absent from the table.
  Result<ScoredRows> transform_each(const Table& table) const;

  // The scaler of every encoded feature over `rows` (the train rows), without holding their
  // encoded matrix: ScalerFitting's blocks. Up to ScalerFitting::kBlockRows rows are one block,
  // in their order, which is StandardScaler::fit(*encode(table, rows), ddof) exactly; more are
  // read in the table's order. An encoding error is the one encode() gives, the first in the
  // file. Ticks `pacer` once per row read.
  Result<StandardScaler> fit_scaler(const Table& table, const std::vector<std::size_t>& rows,
                                    int ddof, Pacer& pacer) const;

  // `rows` encoded and scaled to float32 (row i of the result for rows[i]), read in the table's
  // order. Errors are encode()'s, and a value so far from the training rows that it leaves
  // float32's range, named by its line and feature. `rows` are distinct.
  Result<Matrix> encode_scaled(const Table& table, const std::vector<std::size_t>& rows,
                               bool unseen_codes_as_missing, Pacer& pacer) const;

  // Keeps only `features` (indices among all encoded features) and scales them with `scaler`.
  void set_scaling(const std::vector<std::size_t>& features, StandardScaler scaler);

  // Names of every encoded feature ("Age", "Sex", or one-hot "Sex_F"), and of the kept ones.
  std::vector<std::string> all_feature_names() const;
  const std::vector<std::string>& feature_names() const { return names_; }
  const std::vector<FeatureColumn>& columns() const { return columns_; }
  const StandardScaler& scaler() const { return scaler_; }
  // Indices, among all encoded features, of the kept ones (in the model's input order).
  const std::vector<std::size_t>& kept() const { return kept_; }
  MissingPolicy missing_policy() const { return missing_; }
  // The text columns: pass them as CsvOptions::object_columns when reading new rows.
  std::vector<std::string> object_columns() const;

 private:
  // A feature's column in the table, and for a text column the code of each of its distinct
  // texts (by text id; -1 for a text the training rows never had), found once per table.
  struct Source {
    const Column* column = nullptr;
    std::vector<std::int64_t> codes;
  };
  Result<std::vector<Source>> sources_of(const Table& table) const;
  std::size_t encoded_width() const;
  // Row r's every encoded feature into `all`, or the row's Error.
  std::optional<Error> encode_row(const std::vector<Source>& sources, const Table& table,
                                  std::size_t r, bool unseen_codes_as_missing,
                                  std::vector<double>& all) const;
  // The kept features of `all` (row r's encoding) scaled into out[0..], or the Error of the first
  // one too far from the training values to scale.
  std::optional<Error> scale_row(const std::vector<double>& all, const Table& table, std::size_t r,
                                 float* out) const;

  std::vector<FeatureColumn> columns_;
  MissingPolicy missing_ = MissingPolicy::DropRows;
  std::vector<std::size_t> kept_;  // indices among all encoded features
  std::vector<std::string> names_;
  StandardScaler scaler_;
};

}  // namespace gradtape
