// Reads a `heart-tfjs-trace/1` file (docs/reference-traces.md): the run's settings, its split,
// initial weights and per-epoch orders, and what TensorFlow.js computed each epoch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/train/training_session.h"

namespace gradtape::cli {

struct TraceEpoch {
  int epoch = 0;
  std::vector<double> step_losses;
  double train_loss = 0, val_loss = 0;
  std::int64_t train_correct = 0, val_correct = 0;
};

struct Trace {
  TrainingConfig config;                      // target, batch size, layers, optimizer, seed
  TrainingSession::Replay replay;             // split, initial weights, epoch orders
  std::vector<TraceEpoch> epochs;             // TensorFlow.js's figures
  std::vector<double> train_mean, train_std;  // its scaler, to hold the pipeline against
};

// Parses the JSON text of a trace; an Error names what is missing or malformed.
Result<Trace> parse_trace(const std::string& text);

}  // namespace gradtape::cli
