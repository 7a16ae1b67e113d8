// Keras' SGD optimizer, with momentum and Nesterov momentum.
#pragma once

#include "core/engine/optimizer.h"

namespace gradtape {

// Keras 3's update (keras/src/optimizers/sgd.py), in float32:
//   momentum 0:  w -= g·lr
//   otherwise:   m = m·momentum - g·lr;  w += m,  or with Nesterov  w += m·momentum - g·lr
class SGD final : public Optimizer {
 public:
  explicit SGD(double learning_rate = 0.01, double momentum = 0.0, bool nesterov = false);
  const char* name() const override { return "SGD"; }

 private:
  void build(const std::vector<Variable*>& variables) override;
  void update_step(std::size_t index, const Matrix& gradient, Matrix& value) override;

  double momentum_;
  bool nesterov_;
  std::vector<Matrix> momentums_;
};

}  // namespace gradtape
