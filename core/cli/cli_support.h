// What the CLI's commands share: reading an input file (the core takes text, never paths),
// one-line errors with exit status 2, and the flags that set a training run.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/result.h"
#include "core/train/training_config.h"

namespace gradtape::cli {

// The whole file, or an Error naming it (missing, unreadable, larger than max_bytes).
Result<std::string> read_file(const std::string& path, std::size_t max_bytes);

// Prints "gradtape COMMAND: error: MESSAGE" on one line to stderr and returns exit status 2. An
// error about a setting names the flag that sets it ("--batch-size: ...").
int report_error(std::string_view command, const Error& error);

// "a,b" -> {"a", "b"}; "" -> {}.
std::vector<std::string> split_list(const std::string& text);

// The flag that sets a core setting named by Error::field ("batch_size" -> "--batch-size").
std::string flag_for_field(std::string_view field);

// The settings of a training run as flags: the config, plus the flags that need parsing.
struct TrainingFlags {
  TrainingConfig config;
  std::string hidden = "64,64";
  std::string exclude;  // comma-separated column names
  std::string optimizer = "rmsprop";
  std::string activation = "relu";
  std::string encoding = "codes";
  std::string missing = "drop";
};

// Registers --target, --exclude, --epochs, --batch-size, --lr, --optimizer, --hidden, --activation,
// --val-split, --seed, --encoding, --missing, --ddof, --stratify and the optimizers' own
// parameters on `command`; defaults are the tutorial's.
void add_training_flags(CLI::App& command, TrainingFlags& flags);
// The config the flags describe, or the first invalid setting.
Result<TrainingConfig> resolve(const TrainingFlags& flags);

}  // namespace gradtape::cli
