// What the CLI's commands share: reading an input file (the core takes text, never paths),
// one-line errors with exit status 2, and the flags that set a training run (the settings table).
#pragma once

#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/data/read_csv.h"
#include "core/data/table_review.h"
#include "core/result.h"
#include "core/train/settings.h"

namespace gradtape::cli {

// The whole file, or an Error naming it (missing, unreadable, larger than max_bytes).
Result<std::string> read_file(const std::string& path, std::size_t max_bytes);

// `text` with the control characters a terminal would act on (C0 but the line feed, DEL, and C1:
// U+0080 to U+009F, which include the escape sequences' CSI) written as \xHH, so a column name
// from a file can never move the cursor or recolour the terminal.
std::string terminal_safe(std::string_view text);

// Prints "gradtape COMMAND: error: MESSAGE" on one line to stderr and returns exit status 2. An
// error about a setting names the flag that sets it ("--batch-size: ...").
int report_error(std::string_view command, const Error& error);

// A subcommand of `app`, with `file`'s positional argument (required) bound to `path`.
CLI::App* add_command(CLI::App& app, const std::string& name, const std::string& description,
                      const std::string& file, std::string& path);

// The flag that sets a setting named by Error::field ("batch_size" -> "--batch-size").
std::string flag_for_field(std::string_view field);

// The flags of every setting in the settings table, as text until the command line has parsed.
struct TrainingFlags {
  std::map<std::string, std::string> texts;  // by setting key
  std::map<std::string, bool> flags;         // flag-type settings
  std::vector<std::pair<const SettingSpec*, CLI::Option*>> options;
};

// Registers one flag per row of the settings table on `command`, with its help, rule and default.
void add_training_flags(CLI::App& command, TrainingFlags& flags);
// The config the given flags describe over the defaults, or the first invalid setting.
Result<TrainingConfig> resolve(const TrainingFlags& flags);

// The flags of the CSV reading settings (core/data/csv_settings.h), as text until parsed.
struct CsvFlags {
  std::map<std::string, std::string> texts;  // by setting key; empty: the default
};
void add_csv_flags(CLI::App& command, CsvFlags& flags);
// The reading options the flags ask for, or the first invalid one.
Result<CsvOptions> resolve_csv(const CsvFlags& flags);

// Prints the table's notes ("  note: ...") and warnings ("  warning: ...") to `out`.
void print_review(std::FILE* out, const TableReview& review);

}  // namespace gradtape::cli
