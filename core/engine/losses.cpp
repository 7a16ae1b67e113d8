#include "core/engine/losses.h"

#include <algorithm>
#include <cmath>

#include "core/engine/activation.h"
#include "core/engine/portable_math.h"

namespace gradtape {
namespace {

// Keras' epsilon() as tfjs clips with it: bounds stored in float32, float(1e-7) and
// float(1 - 1e-7) = 0.99999988.
constexpr float kLow = static_cast<float>(1e-7);
constexpr float kHigh = static_cast<float>(1.0 - 1e-7);

float clipped(float p) { return p > kHigh ? kHigh : (p < kLow ? kLow : p); }

// The logit tfjs recovers from a clipped probability: ln(c / (1 - c)).
float logit_of(float c) {
  return static_cast<float>(portable::log(static_cast<double>(c / (1.f - c))));
}

// max(z, 0) - z·t + ln(1 + e^-|z|), rounded to float32 after each step as tfjs' tensor ops are.
float logistic_loss(float z, float t) {
  const float e = static_cast<float>(portable::exp(-static_cast<double>(std::fabs(z))));
  const float softplus = static_cast<float>(portable::log1p(static_cast<double>(e)));
  return (std::max(z, 0.f) - z * t) + softplus;
}

float probability_loss(float p, float t) { return logistic_loss(logit_of(clipped(p)), t); }

// Row `row`'s weight: 1 without weights.
float weight_of(const Matrix* row_weights, Index row) {
  return row_weights ? (*row_weights)(row, 0) : 1.f;
}

// The weights an op recorded as its third input (param 0 set), or nullptr.
const Matrix* recorded_weights(const Backward& g) { return g.param(0) != 0.f ? &g.x(2) : nullptr; }

// The batch mean as tfjs' Mean kernel takes it: Σ float(w_i·l_i / n), added in double, rounded
// once; each element weighs its row's weight (w_i·l_i is exactly l_i when w_i = 1).
template <class Loss>
float mean_loss(const Matrix& a, const Matrix& b, const Matrix* row_weights, Loss loss) {
  assert(a.rows() == b.rows() && a.cols() == b.cols());
  const float n = static_cast<float>(a.size());
  double total = 0.0;
  for (Index i = 0; i < a.size(); ++i) {
    const float w = weight_of(row_weights, i / a.cols());
    total += static_cast<double>(w * loss(a.data()[i], b.data()[i]) / n);
  }
  return static_cast<float>(total);
}

// The inputs of a loss op: the predictions and targets, and the row weights when given.
Var record_loss(GradientTape& tape, const char* op, Var predictions, Var targets,
                const Matrix* row_weights, BackwardFn backward) {
  if (!row_weights) return tape.record(op, {predictions, targets}, 1, 1, backward);
  return tape.record(op, {predictions, targets, tape.constant(*row_weights)}, 1, 1, backward, 1.f);
}

bool weights_fit(const GradientTape& tape, Var predictions, const Matrix* row_weights) {
  return !row_weights ||
         (row_weights->rows() == tape.rows(predictions) && row_weights->cols() == 1);
}

Var weights_error(GradientTape& tape, const char* op, Var predictions, const Matrix& row_weights) {
  return tape.shape_error(op, predictions, tape.constant(row_weights),
                          "row weights must be [rows of the predictions, 1]", 1, 1);
}

bool same_shape(const GradientTape& tape, Var a, Var b) {
  return tape.rows(a) == tape.rows(b) && tape.cols(a) == tape.cols(b);
}

// One row's sparse categorical cross-entropy as tfjs computes it, each step in float32:
// c = clip(p), s = Σ c (added in double), q = clip(c / s), l = -ln q[label]. Returns l, and
// q[label] and s for the gradient.
struct CategoricalTerms {
  float loss, q, sum;
  bool q_clipped;
};

CategoricalTerms categorical_terms(const float* p, Index k, Index label) {
  double total = 0.0;
  for (Index j = 0; j < k; ++j) total += clipped(p[j]);
  const auto sum = static_cast<float>(total);
  const float q = clipped(p[label]) / sum;
  const float c = clipped(q);
  return {-static_cast<float>(portable::log(static_cast<double>(c))), c, sum, c != q};
}

Index label_of(const Matrix& labels, Index row) { return static_cast<Index>(labels(row, 0)); }

// Row i's mean of (p - t)², the difference and the square each rounded to float32 as tfjs does.
float row_squared_error(const float* p, const float* t, Index k) {
  double total = 0.0;
  for (Index j = 0; j < k; ++j) {
    const float d = p[j] - t[j];
    total += static_cast<double>(d * d / static_cast<float>(k));
  }
  return static_cast<float>(total);
}

}  // namespace

float binary_crossentropy(const Matrix& probs, const Matrix& targets, const Matrix* row_weights) {
  return mean_loss(probs, targets, row_weights, probability_loss);
}

// l = mean of w·logistic_loss(z, t), z = ln(c / (1 - c)), c = clip(p), so dl/dz = w(σ(z) - t):
//   dp += dy·w/n · [p not clipped] · (c - t) / (c(1 - c)),   dt += dy·w/n · (-z)
Var binary_crossentropy(GradientTape& tape, Var probs, Var targets, const Matrix* row_weights) {
  if (!same_shape(tape, probs, targets)) {
    return tape.shape_error("binary_crossentropy", probs, targets,
                            "probabilities and targets must have the same shape", 1, 1);
  }
  if (!weights_fit(tape, probs, row_weights))
    return weights_error(tape, "binary_crossentropy", probs, *row_weights);
  Var loss =
      record_loss(tape, "binary_crossentropy", probs, targets, row_weights, [](const Backward& g) {
        const Matrix& p = g.x(0);
        const Matrix& t = g.x(1);
        const Matrix* w = recorded_weights(g);
        const double scale = static_cast<double>(g.dy()(0, 0)) / static_cast<double>(p.size());
        if (Matrix* dp = g.dx(0)) {
          for (Index i = 0; i < p.size(); ++i) {
            const double c = p.data()[i];
            if (clipped(p.data()[i]) != p.data()[i]) continue;
            const double s = scale * weight_of(w, i / p.cols());
            dp->data()[i] += static_cast<float>(s * (c - t.data()[i]) / (c * (1.0 - c)));
          }
        }
        if (Matrix* dt = g.dx(1)) {
          for (Index i = 0; i < p.size(); ++i) {
            const double s = scale * weight_of(w, i / p.cols());
            dt->data()[i] -= static_cast<float>(s * logit_of(clipped(p.data()[i])));
          }
        }
      });
  tape.output(loss)(0, 0) =
      binary_crossentropy(tape.value(probs), tape.value(targets), row_weights);
  return loss;
}

Var binary_crossentropy(GradientTape& tape, Var probs, const Matrix& targets,
                        const Matrix* row_weights) {
  return binary_crossentropy(tape, probs, tape.constant(targets), row_weights);
}

float sigmoid_cross_entropy_with_logits(const Matrix& logits, const Matrix& labels) {
  return mean_loss(logits, labels, nullptr, logistic_loss);
}

// l = mean of max(z, 0) - z·t + ln(1 + e^-|z|):  dz += dy/n · (σ(z) - t),  dt += dy/n · (-z)
Var sigmoid_cross_entropy_with_logits(GradientTape& tape, Var logits, Var labels) {
  if (!same_shape(tape, logits, labels)) {
    return tape.shape_error("sigmoid_cross_entropy_with_logits", logits, labels,
                            "logits and labels must have the same shape", 1, 1);
  }
  Var loss = tape.record("sigmoid_cross_entropy_with_logits", {logits, labels}, 1, 1,
                         [](const Backward& g) {
                           const Matrix& z = g.x(0);
                           const Matrix& t = g.x(1);
                           const float scale = g.dy()(0, 0) / static_cast<float>(z.size());
                           if (Matrix* dz = g.dx(0)) {
                             for (Index i = 0; i < z.size(); ++i) {
                               dz->data()[i] += scale * (sigmoid_value(z.data()[i]) - t.data()[i]);
                             }
                           }
                           if (Matrix* dt = g.dx(1)) {
                             for (Index i = 0; i < z.size(); ++i)
                               dt->data()[i] -= scale * z.data()[i];
                           }
                         });
  tape.output(loss)(0, 0) =
      sigmoid_cross_entropy_with_logits(tape.value(logits), tape.value(labels));
  return loss;
}

Var sigmoid_cross_entropy_with_logits(GradientTape& tape, Var logits, const Matrix& labels) {
  return sigmoid_cross_entropy_with_logits(tape, logits, tape.constant(labels));
}

float sparse_categorical_crossentropy(const Matrix& probs, const Matrix& labels,
                                      const Matrix* row_weights) {
  assert(labels.rows() == probs.rows() && labels.cols() == 1);
  const float n = static_cast<float>(probs.rows());
  double total = 0.0;
  for (Index i = 0; i < probs.rows(); ++i) {
    const float loss =
        categorical_terms(probs.data() + i * probs.cols(), probs.cols(), label_of(labels, i)).loss;
    total += static_cast<double>(weight_of(row_weights, i) * loss / n);
  }
  return static_cast<float>(total);
}

// l = mean over rows of -w·ln q_y, q = c / s, c = clip(p), s = Σ c (q clipped again). Where
// neither clip holds, dl/dc_k = (w/s)·(1 - [k = y] / q_y):
//   dp_k += dy·w/n · [p_k not clipped] · [q_y not clipped] · (1 - [k = y] / q_y) / s
Var sparse_categorical_crossentropy(GradientTape& tape, Var probs, const Matrix& labels,
                                    const Matrix* row_weights) {
  if (labels.rows() != tape.rows(probs) || labels.cols() != 1) {
    return tape.shape_error("sparse_categorical_crossentropy", probs, tape.constant(labels),
                            "labels must be [rows of the probabilities, 1]", 1, 1);
  }
  if (!weights_fit(tape, probs, row_weights)) {
    return weights_error(tape, "sparse_categorical_crossentropy", probs, *row_weights);
  }
  Var label_var = tape.constant(labels);
  Var loss = record_loss(tape, "sparse_categorical_crossentropy", probs, label_var, row_weights,
                         [](const Backward& g) {
                           Matrix* dp = g.dx(0);
                           if (!dp) return;
                           const Matrix& p = g.x(0);
                           const Matrix* w = recorded_weights(g);
                           const Index k = p.cols();
                           const double scale =
                               static_cast<double>(g.dy()(0, 0)) / static_cast<double>(p.rows());
                           for (Index i = 0; i < p.rows(); ++i) {
                             const float* row = p.data() + i * k;
                             const Index y = label_of(g.x(1), i);
                             const CategoricalTerms t = categorical_terms(row, k, y);
                             if (t.q_clipped) continue;
                             const double s = scale * weight_of(w, i);
                             for (Index j = 0; j < k; ++j) {
                               if (clipped(row[j]) != row[j]) continue;
                               const double slope = (1.0 - (j == y ? 1.0 / t.q : 0.0)) / t.sum;
                               dp->data()[i * k + j] += static_cast<float>(s * slope);
                             }
                           }
                         });
  tape.output(loss)(0, 0) = sparse_categorical_crossentropy(tape.value(probs), labels, row_weights);
  return loss;
}

float mean_squared_error(const Matrix& predictions, const Matrix& targets,
                         const Matrix* row_weights) {
  assert(predictions.rows() == targets.rows() && predictions.cols() == targets.cols());
  const Index k = predictions.cols();
  const float n = static_cast<float>(predictions.rows());
  double total = 0.0;
  for (Index i = 0; i < predictions.rows(); ++i) {
    const float error = row_squared_error(predictions.data() + i * k, targets.data() + i * k, k);
    total += static_cast<double>(weight_of(row_weights, i) * error / n);
  }
  return static_cast<float>(total);
}

// l = (1/n) Σ_rows w (1/K) Σ_k (p - t)²:  dp += dy · w · 2 (p - t) / (n K)
Var mean_squared_error(GradientTape& tape, Var predictions, const Matrix& targets,
                       const Matrix* row_weights) {
  Var target_var = tape.constant(targets);
  if (!same_shape(tape, predictions, target_var)) {
    return tape.shape_error("mean_squared_error", predictions, target_var,
                            "predictions and targets must have the same shape", 1, 1);
  }
  if (!weights_fit(tape, predictions, row_weights)) {
    return weights_error(tape, "mean_squared_error", predictions, *row_weights);
  }
  Var loss = record_loss(
      tape, "mean_squared_error", predictions, target_var, row_weights, [](const Backward& g) {
        Matrix* dp = g.dx(0);
        if (!dp) return;
        const float scale = 2.f * g.dy()(0, 0) / static_cast<float>(g.x(0).size());
        if (const Matrix* w = recorded_weights(g)) {
          dp->array() += ((g.x(0).array() - g.x(1).array()).colwise() * w->col(0).array()) * scale;
        } else {
          dp->array() += scale * (g.x(0).array() - g.x(1).array());
        }
      });
  tape.output(loss)(0, 0) = mean_squared_error(tape.value(predictions), targets, row_weights);
  return loss;
}

}  // namespace gradtape
