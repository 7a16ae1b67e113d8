#include "core/engine/activation.h"

#include <cassert>
#include <string>

#include "core/engine/portable_math.h"

namespace gradtape {

float sigmoid_value(float x) {
  return static_cast<float>(1.0 / (1.0 + portable::exp(-static_cast<double>(x))));
}

float tanh_value(float x) { return static_cast<float>(portable::tanh(static_cast<double>(x))); }

namespace activations {

void Softmax::apply(Matrix& y) {
  const Index cols = y.cols();
  for (Index r = 0; r < y.rows(); ++r) {
    float* row = y.data() + r * cols;
    float top = row[0];
    for (Index c = 1; c < cols; ++c) top = row[c] > top ? row[c] : top;
    double total = 0.0;
    for (Index c = 0; c < cols; ++c) {
      row[c] = static_cast<float>(portable::exp(static_cast<double>(row[c] - top)));
      total += row[c];
    }
    const auto sum = static_cast<float>(total);
    for (Index c = 0; c < cols; ++c) row[c] /= sum;
  }
}

void Softmax::apply_with_bias(Matrix& y, const Matrix& bias) {
  Linear::apply_with_bias(y, bias);
  apply(y);
}

void Softmax::gradient(const Matrix& y, const Matrix& dy, Matrix& dz) {
  const Index cols = y.cols();
  for (Index r = 0; r < y.rows(); ++r) {
    const float* out = y.data() + r * cols;
    const float* g = dy.data() + r * cols;
    float* d = dz.data() + r * cols;
    double total = 0.0;
    for (Index c = 0; c < cols; ++c) {
      d[c] = g[c] * out[c];
      total += d[c];
    }
    const auto sum = static_cast<float>(total);
    for (Index c = 0; c < cols; ++c) d[c] -= sum * out[c];
  }
}

}  // namespace activations

const char* activation_name(Activation activation) {
  const char* name = "linear";
  visit_activation(activation, [&](auto record) { name = record.name; });
  return name;
}

std::vector<std::string> hidden_activation_names() {
  std::vector<std::string> names;
  for_each_activation([&](auto record) {
    if (record.hidden) names.emplace_back(record.name);
  });
  return names;
}

Result<Activation> parse_any_activation(std::string_view name) {
  Result<Activation> found =
      Error{"unknown activation \"" + std::string(name) + "\"", "activation"};
  for_each_activation([&](auto record) {
    if (name == record.name) found = record.kind;
  });
  return found;
}

Result<Activation> parse_activation(std::string_view name) {
  Result<Activation> found = parse_any_activation(name);
  bool hidden = false;
  if (found) visit_activation(*found, [&](auto record) { hidden = record.hidden; });
  if (hidden) return found;
  std::string expected;
  const std::vector<std::string> names = hidden_activation_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    expected += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  }
  return Error{"unknown activation \"" + std::string(name) + "\": expected " + expected,
               "activation"};
}

void apply_activation(Matrix& y, Activation activation) {
  visit_activation(activation, [&](auto record) { decltype(record)::apply(y); });
}

void bias_activation(Matrix& y, const Matrix& bias, Activation activation) {
  assert(bias.rows() == 1 && bias.cols() == y.cols());
  visit_activation(activation, [&](auto record) { decltype(record)::apply_with_bias(y, bias); });
}

void activation_gradient(Activation activation, const Matrix& y, const Matrix& dy, Matrix& dz) {
  dz.resize(y.rows(), y.cols());
  visit_activation(activation, [&](auto record) { decltype(record)::gradient(y, dy, dz); });
}

}  // namespace gradtape
