#include "core/engine/adam.h"

#include <cmath>

namespace gradtape {

Adam::Adam(double learning_rate, double beta_1, double beta_2, double epsilon)
    : Optimizer(learning_rate), beta_1_(beta_1), beta_2_(beta_2), epsilon_(epsilon) {}

void Adam::build(const std::vector<Variable*>& variables) {
  momentums_ = zeros_like(variables);
  velocities_ = zeros_like(variables);
}

void Adam::update_step(std::size_t index, const Matrix& gradient, Matrix& value) {
  // Keras casts lr, beta1, beta2 and the step to float32 and takes the powers there.
  const float lr = static_cast<float>(learning_rate_);
  const float step = static_cast<float>(iterations() + 1);
  const float beta_1_power = static_cast<float>(
      std::pow(static_cast<double>(static_cast<float>(beta_1_)), static_cast<double>(step)));
  const float beta_2_power = static_cast<float>(
      std::pow(static_cast<double>(static_cast<float>(beta_2_)), static_cast<double>(step)));
  const float alpha = lr * std::sqrt(1.f - beta_2_power) / (1.f - beta_1_power);
  const float one_minus_beta_1 = static_cast<float>(1.0 - beta_1_);
  const float one_minus_beta_2 = static_cast<float>(1.0 - beta_2_);
  const float eps = static_cast<float>(epsilon_);

  Matrix& m = momentums_[index];
  Matrix& v = velocities_[index];
  m.array() += (gradient.array() - m.array()) * one_minus_beta_1;
  v.array() += (gradient.array().square() - v.array()) * one_minus_beta_2;
  value.array() -= (m.array() * alpha) / (v.array().sqrt() + eps);
}

}  // namespace gradtape
