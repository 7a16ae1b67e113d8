// gradtape train FILE: the tutorial's training loop on a CSV file, one line per epoch (or one
// JSON object per epoch with --json), then the validation confusion matrix.
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/cli/cli_support.h"
#include "core/cli/commands.h"
#include "core/cli/progress_bar.h"
#include "core/data/read_csv.h"
#include "core/train/epoch_fields.h"
#include "core/train/training_session.h"

namespace gradtape::cli {
namespace {

struct TrainArgs {
  std::string file;
  TrainingFlags flags;
  bool json = false;
};

void print_plan(const std::string& file, const TrainingSession& session) {
  const Dataset& data = session.dataset();
  const TrainingConfig& config = session.config();
  std::string layers = std::to_string(data.x_train.cols());
  for (int units : config.hidden) layers += "-" + std::to_string(units);
  std::fprintf(stderr, "%s: target %s (%s/%s), %td train rows, %td validation rows, %td features\n",
               file.c_str(), config.data.target.c_str(), data.labels.negative.c_str(),
               data.labels.positive.c_str(), data.x_train.rows(), data.x_val.rows(),
               data.x_train.cols());
  for (const std::string& note : notes(data.decisions))
    std::fprintf(stderr, "  note: %s\n", note.c_str());
  std::fprintf(
      stderr, "model %s-1 (%td parameters), %s, learning rate %g, batch size %d, seed %u\n",
      layers.c_str(), session.model().parameter_count(), optimizer_name(config.optimizer.kind),
      config.optimizer.learning_rate, config.batch_size, config.seed);
}

// One epoch as Keras prints it ("Epoch 1/60 - 2ms - loss: 0.4683 - val_loss: ..."), or as one JSON
// object of every epoch field; both from the epoch field table.
void print_epoch(const EpochLog& log, int epochs, bool json) {
  if (json) {
    nlohmann::ordered_json line;
    for (const EpochField& field : epoch_fields()) {
      const double value = field.get(log);
      if (field.kind == FieldKind::epoch)
        line[field.name] = static_cast<int>(value);
      else
        line[field.name] = value;
    }
    std::printf("%s\n", line.dump().c_str());
  } else {
    std::printf("Epoch %d/%d - %.0fms", log.epoch, epochs, log.ms);
    for (const EpochField& field : epoch_fields()) {
      if (!field.line.empty()) std::printf(" - %s: %.4f", field.line.c_str(), field.get(log));
    }
    std::printf("\n");
  }
  std::fflush(stdout);
}

void print_confusion_matrix(const TrainingSession& session) {
  const ConfusionCounts& m = *session.confusion_matrix();
  const EpochLog& last = session.history().back();
  const ClassLabels& labels = session.dataset().labels;
  const int width =
      static_cast<int>(std::max<std::size_t>({labels.negative.size(), labels.positive.size(), 6}));
  std::printf("\nValidation confusion matrix (rows: actual, columns: predicted)\n");
  std::printf("%*s  %*s  %*s\n", width, "", width, labels.negative.c_str(), width,
              labels.positive.c_str());
  std::printf("%*s  %*lld  %*lld\n", width, labels.negative.c_str(), width,
              static_cast<long long>(m.tn), width, static_cast<long long>(m.fp));
  std::printf("%*s  %*lld  %*lld\n", width, labels.positive.c_str(), width,
              static_cast<long long>(m.fn), width, static_cast<long long>(m.tp));
  std::printf("precision %.4f  recall %.4f  AUC %.4f\n", last.val_precision, last.val_recall,
              last.val_auc);
}

int run_train(const TrainArgs& args) {
  Result<TrainingConfig> config = resolve(args.flags);
  if (!config) return report_error("train", config.error());
  CsvOptions csv;
  Result<std::string> text = read_file(args.file, csv.max_bytes);
  if (!text) return report_error("train", text.error());
  Result<Table> table = read_csv(*text, csv);
  if (!table) return report_error("train", Error{args.file + ": " + table.error().message});
  Result<std::unique_ptr<TrainingSession>> created = TrainingSession::create(*table, *config);
  if (!created) return report_error("train", created.error());
  TrainingSession& session = **created;
  print_plan(args.file, session);

  ProgressBar bar;
  while (!session.done()) {
    const TrainingSession::Progress p = session.progress();
    bar.start(p.epoch, p.epochs, p.batches_per_epoch + p.val_batches);
    bool ended = false;
    for (std::size_t done = 1; !ended; ++done) {
      ended = session.step({1});
      bar.update(done);
    }
    bar.clear();
    print_epoch(session.history().back(), p.epochs, args.json);
  }
  if (!args.json) print_confusion_matrix(session);
  return 0;
}

}  // namespace

CommandRunner add_train_command(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* command = app.add_subcommand("train",
                                         "Train a model on a CSV file (the Keras heart-disease "
                                         "tutorial's loop), printing one line per epoch");
  command->add_option("FILE", args->file, "CSV file with a header row")->required();
  add_training_flags(*command, args->flags);
  std::string keys;
  for (const EpochField& field : epoch_fields()) keys += (keys.empty() ? "" : ", ") + field.name;
  command->add_flag("--json", args->json, "One JSON object per epoch: " + keys);
  return [args] { return run_train(*args); };
}

}  // namespace gradtape::cli
