// The binary target: a column with exactly two classes, either the numbers 0 and 1 or two text
// labels mapped in byte order (first = 0). Also which columns could be the target, and a guess.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/table.h"
#include "core/result.h"

namespace gradtape {

struct ClassLabels {
  std::string negative;  // class 0
  std::string positive;  // class 1
};

struct TargetCandidate {
  std::string column;
  ClassLabels labels;
  std::size_t negative_count = 0;
  std::size_t positive_count = 0;
};

struct Target {
  std::string column;
  ClassLabels labels;
  bool text_labels = false;  // true when two strings were mapped to 0 and 1
  std::vector<double> y;     // 0 or 1 per data row, NaN where the target is missing
  std::size_t negative_count = 0;
  std::size_t positive_count = 0;
  std::size_t missing = 0;
};

// The column `name` as a 0/1 target. Errors (field "target") name the classes found.
Result<Target> read_target(const Table& table, std::string_view name);

// Every column that read_target accepts, in table order.
std::vector<TargetCandidate> target_candidates(const Table& table);

// The first candidate named like a target (target, label, class, outcome, y, diagnosis, or a name
// ending in one of those or in "disease"), else the last candidate; nullopt if there is none.
std::optional<TargetCandidate> suggest_target(const Table& table);

}  // namespace gradtape
