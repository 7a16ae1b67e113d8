// Batches: counts, gathering into reused storage, and the epoch order drawn from the same stream
// as the trace (split, then initial weights, then one permutation per epoch).
#include "core/data/batches.h"

#include <gtest/gtest.h>

#include "tests/native/test_data.h"

namespace gradtape {
namespace {

TEST(Batches, CountRoundsUp) {
  EXPECT_EQ(batch_count(734, 32), 23u);  // 22 full batches and one of 30
  EXPECT_EQ(batch_count(184, 32), 6u);   // 5 x 32 + 24
  EXPECT_EQ(batch_count(64, 32), 2u);
  EXPECT_EQ(batch_count(0, 32), 0u);
}

TEST(Batches, GatherRowsInOrderAndReuseStorage) {
  Matrix src(5, 2);
  src << 0, 0.5f, 1, 1.5f, 2, 2.5f, 3, 3.5f, 4, 4.5f;
  const std::vector<std::size_t> order = {4, 1, 3, 0, 2};
  Matrix batch;
  gather_rows(src, order, 0, 2, batch);
  ASSERT_EQ(batch.rows(), 2);
  EXPECT_EQ(batch(0, 1), 4.5f);
  EXPECT_EQ(batch(1, 0), 1.0f);
  const float* storage = batch.data();
  gather_rows(src, order, 2, 4, batch);
  EXPECT_EQ(batch.data(), storage);  // same shape: no new allocation
  EXPECT_EQ(batch(0, 0), 3.0f);
  EXPECT_EQ(batch(1, 0), 0.0f);
  gather_rows(src, order, 4, 5, batch);  // the last, shorter batch
  ASSERT_EQ(batch.rows(), 1);
  EXPECT_EQ(batch(0, 0), 2.0f);
}

TEST(Batches, InOrderIsTheIdentity) {
  EXPECT_EQ(in_order(4), (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(Batches, EpochOrderFollowsTheTraceStream) {
  GRADTAPE_REQUIRE_TRACE(trace, "heart_tfjs_trace_2epochs.json");
  Random random(trace["meta"]["seed"].get<std::uint32_t>());
  random.permutation(918);  // the split: 917 draws
  for (int i = 0; i < 11 * 64 + 64 * 64 + 64; ++i)
    random.next_u32();  // initial kernels: 4864 draws
  for (const auto& epoch : trace["epochs"]) {
    EXPECT_EQ(epoch_order(734, random), epoch["perm"].get<std::vector<std::size_t>>());
  }
}

TEST(Batches, FirstTraceBatchGathersTheTraceRows) {
  GRADTAPE_REQUIRE_TRACE(trace, "heart_tfjs_trace_2epochs.json");
  const auto& rows = trace["data"]["x_train"];
  Matrix x(static_cast<Index>(rows.size()), static_cast<Index>(rows[0].size()));
  for (Index i = 0; i < x.rows(); ++i) {
    for (Index j = 0; j < x.cols(); ++j) x(i, j) = rows[i][j].get<float>();
  }
  const std::vector<std::size_t> perm = trace["epochs"][0]["perm"].get<std::vector<std::size_t>>();
  Matrix batch;
  gather_rows(x, perm, 0, 32, batch);
  const auto positions = trace["first_step"]["perm_positions"].get<std::vector<std::size_t>>();
  ASSERT_EQ(positions.size(), 32u);
  for (Index i = 0; i < 32; ++i) EXPECT_EQ(batch.row(i), x.row(static_cast<Index>(positions[i])));
}

}  // namespace
}  // namespace gradtape
