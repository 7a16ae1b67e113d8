// A whole training step as the trainer will run it: no heap allocation once warmed up, and the
// same seed giving the same weights bit for bit. Counting allocations replaces malloc and free in
// this one test binary (glibc and Emscripten both let a program do so), so that Eigen's buffers
// are counted along with operator new's.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "core/engine/adam.h"
#include "core/engine/losses.h"
#include "core/engine/metrics.h"
#include "core/engine/rmsprop.h"
#include "core/engine/sequential.h"
#include "core/engine/sgd.h"
#include "tests/native/engine/gradient_check.h"

// AddressSanitizer owns malloc, so under it (the sanitize preset) allocations cannot be counted
// and the allocation test is not built at all.
#if defined(__SANITIZE_ADDRESS__)
#define GRADTAPE_COUNTS_MALLOC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GRADTAPE_COUNTS_MALLOC 0
#endif
#endif
#ifndef GRADTAPE_COUNTS_MALLOC
#define GRADTAPE_COUNTS_MALLOC 1
#endif

#if GRADTAPE_COUNTS_MALLOC
namespace {
// Test-only global: the count of malloc calls since the program started.
std::uint64_t malloc_calls = 0;
}  // namespace

extern "C" {
void* __libc_malloc(std::size_t size);
void __libc_free(void* pointer);
}

// glibc declares malloc and free noexcept in C++; Emscripten's libc does not.
#if defined(__GLIBC__)
#define GRADTAPE_LIBC_NOEXCEPT noexcept
#else
#define GRADTAPE_LIBC_NOEXCEPT
#endif

extern "C" void* malloc(std::size_t size) GRADTAPE_LIBC_NOEXCEPT {
  ++malloc_calls;
  return __libc_malloc(size);
}
extern "C" void free(void* pointer) GRADTAPE_LIBC_NOEXCEPT { __libc_free(pointer); }
#endif

namespace gradtape {
namespace {

using testing::random_matrix;

// The tutorial's model and a data set shaped like heart.csv's training split, from one seed.
struct Workload {
  explicit Workload(std::uint32_t seed) : random(seed) {
    for (Index units : {64, 64}) {
      EXPECT_TRUE(
          model.add(Dense(model.layers().empty() ? 11 : 64, units, Activation::relu, random)).ok());
    }
    EXPECT_TRUE(model.add(Dense(64, 1, Activation::sigmoid, random)).ok());
    x = random_matrix(734, 11, random, -2.0, 2.0);
    y = (random_matrix(734, 1, random, 0.0, 1.0).array() > 0.45f).cast<float>().matrix();
  }

  // One step on rows order[start, start + 32): the tutorial's loop body.
  float step(Optimizer& optimizer, const std::vector<std::size_t>& order, std::size_t start) {
    rows.resize(std::min<std::size_t>(32, order.size() - start));  // within capacity
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<Index>(order[start + i]);
    // Indexing through a Map: Eigen copies a std::vector of indices into the view (a malloc).
    const Eigen::Map<const Eigen::Array<Index, Eigen::Dynamic, 1>> batch(
        rows.data(), static_cast<Index>(rows.size()));
    tape.reset();
    Var targets = tape.constant(y(batch, Eigen::all));
    Var probs = model(tape, tape.constant(x(batch, Eigen::all)));
    Var loss = binary_crossentropy(tape, probs, targets);
    Result<Gradients> grads = tape.gradient(loss, model.trainable_weights());
    if (!grads.ok()) return -1.f;
    if (!optimizer.apply_gradients(*grads, model.trainable_weights()).ok()) return -1.f;
    accuracy.update_state(tape.value(targets), tape.value(probs));
    return tape.value(loss)(0, 0);
  }

  Random random;
  Sequential model;
  Matrix x, y;
  GradientTape tape;
  BinaryAccuracy accuracy;
  std::vector<Index> rows = std::vector<Index>(32);
};

#if GRADTAPE_COUNTS_MALLOC
TEST(TrainingStep, AllocatesNothingOnceWarmedUp) {
  Workload work(3);
  RMSprop rmsprop;
  Adam adam;
  SGD sgd(0.01, 0.9, true);
  const std::vector<std::size_t> order = work.random.permutation(734);
  for (Optimizer* optimizer : std::vector<Optimizer*>{&rmsprop, &adam, &sgd}) {
    SCOPED_TRACE(optimizer->name());
    for (std::size_t start : {0, 32, 64}) ASSERT_GT(work.step(*optimizer, order, start), 0.f);
    const std::uint64_t before = malloc_calls;
    float total = 0.f;
    for (std::size_t start = 96; start + 32 <= 704; start += 32)
      total += work.step(*optimizer, order, start);
    const std::uint64_t during = malloc_calls - before;
    EXPECT_EQ(during, 0u);
    EXPECT_GT(total, 0.f);
  }
  // The counter works: a fresh matrix is one malloc.
  const std::uint64_t before = malloc_calls;
  Matrix fresh(40, 40);
  fresh.setZero();
  EXPECT_EQ(malloc_calls - before, 1u);
}
#endif

std::vector<Matrix> train(std::uint32_t seed, int epochs) {
  Workload work(seed);
  RMSprop optimizer;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    const std::vector<std::size_t> order = work.random.permutation(734);
    for (std::size_t start = 0; start < order.size(); start += 32)
      work.step(optimizer, order, start);
  }
  return work.model.get_weights();
}

TEST(TrainingStep, SameSeedSameWeightsBitForBit) {
  const std::vector<Matrix> first = train(11, 3);
  const std::vector<Matrix> second = train(11, 3);
  const std::vector<Matrix> other = train(12, 3);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i], second[i]) << "weight " << i;
  EXPECT_NE(first[0], other[0]);
}

}  // namespace
}  // namespace gradtape
