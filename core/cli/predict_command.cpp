// gradtape predict MODEL.json FILE.csv [--out FILE]: scores every row of a CSV file with a saved
// model and writes the rows with prediction columns added (stdout, or --out). A row that cannot
// be scored is marked with its reason; the batch never fails as a whole.
#include <cstdio>
#include <memory>
#include <string>

#include "core/cli/cli_support.h"
#include "core/cli/commands.h"
#include "core/cli/model_io.h"
#include "core/data/read_csv.h"
#include "core/model/prediction_table.h"

namespace gradtape::cli {
namespace {

struct PredictArgs {
  std::string model;
  std::string file;
  std::string out;
};

int run_predict(const PredictArgs& args) {
  Result<TrainedModel> model = load_model(args.model);
  if (!model) return report_error("predict", model.error());
  CsvOptions csv = csv_options_for(*model);
  Result<std::string> text = read_file(args.file, csv.max_bytes);
  if (!text) return report_error("predict", text.error());
  Result<Table> rows = read_csv(*text, csv);
  if (!rows) return report_error("predict", Error{args.file + ": " + rows.error().message});
  Result<ScoredPredictions> scored = predict_rows(*model, *rows);
  if (!scored) return report_error("predict", Error{args.file + ": " + scored.error().message});

  std::size_t failed = 0;
  std::string first_problem;
  for (std::size_t r = 0; r < scored->errors.size(); ++r) {
    if (scored->errors[r].empty()) continue;
    if (failed++ == 0) first_problem = scored->errors[r];
  }
  const std::string output = prediction_csv(*rows, model->target, *scored);
  if (args.out.empty()) {
    std::fwrite(output.data(), 1, output.size(), stdout);
  } else if (Status written = write_file(args.out, output); !written) {
    return report_error("predict", written.error());
  }
  std::fprintf(stderr, "%s: scored %zu of %zu rows with %s (target %s)\n", args.file.c_str(),
               rows->rows - failed, rows->rows, args.model.c_str(),
               terminal_safe(model->target.column).c_str());
  if (failed) {
    std::fprintf(stderr, "  %zu could not be scored (see prediction_problem); the first: %s\n",
                 failed, terminal_safe(first_problem).c_str());
  }
  return 0;
}

}  // namespace

CommandRunner add_predict_command(CLI::App& app) {
  auto args = std::make_shared<PredictArgs>();
  CLI::App* command = app.add_subcommand(
      "predict",
      "Score the rows of a CSV file with a saved model (gradtape train --save-model), adding "
      "prediction columns");
  command->add_option("MODEL", args->model, "model file written by gradtape train --save-model")
      ->required();
  command->add_option("FILE", args->file, "CSV file with the model's feature columns")->required();
  command->add_option("--out", args->out, "write the scored CSV here instead of stdout");
  return [args] { return run_predict(*args); };
}

}  // namespace gradtape::cli
