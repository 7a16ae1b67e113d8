// The reverse-mode tape: GradientTape records ops on Vars as a flat list of nodes and walks it
// once from the end to accumulate adjoints. A tape kept across steps and reset() between them
// reuses every buffer, so a warmed-up step allocates nothing.
#pragma once

#include <array>
#include <cassert>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <optional>
#include <vector>

#include "core/engine/variable.h"
#include "core/result.h"
#include "core/tensor.h"

namespace gradtape {

class GradientTape;

// A value an op reads: the output of an op or a constant on one tape, or a Variable. A Variable
// converts implicitly, so ops take weights directly; the tape watches it (if trainable) the first
// time an op reads it.
class Var {
 public:
  Var() = default;
  Var(Variable& variable) : variable_(&variable) {}  // NOLINT(google-explicit-constructor)

 private:
  friend class GradientTape;
  explicit Var(std::int32_t id) : id_(id) {}
  std::int32_t id_ = -1;
  Variable* variable_ = nullptr;
};

// One gradient per source, shaped like it. A view, never a copy: of the tape's storage (valid
// until that tape's next gradient() or reset()), or of a caller's vector.
class Gradients {
 public:
  Gradients(const std::vector<Matrix>& grads)  // NOLINT(google-explicit-constructor)
      : data_(grads.data()), size_(grads.size()) {}

  std::size_t size() const { return size_; }
  const Matrix& operator[](std::size_t i) const {
    assert(i < size_);
    return data_[i];
  }
  const Matrix* begin() const { return data_; }
  const Matrix* end() const { return data_ + size_; }

 private:
  const Matrix* data_;
  std::size_t size_;
};

// What an op's backward pass sees: its output y and the adjoint dy = d target / d y, each input's
// value x(i), and dx(i), the adjoint to accumulate into (nullptr if input i needs no gradient).
class Backward {
 public:
  const Matrix& y() const;
  const Matrix& dy() const;
  const Matrix& x(int i) const;
  Matrix* dx(int i) const;
  // A scalar the op recorded with its forward pass (clip bounds, for example).
  float param(int i) const;
  // The op's own buffers (two), kept across steps: the fused dense op's pre-activation adjoint,
  // and a weight matrix transposed for a product.
  Matrix& scratch(int i = 0) const;

 private:
  friend class GradientTape;
  Backward(GradientTape& tape, std::int32_t id) : tape_(tape), id_(id) {}
  GradientTape& tape_;
  std::int32_t id_;
};

using BackwardFn = void (*)(const Backward&);

class GradientTape {
 public:
  // A non-persistent tape gives gradients once per recording; reset() arms it again.
  explicit GradientTape(bool persistent = false) : persistent_(persistent) {}
  GradientTape(const GradientTape&) = delete;
  GradientTape& operator=(const GradientTape&) = delete;
  GradientTape(GradientTape&&) = default;
  GradientTape& operator=(GradientTape&&) = default;

  // A value no gradient flows into (a batch of features or targets), copied into storage the
  // tape reuses at the same position after reset(). Any Eigen expression works (a row gather).
  template <class Derived>
  Var constant(const Eigen::MatrixBase<Derived>& value);

  const Matrix& value(Var v) const;
  Index rows(Var v) const { return value(v).rows(); }
  Index cols(Var v) const { return value(v).cols(); }

  // d target / d source for each source, shaped like it; zero for a source the target does not
  // depend on. A non-scalar target is differentiated as the sum of its elements, as TensorFlow
  // does. Errors: the first shape error an op reported, or a second call on a non-persistent tape.
  Result<Gradients> gradient(Var target, const std::vector<Variable*>& sources);

  // Forgets the recorded ops, watched variables and any error, keeping all storage.
  void reset();

  bool persistent() const { return persistent_; }
  // False once an op has reported an error (kept until reset()); gradient() returns it.
  bool ok() const { return !error_.has_value(); }
  const Error& error() const {
    assert(error_);
    return *error_;
  }
  // Number of nodes recorded since the last reset(): constants, watched variables and ops.
  std::size_t size() const { return static_cast<std::size_t>(size_); }

  // ---- For op authors (ops.cpp, losses.cpp): an op records itself, then writes output(y). ----

  // Appends an op's output node, rows x cols, with the backward pass to run in the reverse sweep.
  Var record(const char* op, std::initializer_list<Var> inputs, Index rows, Index cols,
             BackwardFn backward, float param0 = 0.f, float param1 = 0.f);
  // Where the op writes its output's value (storage kept across steps).
  Matrix& output(Var y);
  // Reports "op: incompatible shapes [r,c] and [r,c] (requirement)" unless an earlier error is
  // already pending, and returns a zero rows x cols output that no gradient flows through.
  Var shape_error(const char* op, Var a, Var b, const char* requirement, Index rows, Index cols);

 private:
  friend class Backward;
  static constexpr int kMaxInputs = 3;

  struct Node {
    Matrix value;  // an op's output or a constant (unused for a variable: see node_value)
    Matrix grad;   // the adjoint, d target / d value
    std::array<Matrix, 2> scratch;  // an op's private buffers
    Variable* variable = nullptr;
    const char* op = "constant";  // what recorded it, for a debugger
    BackwardFn backward = nullptr;
    std::array<std::int32_t, kMaxInputs> inputs{};
    int input_count = 0;
    std::array<float, 2> params{};
    bool requires_grad = false;  // a trainable variable is upstream
    bool reached = false;        // the reverse sweep has written this node's adjoint
  };
  struct Watched {
    Variable* variable;
    std::int32_t id;
  };

  std::int32_t push_node();
  std::int32_t resolve(Var v);
  const Matrix& node_value(std::int32_t id) const;

  // A deque keeps nodes in place as it grows, so a Matrix& stays valid while more ops record.
  std::deque<Node> nodes_;
  std::int32_t size_ = 0;
  std::vector<Watched> watched_;
  std::vector<Matrix> gradients_;
  std::optional<Error> error_;
  bool persistent_;
  bool used_ = false;
};

template <class Derived>
Var GradientTape::constant(const Eigen::MatrixBase<Derived>& value) {
  Var v = record("constant", {}, value.rows(), value.cols(), nullptr);
  output(v) = value;
  return v;
}

}  // namespace gradtape
