// Missing values in the features: drop the rows that have any (the default, as pandas dropna()),
// or fill them with the TRAIN rows' mean (numbers) or mode (text).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/data/table.h"
#include "core/pacer.h"

namespace gradtape {

enum class MissingPolicy { DropRows, Impute };

// The entries of `rows` where none of `columns` is missing, in order; ticks `pacer` per row.
std::vector<std::size_t> complete_rows(const std::vector<const Column*>& columns,
                                       const std::vector<std::size_t>& rows, Pacer& pacer);

// The column of `columns` missing at the most of `rows` (the first on ties) and that count;
// nullptr and 0 when none is missing anywhere.
std::pair<const Column*, std::size_t> most_missing(const std::vector<const Column*>& columns,
                                                   const std::vector<std::size_t>& rows);

// Mean of the non-missing numbers at `rows`, summed in row order in double; nullopt if none.
std::optional<double> mean_at(const Column& column, const std::vector<std::size_t>& rows);

// Most frequent non-missing text at `rows`, ties to the first in byte order (pandas mode()[0]);
// nullopt if none.
std::optional<std::string> mode_at(const Column& column, const std::vector<std::size_t>& rows);

}  // namespace gradtape
