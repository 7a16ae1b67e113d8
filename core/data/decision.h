// What the data pipeline decided about a table, one record per decision, in the order made:
// rows and columns it left out, values it filled, labels it mapped. The notes a person reads
// are rendered from these records (note()), and the dropped rows and columns are read off them,
// so each decision is written down once.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "core/data/table.h"

namespace gradtape {

// Data rows (0-based) with the CSV line each starts on, for messages.
struct RowSet {
  std::vector<std::size_t> rows;   // ascending
  std::vector<std::size_t> lines;  // table.line_numbers of each row

  static RowSet of(const Table& table, std::vector<std::size_t> rows);
  std::size_t size() const { return rows.size(); }
};

// Target values mapped to classes in sorted order (class i is classes[i]).
struct TargetClasses {
  std::string column;
  std::vector<std::string> classes;
};
struct RowsWithoutTarget {
  RowSet rows;
};
struct ColumnLeftOut {  // by request (--exclude, an unticked feature)
  std::string column;
};
struct ColumnAllMissing {
  std::string column;
};
// Rows with a missing feature, dropped before the split (MissingPolicy::DropRows). When they are
// a quarter or more of `of`, the column missing most often is named so the user can act.
struct RowsWithMissing {
  RowSet rows;
  std::size_t of = 0;
  std::string worst_column;  // empty when not named
  std::size_t worst_count = 0;
};
struct ColumnWithoutTrainValue {
  std::string column;
};
// Missing values of a column filled with its training mean (a number) or mode (text).
struct ValuesFilled {
  std::string column;
  std::size_t count = 0;
  std::string value;
  bool text = false;
};
// Validation rows holding text the training rows never had, and what became of them.
struct UnseenCategories {
  enum class Outcome { dropped, imputed, all_zeros };
  RowSet rows;
  std::string column;  // the first column with an unseen value
  Outcome outcome = Outcome::dropped;
};
struct ConstantFeature {
  std::string feature;
  std::string value;
};
// A regression target standardised with the train rows' mean and std: the loss is on that
// scale, and the errors are reported back in the target's own units.
struct TargetStandardised {
  std::string column;
  double mean = 0, std = 1;
};

using Decision = std::variant<TargetClasses, RowsWithoutTarget, ColumnLeftOut, ColumnAllMissing,
                              RowsWithMissing, ColumnWithoutTrainValue, ValuesFilled,
                              UnseenCategories, ConstantFeature, TargetStandardised>;

// One sentence for the page and the CLI: "dropped 2 rows of 9 with missing values (lines 3, 5)".
std::string note(const Decision& decision);
std::vector<std::string> notes(const std::vector<Decision>& decisions);
// The data rows the decisions left out, ascending.
std::vector<std::size_t> dropped_rows(const std::vector<Decision>& decisions);
// The columns (or one-hot features) the decisions left out, in order.
std::vector<std::string> dropped_columns(const std::vector<Decision>& decisions);

}  // namespace gradtape
