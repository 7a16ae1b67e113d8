// Keras' Sequential model over Dense layers: the forward pass on a tape for training, a no-tape
// predict() for validation and prediction, and the trainable weights in Keras' order (kernel,
// then bias, layer by layer).
#pragma once

#include <vector>

#include "core/engine/dense.h"
#include "core/result.h"

namespace gradtape {

class Sequential {
 public:
  Sequential() = default;
  // Copies and moves re-point trainable_weights() at the new model's own variables.
  Sequential(const Sequential& other);
  Sequential(Sequential&& other) noexcept;
  Sequential& operator=(const Sequential& other);
  Sequential& operator=(Sequential&& other) noexcept;

  // Appends a layer; an Error if its kernel does not take the previous layer's units or its bias
  // is not [1, units].
  Status add(Dense layer);

  Var operator()(GradientTape& tape, Var x);
  // x [n, input_dim] -> [n, units of the last layer], in buffers the layers reuse (valid until
  // the next predict()).
  const Matrix& predict(const Matrix& x);

  const std::vector<Variable*>& trainable_weights() const { return trainable_weights_; }
  // Copies of the weights: kernel [in, units] then bias [1, units], layer by layer.
  std::vector<Matrix> get_weights() const;
  // Replaces every weight; an Error (and no change) unless count and shapes match get_weights().
  Status set_weights(const std::vector<Matrix>& weights);
  Index parameter_count() const;

  const std::vector<Dense>& layers() const { return layers_; }
  std::vector<Dense>& layers() { return layers_; }

 private:
  void relink();

  std::vector<Dense> layers_;
  std::vector<Variable*> trainable_weights_;
};

}  // namespace gradtape
