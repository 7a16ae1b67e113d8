// Scored rows written back as CSV: the rows as read (numbers as pandas' to_csv writes them,
// missing cells empty), then the prediction columns. Classification adds "predicted_<target>"
// and one "probability_<class>" per class; regression adds "predicted_<target>". Every output
// ends with "prediction_problem": empty where the row was scored, else why it was not (and its
// prediction cells are empty). A new column's name never clashes with one of the file's.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/table.h"
#include "core/model/trained_model.h"

namespace gradtape {

// Appends `field` quoted as RFC 4180 wants when it holds a comma, a quote, a line break or edge
// spaces.
void append_csv_field(std::string& out, std::string_view field);
// A cell as read, written as pandas' to_csv writes it ("" where missing).
std::string cell_text(const Column& column, std::size_t row);
// The same as a CSV field: text quoted where it needs to be.
void append_csv_cell(std::string& out, const Column& column, std::size_t row);
// `wanted` names for columns appended to `rows`, each given trailing "_" until no name is taken.
std::vector<std::string> unique_column_names(const Table& rows, std::vector<std::string> wanted);

// The names of the columns appended to `rows` for `target`, made unique against rows' own.
std::vector<std::string> prediction_columns(const Table& rows, const TargetInfo& target);

// The CSV text of `rows` with `scored`'s columns appended, comma-delimited, "\n" line ends.
std::string prediction_csv(const Table& rows, const TargetInfo& target,
                           const ScoredPredictions& scored);

}  // namespace gradtape
