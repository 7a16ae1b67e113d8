#include "core/cli/commands.h"

namespace gradtape::cli {

// Placeholder until the train command lands.
CommandRunner add_train_command(CLI::App& app) {
  app.add_subcommand("train", "(not built yet)");
  return [] { return 1; };
}

}  // namespace gradtape::cli
