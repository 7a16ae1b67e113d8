// gradtape replay TRACE --data FILE: runs a TensorFlow.js reference trace's split, initial
// weights and shuffle orders through gradtape's own pipeline and trainer, and prints each epoch
// beside the trace's. Exits 0 when the first two epochs agree within the tolerances of
// docs/reference-traces.md: every step loss within 1e-5, and the correct counts exact (or, for
// regression, the errors within 1e-4 relative).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/cli/cli_support.h"
#include "core/cli/commands.h"
#include "core/data/read_csv.h"
#include "core/reference/trace.h"
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

// A figure of an epoch, gradtape's beside the trace's, and how closely the first epochs must
// agree: counts exactly, regression errors within kErrorTolerance (relative, at least 1).
struct Figure {
  const char* name;
  double (*ours)(const EpochLog&);
  std::optional<double> (*theirs)(const TraceEpoch&);
  bool checked;  // part of the agreement of the first epochs
};

constexpr double kErrorTolerance = 1e-4;

template <class T>
std::optional<double> as_double(const std::optional<T>& value) {
  return value ? std::optional<double>(static_cast<double>(*value)) : std::nullopt;
}

std::vector<Figure> figures_for(Task task) {
  using L = const EpochLog&;
  using E = const TraceEpoch&;
  std::vector<Figure> figures = {
      {"train_loss", [](L l) { return l.train_loss; },
       [](E e) { return std::optional<double>(e.train_loss); }, false},
      {"val_loss", [](L l) { return l.val_loss; },
       [](E e) { return std::optional<double>(e.val_loss); }, false},
  };
  if (task == Task::regression) {
    figures.push_back(
        {"train_mae", [](L l) { return l.train_mae; }, [](E e) { return e.train_mae; }, true});
    figures.push_back(
        {"val_mae", [](L l) { return l.val_mae; }, [](E e) { return e.val_mae; }, true});
    figures.push_back(
        {"val_rmse", [](L l) { return l.val_rmse; }, [](E e) { return e.val_rmse; }, true});
    figures.push_back({"val_r2", [](L l) { return l.val_r2; }, [](E e) { return e.val_r2; }, true});
  } else {
    figures.push_back({"train_correct", [](L l) { return double(l.train_correct); },
                       [](E e) { return as_double(e.train_correct); }, true});
    figures.push_back({"val_correct", [](L l) { return double(l.val_correct); },
                       [](E e) { return as_double(e.val_correct); }, true});
  }
  return figures;
}

bool agrees(const Figure& figure, double ours, double theirs) {
  const bool count = std::string(figure.name).find("correct") != std::string::npos;
  return count ? ours == theirs
               : std::abs(ours - theirs) <= kErrorTolerance * std::max(1.0, std::abs(theirs));
}

void print_json_epoch(const EpochLog& log, const std::vector<Figure>& figures) {
  nlohmann::ordered_json line = {{"epoch", log.epoch}, {"step_losses", log.step_losses}};
  for (const Figure& figure : figures) line[figure.name] = figure.ours(log);
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

  const std::vector<Figure> figures = figures_for(trace->task);
  const StandardScaler& scaler = session.dataset().preprocessor.scaler();
  if (!args.json) {
    std::printf("replaying %s (%s, %s, %zu epochs, seed %u) on %s\n", args.trace_file.c_str(),
                trace->format.c_str(), task_name(trace->task), trace->epochs.size(),
                trace->config.seed, args.data_file.c_str());
    std::printf(
        "pipeline: train mean and std differ from the trace's by at most %.1e and %.1e "
        "(relative)\n",
        largest_relative_difference(scaler.mean(), trace->train_mean),
        largest_relative_difference(scaler.scale(), trace->train_std));
    std::printf("%5s", "epoch");
    for (const Figure& figure : figures)
      std::printf("  %-30s", (std::string(figure.name) + " (tfjs, diff)").c_str());
    std::printf("  max |step loss diff|\n");
  }

  LargestDifference step_loss;
  std::vector<LargestDifference> largest(figures.size());
  bool checked_epochs_agree = true;
  for (const TraceEpoch& expected : trace->epochs) {
    const EpochLog& log = session.run_epoch();
    if (session.failure()) {
      report_error("replay", *session.failure());
      return 1;
    }
    double worst_step = 0;
    for (std::size_t i = 0; i < std::min(log.step_losses.size(), expected.step_losses.size());
         ++i) {
      worst_step = std::max(worst_step, std::abs(log.step_losses[i] - expected.step_losses[i]));
    }
    const bool same_steps = log.step_losses.size() == expected.step_losses.size();
    const bool checked = log.epoch <= kCheckedEpochs;
    step_loss.update(worst_step, log.epoch);
    checked_epochs_agree =
        checked_epochs_agree && (!checked || (same_steps && worst_step <= kStepLossTolerance));
    if (!args.json) std::printf("%5d", log.epoch);
    for (std::size_t f = 0; f < figures.size(); ++f) {
      const double ours = figures[f].ours(log);
      const std::optional<double> theirs = figures[f].theirs(expected);
      if (!theirs) continue;
      largest[f].update(std::abs(ours - *theirs), log.epoch);
      if (checked && figures[f].checked)
        checked_epochs_agree = checked_epochs_agree && agrees(figures[f], ours, *theirs);
      if (!args.json) {
        char cell[64];
        std::snprintf(cell, sizeof cell, "%.6g (%.6g, %+.1e)", ours, *theirs, ours - *theirs);
        std::printf("  %-30s", cell);
      }
    }
    if (args.json) {
      print_json_epoch(log, figures);
    } else {
      std::printf("  %.1e%s\n", worst_step, same_steps ? "" : "  (step counts differ)");
    }
  }
  if (!args.json) {
    std::printf("largest differences: step loss %s", step_loss.describe("%.1e").c_str());
    for (std::size_t f = 0; f < figures.size(); ++f) {
      std::printf(", %s %s", figures[f].name, largest[f].describe("%.2g").c_str());
    }
    std::printf(
        "\nfirst %d epochs: %s (tolerance: step losses within %.0e, %s)\n",
        std::min<int>(kCheckedEpochs, static_cast<int>(trace->epochs.size())),
        checked_epochs_agree ? "AGREE" : "DISAGREE", kStepLossTolerance,
        trace->task == Task::regression ? "errors within 1e-4 relative" : "correct counts exact");
  }
  return checked_epochs_agree ? 0 : 1;
}

}  // namespace

CommandRunner add_replay_command(CLI::App& app) {
  auto args = std::make_shared<ReplayArgs>();
  CLI::App* command =
      app.add_subcommand("replay",
                         "Replay a TensorFlow.js reference trace (heart-tfjs-trace/1 or "
                         "table-tfjs-trace/1) and compare every epoch");
  command->add_option("TRACE", args->trace_file, "Trace JSON file")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--data", args->data_file, "The CSV file the trace was recorded on")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_flag("--json", args->json,
                    "One JSON object per epoch: epoch, step_losses, train_loss, val_loss, and "
                    "train_correct, val_correct (classification) or train_mae, val_mae, val_rmse, "
                    "val_r2 (regression): gradtape's figures");
  return [args] { return run_replay(*args); };
}

}  // namespace gradtape::cli
