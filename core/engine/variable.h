// A trainable weight: a matrix that persists across steps, which a GradientTape watches when an
// op reads it and an optimizer updates in place (Keras' tf.Variable).
#pragma once

#include <string>

#include "core/tensor.h"

namespace gradtape {

struct Variable {
  Matrix value;
  // A non-trainable variable is read as a constant: never watched, its gradient is zero.
  bool trainable = true;
  std::string name = {};
};

}  // namespace gradtape
