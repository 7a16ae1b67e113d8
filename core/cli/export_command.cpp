// gradtape export MODEL.json DIR: a saved model as a TensorFlow.js Layers model, DIR/model.json
// and DIR/model.weights.bin, which tf.loadLayersModel reads (and TensorFlow.js's converter
// takes to Keras).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "core/cli/cli_support.h"
#include "core/cli/commands.h"
#include "core/cli/model_io.h"
#include "core/model/tfjs_export.h"

namespace gradtape::cli {
namespace {

struct ExportArgs {
  std::string model;
  std::string dir;
};

int run_export(const ExportArgs& args) {
  Result<TrainedModel> model = load_model(args.model);
  if (!model) return report_error("export", model.error());
  std::error_code error;
  std::filesystem::create_directories(args.dir, error);
  if (error)
    return report_error("export", Error{"cannot create '" + args.dir + "': " + error.message()});
  const TfjsExport exported = tfjs_export(*model, GRADTAPE_VERSION);
  const std::filesystem::path dir(args.dir);
  for (const auto& [name, bytes] : {std::pair{std::string("model.json"), &exported.model_json},
                                    std::pair{exported.weights_file, &exported.weights}}) {
    if (Status written = write_file((dir / name).string(), *bytes); !written)
      return report_error("export", written.error());
  }
  std::fprintf(stderr, "wrote %s and %s (%zu bytes of weights)\n",
               (dir / "model.json").string().c_str(),
               (dir / exported.weights_file).string().c_str(), exported.weights.size());
  return 0;
}

}  // namespace

CommandRunner add_export_command(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* command = app.add_subcommand(
      "export", "Write a saved model as a TensorFlow.js Layers model (model.json and weights)");
  command->add_option("MODEL", args->model, "model file written by gradtape train --save-model")
      ->required();
  command->add_option("DIR", args->dir, "folder for model.json and model.weights.bin")->required();
  return [args] { return run_export(*args); };
}

}  // namespace gradtape::cli
