// Keras' Adam optimizer.
#pragma once

#include "core/engine/optimizer.h"

namespace gradtape {

// Keras 3's update (keras/src/optimizers/adam.py), in float32. Epsilon is added OUTSIDE the
// square root, to the bias-corrected step ("epsilon hat"), as in Keras 3 and TensorFlow.js alike;
// t = iterations() + 1:
//   alpha = lr·sqrt(1 - beta2^t) / (1 - beta1^t)
//   m += (g - m)·(1 - beta1);  v += (g² - v)·(1 - beta2);  w -= m·alpha / (sqrt(v) + eps)
class Adam final : public Optimizer {
 public:
  explicit Adam(double learning_rate = 0.001, double beta_1 = 0.9, double beta_2 = 0.999,
                double epsilon = 1e-7);
  const char* name() const override { return "Adam"; }

 private:
  void build(const std::vector<Variable*>& variables) override;
  void update_step(std::size_t index, const Matrix& gradient, Matrix& value) override;

  double beta_1_;
  double beta_2_;
  double epsilon_;
  std::vector<Matrix> momentums_;
  std::vector<Matrix> velocities_;
};

}  // namespace gradtape
