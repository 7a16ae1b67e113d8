// Every setting of a training run, with the tutorial's values as defaults (pipeline.md), and the
// check that rejects impossible ones before anything trains. Errors name the setting in
// Error::field, in these snake_case names; each front end maps them to its own (flag, form field).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.h"
#include "core/engine/activation.h"
#include "core/engine/initializers.h"
#include "core/result.h"

namespace gradtape {

enum class OptimizerKind { rmsprop, adam, sgd };

// "rmsprop", "adam" or "sgd"; anything else is an Error on field "optimizer".
Result<OptimizerKind> parse_optimizer(std::string_view name);
const char* optimizer_name(OptimizerKind kind);

// Keras' defaults for each optimizer's own parameters; learning_rate is the tutorial's 0.001.
struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::rmsprop;
  double learning_rate = 0.001;
  double rho = 0.9;        // RMSprop
  double momentum = 0.0;   // RMSprop, SGD
  bool centered = false;   // RMSprop
  bool nesterov = false;   // SGD
  double beta_1 = 0.9;     // Adam
  double beta_2 = 0.999;   // Adam
  double epsilon = 1e-7;   // RMSprop, Adam
};

struct TrainingConfig {
  PipelineOptions data;           // target, validation_split, encoding, missing, scaler_ddof
  int epochs = 60;
  int batch_size = 32;
  std::vector<int> hidden = {64, 64};  // units of each hidden Dense layer; the output is 1 sigmoid
  Activation activation = Activation::relu;
  Initializer initializer = Initializer::glorot_uniform;
  OptimizerSettings optimizer;
  std::uint32_t seed = 42;
};

// Limits that keep a run inside a browser tab's memory and patience.
inline constexpr int kMaxEpochs = 100000;
inline constexpr int kMaxHiddenLayers = 16;
inline constexpr int kMaxUnits = 4096;

// The settings that can be judged without the data; batch size against the train rows is
// checked when the session is created.
Status validate(const TrainingConfig& config);

// "64,64" -> {64, 64}; "" -> {} (no hidden layer). Errors on field "hidden".
Result<std::vector<int>> parse_hidden_layers(std::string_view text);

}  // namespace gradtape
