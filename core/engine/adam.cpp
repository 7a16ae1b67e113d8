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
  const float beta_1 = static_cast<float>(beta_1_), beta_2 = static_cast<float>(beta_2_);
  // TF.js keeps beta^t as a float32 variable, multiplied by beta after each step.
  for (; powers_step_ < iterations() + 1; ++powers_step_) {
    beta_1_power_ = powers_step_ == 0 ? beta_1 : beta_1_power_ * beta_1;
    beta_2_power_ = powers_step_ == 0 ? beta_2 : beta_2_power_ * beta_2;
  }
  // 1 - beta in double, then float32, as TF.js turns the JS number into a scalar tensor.
  const float one_minus_beta_1 = static_cast<float>(1.0 - beta_1_);
  const float one_minus_beta_2 = static_cast<float>(1.0 - beta_2_);
  const float correction_1 = 1.f - beta_1_power_, correction_2 = 1.f - beta_2_power_;
  const float lr = static_cast<float>(learning_rate_), eps = static_cast<float>(epsilon_);
  Matrix& m = momentums_[index];
  Matrix& v = velocities_[index];
  m.array() = m.array() * beta_1 + gradient.array() * one_minus_beta_1;
  v.array() = v.array() * beta_2 + gradient.array().square() * one_minus_beta_2;
  value.array() += ((m.array() / correction_1) / ((v.array() / correction_2).sqrt() + eps)) * -lr;
}

}  // namespace gradtape
