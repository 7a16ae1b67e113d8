#include "core/cli/commands.h"

namespace gradtape::cli {

// Placeholder until the replay command lands.
CommandRunner add_replay_command(CLI::App& app) {
  app.add_subcommand("replay", "(not built yet)");
  return [] { return 1; };
}

}  // namespace gradtape::cli
