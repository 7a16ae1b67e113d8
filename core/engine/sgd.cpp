#include "core/engine/sgd.h"

namespace gradtape {

SGD::SGD(double learning_rate, double momentum, bool nesterov)
    : Optimizer(learning_rate), momentum_(momentum), nesterov_(nesterov) {}

void SGD::build(const std::vector<Variable*>& variables) {
  if (momentum_ != 0.0) momentums_ = zeros_like(variables);
}

void SGD::update_step(std::size_t index, const Matrix& gradient, Matrix& value) {
  const float lr = static_cast<float>(learning_rate_);
  if (momentum_ == 0.0) {
    value.array() -= gradient.array() * lr;
    return;
  }
  const float momentum = static_cast<float>(momentum_);
  Matrix& m = momentums_[index];
  m.array() = m.array() * momentum - gradient.array() * lr;
  if (nesterov_) {
    value.array() += m.array() * momentum - gradient.array() * lr;
  } else {
    value += m;
  }
}

}  // namespace gradtape
