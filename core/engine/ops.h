// The differentiable ops. Each is one function in ops.cpp: it checks shapes, records itself on the
// tape with its backward pass (the derivative in a one-line comment) and computes its output.
// Shapes are [rows, cols], one row per sample; a shape mismatch is an error on the tape.
#pragma once

#include "core/engine/activation.h"
#include "core/engine/tape.h"

namespace gradtape {

Var matmul(GradientTape& tape, Var a, Var b);       // [n,k]·[k,m] -> [n,m]
Var bias_add(GradientTape& tape, Var x, Var bias);  // [n,m] + [1,m], the bias added to every row
Var add(GradientTape& tape, Var a, Var b);          // elementwise, same shapes
Var subtract(GradientTape& tape, Var a, Var b);
Var multiply(GradientTape& tape, Var a, Var b);
Var relu(GradientTape& tape, Var x);
Var sigmoid(GradientTape& tape, Var x);
Var tanh(GradientTape& tape, Var x);
Var activation(GradientTape& tape, Var x, Activation kind);  // one of the four by name
Var log(GradientTape& tape, Var x);
Var exp(GradientTape& tape, Var x);
Var clip(GradientTape& tape, Var x, float lo, float hi);  // tf.clipByValue
Var mean(GradientTape& tape, Var x);                      // over all elements -> [1,1]
Var sum(GradientTape& tape, Var x);                       // over all elements -> [1,1]

// A Dense layer as one fused op: act(x·kernel + bias), x [n,in], kernel [in,out], bias [1,out].
Var dense(GradientTape& tape, Var x, Var kernel, Var bias, Activation kind);
// The same forward pass without a tape, into `out` (for prediction); the numbers are identical.
void dense_forward(const Matrix& x, const Matrix& kernel, const Matrix& bias, Activation kind,
                   Matrix& out);

}  // namespace gradtape
