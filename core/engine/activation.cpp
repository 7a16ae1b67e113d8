#include "core/engine/activation.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace gradtape {
namespace {

// row[c] = f(row[c] + bias[c]) over a row-major matrix: a plain loop the compiler vectorises,
// where Eigen's rowwise() broadcast costs an integer modulo per element in wasm.
template <class F>
void each_with_bias(Matrix& y, const Matrix& bias, F f) {
  const Index rows = y.rows(), cols = y.cols();
  const float* b = bias.data();
  for (Index r = 0; r < rows; ++r) {
    float* row = y.data() + r * cols;
    for (Index c = 0; c < cols; ++c) row[c] = f(row[c] + b[c]);
  }
}

template <class F>
void each(Matrix& y, F f) {
  float* v = y.data();
  for (Index i = 0, n = y.size(); i < n; ++i) v[i] = f(v[i]);
}

}  // namespace

const char* activation_name(Activation activation) {
  switch (activation) {
    case Activation::linear: return "linear";
    case Activation::relu: return "relu";
    case Activation::sigmoid: return "sigmoid";
    case Activation::tanh: return "tanh";
  }
  return "linear";
}

Result<Activation> parse_activation(std::string_view name) {
  for (Activation a :
       {Activation::linear, Activation::relu, Activation::sigmoid, Activation::tanh}) {
    if (name == activation_name(a)) return a;
  }
  return Error{
      "unknown activation \"" + std::string(name) + "\": expected linear, relu, sigmoid or tanh",
      "activation"};
}

float sigmoid_value(float x) {
  return static_cast<float>(1.0 / (1.0 + std::exp(-static_cast<double>(x))));
}

float tanh_value(float x) { return static_cast<float>(std::tanh(static_cast<double>(x))); }

void apply_activation(Matrix& y, Activation activation) {
  switch (activation) {
    case Activation::linear: break;
    case Activation::relu: each(y, [](float z) { return std::max(z, 0.f); }); break;
    case Activation::sigmoid: each(y, sigmoid_value); break;
    case Activation::tanh: each(y, tanh_value); break;
  }
}

void bias_activation(Matrix& y, const Matrix& bias, Activation activation) {
  assert(bias.rows() == 1 && bias.cols() == y.cols());
  switch (activation) {
    case Activation::linear: each_with_bias(y, bias, [](float z) { return z; }); break;
    case Activation::relu: each_with_bias(y, bias, [](float z) { return std::max(z, 0.f); }); break;
    case Activation::sigmoid: each_with_bias(y, bias, sigmoid_value); break;
    case Activation::tanh: each_with_bias(y, bias, tanh_value); break;
  }
}

void activation_gradient(Activation activation, const Matrix& y, const Matrix& dy, Matrix& dz) {
  dz.resize(y.rows(), y.cols());
  const Index n = y.size();
  const float* out = y.data();
  const float* g = dy.data();
  float* d = dz.data();
  switch (activation) {
    case Activation::linear:
      for (Index i = 0; i < n; ++i) d[i] = g[i];
      break;
    case Activation::relu:  // dy times a 0/1 mask, as tfjs' mul(dy, step(x)): branch-free
      for (Index i = 0; i < n; ++i) {
        const float mask = out[i] > 0.f ? 1.f : 0.f;  // in its own statement, GCC vectorises it
        d[i] = g[i] * mask;
      }
      break;
    case Activation::sigmoid:
      for (Index i = 0; i < n; ++i) d[i] = g[i] * (out[i] * (1.f - out[i]));
      break;
    case Activation::tanh:
      for (Index i = 0; i < n; ++i) d[i] = g[i] * (1.f - out[i] * out[i]);
      break;
  }
}

}  // namespace gradtape
