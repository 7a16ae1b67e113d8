#include "core/cli/cli_support.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "core/data/csv_settings.h"
#include "core/data/limits.h"

namespace gradtape::cli {

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Error{"cannot read '" + path + "': " + std::strerror(errno)};
  const std::streamoff size = in.tellg();
  if (size < 0) return Error{"cannot read '" + path + "': not a regular file"};
  if (static_cast<std::size_t>(size) > max_bytes) {
    return Error{"'" + path + "' is " + size_text(static_cast<std::size_t>(size)) +
                 "; the limit is " + size_text(max_bytes) +
                 ": take a sample of the rows, or leave out columns you do not need"};
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(text.data(), size)) return Error{"cannot read '" + path + "'"};
  return text;
}

CLI::App* add_command(CLI::App& app, const std::string& name, const std::string& description,
                      const std::string& file, std::string& path) {
  CLI::App* command = app.add_subcommand(name, description);
  command->add_option(file, path, "CSV file with a header row")->required();
  return command;
}

std::string flag_for_field(std::string_view field) {
  if (const SettingSpec* spec = find_setting(field)) return spec->flag;
  if (const CsvSettingSpec* spec = find_csv_setting(field)) return spec->flag;
  std::string flag = "--" + std::string(field);
  for (char& c : flag) c = c == '_' ? '-' : c;
  return flag;
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if ((c < 0x20 && c != '\n') || c == 0x7F || c1) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X",
                    c1 ? static_cast<unsigned char>(text[++i]) : c);
      out += escaped;
    } else {
      out += text[i];
    }
  }
  return out;
}

int report_error(std::string_view command, const Error& error) {
  std::string where = error.field.empty() ? "" : flag_for_field(error.field) + ": ";
  std::fprintf(stderr, "gradtape %.*s: error: %s%s\n", static_cast<int>(command.size()),
               command.data(), where.c_str(), terminal_safe(error.message).c_str());
  return 2;
}

void add_training_flags(CLI::App& command, TrainingFlags& flags) {
  const TrainingConfig defaults;
  for (const SettingSpec& spec : settings_table()) {
    CLI::Option* option = nullptr;
    if (spec.type == SettingType::flag) {
      option = command.add_flag(spec.flag, flags.flags[spec.key], spec.help);
    } else {
      option = command
                   .add_option(spec.flag, flags.texts[spec.key],
                               spec.help + " Takes " + setting_rule(spec) + ".")
                   ->default_str(setting_text(spec, spec.get(defaults)))
                   ->type_name(spec.type == SettingType::integer  ? "INT"
                               : spec.type == SettingType::number ? "NUMBER"
                                                                  : "TEXT");
    }
    flags.options.emplace_back(&spec, option);
  }
}

Result<TrainingConfig> resolve(const TrainingFlags& flags) {
  std::map<std::string, SettingValue> values;
  for (const auto& [spec, option] : flags.options) {
    if (option->count() == 0) continue;
    if (spec->type == SettingType::flag) {
      values[spec->key] = true;
      continue;
    }
    Result<SettingValue> value = parse_setting(*spec, flags.texts.at(spec->key));
    if (!value) return value.error();
    values[spec->key] = std::move(*value);
  }
  return config_from(values);
}

void add_csv_flags(CLI::App& command, CsvFlags& flags) {
  for (const CsvSettingSpec& spec : csv_settings_table()) {
    std::string values;
    for (const CsvChoice& choice : spec.choices)
      values += (values.empty() ? "" : "|") + choice.value;
    command.add_option(spec.flag, flags.texts[spec.key], spec.help)
        ->default_str(spec.choices.front().value)
        ->type_name(values);
  }
}

Result<CsvOptions> resolve_csv(const CsvFlags& flags) {
  CsvOptions options;
  for (const CsvSettingSpec& spec : csv_settings_table()) {
    const auto found = flags.texts.find(spec.key);
    if (found == flags.texts.end() || found->second.empty()) continue;
    if (Status status = apply_csv_setting(options, spec, found->second); !status)
      return status.error();
  }
  return options;
}

void print_review(std::FILE* out, const TableReview& review) {
  for (const std::string& note : review.notes)
    std::fprintf(out, "  note: %s\n", terminal_safe(note).c_str());
  for (const TableWarning& warning : review.warnings)
    std::fprintf(out, "  warning: %s\n", terminal_safe(warning.message).c_str());
}

}  // namespace gradtape::cli
