// The table of CSV reading settings, and setting one from its text.
#include "core/data/csv_settings.h"

namespace gradtape {
namespace {

std::vector<CsvSettingSpec> make_table() {
  std::vector<CsvSettingSpec> rows;
  rows.push_back(
      {"decimal",
       "--decimal",
       "Decimal separator",
       {{"auto", "Automatic"}, {"point", "Point (3.5)"}, {"comma", "Comma (3,5)"}},
       "How numbers mark their decimals. Automatic reads 3.5, and in a file separated by "
       "semicolons "
       "or tabs also 3,5 when a whole column is written that way (as Excel does in much of "
       "Europe). Choose one when a column is read wrongly.",
       [](CsvOptions& o, std::size_t i) { o.decimal = static_cast<DecimalMark>(i); },
       [](const CsvOptions& o) { return static_cast<std::size_t>(o.decimal); }});
  rows.push_back(
      {"text_encoding",
       "--text-encoding",
       "Text encoding",
       {{"auto", "Automatic"}, {"utf-8", "UTF-8"}, {"windows-1252", "Windows-1252 (Latin-1)"}},
       "How the file's bytes spell letters. Automatic reads UTF-8, and a file that is not UTF-8 as "
       "Windows-1252, what Excel on Windows saves as plain CSV. Choose one if accents or symbols "
       "look wrong.",
       [](CsvOptions& o, std::size_t i) { o.encoding = static_cast<TextEncoding>(i); },
       [](const CsvOptions& o) { return static_cast<std::size_t>(o.encoding); }});
  return rows;
}

std::string camel(std::string_view snake) {
  std::string out;
  for (std::size_t i = 0; i < snake.size(); ++i) {
    if (snake[i] == '_' && i + 1 < snake.size()) {
      out += static_cast<char>(snake[++i] - 'a' + 'A');
    } else {
      out += snake[i];
    }
  }
  return out;
}

}  // namespace

const std::vector<CsvSettingSpec>& csv_settings_table() {
  static const std::vector<CsvSettingSpec> table = make_table();
  return table;
}

const CsvSettingSpec* find_csv_setting(std::string_view key) {
  for (const CsvSettingSpec& spec : csv_settings_table()) {
    if (spec.key == key || camel(spec.key) == key) return &spec;
  }
  return nullptr;
}

Status apply_csv_setting(CsvOptions& options, const CsvSettingSpec& spec, std::string_view value) {
  std::string list;
  for (std::size_t i = 0; i < spec.choices.size(); ++i) {
    if (spec.choices[i].value == value) {
      spec.set(options, i);
      return {};
    }
    list += (i == 0 ? "" : i + 1 == spec.choices.size() ? " or " : ", ") + spec.choices[i].value;
  }
  return Error{spec.label + " must be one of " + list + ", got '" + std::string(value) + "'",
               spec.key};
}

}  // namespace gradtape
