// Every setting of a training run, with the tutorial's values as defaults (docs/pipeline.md).
// settings.h holds the table that names, limits and checks them; this is only where they live.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/engine/activation.h"
#include "core/engine/initializers.h"
#include "core/train/class_weights.h"
#include "core/train/early_stopping.h"

namespace gradtape {

enum class OptimizerKind { rmsprop, adam, sgd };

// Keras' defaults for each optimizer's own parameters; learning_rate is the tutorial's 0.001.
struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::rmsprop;
  double learning_rate = 0.001;
  double rho = 0.9;       // RMSprop
  double momentum = 0.0;  // RMSprop, SGD
  bool centered = false;  // RMSprop
  bool nesterov = false;  // SGD
  double beta_1 = 0.9;    // Adam
  double beta_2 = 0.999;  // Adam
  double epsilon = 1e-7;  // RMSprop, Adam
};

struct TrainingConfig {
  PipelineOptions data;  // target, validation_split, encoding, missing, scaler_ddof
  int epochs = 60;
  int batch_size = 32;
  std::vector<int> hidden = {64, 64};  // units of each hidden Dense layer; the head follows
  Activation activation = Activation::relu;
  Initializer initializer = Initializer::glorot_uniform;
  OptimizerSettings optimizer;
  EarlyStoppingSettings early_stopping;  // and the best epoch's monitor
  ClassWeightSettings class_weights;     // off by default
  std::uint32_t seed = 42;
};

// "rmsprop", "adam" or "sgd".
const char* optimizer_name(OptimizerKind kind);

// Every setting checked against its row of the settings table; the first that is out of its
// limits is an Error on its field. Batch size against the train rows, and the model's size,
// are checked when the session is made.
Status validate(const TrainingConfig& config);

}  // namespace gradtape
