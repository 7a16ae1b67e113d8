// Keras' RMSprop optimizer, with momentum and the centered variant: the tutorial's optimizer.
#pragma once

#include "core/engine/optimizer.h"

namespace gradtape {

// Keras 3's and TensorFlow.js' update (the trace's meta.optimizer), in float32, with epsilon
// inside the square root:
//   ms = rho·ms + (1 - rho)·g²;   centered: mg = rho·mg + (1 - rho)·g, and ms - mg² below
//   inc = g·lr / sqrt(ms + eps);  w -= inc,  or with momentum  mom = momentum·mom + inc, w -= mom
class RMSprop final : public Optimizer {
 public:
  explicit RMSprop(double learning_rate = 0.001, double rho = 0.9, double momentum = 0.0,
                   double epsilon = 1e-7, bool centered = false);
  const char* name() const override { return "RMSprop"; }

 private:
  void build(const std::vector<Variable*>& variables) override;
  void update_step(std::size_t index, const Matrix& gradient, Matrix& value) override;

  double rho_;
  double momentum_;
  double epsilon_;
  bool centered_;
  std::vector<Matrix> mean_squares_;
  std::vector<Matrix> mean_gradients_;  // centered only
  std::vector<Matrix> momentums_;       // momentum > 0 only
};

}  // namespace gradtape
