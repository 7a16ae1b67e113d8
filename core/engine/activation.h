// The activations a Dense layer applies, by Keras' names, computed as TensorFlow.js' cpu kernels
// compute them: sigmoid and tanh in double, rounded once to float32.
#pragma once

#include <string_view>

#include "core/result.h"
#include "core/tensor.h"

namespace gradtape {

enum class Activation { linear, relu, sigmoid, tanh };

const char* activation_name(Activation activation);
// "linear", "relu", "sigmoid" or "tanh"; anything else is an Error on field "activation".
Result<Activation> parse_activation(std::string_view name);

float sigmoid_value(float x);  // 1 / (1 + e^-x)
float tanh_value(float x);

// y = act(y), in place.
void apply_activation(Matrix& y, Activation activation);
// y = act(y + bias) on every row, in place: the one pass after a dense layer's GEMM.
// y is [n,m], bias [1,m].
void bias_activation(Matrix& y, const Matrix& bias, Activation activation);
// dz = dy ⊙ act'(y), each derivative read from the output y: [y > 0], y(1 - y), 1 - y².
void activation_gradient(Activation activation, const Matrix& y, const Matrix& dy, Matrix& dz);

}  // namespace gradtape
