// gradtape replay TRACE --data FILE: runs a TensorFlow.js reference trace's split, initial
// weights and shuffle orders through gradtape's own pipeline and trainer, and prints each epoch
// beside the trace's. Exits 0 when the first two epochs agree within the reference README's
// tolerances: every step loss within 1e-5, and the correct counts exact.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/cli/cli_support.h"
#include "core/cli/commands.h"
#include "core/cli/trace_file.h"
#include "core/data/read_csv.h"
#include "core/train/training_session.h"

namespace gradtape::cli {
namespace {

constexpr double kStepLossTolerance = 1e-5;
constexpr int kCheckedEpochs = 2;
constexpr std::size_t kMaxTraceBytes = std::size_t{512} << 20;

struct ReplayArgs {
  std::string trace_file;
  std::string data_file;
  bool json = false;
};

// The largest |gradtape - TensorFlow.js| of one figure across the run, and where it was.
struct LargestDifference {
  double value = 0;
  int epoch = 0;
  void update(double difference, int at_epoch) {
    if (difference > value) {
      value = difference;
      epoch = at_epoch;
    }
  }
  // "2.5e-03 (epoch 55)", or "none" when every epoch agreed exactly.
  std::string describe(const char* format) const {
    if (value == 0) return "none";
    char text[64];
    std::snprintf(text, sizeof text, format, value);
    return std::string(text) + " (epoch " + std::to_string(epoch) + ")";
  }
};

double largest_relative_difference(const std::vector<double>& ours,
                                   const std::vector<double>& theirs) {
  double worst = 0;
  for (std::size_t i = 0; i < std::min(ours.size(), theirs.size()); ++i) {
    worst = std::max(worst, std::abs(ours[i] - theirs[i]) / std::max(std::abs(theirs[i]), 1e-300));
  }
  return worst;
}

void print_json_epoch(const EpochLog& log) {
  nlohmann::ordered_json line = {{"epoch", log.epoch},
                                 {"step_losses", log.step_losses},
                                 {"train_loss", log.train_loss},
                                 {"val_loss", log.val_loss},
                                 {"train_correct", log.train_correct},
                                 {"val_correct", log.val_correct}};
  std::printf("%s\n", line.dump().c_str());
}

int run_replay(const ReplayArgs& args) {
  Result<std::string> trace_text = read_file(args.trace_file, kMaxTraceBytes);
  if (!trace_text) return report_error("replay", trace_text.error());
  Result<Trace> trace = parse_trace(*trace_text);
  if (!trace) return report_error("replay", Error{args.trace_file + ": " + trace.error().message});
  CsvOptions csv;
  Result<std::string> data_text = read_file(args.data_file, csv.max_bytes);
  if (!data_text) return report_error("replay", data_text.error());
  Result<Table> table = read_csv(*data_text, csv);
  if (!table) return report_error("replay", Error{args.data_file + ": " + table.error().message});
  Result<std::unique_ptr<TrainingSession>> created =
      TrainingSession::create(*table, trace->config, trace->replay);
  if (!created) return report_error("replay", created.error());
  TrainingSession& session = **created;

  const StandardScaler& scaler = session.dataset().preprocessor.scaler();
  if (!args.json) {
    std::printf("replaying %s (%zu epochs, seed %u) on %s\n", args.trace_file.c_str(),
                trace->epochs.size(), trace->config.seed, args.data_file.c_str());
    std::printf(
        "pipeline: train mean and std differ from the trace's by at most %.1e and %.1e "
        "(relative)\n",
        largest_relative_difference(scaler.mean(), trace->train_mean),
        largest_relative_difference(scaler.scale(), trace->train_std));
    std::printf("%5s  %-28s  %-28s  %-13s  %-11s  %s\n", "epoch", "train_loss (tfjs, diff)",
                "val_loss (tfjs, diff)", "train_correct", "val_correct", "max |step loss diff|");
  }

  LargestDifference step_loss, train_loss, val_loss, train_correct, val_correct;
  bool checked_epochs_agree = true;
  for (const TraceEpoch& expected : trace->epochs) {
    const EpochLog& log = session.run_epoch();
    double worst_step = 0;
    for (std::size_t i = 0; i < std::min(log.step_losses.size(), expected.step_losses.size());
         ++i) {
      worst_step = std::max(worst_step, std::abs(log.step_losses[i] - expected.step_losses[i]));
    }
    const bool same_steps = log.step_losses.size() == expected.step_losses.size();
    step_loss.update(worst_step, log.epoch);
    train_loss.update(std::abs(log.train_loss - expected.train_loss), log.epoch);
    val_loss.update(std::abs(log.val_loss - expected.val_loss), log.epoch);
    train_correct.update(
        static_cast<double>(std::llabs(log.train_correct - expected.train_correct)), log.epoch);
    val_correct.update(static_cast<double>(std::llabs(log.val_correct - expected.val_correct)),
                       log.epoch);
    if (log.epoch <= kCheckedEpochs) {
      checked_epochs_agree =
          checked_epochs_agree && same_steps && worst_step <= kStepLossTolerance &&
          log.train_correct == expected.train_correct && log.val_correct == expected.val_correct;
    }
    if (args.json) {
      print_json_epoch(log);
      continue;
    }
    std::printf(
        "%5d  %.6f (%.6f, %+.1e)  %.6f (%.6f, %+.1e)  %4lld (%4lld)    %3lld (%3lld)    %.1e%s\n",
        log.epoch, log.train_loss, expected.train_loss, log.train_loss - expected.train_loss,
        log.val_loss, expected.val_loss, log.val_loss - expected.val_loss,
        static_cast<long long>(log.train_correct), static_cast<long long>(expected.train_correct),
        static_cast<long long>(log.val_correct), static_cast<long long>(expected.val_correct),
        worst_step, same_steps ? "" : "  (step counts differ)");
  }
  if (!args.json) {
    std::printf(
        "largest differences: step loss %s, train loss %s, val loss %s, train_correct %s, "
        "val_correct %s\n",
        step_loss.describe("%.1e").c_str(), train_loss.describe("%.1e").c_str(),
        val_loss.describe("%.1e").c_str(), train_correct.describe("%.0f rows").c_str(),
        val_correct.describe("%.0f rows").c_str());
    std::printf("first %d epochs: %s (tolerance: step losses within %.0e, correct counts exact)\n",
                std::min<int>(kCheckedEpochs, static_cast<int>(trace->epochs.size())),
                checked_epochs_agree ? "AGREE" : "DISAGREE", kStepLossTolerance);
  }
  return checked_epochs_agree ? 0 : 1;
}

}  // namespace

CommandRunner add_replay_command(CLI::App& app) {
  auto args = std::make_shared<ReplayArgs>();
  CLI::App* command = app.add_subcommand(
      "replay",
      "Replay a TensorFlow.js reference trace (heart-tfjs-trace/1) and compare every epoch");
  command->add_option("TRACE", args->trace_file, "Trace JSON file")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--data", args->data_file, "The CSV file the trace was recorded on")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_flag("--json", args->json,
                    "One JSON object per epoch: epoch, step_losses, train_loss, val_loss, "
                    "train_correct, val_correct (gradtape's figures)");
  return [args] { return run_replay(*args); };
}

}  // namespace gradtape::cli
