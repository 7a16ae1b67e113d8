#include "core/cli/commands.h"

namespace gradtape::cli {

// Placeholder until the describe command lands.
CommandRunner add_describe_command(CLI::App& app) {
  app.add_subcommand("describe", "(not built yet)");
  return [] { return 1; };
}

}  // namespace gradtape::cli
