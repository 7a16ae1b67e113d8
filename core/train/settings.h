// Every setting of a training run as one table, in the spirit of TensorFlow Playground's state.ts:
// its name, flag, label, type, default, limits, choices and help. The CLI's flags and --help, the
// bindings (which export the table to the page), the page's form and its checks, and the docs
// all come from it, and so does every error about a setting. Adding a setting is one row here
// (with where it lives in TrainingConfig) and its test.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"
#include "core/train/training_config.h"

namespace gradtape {

enum class SettingType {
  integer,  // a whole number within [min, max]
  number,   // a finite number within the bounds
  choice,   // one of `choices`
  flag,     // true or false
  text,     // free text (a column name)
  names,    // a list of column names ("a,b" as text)
  layers,   // hidden-layer sizes ("64,64" as text)
  weights,  // class:weight pairs ("0:1,1:3" as text), class_weights.h
};

// A setting's value: integer and number as double, choice and text as string.
using SettingValue =
    std::variant<double, bool, std::string, std::vector<std::string>, std::vector<int>>;

struct SettingChoice {
  std::string value;  // what the CLI and the bindings take
  std::string label;  // what the page shows
};

// Where the page shows a setting: with the main settings, folded under "Advanced", or not in
// the form (the target and the feature columns, which the page draws from the data).
enum class SettingPlace { main, advanced, data };

struct SettingSpec {
  std::string key;    // snake_case: Error::field, JSON keys; the bindings' key is its camelCase
  std::string flag;   // the CLI's flag, "--batch-size"
  std::string label;  // "Batch size"
  SettingType type = SettingType::number;
  double min = 0, max = 0;     // integer and number
  bool min_exclusive = false;  // number: above min, not at it
  bool max_exclusive = false;  // number: below max, not at it
  std::vector<SettingChoice> choices;
  std::string help;  // one or two sentences: what it does and when to change it
  SettingPlace place = SettingPlace::main;
  SettingValue (*get)(const TrainingConfig&) = nullptr;
  void (*set)(TrainingConfig&, const SettingValue&) = nullptr;  // given a checked value
};

// The table, in the order the CLI's --help and the page's form list the settings.
const std::vector<SettingSpec>& settings_table();
// The row for `key`, or nullptr.
const SettingSpec* find_setting(std::string_view key);

// The value as its type allows, or an Error on spec.key worded from the spec ("epochs must be a
// whole number from 1 to 10,000, got 0").
Result<SettingValue> check_setting(const SettingSpec& spec, SettingValue value);
// The Error for a value that breaks the rule: "Epochs must be a whole number from 1 to 10,000, got
// GOT", on field spec.key.
Error setting_error(const SettingSpec& spec, const std::string& got);
// The value that `text` spells for this setting (as a flag or a form field gives it), checked.
Result<SettingValue> parse_setting(const SettingSpec& spec, std::string_view text);

// Applies checked values over the defaults; an unknown key is an Error.
Result<TrainingConfig> config_from(const std::map<std::string, SettingValue>& values);

// camelCase of a snake_case key: "batch_size" -> "batchSize", "beta_1" -> "beta1".
std::string camel_case(std::string_view snake);
// A setting's value as text, as --help shows defaults: "60", "0.001", "64,64", "true".
std::string setting_text(const SettingSpec& spec, const SettingValue& value);
// What the limits allow, in words: "a whole number from 1 to 10,000", "one of rmsprop, adam or
// sgd".
std::string setting_rule(const SettingSpec& spec);

}  // namespace gradtape
