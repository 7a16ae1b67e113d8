#include "core/engine/optimizer.h"

#include <string>

namespace gradtape {
namespace {

std::string shape_text(const Matrix& m) {
  return "[" + std::to_string(m.rows()) + "," + std::to_string(m.cols()) + "]";
}

}  // namespace

std::vector<Matrix> Optimizer::zeros_like(const std::vector<Variable*>& variables) {
  std::vector<Matrix> slots;
  slots.reserve(variables.size());
  for (const Variable* v : variables)
    slots.push_back(Matrix::Zero(v->value.rows(), v->value.cols()));
  return slots;
}

Status Optimizer::apply_gradients(const Gradients& grads, const std::vector<Variable*>& variables) {
  // Built only on error: a string this long would be a heap allocation on every step.
  auto where = [this] { return std::string(name()) + ".apply_gradients: "; };
  if (grads.size() != variables.size()) {
    return Error{where() + std::to_string(grads.size()) + " gradients for " +
                 std::to_string(variables.size()) + " variables"};
  }
  for (std::size_t i = 0; i < variables.size(); ++i) {
    if (!variables[i]) return Error{where() + "variable " + std::to_string(i) + " is null"};
    const Matrix& value = variables[i]->value;
    if (grads[i].rows() != value.rows() || grads[i].cols() != value.cols()) {
      return Error{where() + "gradient " + std::to_string(i) + " is " + shape_text(grads[i]) +
                   " but its variable is " + shape_text(value)};
    }
  }
  if (!built_) {
    build(variables);
    built_for_ = variables;
    built_ = true;
  } else if (variables != built_for_) {
    return Error{where() +
                 "called with other variables than the first time; an optimizer's state "
                 "belongs to one model, so create a new optimizer for a new model"};
  }
  for (std::size_t i = 0; i < variables.size(); ++i) update_step(i, grads[i], variables[i]->value);
  ++iterations_;
  return {};
}

}  // namespace gradtape
