// The engine's speed on the tutorial's workload: one training step (batch 32, 11-64-64-1,
// RMSprop, sigmoid + binary cross-entropy) and a whole 60-epoch run with validation, on random
// data shaped like heart.csv's split (734 train rows, 184 validation rows, 11 features).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/engine/losses.h"
#include "core/engine/metrics.h"
#include "core/engine/rmsprop.h"
#include "core/engine/sequential.h"

namespace gradtape {
namespace {

using IndexMap = Eigen::Map<const Eigen::Array<Index, Eigen::Dynamic, 1>>;

Matrix uniform(Index rows, Index cols, Random& random, double lo, double hi) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i)
    m.data()[i] = static_cast<float>(lo + (hi - lo) * random.unit());
  return m;
}

struct Session {
  explicit Session(std::uint32_t seed) : random(seed) {
    x_train = uniform(734, 11, random, -2.0, 2.0);
    y_train = (uniform(734, 1, random, 0.0, 1.0).array() > 0.45f).cast<float>().matrix();
    x_val = uniform(184, 11, random, -2.0, 2.0);
    y_val = (uniform(184, 1, random, 0.0, 1.0).array() > 0.45f).cast<float>().matrix();
    (void)model.add(Dense(11, 64, Activation::relu, random));
    (void)model.add(Dense(64, 64, Activation::relu, random));
    (void)model.add(Dense(64, 1, Activation::sigmoid, random));
  }

  // The tutorial's step on train rows order[start, start + 32): the loss before the update.
  float step(const std::vector<Index>& order, std::size_t start) {
    const Index n = std::min<Index>(32, static_cast<Index>(order.size() - start));
    const IndexMap rows(order.data() + start, n);
    tape.reset();
    Var targets = tape.constant(y_train(rows, Eigen::all));
    Var probs = model(tape, tape.constant(x_train(rows, Eigen::all)));
    Var loss = binary_crossentropy(tape, probs, targets);
    Result<Gradients> grads = tape.gradient(loss, model.trainable_weights());
    (void)optimizer.apply_gradients(*grads, model.trainable_weights());
    train_accuracy.update_state(tape.value(targets), tape.value(probs));
    return tape.value(loss)(0, 0);
  }

  // One epoch: shuffled train batches, then the validation batches in order; the two mean losses.
  std::pair<double, double> epoch() {
    const std::vector<std::size_t> permutation = random.permutation(734);
    order.assign(permutation.begin(), permutation.end());
    Mean train_loss, val_loss;
    for (std::size_t start = 0; start < order.size(); start += 32)
      train_loss.update_state(step(order, start));
    for (Index start = 0; start < x_val.rows(); start += 32) {
      const Index n = std::min<Index>(32, x_val.rows() - start);
      const Matrix& probs = model.predict(x_val.middleRows(start, n));
      val_loss.update_state(binary_crossentropy(probs, y_val.middleRows(start, n)));
      val_accuracy.update_state(y_val.middleRows(start, n), probs);
    }
    train_accuracy.reset_state();
    val_accuracy.reset_state();
    return {train_loss.result(), val_loss.result()};
  }

  Random random;
  Matrix x_train, y_train, x_val, y_val;
  Sequential model;
  RMSprop optimizer;
  GradientTape tape;
  BinaryAccuracy train_accuracy, val_accuracy;
  std::vector<Index> order;
};

void BM_TrainingStep(benchmark::State& state) {
  Session session(42);
  const std::vector<std::size_t> permutation = session.random.permutation(734);
  const std::vector<Index> order(permutation.begin(), permutation.end());
  for (std::size_t start = 0; start < 96; start += 32) session.step(order, start);  // warm up
  std::size_t start = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(session.step(order, start));
    start = start + 32 + 32 > order.size() ? 0 : start + 32;  // full batches only
  }
}
BENCHMARK(BM_TrainingStep);

void BM_SixtyEpochs(benchmark::State& state) {
  for (auto _ : state) {
    Session session(42);
    for (int e = 0; e < 60; ++e) benchmark::DoNotOptimize(session.epoch());
  }
}
BENCHMARK(BM_SixtyEpochs)->Unit(benchmark::kMillisecond);

void BM_PredictValidation(benchmark::State& state) {
  Session session(42);
  for (auto _ : state) benchmark::DoNotOptimize(session.model.predict(session.x_val).data());
}
BENCHMARK(BM_PredictValidation);

}  // namespace
}  // namespace gradtape
