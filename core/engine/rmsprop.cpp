#include "core/engine/rmsprop.h"

#include <cmath>

#include "core/engine/lanes.h"

namespace gradtape {

RMSprop::RMSprop(double learning_rate, double rho, double momentum, double epsilon, bool centered)
    : Optimizer(learning_rate),
      rho_(rho),
      momentum_(momentum),
      epsilon_(epsilon),
      centered_(centered) {}

void RMSprop::build(const std::vector<Variable*>& variables) {
  mean_squares_ = zeros_like(variables);
  if (centered_) mean_gradients_ = zeros_like(variables);
  if (momentum_ > 0.0) momentums_ = zeros_like(variables);
}

void RMSprop::update_step(std::size_t index, const Matrix& gradient, Matrix& value) {
  // Each hyperparameter becomes a float32 scalar; 1 - rho is taken in double first, as Python
  // and JavaScript do (1 - 0.9 = 0.09999999999999998 -> 0.1f).
  const float lr = static_cast<float>(learning_rate_);
  const float rho = static_cast<float>(rho_);
  const float one_minus_rho = static_cast<float>(1.0 - rho_);
  const float eps = static_cast<float>(epsilon_);
  const float momentum = static_cast<float>(momentum_);

  Matrix& ms = mean_squares_[index];
  if (!centered_ && momentum_ == 0.0) {  // the tutorial's case, in one pass
    const float* g = gradient.data();
    float* s = ms.data();
    float* v = value.data();
    const Index n = value.size();
    Index i = 0;
    // Four at a time, then one at a time: the same operations in the same order, lane by lane.
    for (; i + lanes::width <= n; i += lanes::width) {
      using lanes::load, lanes::splat;
      const lanes::f32x4 gi = load(g + i);
      const lanes::f32x4 si = load(s + i) * splat(rho) + (gi * gi) * splat(one_minus_rho);
      lanes::store(s + i, si);
      lanes::store(v + i, load(v + i) - (gi * splat(lr)) / lanes::sqrt(si + splat(eps)));
    }
    for (; i < n; ++i) {
      s[i] = s[i] * rho + (g[i] * g[i]) * one_minus_rho;
      v[i] -= (g[i] * lr) / std::sqrt(s[i] + eps);
    }
    return;
  }
  ms.array() = ms.array() * rho + gradient.array().square() * one_minus_rho;
  if (!centered_) {
    Matrix& mom = momentums_[index];
    mom.array() = mom.array() * momentum + (gradient.array() * lr) / (ms.array() + eps).sqrt();
    value -= mom;
  } else {
    Matrix& mg = mean_gradients_[index];
    mg.array() = mg.array() * rho + gradient.array() * one_minus_rho;
    if (momentum_ == 0.0) {
      value.array() -= (gradient.array() * lr) / (ms.array() - mg.array().square() + eps).sqrt();
    } else {
      Matrix& mom = momentums_[index];
      mom.array() = mom.array() * momentum +
                    (gradient.array() * lr) / (ms.array() - mg.array().square() + eps).sqrt();
      value -= mom;
    }
  }
}

}  // namespace gradtape
