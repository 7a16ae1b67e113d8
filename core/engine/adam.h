// The Adam optimizer, with Keras' defaults.
#pragma once

#include "core/engine/optimizer.h"

namespace gradtape {

// TensorFlow's Adam as TensorFlow.js runs it (tf.train.adam, which Keras layers in TF.js use), in
// float32, with epsilon added OUTSIDE the square root of the bias-corrected second moment:
//   m = beta1·m + (1 - beta1)·g;  v = beta2·v + (1 - beta2)·g²
//   w += -lr · (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
// where beta^t is a running float32 product, as TF.js keeps it. Keras 3 writes the same update as
// w -= m·lr·sqrt(1 - beta2^t)/(1 - beta1^t) / (sqrt(v) + eps), which scales eps by
// 1/sqrt(1 - beta2^t) early on; the TF.js form is the one the reference runs can verify.
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
  std::int64_t powers_step_ = 0;  // the step beta_1_power_ and beta_2_power_ are for
  float beta_1_power_ = 1, beta_2_power_ = 1;
  std::vector<Matrix> momentums_;
  std::vector<Matrix> velocities_;
};

}  // namespace gradtape
