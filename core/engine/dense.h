// Keras' Dense layer: y = activation(x·kernel + bias), with the kernel [in, units] row-major as in
// the reference traces and the bias [1, units], zero at the start.
#pragma once

#include "core/engine/activation.h"
#include "core/engine/initializers.h"
#include "core/engine/tape.h"

namespace gradtape {

class Dense {
 public:
  // A new layer: the kernel drawn from `random` (Glorot uniform unless told), the bias zero.
  Dense(Index input_dim, Index units, Activation activation, Initializer kernel_initializer,
        Random& random);
  Dense(Index input_dim, Index units, Activation activation, Random& random);
  // A layer with given weights (a saved model, a reference trace): kernel [in, units], bias
  // [1, units]. Sequential::add() checks the shapes.
  Dense(Matrix kernel, Matrix bias, Activation activation);

  // The layer as one fused op on the tape.
  Var operator()(GradientTape& tape, Var x);
  // The same numbers without a tape, into a buffer the layer reuses (valid until the next call).
  const Matrix& predict(const Matrix& x);

  Index input_dim() const { return kernel_.value.rows(); }
  Index units() const { return kernel_.value.cols(); }
  Activation activation() const { return activation_; }
  Variable& kernel() { return kernel_; }
  const Variable& kernel() const { return kernel_; }
  Variable& bias() { return bias_; }
  const Variable& bias() const { return bias_; }

 private:
  Variable kernel_;
  Variable bias_;
  Activation activation_;
  Matrix output_;
};

}  // namespace gradtape
