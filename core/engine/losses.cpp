#include "core/engine/losses.h"

#include <algorithm>
#include <cmath>

#include "core/engine/activation.h"

namespace gradtape {
namespace {

// Keras' epsilon() as tfjs clips with it: bounds stored in float32, float(1e-7) and
// float(1 - 1e-7) = 0.99999988.
constexpr float kLow = static_cast<float>(1e-7);
constexpr float kHigh = static_cast<float>(1.0 - 1e-7);

float clipped(float p) { return p > kHigh ? kHigh : (p < kLow ? kLow : p); }

// The logit tfjs recovers from a clipped probability: ln(c / (1 - c)).
float logit_of(float c) { return static_cast<float>(std::log(static_cast<double>(c / (1.f - c)))); }

// max(z, 0) - z·t + ln(1 + e^-|z|), rounded to float32 after each step as tfjs' tensor ops are.
float logistic_loss(float z, float t) {
  const float e = static_cast<float>(std::exp(-static_cast<double>(std::fabs(z))));
  const float softplus = static_cast<float>(std::log1p(static_cast<double>(e)));
  return (std::max(z, 0.f) - z * t) + softplus;
}

float probability_loss(float p, float t) { return logistic_loss(logit_of(clipped(p)), t); }

// The batch mean as tfjs' Mean kernel takes it: Σ float(l_i / n), added in double, rounded once.
template <class Loss>
float mean_loss(const Matrix& a, const Matrix& b, Loss loss) {
  assert(a.rows() == b.rows() && a.cols() == b.cols());
  const float n = static_cast<float>(a.size());
  double total = 0.0;
  for (Index i = 0; i < a.size(); ++i)
    total += static_cast<double>(loss(a.data()[i], b.data()[i]) / n);
  return static_cast<float>(total);
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
  return {-static_cast<float>(std::log(static_cast<double>(c))), c, sum, c != q};
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

float binary_crossentropy(const Matrix& probs, const Matrix& targets) {
  return mean_loss(probs, targets, probability_loss);
}

// l = mean of logistic_loss(z, t), z = ln(c / (1 - c)), c = clip(p), so dl/dz = σ(z) - t = c - t:
//   dp += dy/n · [p not clipped] · (c - t) / (c(1 - c)),   dt += dy/n · (-z)
Var binary_crossentropy(GradientTape& tape, Var probs, Var targets) {
  if (!same_shape(tape, probs, targets)) {
    return tape.shape_error("binary_crossentropy", probs, targets,
                            "probabilities and targets must have the same shape", 1, 1);
  }
  Var loss = tape.record("binary_crossentropy", {probs, targets}, 1, 1, [](const Backward& g) {
    const Matrix& p = g.x(0);
    const Matrix& t = g.x(1);
    const double scale = static_cast<double>(g.dy()(0, 0)) / static_cast<double>(p.size());
    if (Matrix* dp = g.dx(0)) {
      for (Index i = 0; i < p.size(); ++i) {
        const double c = p.data()[i];
        if (clipped(p.data()[i]) != p.data()[i]) continue;
        dp->data()[i] += static_cast<float>(scale * (c - t.data()[i]) / (c * (1.0 - c)));
      }
    }
    if (Matrix* dt = g.dx(1)) {
      for (Index i = 0; i < p.size(); ++i) {
        dt->data()[i] -= static_cast<float>(scale * logit_of(clipped(p.data()[i])));
      }
    }
  });
  tape.output(loss)(0, 0) = binary_crossentropy(tape.value(probs), tape.value(targets));
  return loss;
}

Var binary_crossentropy(GradientTape& tape, Var probs, const Matrix& targets) {
  return binary_crossentropy(tape, probs, tape.constant(targets));
}

float sigmoid_cross_entropy_with_logits(const Matrix& logits, const Matrix& labels) {
  return mean_loss(logits, labels, logistic_loss);
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

float sparse_categorical_crossentropy(const Matrix& probs, const Matrix& labels) {
  assert(labels.rows() == probs.rows() && labels.cols() == 1);
  const float n = static_cast<float>(probs.rows());
  double total = 0.0;
  for (Index i = 0; i < probs.rows(); ++i) {
    const float loss =
        categorical_terms(probs.data() + i * probs.cols(), probs.cols(), label_of(labels, i)).loss;
    total += static_cast<double>(loss / n);
  }
  return static_cast<float>(total);
}

// l = mean over rows of -ln q_y, q = c / s, c = clip(p), s = Σ c (q clipped again). Where neither
// clip holds, dl/dc_k = (1/s)·(1 - [k = y] / q_y):
//   dp_k += dy/n · [p_k not clipped] · [q_y not clipped] · (1 - [k = y] / q_y) / s
Var sparse_categorical_crossentropy(GradientTape& tape, Var probs, const Matrix& labels) {
  if (labels.rows() != tape.rows(probs) || labels.cols() != 1) {
    return tape.shape_error("sparse_categorical_crossentropy", probs, tape.constant(labels),
                            "labels must be [rows of the probabilities, 1]", 1, 1);
  }
  Var label_var = tape.constant(labels);
  Var loss = tape.record(
      "sparse_categorical_crossentropy", {probs, label_var}, 1, 1, [](const Backward& g) {
        Matrix* dp = g.dx(0);
        if (!dp) return;
        const Matrix& p = g.x(0);
        const Index k = p.cols();
        const double scale = static_cast<double>(g.dy()(0, 0)) / static_cast<double>(p.rows());
        for (Index i = 0; i < p.rows(); ++i) {
          const float* row = p.data() + i * k;
          const Index y = label_of(g.x(1), i);
          const CategoricalTerms t = categorical_terms(row, k, y);
          if (t.q_clipped) continue;
          for (Index j = 0; j < k; ++j) {
            if (clipped(row[j]) != row[j]) continue;
            const double slope = (1.0 - (j == y ? 1.0 / t.q : 0.0)) / t.sum;
            dp->data()[i * k + j] += static_cast<float>(scale * slope);
          }
        }
      });
  tape.output(loss)(0, 0) = sparse_categorical_crossentropy(tape.value(probs), labels);
  return loss;
}

float mean_squared_error(const Matrix& predictions, const Matrix& targets) {
  assert(predictions.rows() == targets.rows() && predictions.cols() == targets.cols());
  const Index k = predictions.cols();
  const float n = static_cast<float>(predictions.rows());
  double total = 0.0;
  for (Index i = 0; i < predictions.rows(); ++i) {
    total += static_cast<double>(
        row_squared_error(predictions.data() + i * k, targets.data() + i * k, k) / n);
  }
  return static_cast<float>(total);
}

// l = (1/n) Σ_rows (1/K) Σ_k (p - t)²:  dp += dy · 2 (p - t) / (n K)
Var mean_squared_error(GradientTape& tape, Var predictions, const Matrix& targets) {
  Var target_var = tape.constant(targets);
  if (!same_shape(tape, predictions, target_var)) {
    return tape.shape_error("mean_squared_error", predictions, target_var,
                            "predictions and targets must have the same shape", 1, 1);
  }
  Var loss =
      tape.record("mean_squared_error", {predictions, target_var}, 1, 1, [](const Backward& g) {
        Matrix* dp = g.dx(0);
        if (!dp) return;
        const float scale = 2.f * g.dy()(0, 0) / static_cast<float>(g.x(0).size());
        dp->array() += scale * (g.x(0).array() - g.x(1).array());
      });
  tape.output(loss)(0, 0) = mean_squared_error(tape.value(predictions), targets);
  return loss;
}

}  // namespace gradtape
