#include "core/engine/ops.h"

#include "core/engine/portable_math.h"
#include "core/engine/products.h"

namespace gradtape {
namespace {

// sums += Σ_rows m, row by row over contiguous memory (m is [n,k], sums [1,k]).
void add_row_sums(const Matrix& m, Matrix& sums) {
  for (Index r = 0; r < m.rows(); ++r) sums.noalias() += m.row(r);
}

// TensorFlow.js' reductions add float32 values in double and round once; its Mean divides
// each value by n first (tfjs-backend-cpu Mean = Sum(x / n)).
float sum_in_double(const Matrix& x, float divisor) {
  double total = 0.0;
  const float* v = x.data();
  for (Index i = 0, n = x.size(); i < n; ++i) total += static_cast<double>(v[i] / divisor);
  return static_cast<float>(total);
}

bool same_shape(const GradientTape& tape, Var a, Var b) {
  return tape.rows(a) == tape.rows(b) && tape.cols(a) == tape.cols(b);
}

// The activation an op recorded as its first parameter.
Activation recorded_activation(const Backward& g) {
  return static_cast<Activation>(static_cast<int>(g.param(0)));
}

void activation_backward(const Backward& g) {
  activation_gradient(recorded_activation(g), g.y(), g.dy(), g.scratch());
  *g.dx(0) += g.scratch();
}

void dense_backward(const Backward& g) {
  Matrix& dz = g.scratch();
  activation_gradient(recorded_activation(g), g.y(), g.dy(), dz);
  if (Matrix* dx = g.dx(0)) multiply_add_transposed_b(dz, g.x(1), *dx, g.scratch(1));
  if (Matrix* dw = g.dx(1)) multiply_add_transposed_a(g.x(0), dz, *dw);
  if (Matrix* db = g.dx(2)) add_row_sums(dz, *db);
}

}  // namespace

// y = a·b;  da += dy·bᵀ,  db += aᵀ·dy
Var matmul(GradientTape& tape, Var a, Var b) {
  if (tape.cols(a) != tape.rows(b)) {
    return tape.shape_error("matmul", a, b, "columns of a must equal rows of b", tape.rows(a),
                            tape.cols(b));
  }
  Var y = tape.record("matmul", {a, b}, tape.rows(a), tape.cols(b), [](const Backward& g) {
    if (Matrix* da = g.dx(0)) multiply_add_transposed_b(g.dy(), g.x(1), *da, g.scratch());
    if (Matrix* db = g.dx(1)) multiply_add_transposed_a(g.x(0), g.dy(), *db);
  });
  multiply(tape.value(a), tape.value(b), tape.output(y));
  return y;
}

// y = x + b on every row;  dx += dy,  db += Σ_rows dy
Var bias_add(GradientTape& tape, Var x, Var bias) {
  if (tape.rows(bias) != 1 || tape.cols(bias) != tape.cols(x)) {
    return tape.shape_error("bias_add", x, bias, "the bias must be [1, columns of x]", tape.rows(x),
                            tape.cols(x));
  }
  Var y = tape.record("bias_add", {x, bias}, tape.rows(x), tape.cols(x), [](const Backward& g) {
    if (Matrix* dx = g.dx(0)) *dx += g.dy();
    if (Matrix* db = g.dx(1)) add_row_sums(g.dy(), *db);
  });
  Matrix& out = tape.output(y);
  out = tape.value(x);
  bias_activation(out, tape.value(bias), Activation::linear);
  return y;
}

// y = a + b;  da += dy,  db += dy
Var add(GradientTape& tape, Var a, Var b) {
  if (!same_shape(tape, a, b)) {
    return tape.shape_error("add", a, b, "a and b must have the same shape", tape.rows(a),
                            tape.cols(a));
  }
  Var y = tape.record("add", {a, b}, tape.rows(a), tape.cols(a), [](const Backward& g) {
    if (Matrix* da = g.dx(0)) *da += g.dy();
    if (Matrix* db = g.dx(1)) *db += g.dy();
  });
  tape.output(y).noalias() = tape.value(a) + tape.value(b);
  return y;
}

// y = a - b;  da += dy,  db -= dy
Var subtract(GradientTape& tape, Var a, Var b) {
  if (!same_shape(tape, a, b)) {
    return tape.shape_error("subtract", a, b, "a and b must have the same shape", tape.rows(a),
                            tape.cols(a));
  }
  Var y = tape.record("subtract", {a, b}, tape.rows(a), tape.cols(a), [](const Backward& g) {
    if (Matrix* da = g.dx(0)) *da += g.dy();
    if (Matrix* db = g.dx(1)) *db -= g.dy();
  });
  tape.output(y).noalias() = tape.value(a) - tape.value(b);
  return y;
}

// y = a ⊙ b;  da += dy ⊙ b,  db += dy ⊙ a
Var multiply(GradientTape& tape, Var a, Var b) {
  if (!same_shape(tape, a, b)) {
    return tape.shape_error("multiply", a, b, "a and b must have the same shape", tape.rows(a),
                            tape.cols(a));
  }
  Var y = tape.record("multiply", {a, b}, tape.rows(a), tape.cols(a), [](const Backward& g) {
    if (Matrix* da = g.dx(0)) da->array() += g.dy().array() * g.x(1).array();
    if (Matrix* db = g.dx(1)) db->array() += g.dy().array() * g.x(0).array();
  });
  tape.output(y).noalias() = tape.value(a).cwiseProduct(tape.value(b));
  return y;
}

// y = act(x);  dx += dy ⊙ act'(y), with act' read from y as activation_gradient() does
Var activation(GradientTape& tape, Var x, Activation kind) {
  Var y = tape.record(activation_name(kind), {x}, tape.rows(x), tape.cols(x), activation_backward,
                      static_cast<float>(kind));
  Matrix& out = tape.output(y);
  out = tape.value(x);
  apply_activation(out, kind);
  return y;
}

// y = max(x, 0);  dx += dy ⊙ [y > 0]
Var relu(GradientTape& tape, Var x) { return activation(tape, x, Activation::relu); }
// y = 1 / (1 + e^-x);  dx += dy ⊙ y(1 - y)
Var sigmoid(GradientTape& tape, Var x) { return activation(tape, x, Activation::sigmoid); }
// y = tanh x;  dx += dy ⊙ (1 - y²)
Var tanh(GradientTape& tape, Var x) { return activation(tape, x, Activation::tanh); }

// y = ln x;  dx += dy / x
Var log(GradientTape& tape, Var x) {
  Var y = tape.record("log", {x}, tape.rows(x), tape.cols(x), [](const Backward& g) {
    g.dx(0)->array() += g.dy().array() / g.x(0).array();
  });
  tape.output(y) = tape.value(x).unaryExpr(
      [](float v) { return static_cast<float>(portable::log(static_cast<double>(v))); });
  return y;
}

// y = e^x;  dx += dy ⊙ y
Var exp(GradientTape& tape, Var x) {
  Var y = tape.record("exp", {x}, tape.rows(x), tape.cols(x), [](const Backward& g) {
    g.dx(0)->array() += g.dy().array() * g.y().array();
  });
  tape.output(y) = tape.value(x).unaryExpr(
      [](float v) { return static_cast<float>(portable::exp(static_cast<double>(v))); });
  return y;
}

// y = min(max(x, lo), hi);  dx += dy ⊙ [lo <= x <= hi]  (the bounds pass gradient, as in tfjs)
Var clip(GradientTape& tape, Var x, float lo, float hi) {
  BackwardFn backward = [](const Backward& g) {
    const float lo = g.param(0), hi = g.param(1);
    const float* v = g.x(0).data();
    const float* dy = g.dy().data();
    float* dx = g.dx(0)->data();
    for (Index i = 0, n = g.dy().size(); i < n; ++i)
      dx[i] += v[i] >= lo && v[i] <= hi ? dy[i] : 0.f;
  };
  Var y = tape.record("clip", {x}, tape.rows(x), tape.cols(x), backward, lo, hi);
  tape.output(y) = tape.value(x).cwiseMax(lo).cwiseMin(hi);
  return y;
}

// y = Σ x / n;  dx += dy / n
Var mean(GradientTape& tape, Var x) {
  Var y = tape.record("mean", {x}, 1, 1, [](const Backward& g) {
    Matrix& dx = *g.dx(0);
    dx.array() += g.dy()(0, 0) / static_cast<float>(dx.size());
  });
  const Matrix& v = tape.value(x);
  tape.output(y)(0, 0) = sum_in_double(v, static_cast<float>(v.size()));
  return y;
}

// y = Σ x;  dx += dy
Var sum(GradientTape& tape, Var x) {
  Var y =
      tape.record("sum", {x}, 1, 1, [](const Backward& g) { g.dx(0)->array() += g.dy()(0, 0); });
  tape.output(y)(0, 0) = sum_in_double(tape.value(x), 1.f);
  return y;
}

void dense_forward(const Matrix& x, const Matrix& kernel, const Matrix& bias, Activation kind,
                   Matrix& out) {
  multiply(x, kernel, out);
  bias_activation(out, bias, kind);
}

// y = act(x·W + b);  dz = dy ⊙ act'(y),  dx += dz·Wᵀ,  dW += xᵀ·dz,  db += Σ_rows dz
Var dense(GradientTape& tape, Var x, Var kernel, Var bias, Activation kind) {
  if (tape.cols(x) != tape.rows(kernel)) {
    return tape.shape_error("dense", x, kernel, "columns of x must equal rows of the kernel",
                            tape.rows(x), tape.cols(kernel));
  }
  if (tape.rows(bias) != 1 || tape.cols(bias) != tape.cols(kernel)) {
    return tape.shape_error("dense", kernel, bias, "the bias must be [1, columns of the kernel]",
                            tape.rows(x), tape.cols(kernel));
  }
  Var y = tape.record("dense", {x, kernel, bias}, tape.rows(x), tape.cols(kernel), dense_backward,
                      static_cast<float>(kind));
  dense_forward(tape.value(x), tape.value(kernel), tape.value(bias), kind, tape.output(y));
  return y;
}

}  // namespace gradtape
