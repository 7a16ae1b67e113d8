#include "core/train/model_factory.h"

#include <cassert>

#include "core/engine/adam.h"
#include "core/engine/dense.h"
#include "core/engine/rmsprop.h"
#include "core/engine/sgd.h"

namespace gradtape {

Sequential build_model(Index features, const TrainingConfig& config, Index outputs,
                       Activation output, Random& random) {
  Sequential model;
  Index inputs = features;
  for (int units : config.hidden) {
    Status added = model.add(Dense(inputs, units, config.activation, config.initializer, random));
    assert(added.ok());
    (void)added;
    inputs = units;
  }
  Status added = model.add(Dense(inputs, outputs, output, config.initializer, random));
  assert(added.ok());
  (void)added;
  return model;
}

std::unique_ptr<Optimizer> make_optimizer(const OptimizerSettings& s) {
  switch (s.kind) {
    case OptimizerKind::adam:
      return std::make_unique<Adam>(s.learning_rate, s.beta_1, s.beta_2, s.epsilon);
    case OptimizerKind::sgd: return std::make_unique<SGD>(s.learning_rate, s.momentum, s.nesterov);
    case OptimizerKind::rmsprop: break;
  }
  return std::make_unique<RMSprop>(s.learning_rate, s.rho, s.momentum, s.epsilon, s.centered);
}

}  // namespace gradtape
