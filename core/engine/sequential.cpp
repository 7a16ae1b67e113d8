#include "core/engine/sequential.h"

#include <string>
#include <utility>

namespace gradtape {
namespace {

std::string shape_text(Index rows, Index cols) {
  return "[" + std::to_string(rows) + "," + std::to_string(cols) + "]";
}

}  // namespace

Sequential::Sequential(const Sequential& other) : layers_(other.layers_) { relink(); }
Sequential::Sequential(Sequential&& other) noexcept : layers_(std::move(other.layers_)) {
  relink();
  other.relink();
}
Sequential& Sequential::operator=(const Sequential& other) {
  layers_ = other.layers_;
  relink();
  return *this;
}
Sequential& Sequential::operator=(Sequential&& other) noexcept {
  layers_ = std::move(other.layers_);
  relink();
  other.relink();
  return *this;
}

void Sequential::relink() {
  trainable_weights_.clear();
  for (Dense& layer : layers_) {
    trainable_weights_.push_back(&layer.kernel());
    trainable_weights_.push_back(&layer.bias());
  }
}

Status Sequential::add(Dense layer) {
  const std::string which = "layer " + std::to_string(layers_.size() + 1);
  if (!layers_.empty() && layer.input_dim() != layers_.back().units()) {
    return Error{which + " takes " + std::to_string(layer.input_dim()) +
                 " inputs, but the layer before it has " + std::to_string(layers_.back().units()) +
                 " units"};
  }
  if (layer.bias().value.rows() != 1 || layer.bias().value.cols() != layer.units()) {
    return Error{which + ": the bias is " +
                 shape_text(layer.bias().value.rows(), layer.bias().value.cols()) + ", expected " +
                 shape_text(1, layer.units())};
  }
  layers_.push_back(std::move(layer));
  relink();
  return {};
}

Var Sequential::operator()(GradientTape& tape, Var x) {
  for (Dense& layer : layers_) x = layer(tape, x);
  return x;
}

const Matrix& Sequential::predict(const Matrix& x) {
  const Matrix* out = &x;
  for (Dense& layer : layers_) out = &layer.predict(*out);
  return *out;
}

std::vector<Matrix> Sequential::get_weights() const {
  std::vector<Matrix> weights;
  for (const Dense& layer : layers_) {
    weights.push_back(layer.kernel().value);
    weights.push_back(layer.bias().value);
  }
  return weights;
}

Status Sequential::set_weights(const std::vector<Matrix>& weights) {
  if (weights.size() != trainable_weights_.size()) {
    return Error{"set_weights: expected " + std::to_string(trainable_weights_.size()) +
                 " arrays (a kernel and a bias per layer), got " + std::to_string(weights.size())};
  }
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const Matrix& current = trainable_weights_[i]->value;
    if (weights[i].rows() != current.rows() || weights[i].cols() != current.cols()) {
      return Error{"set_weights: array " + std::to_string(i) + " (layer " +
                   std::to_string(i / 2 + 1) + (i % 2 ? " bias" : " kernel") + ") is " +
                   shape_text(weights[i].rows(), weights[i].cols()) + ", expected " +
                   shape_text(current.rows(), current.cols())};
    }
  }
  for (std::size_t i = 0; i < weights.size(); ++i) trainable_weights_[i]->value = weights[i];
  return {};
}

Index Sequential::parameter_count() const {
  Index count = 0;
  for (const Variable* weight : trainable_weights_) count += weight->value.size();
  return count;
}

}  // namespace gradtape
