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

}  // namespace gradtape
