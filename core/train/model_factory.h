// Builds what a TrainingConfig describes: the Sequential model (hidden Dense layers, then the
// task's output layer) with its kernels drawn from the run's Random, and the chosen optimizer.
#pragma once

#include <memory>

#include "core/engine/optimizer.h"
#include "core/engine/sequential.h"
#include "core/random.h"
#include "core/train/training_config.h"

namespace gradtape {

// features -> hidden... -> outputs (the head's units and activation). Kernels are drawn layer by
// layer, as the traces do.
Sequential build_model(Index features, const TrainingConfig& config, Index outputs,
                       Activation output, Random& random);

std::unique_ptr<Optimizer> make_optimizer(const OptimizerSettings& settings);

}  // namespace gradtape
