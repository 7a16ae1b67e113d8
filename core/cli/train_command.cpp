// gradtape train FILE: the tutorial's training loop on a CSV file, one line per epoch (or one
// JSON object per epoch with --json), then the validation confusion matrix.
#include <algorithm>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/cli/cli_support.h"
#include "core/cli/commands.h"
#include "core/cli/evaluation_text.h"
#include "core/cli/file_digest.h"
#include "core/cli/model_io.h"
#include "core/cli/progress_bar.h"
#include "core/data/describe.h"
#include "core/data/id_columns.h"
#include "core/data/read_csv.h"
#include "core/data/table_review.h"
#include "core/data/target.h"
#include "core/train/early_stopping.h"
#include "core/train/epoch_fields.h"
#include "core/train/permutation_importance.h"
#include "core/train/training_session.h"

namespace gradtape::cli {
namespace {

struct TrainArgs {
  std::string file;
  TrainingFlags flags;
  CsvFlags csv;
  bool json = false;
  std::string save_model;  // a model file's path, or empty
  bool importance = false;
  int importance_repeats = PermutationImportance::kDefaultRepeats;
};

// Permutation importance of the weights in use, ranked, one line per column.
Status print_importance(const TrainingSession& session, int repeats) {
  Result<PermutationImportance> importance = PermutationImportance::create(session, repeats);
  if (!importance) return importance.error();
  importance->step(std::numeric_limits<double>::infinity());
  const ImportanceResult& result = importance->result();
  char head[192];
  std::snprintf(head, sizeof head,
                "\nWhat the model relies on: how much %s worsens (from %.4f) when a column is "
                "shuffled among the validation rows, mean ± std over %d shuffles\n",
                result.figure.c_str(), result.baseline, repeats);
  std::string out = head;
  for (const ColumnImportance& c : result.columns) {
    char line[96];
    std::snprintf(line, sizeof line, "  %+.4f ± %.4f  ", c.mean, c.std);
    out += line + c.column + "\n";
  }
  std::printf("%s", terminal_safe(out).c_str());
  return {};
}

void print_plan(const std::string& file, const TrainingSession& session) {
  const Dataset& data = session.dataset();
  const TrainingConfig& config = session.config();
  std::string layers = std::to_string(data.x_train.cols());
  for (int units : config.hidden) layers += "-" + std::to_string(units);
  layers += "-" + std::to_string(session.model().layers().back().units());
  std::fprintf(stderr, "%s: target %s (%s), %td train rows, %td validation rows, %td features\n",
               file.c_str(), config.data.target.c_str(), describe_target(data.target).c_str(),
               data.x_train.rows(), data.x_val.rows(), data.x_train.cols());
  for (const std::string& note : notes(data.decisions))
    std::fprintf(stderr, "  note: %s\n", note.c_str());
  std::fprintf(stderr, "model %s (%td parameters), %s, learning rate %g, batch size %d, seed %u\n",
               layers.c_str(), session.model().parameter_count(),
               optimizer_name(config.optimizer.kind), config.optimizer.learning_rate,
               config.batch_size, config.seed);
  if (!session.class_weights().empty()) {
    std::fprintf(stderr, "class weights (%s) of the train loss: %s\n",
                 config.class_weights.mode == ClassWeighting::balanced ? "balanced" : "by hand",
                 terminal_safe(class_weights_text(session.class_weights(), data.target)).c_str());
  }
}

// One epoch as Keras prints it ("Epoch 1/60 - 2ms - loss: 0.4683 - val_loss: ..."), or as one JSON
// object of the task's epoch fields; both from the epoch field table.
void print_epoch(const EpochLog& log, int epochs, Task task, bool json) {
  if (json) {
    nlohmann::ordered_json line;
    for (const EpochField* field : epoch_fields_for(task)) {
      const double value = field->get(log);
      if (field->kind == FieldKind::epoch) {
        line[field->name] = static_cast<int>(value);
      } else {
        line[field->name] = value;
      }
    }
    std::printf("%s\n", line.dump().c_str());
  } else {
    std::printf("Epoch %d/%d - %.0fms", log.epoch, epochs, log.ms);
    for (const EpochField* field : epoch_fields_for(task)) {
      if (!field->line.empty()) std::printf(" - %s: %.4f", field->line.c_str(), field->get(log));
    }
    std::printf("\n");
  }
  std::fflush(stdout);
}

// The best epoch beside the last, in words, and why the run stopped early, if it did (stderr).
void print_best_epoch(const TrainingSession& session) {
  const std::string& monitor = session.config().early_stopping.monitor;
  const EpochField* field = monitored_field(monitor, session.dataset().target.task);
  const EpochLog* best = session.best_log();
  if (!field || !best) return;
  const EpochLog& last = session.history().back();
  if (!session.stop_reason().empty())
    std::fprintf(stderr, "stopped: %s\n", session.stop_reason().c_str());
  if (best->epoch == last.epoch) {
    std::fprintf(stderr, "best epoch: %d, the last (%s %.4f)\n", best->epoch, monitor.c_str(),
                 field->get(*best));
    return;
  }
  std::fprintf(stderr, "best epoch: %d (%s %.4f); the last, %d, has %.4f%s\n", best->epoch,
               monitor.c_str(), field->get(*best), last.epoch, field->get(last),
               session.using_best_epoch()
                   ? "; the best epoch's weights are restored (--restore-best): the results and "
                     "a saved model use them"
                   : "; --restore-best would use the best epoch's weights");
}

int run_train(const TrainArgs& args) {
  Result<TrainingConfig> config = resolve(args.flags);
  if (!config) return report_error("train", config.error());
  Result<CsvOptions> csv = resolve_csv(args.csv);
  if (!csv) return report_error("train", csv.error());
  Result<std::string> text = read_file(args.file, csv->max_bytes);
  if (!text) return report_error("train", text.error());
  Result<Table> table = read_csv(*text, *csv);
  if (!table) return report_error("train", Error{args.file + ": " + table.error().message});
  // What a saved model records of the file; its bytes are not needed after that.
  const ModelOrigin origin{args.file, text->size(),
                           args.save_model.empty() ? std::string() : sha256_hex(*text)};
  std::string().swap(*text);
  // Columns that look like row identifiers are left out unless --exclude says which to leave out.
  const std::vector<ColumnSummary> summaries = describe(*table);
  TableReview review = review_table(*table, summaries);
  bool exclude_given = false;
  for (const auto& [spec, option] : args.flags.options)
    exclude_given = exclude_given || (spec->key == "exclude" && option->count() > 0);
  // The suggested target, chosen here once (the session would otherwise look at every column
  // again); with none, the session says why no column can be the target.
  if (config->data.target.empty()) {
    if (std::optional<TargetCandidate> suggested = suggest_target(*table))
      config->data.target = suggested->column;
  }
  if (!exclude_given) {
    const std::string& target = config->data.target;
    for (std::size_t c = 0; c < summaries.size(); ++c) {
      const std::string& name = table->columns[c].name;
      if (!looks_like_id(summaries[c], table->rows) || name == target) continue;
      config->data.exclude.push_back(name);
      review.notes.push_back("left out column '" + name +
                             "': it looks like a row identifier; --exclude '' keeps every column");
      review.warnings.erase(std::remove_if(review.warnings.begin(), review.warnings.end(),
                                           [&](const TableWarning& w) {
                                             return w.kind == TableWarning::Kind::identifier &&
                                                    w.column == name;
                                           }),
                            review.warnings.end());
    }
  }
  print_review(stderr, review);
  Result<std::unique_ptr<TrainingSession>> created = TrainingSession::create(*table, *config);
  if (!created) return report_error("train", created.error());
  TrainingSession& session = **created;
  print_plan(args.file, session);

  ProgressBar bar;
  while (!session.done()) {
    const TrainingSession::Progress p = session.progress();
    bar.start(p.epoch, p.epochs, p.batches_per_epoch + p.val_batches);
    bool ended = false;
    for (std::size_t done = 1; !ended && !session.failure(); ++done) {
      ended = session.step({1});
      bar.update(done);
    }
    bar.clear();
    if (session.failure()) {
      report_error("train", *session.failure());
      return 1;
    }
    print_epoch(session.history().back(), p.epochs, session.dataset().target.task, args.json);
  }
  print_best_epoch(session);
  if (!args.save_model.empty()) {
    if (Status saved = save_model(session, origin, args.save_model); !saved)
      return report_error("train", saved.error());
    std::fprintf(stderr, "model saved to %s\n", args.save_model.c_str());
  }
  if (!args.json) {
    std::printf(
        "\n%s",
        terminal_safe(evaluation_text(*session.evaluation(), session.history().back())).c_str());
  }
  if (args.importance) {
    if (Status printed = print_importance(session, args.importance_repeats); !printed)
      return report_error("train", printed.error());
  }
  return 0;
}

}  // namespace

CommandRunner add_train_command(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* command = add_command(app, "train",
                                  "Train a classifier or a regression on a CSV file (the Keras "
                                  "heart-disease tutorial's loop), printing one line per epoch",
                                  "FILE", args->file);
  add_training_flags(*command, args->flags);
  add_csv_flags(*command, args->csv);
  std::string keys;
  for (const EpochField& field : epoch_fields()) keys += (keys.empty() ? "" : ", ") + field.name;
  command->add_flag(
      "--json", args->json,
      "One JSON object per epoch, with the fields of the target's task among: " + keys);
  command->add_option("--save-model", args->save_model,
                      "Write the trained model, with its preprocessing, to this JSON file (for "
                      "gradtape predict and the page's Load model)");
  command->add_flag("--importance", args->importance,
                    "After training, print permutation feature importance: how much the monitored "
                    "validation figure worsens when each column is shuffled");
  command
      ->add_option("--importance-repeats", args->importance_repeats,
                   "Shuffles per column for --importance (1 to 100)")
      ->check(CLI::Range(1, PermutationImportance::kMaxRepeats))
      ->default_val(PermutationImportance::kDefaultRepeats);
  return [args] { return run_train(*args); };
}

}  // namespace gradtape::cli
