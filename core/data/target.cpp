#include "core/data/target.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "core/data/distribution.h"
#include "core/data/id_columns.h"
#include "core/data/values.h"

namespace gradtape {
namespace {

constexpr std::size_t kMinIdRows = 20;  // as looks_like_id: below this, all-distinct is no sign

// The distinct present values of a column, sorted as classes sort, with their counts; the tally
// stops at kMaxClasses + 1 values, so a wide column costs one short scan.
struct Tally {
  std::vector<std::string> labels;
  std::vector<std::size_t> counts;
  std::vector<double> numbers;  // numeric columns: the values of `labels`
  std::size_t present = 0;
  bool over = false;     // more than kMaxClasses distinct values
  bool integral = true;  // every present number is a whole number
  bool numeric = false;
};

Tally tally(const Column& column, Pacer& pacer) {
  Tally t;
  t.numeric = column.is_numeric();
  if (!t.numeric) {
    std::vector<std::size_t> counts(column.texts.size(), 0);
    for (std::size_t r = 0; r < column.size(); ++r) {
      pacer.tick();
      if (column.is_missing(r)) continue;
      ++counts[column.text_id(r)];
      ++t.present;
    }
    std::vector<std::size_t> order;
    for (std::size_t id = 0; id < counts.size(); ++id) {
      if (counts[id] > 0) order.push_back(id);
    }
    t.over = order.size() > kMaxClasses;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return column.texts[a] < column.texts[b]; });
    if (t.over) order.resize(kMaxClasses + 1);
    for (std::size_t id : order) {
      t.labels.push_back(column.texts[id]);
      t.counts.push_back(counts[id]);
    }
    return t;
  }
  // A coded column names each row's value by its place in a dictionary: each place's label is
  // looked for once, not on every row.
  constexpr std::size_t kNotYet = std::numeric_limits<std::size_t>::max();
  const NumberValues& values = column.numbers;
  std::vector<std::size_t> label_of_place(values.coded() ? values.dictionary().size() : 0, kNotYet);
  for (std::size_t r = 0; r < column.size(); ++r) {
    pacer.tick();
    if (column.is_missing(r)) continue;
    const double value = values[r];
    ++t.present;
    t.integral = t.integral && std::floor(value) == value;
    if (t.over) continue;
    std::size_t* known = values.coded() ? &label_of_place[values.place(r)] : nullptr;
    if (known && *known != kNotYet) {
      ++t.counts[*known];
      continue;
    }
    const std::size_t label = static_cast<std::size_t>(
        std::find(t.numbers.begin(), t.numbers.end(), value) - t.numbers.begin());
    if (label < t.numbers.size()) {
      ++t.counts[label];
    } else if (t.numbers.size() == kMaxClasses) {
      t.over = true;
      continue;
    } else {
      t.numbers.push_back(value);
      t.counts.push_back(1);
    }
    if (known) *known = label;
  }
  std::vector<std::size_t> order(t.numbers.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return t.numbers[a] < t.numbers[b]; });
  std::vector<double> numbers;
  std::vector<std::size_t> counts;
  for (std::size_t i : order) {
    numbers.push_back(t.numbers[i]);
    counts.push_back(t.counts[i]);
    t.labels.push_back(format_number(t.numbers[i]));
  }
  t.numbers = std::move(numbers);
  t.counts = std::move(counts);
  return t;
}

std::size_t distinct_count(const Column& column, Pacer& pacer) {
  if (!column.is_numeric()) return column.texts.size();
  return distribution_of(column.numbers, pacer).distinct();  // -0 and +0 are one, as == has them
}

