#include "core/engine/dense.h"

#include <utility>

#include "core/engine/ops.h"

namespace gradtape {

Dense::Dense(Index input_dim, Index units, Activation activation, Initializer kernel_initializer,
             Random& random)
    : Dense(initialize_kernel(input_dim, units, kernel_initializer, random), Matrix::Zero(1, units),
            activation) {}

Dense::Dense(Index input_dim, Index units, Activation activation, Random& random)
    : Dense(input_dim, units, activation, Initializer::glorot_uniform, random) {}

Dense::Dense(Matrix kernel, Matrix bias, Activation activation)
    : kernel_{std::move(kernel), true, "kernel"},
      bias_{std::move(bias), true, "bias"},
      activation_(activation) {}

Var Dense::operator()(GradientTape& tape, Var x) {
  return dense(tape, x, kernel_, bias_, activation_);
}

const Matrix& Dense::predict(const Matrix& x) {
  assert(x.cols() == input_dim());
  dense_forward(x, kernel_.value, bias_.value, activation_, output_);
  return output_;
}

}  // namespace gradtape
