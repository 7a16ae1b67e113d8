#include "core/engine/tape.h"

#include <string>
#include <utility>

namespace gradtape {
namespace {

std::string shape_text(const Matrix& m) {
  return "[" + std::to_string(m.rows()) + "," + std::to_string(m.cols()) + "]";
}

}  // namespace

const Matrix& Backward::y() const { return tape_.node_value(id_); }
const Matrix& Backward::dy() const { return tape_.nodes_[id_].grad; }
const Matrix& Backward::x(int i) const {
  assert(i < tape_.nodes_[id_].input_count);
  return tape_.node_value(tape_.nodes_[id_].inputs[i]);
}
float Backward::param(int i) const { return tape_.nodes_[id_].params[i]; }
Matrix& Backward::scratch(int i) const {
  return tape_.nodes_[id_].scratch[static_cast<std::size_t>(i)];
}

Matrix* Backward::dx(int i) const {
  assert(i < tape_.nodes_[id_].input_count);
  GradientTape::Node& input = tape_.nodes_[tape_.nodes_[id_].inputs[i]];
  if (!input.requires_grad) return nullptr;
  input.reached = true;
  return &input.grad;
}

const Matrix& GradientTape::node_value(std::int32_t id) const {
  const Node& node = nodes_[id];
  return node.variable ? node.variable->value : node.value;
}

const Matrix& GradientTape::value(Var v) const {
  if (v.variable_) return v.variable_->value;
  assert(v.id_ >= 0 && v.id_ < size_ && "Var from another tape, or from before reset()");
  return nodes_[v.id_].value;
}

Matrix& GradientTape::output(Var y) {
  assert(!y.variable_ && y.id_ >= 0 && y.id_ < size_);
  return nodes_[y.id_].value;
}

std::int32_t GradientTape::push_node() {
  if (static_cast<std::size_t>(size_) == nodes_.size()) nodes_.emplace_back();
  Node& node = nodes_[size_];
  node.variable = nullptr;
  node.backward = nullptr;
  node.input_count = 0;
  node.requires_grad = false;
  node.reached = false;
  return size_++;
}

std::int32_t GradientTape::resolve(Var v) {
  if (!v.variable_) {
    assert(v.id_ >= 0 && v.id_ < size_ && "Var from another tape, or from before reset()");
    return v.id_;
  }
  for (const Watched& watched : watched_) {
    if (watched.variable == v.variable_) return watched.id;
  }
  std::int32_t id = push_node();
  nodes_[id].op = "variable";
  nodes_[id].variable = v.variable_;
  nodes_[id].requires_grad = v.variable_->trainable;
  watched_.push_back({v.variable_, id});
  return id;
}

Var GradientTape::record(const char* op, std::initializer_list<Var> inputs, Index rows, Index cols,
                         BackwardFn backward, float param0, float param1) {
  assert(inputs.size() <= static_cast<std::size_t>(kMaxInputs));
  std::array<std::int32_t, kMaxInputs> ids{};
  bool requires_grad = false;
  int count = 0;
  for (Var input : inputs) {
    ids[count] = resolve(input);
    requires_grad = requires_grad || nodes_[ids[count]].requires_grad;
    ++count;
  }
  std::int32_t id = push_node();
  Node& node = nodes_[id];
  node.op = op;
  node.inputs = ids;
  node.input_count = count;
  node.params = {param0, param1};
  node.requires_grad = requires_grad && backward != nullptr;
  node.backward = node.requires_grad ? backward : nullptr;
  node.value.resize(rows, cols);
  return Var(id);
}

Var GradientTape::shape_error(const char* op, Var a, Var b, const char* requirement, Index rows,
                              Index cols) {
  if (!error_) {
    error_ = Error{std::string(op) + ": incompatible shapes " + shape_text(value(a)) + " and " +
                   shape_text(value(b)) + " (" + requirement + ")"};
  }
  Var y = record(op, {}, rows, cols, nullptr);
  output(y).setZero();
  return y;
}

Result<Gradients> GradientTape::gradient(Var target, const std::vector<Variable*>& sources) {
  if (error_) return *error_;
  if (used_ && !persistent_) {
    return Error{
        "GradientTape.gradient: this tape has already given its gradients; create it with "
        "GradientTape(/*persistent=*/true) to ask again, or reset() it and record the step anew"};
  }
  if (!target.variable_ && (target.id_ < 0 || target.id_ >= size_)) {
    return Error{
        "GradientTape.gradient: the target was not recorded on this tape since its "
        "last reset()"};
  }
  for (const Variable* source : sources) {
    if (!source) return Error{"GradientTape.gradient: a source is null"};
  }
  used_ = true;

  const std::int32_t top = resolve(target);
  for (std::int32_t i = 0; i <= top; ++i) {
    Node& node = nodes_[i];
    node.reached = false;
    if (node.requires_grad) {
      const Matrix& v = node_value(i);
      node.grad.setZero(v.rows(), v.cols());
    }
  }
  if (nodes_[top].requires_grad) {
    nodes_[top].grad.setOnes();
    nodes_[top].reached = true;
  }
  // The reverse sweep: every node after its consumers, each adding into its inputs' adjoints.
  for (std::int32_t i = top; i >= 0; --i) {
    const Node& node = nodes_[i];
    if (node.reached && node.backward) node.backward(Backward(*this, i));
  }

  gradients_.resize(sources.size());
  for (std::size_t k = 0; k < sources.size(); ++k) {
    const Variable* source = sources[k];
    std::size_t first = 0;
    while (sources[first] != source) ++first;
    if (first < k) {
      gradients_[k] = gradients_[first];
      continue;
    }
    std::int32_t id = -1;
    for (const Watched& watched : watched_) {
      if (watched.variable == source) id = watched.id;
    }
    if (id >= 0 && id <= top && nodes_[id].requires_grad) {
      // O(1): the leaf's adjoint becomes the result; its old buffer is zeroed on the next call.
      std::swap(gradients_[k], nodes_[id].grad);
    } else {
      gradients_[k].setZero(source->value.rows(), source->value.cols());
    }
  }
  return Gradients(gradients_);
}

void GradientTape::reset() {
  size_ = 0;
  watched_.clear();
  error_.reset();
  used_ = false;
}

}  // namespace gradtape
