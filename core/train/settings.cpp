#include "core/train/settings.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "core/engine/activation.h"
#include "core/number_text.h"
#include "core/plain_text.h"

namespace gradtape {
namespace {

// Limits that keep a run inside a browser tab's memory and patience.
constexpr double kMaxEpochs = 10000;
constexpr double kMaxBatchSize = 1'000'000;
constexpr double kMaxLearningRate = 10;
constexpr double kMaxSeed = 4294967295.0;
constexpr int kMaxHiddenLayers = 16;
constexpr int kMaxUnits = 4096;

// Readers and writers of one TrainingConfig member, as the table's get and set.
double number_of(const SettingValue& v) { return std::get<double>(v); }
const std::string& text_of(const SettingValue& v) { return std::get<std::string>(v); }

template <class Enum>
Enum choice_of(const SettingValue& v, const char* key) {
  const std::vector<SettingChoice>& choices = find_setting(key)->choices;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (choices[i].value == text_of(v)) return static_cast<Enum>(i);
  }
  return static_cast<Enum>(0);  // unreachable: the value was checked against the choices
}

template <class Enum>
SettingValue choice_value(Enum value, const char* key) {
  return find_setting(key)->choices[static_cast<std::size_t>(value)].value;
}

std::vector<SettingChoice> activation_choices() {
  std::vector<SettingChoice> choices;
  for_each_activation([&](auto record) {
    if (record.hidden) choices.push_back({record.name, record.label});
  });
  return choices;
}

// The table. Each row: key, flag, label, type, limits (min, max, exclusive ends), choices, help,
// where the page shows it, and where it lives in TrainingConfig (get, set).
std::vector<SettingSpec> make_table() {
  using T = SettingType;
  using P = SettingPlace;
  using C = TrainingConfig;
  using V = const SettingValue&;
  std::vector<SettingSpec> rows;
  auto row = [&rows](SettingSpec spec) { rows.push_back(std::move(spec)); };
  // clang-format off
  row({"target", "--target", "Target column", T::text, 0, 0, false, false, {},
       "The column the model learns to predict. By default a column named like a target (target, label, "
       "class, outcome, species, price, ...), or else the last column that can be one.",
       P::data, [](const C& c) -> SettingValue { return c.data.target; },
       [](C& c, V v) { c.data.target = text_of(v); }});
  row({"task", "--task", "Task", T::choice, 0, 0, false, false,
       {{"auto", "Automatic"}, {"binary", "Binary"}, {"multiclass", "Multi-class"},
        {"regression", "Regression"}},  // TaskRequest's order
       "What to predict: a class out of two (binary), a class out of several (multi-class) or a number "
       "(regression). Automatic follows the target: two values are binary; text, or 3 to 20 whole numbers, "
       "multi-class; other numbers regression. Override it when that guesses wrong, such as scores from 1 to 10.",
       P::main, [](const C& c) -> SettingValue { return choice_value(c.data.task, "task"); },
       [](C& c, V v) { c.data.task = choice_of<TaskRequest>(v, "task"); }});
  row({"exclude", "--exclude", "Feature columns", T::names, 0, 0, false, false, {},
       "Columns left out of the features: an ID, or a value only known after the outcome (it would leak "
       "the answer).",
       P::data, [](const C& c) -> SettingValue { return c.data.exclude; },
       [](C& c, V v) { c.data.exclude = std::get<std::vector<std::string>>(v); }});
  row({"epochs", "--epochs", "Epochs", T::integer, 1, kMaxEpochs, false, false, {},
       "How many passes over the training rows. More epochs fit the training rows better; stop adding them "
       "when the validation loss stops falling.",
       P::main, [](const C& c) -> SettingValue { return double(c.epochs); },
       [](C& c, V v) { c.epochs = static_cast<int>(number_of(v)); }});
  row({"batch_size", "--batch-size", "Batch size", T::integer, 1, kMaxBatchSize, false, false, {},
       "Rows per training step; at most the number of training rows. Smaller batches take more, noisier "
       "steps per epoch; larger ones fewer, smoother steps.",
       P::main, [](const C& c) -> SettingValue { return double(c.batch_size); },
       [](C& c, V v) { c.batch_size = static_cast<int>(number_of(v)); }});
  row({"learning_rate", "--lr", "Learning rate", T::number, 0, kMaxLearningRate, true, false, {},
       "How far each step moves the weights. Lower it (0.0001) if the loss jumps around or grows; raise it "
       "(0.01) if it falls very slowly.",
       P::main, [](const C& c) -> SettingValue { return c.optimizer.learning_rate; },
       [](C& c, V v) { c.optimizer.learning_rate = number_of(v); }});
  row({"optimizer", "--optimizer", "Optimizer", T::choice, 0, 0, false, false,
       {{"rmsprop", "RMSprop"}, {"adam", "Adam"}, {"sgd", "SGD"}},  // OptimizerKind's order
       "The rule that turns gradients into weight updates. RMSprop (the default) is what the Keras "
       "heart-disease tutorial uses; Adam is a robust choice elsewhere; SGD is the plainest.",
       P::main, [](const C& c) -> SettingValue { return choice_value(c.optimizer.kind, "optimizer"); },
       [](C& c, V v) { c.optimizer.kind = choice_of<OptimizerKind>(v, "optimizer"); }});
  row({"hidden", "--hidden", "Hidden layers", T::layers, 1, kMaxUnits, false, false, {},
       "Units of each hidden layer, such as 64,64; empty for none (a linear or logistic model). Wider or "
       "deeper layers can fit more, and overfit sooner on small tables.",
       P::main, [](const C& c) -> SettingValue { return c.hidden; },
       [](C& c, V v) { c.hidden = std::get<std::vector<int>>(v); }});
  row({"activation", "--activation", "Activation", T::choice, 0, 0, false, false, activation_choices(),
       "The function each hidden unit applies to its sum. ReLU is the usual choice; tanh and sigmoid are "
       "smoother.",
       P::main, [](const C& c) -> SettingValue { return std::string(activation_name(c.activation)); },
       [](C& c, V v) { c.activation = *parse_activation(text_of(v)); }});
  row({"validation_split", "--val-split", "Validation split", T::number, 0, 1, true, true, {},
       "The share of rows held out to measure the model on rows it never trained on. 0.2 keeps one row in "
       "five; use more on large tables, less on very small ones.",
       P::main, [](const C& c) -> SettingValue { return c.data.validation_split; },
       [](C& c, V v) { c.data.validation_split = number_of(v); }});
  row({"seed", "--seed", "Seed", T::integer, 0, kMaxSeed, false, false, {},
       "Fixes the split, the initial weights and every shuffle: the same seed and settings give the same "
       "run on every machine. Change it to see how much a result depends on luck.",
       P::main, [](const C& c) -> SettingValue { return double(c.seed); },
       [](C& c, V v) { c.seed = static_cast<std::uint32_t>(number_of(v)); }});
  row({"encoding", "--encoding", "Encoding", T::choice, 0, 0, false, false,
       {{"codes", "Category codes"}, {"onehot", "One-hot"}},  // Encoding's order
       "How text columns become numbers: one code per category (the default), or one 0/1 column per "
       "category, better when categories have no order.",
       P::main, [](const C& c) -> SettingValue { return choice_value(c.data.encoding, "encoding"); },
       [](C& c, V v) { c.data.encoding = choice_of<Encoding>(v, "encoding"); }});
  row({"missing", "--missing", "Missing values", T::choice, 0, 0, false, false,
       {{"drop", "Drop rows"}, {"impute", "Fill with train mean/mode"}},  // MissingPolicy's order
       "Rows with a missing value: drop them (the default), or fill the gaps with the training rows' mean "
       "(numbers) or most frequent value (text) to keep every row.",
       P::main, [](const C& c) -> SettingValue { return choice_value(c.data.missing, "missing"); },
       [](C& c, V v) { c.data.missing = choice_of<MissingPolicy>(v, "missing"); }});
  row({"stratify", "--stratify", "Stratified split", T::flag, 0, 0, false, false, {},
       "Keep each class's share the same in the training and validation rows; worth it when a class is "
       "rare. Classification only.",
       P::main, [](const C& c) -> SettingValue { return c.data.stratify; },
       [](C& c, V v) { c.data.stratify = std::get<bool>(v); }});
  row({"class_weight", "--class-weight", "Class weighting", T::choice, 0, 0, false, false,
       {{"none", "None"}, {"balanced", "Balanced"}, {"manual", "Set by hand"}},  // ClassWeighting's order
       "For a rare class: weigh each train row's loss by its class, as Keras' class_weight does. Balanced "
       "gives class c the weight n / (k · n_c) over the train rows (scikit-learn's), so every class counts "
       "alike; Set by hand takes Class weights. The validation figures stay unweighted. Classification only.",
       P::advanced, [](const C& c) -> SettingValue { return choice_value(c.class_weights.mode, "class_weight"); },
       [](C& c, V v) { c.class_weights.mode = choice_of<ClassWeighting>(v, "class_weight"); }});
  row({"class_weights", "--class-weights", "Class weights", T::weights, 0, kMaxClassWeight, true, false, {},
       "With Class weighting set by hand: each class and its weight, like 0:1,1:3 (a class left out weighs "
       "1). Raising a class's weight trades false negatives of it for false positives.",
       P::advanced, [](const C& c) -> SettingValue { return c.class_weights.manual; },
       [](C& c, V v) { c.class_weights.manual = text_of(v); }});
  row({"early_stopping", "--early-stopping", "Early stopping", T::flag, 0, 0, false, false, {},
       "Stop when the monitored validation figure has not improved for `patience` epochs, as Keras' "
       "EarlyStopping does. Off by default, so every epoch runs; the best epoch is kept either way.",
       P::main, [](const C& c) -> SettingValue { return c.early_stopping.enabled; },
       [](C& c, V v) { c.early_stopping.enabled = std::get<bool>(v); }});
  row({"restore_best", "--restore-best", "Restore the best epoch", T::flag, 0, 0, false, false, {},
       "At the end of the run, use the weights of the best epoch (by the monitored figure) instead of the "
       "last one's, for the results, predictions and saved models; Keras' restore_best_weights.",
       P::main, [](const C& c) -> SettingValue { return c.early_stopping.restore_best; },
       [](C& c, V v) { c.early_stopping.restore_best = std::get<bool>(v); }});
  row({"monitor", "--monitor", "Monitored figure", T::choice, 0, 0, false, false,
       {{"val_loss", "Val loss"}, {"val_accuracy", "Val accuracy"}, {"val_auc", "Val AUC (binary)"},
        {"val_precision", "Val precision (binary)"}, {"val_recall", "Val recall (binary)"},
        {"val_macro_f1", "Val macro-F1 (multi-class)"}, {"val_mae", "Val MAE (regression)"},
        {"val_rmse", "Val RMSE (regression)"}, {"val_r2", "Val R² (regression)"}},
       "The validation figure that decides the best epoch and early stopping: lower is better for the loss "
       "and MAE, higher for accuracy, AUC, macro-F1 and R². It must be one the task reports.",
       P::advanced, [](const C& c) -> SettingValue { return c.early_stopping.monitor; },
       [](C& c, V v) { c.early_stopping.monitor = text_of(v); }});
  row({"patience", "--patience", "Patience", T::integer, 0, kMaxEpochs, false, false, {},
       "Early stopping: how many epochs without an improvement to wait before stopping (Keras' patience).",
       P::advanced, [](const C& c) -> SettingValue { return double(c.early_stopping.patience); },
       [](C& c, V v) { c.early_stopping.patience = static_cast<int>(number_of(v)); }});
  row({"min_delta", "--min-delta", "Min delta", T::number, 0, 1e6, false, false, {},
       "Early stopping and the best epoch: the smallest change of the monitored figure that counts as an "
       "improvement (Keras' min_delta).",
       P::advanced, [](const C& c) -> SettingValue { return c.early_stopping.min_delta; },
       [](C& c, V v) { c.early_stopping.min_delta = number_of(v); }});
  row({"scaler_ddof", "--ddof", "Scaler ddof", T::integer, 0, 1, false, false, {},
       "The scaler's standard deviation: 1 is pandas' sample std (the default), 0 is scikit-learn's "
       "StandardScaler.",
       P::advanced, [](const C& c) -> SettingValue { return double(c.data.scaler_ddof); },
       [](C& c, V v) { c.data.scaler_ddof = static_cast<int>(number_of(v)); }});
  row({"momentum", "--momentum", "Momentum", T::number, 0, 1, false, true, {},
       "RMSprop and SGD: how much of the previous update carries into the next; 0.9 is common for SGD.",
       P::advanced, [](const C& c) -> SettingValue { return c.optimizer.momentum; },
       [](C& c, V v) { c.optimizer.momentum = number_of(v); }});
  row({"rho", "--rho", "Rho", T::number, 0, 1, false, true, {},
       "RMSprop: the decay of its running mean of squared gradients.",
       P::advanced, [](const C& c) -> SettingValue { return c.optimizer.rho; },
       [](C& c, V v) { c.optimizer.rho = number_of(v); }});
  row({"centered", "--centered", "Centered RMSprop", T::flag, 0, 0, false, false, {},
       "RMSprop: divide by the gradients' variance instead of their mean square.",
       P::advanced, [](const C& c) -> SettingValue { return c.optimizer.centered; },
       [](C& c, V v) { c.optimizer.centered = std::get<bool>(v); }});
  row({"nesterov", "--nesterov", "Nesterov momentum", T::flag, 0, 0, false, false, {},
       "SGD: look ahead by the momentum before taking the gradient.",
       P::advanced, [](const C& c) -> SettingValue { return c.optimizer.nesterov; },
       [](C& c, V v) { c.optimizer.nesterov = std::get<bool>(v); }});
  row({"beta_1", "--beta1", "Beta 1", T::number, 0, 1, false, true, {},
       "Adam: the decay of its running mean of gradients.",
       P::advanced, [](const C& c) -> SettingValue { return c.optimizer.beta_1; },
       [](C& c, V v) { c.optimizer.beta_1 = number_of(v); }});
  row({"beta_2", "--beta2", "Beta 2", T::number, 0, 1, false, true, {},
       "Adam: the decay of its running mean of squared gradients.",
       P::advanced, [](const C& c) -> SettingValue { return c.optimizer.beta_2; },
       [](C& c, V v) { c.optimizer.beta_2 = number_of(v); }});
  row({"epsilon", "--epsilon", "Epsilon", T::number, 0, 1, true, false, {},
       "RMSprop and Adam: a small number that keeps their division away from zero.",
       P::advanced, [](const C& c) -> SettingValue { return c.optimizer.epsilon; },
       [](C& c, V v) { c.optimizer.epsilon = number_of(v); }});
  // clang-format on
  return rows;
}

// The shortest text that reads back as `value`; with `grouped`, whole numbers of five digits or
// more in groups of three ("10,000"), as messages show them.
std::string number_text(double value, bool grouped = false) {
  char text[40];
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    std::snprintf(text, sizeof text, "%.0f", value);
    if (!grouped) return text;
    std::string digits = text, out;
    const std::size_t sign = digits[0] == '-' ? 1 : 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > sign && (digits.size() - i) % 3 == 0 && digits.size() - sign > 4) out += ',';
      out += digits[i];
    }
    return out;
  }
  return shortest_text(value);
}

