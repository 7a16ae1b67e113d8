// Reads a TensorFlow.js reference trace (docs/reference-traces.md), `heart-tfjs-trace/1` or
// `table-tfjs-trace/1`: the run's settings and task, its split, initial weights and per-epoch
// orders, and what TensorFlow.js computed each epoch. The one parser of the traces: the CLI's
// replay and the replay tests use it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/train/training_session.h"

namespace gradtape {

struct TraceEpoch {
  int epoch = 0;
  std::vector<double> step_losses;
  double train_loss = 0, val_loss = 0;
  // Classification traces.
  std::optional<std::int64_t> train_correct, val_correct;
  // Regression traces, in the target's units.
  std::optional<double> train_mae, val_mae, val_rmse, val_r2;
};

struct Trace {
  std::string format;  // "heart-tfjs-trace/1" or "table-tfjs-trace/1"
  Task task = Task::binary;
  TrainingConfig config;                      // target, task, batch size, layers, optimizer, seed
  TrainingSession::Replay replay;             // split, initial weights, epoch orders
  std::vector<TraceEpoch> epochs;             // TensorFlow.js's figures
  std::vector<double> train_mean, train_std;  // its scaler, to hold the pipeline against
  std::vector<std::string> classes;           // multi-class: the classes in label order
  std::optional<double> target_mean, target_std;  // regression: the target's scaling
};

// Parses the JSON text of a trace; an Error names what is missing or malformed.
Result<Trace> parse_trace(const std::string& text);

}  // namespace gradtape
