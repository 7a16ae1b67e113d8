// How a CSV file is read, as one table like the training settings (core/train/settings.h): the
// decimal mark and the text encoding, each with its key, flag, label, choices and help. The
// CLI's flags, the bindings' loadCsv options and the page's controls all come from it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/data/read_csv.h"
#include "core/result.h"

namespace gradtape {

struct CsvChoice {
  std::string value;  // what the CLI and the bindings take
  std::string label;  // what the page shows
};

struct CsvSettingSpec {
  std::string key;    // snake_case: Error::field; the bindings' option is its camelCase
  std::string flag;   // the CLI's flag, "--decimal"
  std::string label;  // "Decimal separator"
  std::vector<CsvChoice> choices;  // the first is the default
  std::string help;                // what it does and when to change it
  // Sets the option to choices[index].
  void (*set)(CsvOptions&, std::size_t index) = nullptr;
  // The index of the option's current choice.
  std::size_t (*get)(const CsvOptions&) = nullptr;
};

const std::vector<CsvSettingSpec>& csv_settings_table();
// The row for `key` (snake_case) or its camelCase, or nullptr.
const CsvSettingSpec* find_csv_setting(std::string_view key);

// Sets `key` to the choice `value` names; an Error on field `key` saying which choices there are.
Status apply_csv_setting(CsvOptions& options, const CsvSettingSpec& spec, std::string_view value);

}  // namespace gradtape