std::string or_list(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
  }
  return text;
}

std::vector<std::string> split_names(std::string_view text) {
  std::vector<std::string> names;
  if (trimmed(text).empty()) return names;
  for (std::size_t start = 0;;) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    names.push_back(std::string(text.substr(start, end - start)));
    if (end == text.size()) return names;
    start = end + 1;
  }
}

Result<SettingValue> parse_layers(const SettingSpec& spec, std::string_view text) {
  std::vector<int> units;
  for (const std::string& item : split_names(text)) {
    const std::string digits = trimmed(item);
    bool whole = !digits.empty() && digits.size() <= 9;
    for (char c : digits) whole = whole && std::isdigit(static_cast<unsigned char>(c));
    if (!whole) return setting_error(spec, "'" + std::string(text) + "'");
    units.push_back(std::atoi(digits.c_str()));
  }
  return check_setting(spec, units);
}

}  // namespace

Error setting_error(const SettingSpec& spec, const std::string& got) {
  return Error{spec.label + " must be " + setting_rule(spec) + ", got " + got, spec.key};
}

const std::vector<SettingSpec>& settings_table() {
  static const std::vector<SettingSpec> table = make_table();
  return table;
}

const SettingSpec* find_setting(std::string_view key) {
  for (const SettingSpec& spec : settings_table()) {
    if (spec.key == key) return &spec;
  }
  return nullptr;
}

