// The activations a Dense layer applies, as one table: a record per activation with its Keras
// name, its label, its function and its derivative (read from the output), computed as
// TensorFlow.js' cpu kernels compute them. Adding an activation is one record here (its enum
// value, its struct, its place in ActivationTable) and its test; every loop and every name list
// is derived from the table through visit_activation(), the one dispatch point.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/tensor.h"

namespace gradtape {

enum class Activation { linear, relu, sigmoid, tanh, softmax };

float sigmoid_value(float x);  // 1 / (1 + e^-x), in double, rounded once
float tanh_value(float x);

namespace activations {

// The loops shared by every elementwise activation: Self gives value(x) and derivative(y).
template <class Self>
struct Elementwise {
  // y = f(y) in place.
  static void apply(Matrix& y) {
    float* v = y.data();
    for (Index i = 0, n = y.size(); i < n; ++i) v[i] = Self::value(v[i]);
  }
  // y = f(y + bias) on every row, in place: a plain loop the compiler vectorises, where Eigen's
  // rowwise() broadcast costs an integer modulo per element in wasm. y [n,m], bias [1,m].
  static void apply_with_bias(Matrix& y, const Matrix& bias) {
    const Index rows = y.rows(), cols = y.cols();
    const float* b = bias.data();
    for (Index r = 0; r < rows; ++r) {
      float* row = y.data() + r * cols;
      for (Index c = 0; c < cols; ++c) row[c] = Self::value(row[c] + b[c]);
    }
  }
  // dz = dy ⊙ f'(y), the derivative read from the output y.
  static void gradient(const Matrix& y, const Matrix& dy, Matrix& dz) {
    const float* out = y.data();
    const float* g = dy.data();
    float* d = dz.data();
    for (Index i = 0, n = y.size(); i < n; ++i) {
      const float slope = Self::derivative(out[i]);  // in its own statement, GCC vectorises it
      d[i] = g[i] * slope;
    }
  }
};

struct Linear : Elementwise<Linear> {
  static constexpr Activation kind = Activation::linear;
  static constexpr const char* name = "linear";
  static constexpr const char* label = "linear (none)";
  static constexpr bool hidden = true;  // offered for hidden layers
  static float value(float x) { return x; }
  static float derivative(float) { return 1.f; }  // y = x;  dy/dx = 1
};

struct Relu : Elementwise<Relu> {
  static constexpr Activation kind = Activation::relu;
  static constexpr const char* name = "relu";
  static constexpr const char* label = "ReLU";
  static constexpr bool hidden = true;
  static float value(float x) { return x < 0.f ? 0.f : x; }         // std::max(x, 0.f)
  static float derivative(float y) { return y > 0.f ? 1.f : 0.f; }  // [x > 0], as tfjs' step(x)
};

struct Sigmoid : Elementwise<Sigmoid> {
  static constexpr Activation kind = Activation::sigmoid;
  static constexpr const char* name = "sigmoid";
  static constexpr const char* label = "sigmoid";
  static constexpr bool hidden = true;
  static float value(float x) { return sigmoid_value(x); }
  static float derivative(float y) { return y * (1.f - y); }  // σ' = σ(1 - σ)
};

struct Tanh : Elementwise<Tanh> {
  static constexpr Activation kind = Activation::tanh;
  static constexpr const char* name = "tanh";
  static constexpr const char* label = "tanh";
  static constexpr bool hidden = true;
  static float value(float x) { return tanh_value(x); }
  static float derivative(float y) { return 1.f - y * y; }  // tanh' = 1 - tanh²
};

// Row-wise, the multi-class head: y_j = e^(x_j - max x) / Σ_k e^(x_k - max x), each step in
// float32 as tfjs' Softmax kernel (max, sub, exp, a sum added in double, div).
struct Softmax {
  static constexpr Activation kind = Activation::softmax;
  static constexpr const char* name = "softmax";
  static constexpr const char* label = "softmax";
  static constexpr bool hidden = false;  // an output head only
  static void apply(Matrix& y);
  static void apply_with_bias(Matrix& y, const Matrix& bias);
  // dz = dy ⊙ y - (Σ_row dy ⊙ y) ⊙ y, as tfjs' softmax gradient.
  static void gradient(const Matrix& y, const Matrix& dy, Matrix& dz);
};

}  // namespace activations

// The table, in the order of the enum (checked below).
using ActivationTable = std::tuple<activations::Linear, activations::Relu, activations::Sigmoid,
                                   activations::Tanh, activations::Softmax>;

// Calls f(Record{}) with the record of `kind`: the one dispatch point.
template <std::size_t I = 0, class F>
void visit_activation(Activation kind, F&& f) {
  if constexpr (I < std::tuple_size_v<ActivationTable>) {
    using Record = std::tuple_element_t<I, ActivationTable>;
    static_assert(static_cast<std::size_t>(Record::kind) == I, "ActivationTable follows the enum");
    if (static_cast<std::size_t>(kind) == I) {
      f(Record{});
      return;
    }
    visit_activation<I + 1>(kind, std::forward<F>(f));
  }
}

// Calls f(Record{}) for every record, in table order.
template <class F>
void for_each_activation(F&& f) {
  std::apply([&](auto... records) { (f(records), ...); }, ActivationTable{});
}

const char* activation_name(Activation activation);
// The names offered for hidden layers ("linear", "relu", "sigmoid", "tanh").
std::vector<std::string> hidden_activation_names();
// A hidden-layer activation by name; anything else is an Error on field "activation".
Result<Activation> parse_activation(std::string_view name);
// Any activation by name, the output heads included (for reading a saved model or a trace).
Result<Activation> parse_any_activation(std::string_view name);

// y = act(y), in place.
void apply_activation(Matrix& y, Activation activation);
// y = act(y + bias) on every row, in place: the one pass after a dense layer's GEMM.
// y is [n,m], bias [1,m].
void bias_activation(Matrix& y, const Matrix& bias, Activation activation);
// dz = the adjoint of act's input, from its output y and output adjoint dy (resized to y).
void activation_gradient(Activation activation, const Matrix& y, const Matrix& dy, Matrix& dz);

}  // namespace gradtape
