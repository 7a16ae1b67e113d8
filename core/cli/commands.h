// The CLI's subcommands. Each registers its flags on the app and returns the function that runs
// it once the command line has parsed; that function returns the process exit status.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace gradtape::cli {

using CommandRunner = std::function<int()>;

CommandRunner add_describe_command(CLI::App& app);
CommandRunner add_train_command(CLI::App& app);
CommandRunner add_replay_command(CLI::App& app);
CommandRunner add_predict_command(CLI::App& app);
CommandRunner add_export_command(CLI::App& app);

// Exit status for a wrong flag, a wrong value or an unreadable input.
constexpr int kUsageError = 2;

}  // namespace gradtape::cli