std::string camel_case(std::string_view snake) {
  std::string name;
  for (std::size_t i = 0; i < snake.size(); ++i) {
    if (snake[i] == '_' && i + 1 < snake.size()) {
      name += static_cast<char>(std::toupper(static_cast<unsigned char>(snake[++i])));
    } else {
      name += snake[i];
    }
  }
  return name;
}

std::string setting_rule(const SettingSpec& spec) {
  switch (spec.type) {
    case SettingType::integer:
      return "a whole number from " + number_text(spec.min, true) + " to " +
             number_text(spec.max, true);
    case SettingType::number: {
      const std::string lo = number_text(spec.min, true), hi = number_text(spec.max, true);
      if (spec.min_exclusive && spec.max_exclusive)
        return "a number between " + lo + " and " + hi + ", exclusive";
      return std::string("a number ") + (spec.min_exclusive ? "above " : "at least ") + lo +
             " and " + (spec.max_exclusive ? "below " : "at most ") + hi;
    }
    case SettingType::choice: {
      std::vector<std::string> values;
      for (const SettingChoice& choice : spec.choices) values.push_back(choice.value);
      return "one of " + or_list(values);
    }
    case SettingType::flag: return "true or false";
    case SettingType::text: return "a column name";
    case SettingType::names: return "a list of column names";
    case SettingType::weights:
      return "classes with their weights, like 0:1,1:3 (each weight above 0 and at most " +
             number_text(spec.max, true) + "), or empty";
    case SettingType::layers:
      return "whole numbers separated by commas, like 64,64 (up to " +
             std::to_string(kMaxHiddenLayers) + " layers of " + number_text(spec.min, true) +
             " to " + number_text(spec.max, true) + " units), or empty for none";
  }
  return "";
}

