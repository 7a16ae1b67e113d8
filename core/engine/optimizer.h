// The base of the optimizers, as Keras 3 structures them: apply_gradients() checks gradients
// against variables, builds the per-variable state once, then runs update_step() on each pair.
// The trainer holds one through this interface and picks SGD, RMSprop or Adam at run time.
#pragma once

#include <cstdint>
#include <vector>

#include "core/engine/tape.h"
#include "core/result.h"

namespace gradtape {

class Optimizer {
 public:
  virtual ~Optimizer() = default;

  // Updates each variable in place with its gradient (same order, same shapes). The first call
  // fixes the variables the state belongs to; later calls must pass the same list.
  Status apply_gradients(const Gradients& grads, const std::vector<Variable*>& variables);

  virtual const char* name() const = 0;
  double learning_rate() const { return learning_rate_; }
  void set_learning_rate(double learning_rate) { learning_rate_ = learning_rate; }
  // Updates applied so far (Keras' optimizer.iterations).
  std::int64_t iterations() const { return iterations_; }

 protected:
  explicit Optimizer(double learning_rate) : learning_rate_(learning_rate) {}
  // Allocates the state for these variables; called once, by the first apply_gradients().
  virtual void build(const std::vector<Variable*>& variables) = 0;
  // Updates variables[index] (its `value`) by `gradient`; iterations() counts earlier steps.
  virtual void update_step(std::size_t index, const Matrix& gradient, Matrix& value) = 0;

  // One zero matrix per variable, shaped like it: a slot such as RMSprop's mean square.
  static std::vector<Matrix> zeros_like(const std::vector<Variable*>& variables);

  double learning_rate_;

 private:
  std::vector<Variable*> built_for_;
  bool built_ = false;
  std::int64_t iterations_ = 0;
};

}  // namespace gradtape