// A different value on every row (at least 20, none missing), and text or named like an ID.
bool id_like(const Column& column, const Tally& t, Pacer& pacer) {
  if (column.size() < kMinIdRows || t.present != column.size()) return false;
  if (!column.is_numeric()) return column.texts.size() == column.size();
  if (!named_like_id(column.name)) return false;
  return (t.over ? distinct_count(column, pacer) : t.labels.size()) == column.size();
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

// A column as a target: why it cannot be the target of each task (empty: it can), the rule's
// task, and its tally of values.
struct Analysis {
  TargetCandidate candidate;
  Tally tally;
};

Analysis analyse(const Column& column, Pacer& pacer) {
  Analysis analysis{{}, tally(column, pacer)};
  const Tally& t = analysis.tally;
  TargetCandidate& c = analysis.candidate;
  c.column = column.name;
  c.classes = t.labels;
  c.counts = t.counts;
  const std::size_t distinct = t.over ? kMaxClasses + 1 : t.labels.size();
  const std::string many =
      t.over ? "more than " + std::to_string(kMaxClasses) : std::to_string(distinct);
  c.task = distinct == 2                                                  ? Task::binary
           : !t.numeric || (t.integral && distinct <= kMaxIntegerClasses) ? Task::multiclass
                                                                          : Task::regression;
  std::string everywhere;  // a reason that rules out every task
  if (t.present == 0)
    everywhere = "every value is missing";
  else if (distinct == 1)
    everywhere = "one value (" + quoted(t.labels[0]) + ") in every row";
  else if (id_like(column, t, pacer))
    everywhere = "looks like an ID: a different value on every row";
  for (std::size_t k = 0; k < kTaskCount; ++k) c.refused[k] = everywhere;
  if (everywhere.empty()) {
    std::string& binary = c.refused[static_cast<std::size_t>(Task::binary)];
    std::string& multiclass = c.refused[static_cast<std::size_t>(Task::multiclass)];
    std::string& regression = c.refused[static_cast<std::size_t>(Task::regression)];
    if (distinct != 2) binary = "has " + many + " values; binary needs exactly 2";
    if (t.over) {
      multiclass = "has " + many + " different values; at most " + std::to_string(kMaxClasses) +
                   " classes can be shown";
    }
    for (std::size_t i = 0; i < t.counts.size() && !t.over; ++i) {
      if (t.counts[i] > 1) continue;
      const std::string single =
          "class " + quoted(t.labels[i]) + " has a single row; every class needs at least 2";
      if (binary.empty()) binary = single;
      if (multiclass.empty()) multiclass = single;
      break;
    }
    if (!t.numeric) regression = "holds text; regression needs numbers";
  }
  c.reason = c.refused[static_cast<std::size_t>(c.task)];
  return analysis;
}

std::string normalized(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool named_like_target(std::string_view name) {
  const std::string n = normalized(name);
  // The usual names of an outcome in public tables (Titanic, churn, credit default, fraud,
  // iris and penguins, wine quality, house prices, car mileage, diabetes progression).
  for (std::string_view exact :
       {"y",           "class",   "label",     "target",    "outcome", "diagnosis",      "survived",
        "churn",       "exited",  "attrition", "fraud",     "isfraud", "default",        "species",
        "variety",     "quality", "price",     "saleprice", "mpg",     "milespergallon", "medv",
        "progression", "income",  "salary",    "charges"}) {
    if (n == exact) return true;
  }
  for (std::string_view suffix : {"target", "label", "class", "outcome", "diagnosis", "disease"}) {
    if (n.size() > suffix.size() &&
        n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

const char* task_name(Task task) {
  constexpr const char* kNames[kTaskCount] = {"binary", "multiclass", "regression"};
  return kNames[static_cast<std::size_t>(task)];
}

Result<Target> read_target(const Table& table, std::string_view name, TaskRequest request) {
  Pacer never_pauses;
  return read_target(table, name, request, never_pauses);
}

Result<Target> read_target(const Table& table, std::string_view name, TaskRequest request,
                           Pacer& pacer) {
  if (name.empty())
    return Error{"choose the target column: the one the model should predict", "target"};
  const Column* column = table.find(name);
  if (!column) {
    std::string columns;
    for (const std::string& n : table.column_names())
      columns += (columns.empty() ? "'" : ", '") + n + "'";
    return Error{"there is no column '" + std::string(name) + "'; the columns are " + columns,
                 "target"};
  }
  const Analysis analysis = analyse(*column, pacer);
  const TargetCandidate& candidate = analysis.candidate;
  const bool requested = request != TaskRequest::automatic;
  const Task task = requested ? static_cast<Task>(static_cast<int>(request) - 1) : candidate.task;
  if (const std::string& why = candidate.refused[static_cast<std::size_t>(task)]; !why.empty()) {
    return Error{"'" + column->name + "' cannot be a " + task_name(task) + " target: " + why,
                 requested ? "task" : "target"};
  }
  Target target;
  target.column = column->name;
  target.task = task;
  target.y.reserve(column->size());
  if (task == Task::regression) {
    for (std::size_t r = 0; r < column->size(); ++r) {
      pacer.tick();
      target.missing += column->is_missing(r) ? 1 : 0;
      target.y.push_back(column->numbers[r]);  // NaN where missing
    }
    target.y.shrink();
    return Result<Target>(std::move(target));
  }
  target.classes = candidate.classes;
  target.counts = candidate.counts;
  for (std::size_t k = 0; k < target.classes.size(); ++k) {
    target.mapped = target.mapped || target.classes[k] != std::to_string(k);
  }
  for (std::size_t r = 0; r < column->size(); ++r) {
    pacer.tick();
    if (column->is_missing(r)) {
      ++target.missing;
      target.y.push_back(std::numeric_limits<double>::quiet_NaN());
      continue;
    }
    const std::vector<double>& numbers = analysis.tally.numbers;
    const std::size_t k =
        column->is_numeric()
            ? static_cast<std::size_t>(
                  std::lower_bound(numbers.begin(), numbers.end(), column->numbers[r]) -
                  numbers.begin())
            : static_cast<std::size_t>(
                  std::lower_bound(target.classes.begin(), target.classes.end(), column->text(r)) -
                  target.classes.begin());
    target.y.push_back(static_cast<double>(k));
  }
  target.y.shrink();
  return Result<Target>(std::move(target));
}

std::vector<TargetCandidate> target_candidates(const Table& table) {
  Pacer never_pauses;
  return target_candidates(table, never_pauses);
}

std::vector<TargetCandidate> target_candidates(const Table& table, Pacer& pacer) {
  std::vector<TargetCandidate> candidates;
  for (const Column& column : table.columns) candidates.push_back(analyse(column, pacer).candidate);
  return candidates;
}

std::optional<TargetCandidate> suggest_target(const Table& table) {
  return suggest_target(target_candidates(table));
}

std::optional<TargetCandidate> suggest_target(std::vector<TargetCandidate> candidates) {
  std::optional<TargetCandidate> last;
  for (TargetCandidate& candidate : candidates) {
    if (!candidate.usable()) continue;
    if (named_like_target(candidate.column)) return std::move(candidate);
    last = std::move(candidate);
  }
  return last;
}

}  // namespace gradtape
