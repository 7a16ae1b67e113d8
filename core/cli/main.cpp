// gradtape: the native command-line trainer (describe, train, predict, export, replay).
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/cli/commands.h"

int main(int argc, char** argv) {
  using namespace gradtape::cli;
  CLI::App app{"gradtape: train a small neural network on your own CSV table, privately."};
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, CommandRunner>> commands;
  for (auto add : {add_describe_command, add_train_command, add_predict_command, add_export_command,
                   add_replay_command}) {
    CommandRunner run = add(app);
    commands.emplace_back(app.get_subcommands({}).back(), std::move(run));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& error) {
    // One line, naming the flag or value, then the way to the help.
    std::string where =
        app.get_subcommands().empty() ? "" : " " + app.get_subcommands()[0]->get_name();
    std::fprintf(stderr, "gradtape%s: error: %s (see gradtape%s --help)\n", where.c_str(),
                 error.what(), where.c_str());
    return kUsageError;
  }
  for (auto& [subcommand, run] : commands) {
    if (subcommand->parsed()) return run();
  }
  return kUsageError;
}