std::string setting_text(const SettingSpec& spec, const SettingValue& value) {
  (void)spec;
  if (const double* number = std::get_if<double>(&value)) return number_text(*number);
  if (const bool* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
  if (const std::string* text = std::get_if<std::string>(&value)) return *text;
  std::string joined;
  if (const auto* names = std::get_if<std::vector<std::string>>(&value)) {
    for (std::size_t i = 0; i < names->size(); ++i) joined += (i ? "," : "") + (*names)[i];
  } else {
    const auto& units = std::get<std::vector<int>>(value);
    for (std::size_t i = 0; i < units.size(); ++i)
      joined += (i ? "," : "") + std::to_string(units[i]);
  }
  return joined;
}

Result<SettingValue> check_setting(const SettingSpec& spec, SettingValue value) {
  switch (spec.type) {
    case SettingType::integer:
    case SettingType::number: {
      const double* number = std::get_if<double>(&value);
      if (!number) return setting_error(spec, "a value of another kind");
      const double x = *number;
      const bool whole = spec.type == SettingType::number || std::floor(x) == x;
      const bool above = spec.min_exclusive ? x > spec.min : x >= spec.min;
      const bool below = spec.max_exclusive ? x < spec.max : x <= spec.max;
      if (!std::isfinite(x) || !whole || !above || !below)
        return setting_error(spec, number_text(x));
      return value;
    }
    case SettingType::choice: {
      const std::string* text = std::get_if<std::string>(&value);
      if (text) {
        for (const SettingChoice& choice : spec.choices) {
          if (choice.value == *text) return value;
        }
      }
      return setting_error(spec, text ? "'" + *text + "'" : "a value of another kind");
    }
    case SettingType::flag:
      if (!std::holds_alternative<bool>(value))
        return setting_error(spec, "a value of another kind");
      return value;
    case SettingType::text:
      if (!std::holds_alternative<std::string>(value))
        return setting_error(spec, "a value of another kind");
      return value;
    case SettingType::names:
      if (!std::holds_alternative<std::vector<std::string>>(value))
        return setting_error(spec, "a value of another kind");
      return value;
    case SettingType::weights: {
      const std::string* text = std::get_if<std::string>(&value);
      if (!text) return setting_error(spec, "a value of another kind");
      Result<std::vector<ClassWeightEntry>> entries = parse_class_weights(*text);
      if (!entries) return entries.error();
      return value;
    }
    case SettingType::layers: {
      const auto* units = std::get_if<std::vector<int>>(&value);
      if (!units) return setting_error(spec, "a value of another kind");
      if (units->size() > static_cast<std::size_t>(kMaxHiddenLayers)) {
        return setting_error(spec, std::to_string(units->size()) + " layers");
      }
      for (std::size_t i = 0; i < units->size(); ++i) {
        if ((*units)[i] < spec.min || (*units)[i] > spec.max) {
          return setting_error(
              spec, std::to_string((*units)[i]) + " units in layer " + std::to_string(i + 1));
        }
      }
      return value;
    }
  }
  return value;
}

Result<SettingValue> parse_setting(const SettingSpec& spec, std::string_view text) {
  const std::string word = trimmed(text);
  switch (spec.type) {
    case SettingType::integer:
    case SettingType::number: {
      double value = 0;
      if (!read_decimal(word, value))
        return setting_error(spec, word.empty() ? "nothing" : "'" + word + "'");
      return check_setting(spec, value);
    }
    case SettingType::flag:
      if (word == "true" || word == "1") return SettingValue(true);
      if (word == "false" || word == "0") return SettingValue(false);
      return setting_error(spec, "'" + std::string(text) + "'");
    case SettingType::choice: return check_setting(spec, word);
    case SettingType::text: return SettingValue(std::string(text));
    case SettingType::weights: return check_setting(spec, std::string(text));
    case SettingType::names: return SettingValue(split_names(text));
    case SettingType::layers: return parse_layers(spec, text);
  }
  return setting_error(spec, "'" + std::string(text) + "'");
}

Result<TrainingConfig> config_from(const std::map<std::string, SettingValue>& values) {
  TrainingConfig config;
  for (const auto& [key, value] : values) {
    const SettingSpec* spec = find_setting(key);
    if (!spec) return Error{"unknown setting '" + key + "'", key};
    Result<SettingValue> checked = check_setting(*spec, value);
    if (!checked) return checked.error();
    spec->set(config, *checked);
  }
  return config;
}

const char* optimizer_name(OptimizerKind kind) {
  return find_setting("optimizer")->choices[static_cast<std::size_t>(kind)].value.c_str();
}

Status validate(const TrainingConfig& config) {
  for (const SettingSpec& spec : settings_table()) {
    Result<SettingValue> checked = check_setting(spec, spec.get(config));
    if (!checked) return checked.error();
  }
  return {};
}

}  // namespace gradtape
