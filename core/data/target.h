// The target column and its task, by the rule of docs/pipeline.md ("Beyond the tutorial"):
// exactly 2 distinct values is binary; text, or integers with 3 to 20 distinct values, is
// multi-class; any other numbers is regression. A request overrides the rule where it can work.
// Classes are sorted (numbers ascending, text in byte order) and a class's label is its index.
// Also what every column could be as a target, and the natural default.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/table.h"
#include "core/pacer.h"
#include "core/result.h"

namespace gradtape {

enum class Task { binary, multiclass, regression };
// The "task" setting: the rule's task, or one of the tasks by name (TaskRequest i = Task i - 1).
enum class TaskRequest { automatic, binary, multiclass, regression };

inline constexpr std::size_t kTaskCount = 3;
// "binary", "multiclass" or "regression".
const char* task_name(Task task);

// More classes than this cannot be shown in a tab (a confusion matrix of 30 x 30 cells is the
// largest that stays readable), so a target with more is refused.
inline constexpr std::size_t kMaxClasses = 30;
// Integers with at most this many distinct values are classes by the rule; more are a quantity.
inline constexpr std::size_t kMaxIntegerClasses = 20;

struct Target {
  std::string column;
  Task task = Task::binary;
  std::vector<std::string> classes;  // classification: the labels, sorted; class i = classes[i]
  std::vector<std::size_t> counts;   // classification: rows of each class
  bool mapped = false;               // the labels are not the numbers 0..K-1 themselves
  NumberValues y;                    // per data row: the class index or the value; NaN if missing
  std::size_t missing = 0;
};

// The column `name` as the target of `request`'s task. Errors (field "target", or "task" when
// the task was requested) say why the column cannot be that target.
Result<Target> read_target(const Table& table, std::string_view name,
                           TaskRequest request = TaskRequest::automatic);
// The same, ticking `pacer` once per row looked at.
Result<Target> read_target(const Table& table, std::string_view name, TaskRequest request,
                           Pacer& pacer);

// What one column could be as a target.
struct TargetCandidate {
  std::string column;
  Task task = Task::binary;  // the rule's task for it
  std::string reason;        // why it cannot be the rule's target; empty when it can
  std::array<std::string, kTaskCount> refused;  // per Task: why not, empty when it can
  std::vector<std::string> classes;  // as classification: the sorted labels (up to kMaxClasses)
  std::vector<std::size_t> counts;
  bool usable() const { return reason.empty(); }
};

// Every column of the table, in table order.
std::vector<TargetCandidate> target_candidates(const Table& table);
std::vector<TargetCandidate> target_candidates(const Table& table, Pacer& pacer);

// The first usable column named like a target (target, label, class, outcome, species, price,
// ...; or a name ending in target, label, class, outcome, diagnosis or disease), else the last
// usable column; nullopt if no column can be a target.
std::optional<TargetCandidate> suggest_target(const Table& table);
// The same choice among `candidates`, target_candidates' answer for the table.
std::optional<TargetCandidate> suggest_target(std::vector<TargetCandidate> candidates);

}  // namespace gradtape
