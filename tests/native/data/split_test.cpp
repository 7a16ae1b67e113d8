// The seeded split: sklearn's n_test, the trace's layout, stratification, and errors.
#include "core/data/split.h"

#include <algorithm>
#include <numeric>

#include <gtest/gtest.h>

#include "tests/native/test_data.h"

namespace gradtape {
namespace {

std::vector<std::size_t> iota(std::size_t n, std::size_t from = 0) {
  std::vector<std::size_t> v(n);
  std::iota(v.begin(), v.end(), from);
  return v;
}

TEST(Split, TestCountIsCeilOfFractionTimesNInDouble) {
  EXPECT_EQ(test_count(918, 0.2), 184u);  // 183.6 -> 184
  EXPECT_EQ(test_count(10, 0.2), 2u);
  EXPECT_EQ(test_count(100, 0.07), 8u);  // 0.07 * 100 = 7.000000000000001 in double, as sklearn
  EXPECT_EQ(test_count(7, 0.5), 4u);
}

TEST(Split, FollowsOnePermutationValidationFirst) {
  const std::vector<std::size_t> rows = iota(50, 100);
  Random random(7), reference(7);
  Pacer never_pauses;
  Result<Split> split = shuffle_split(rows, 0.2, random, never_pauses);
  ASSERT_TRUE(split.ok()) << split.error().message;
  std::vector<std::size_t> perm = reference.permutation(50);
  ASSERT_EQ(split->val_rows.size(), 10u);
  ASSERT_EQ(split->train_rows.size(), 40u);
  for (std::size_t i = 0; i < 10; ++i) EXPECT_EQ(split->val_rows[i], 100 + perm[i]);
  for (std::size_t i = 0; i < 40; ++i) EXPECT_EQ(split->train_rows[i], 100 + perm[10 + i]);
  EXPECT_EQ(random.next_u32(), reference.next_u32());  // exactly n - 1 draws
}

TEST(Split, HeartSeed42IsTheTraceSplit) {
  GRADTAPE_REQUIRE_TRACE(trace, "heart_tfjs_trace_2epochs.json");
  Random random(42);
  Pacer never_pauses;
  Result<Split> split = shuffle_split(iota(918), 0.2, random, never_pauses);
  ASSERT_TRUE(split.ok());
  EXPECT_EQ(split->val_rows, trace["data"]["val_idx"].get<std::vector<std::size_t>>());
  EXPECT_EQ(split->train_rows, trace["data"]["train_idx"].get<std::vector<std::size_t>>());
}

TEST(Split, FractionOutsideZeroOneIsAnErrorOnTheField) {
  for (double fraction : {0.0, 1.0, -0.1, 1.5, std::nan("")}) {
    Random random(1);
    Pacer never_pauses;
    Result<Split> split = shuffle_split(iota(10), fraction, random, never_pauses);
    ASSERT_FALSE(split.ok()) << fraction;
    EXPECT_EQ(split.error().field, "validation_split");
  }
}

TEST(Split, FractionLeavingNoTrainingRowIsAnError) {
  Random random(1);
  Pacer never_pauses;
  Result<Split> split = shuffle_split(iota(3), 0.9, random, never_pauses);
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(split.error().field, "validation_split");
}

TEST(Split, StratifiedKeepsTheClassSharesAndThePermutationOrder) {
  // 30 rows of class 1 and 70 of class 0: 20 validation rows are 6 of class 1 and 14 of class 0.
  std::vector<std::size_t> rows = iota(100);
  std::vector<std::uint32_t> labels(100, 0);
  for (std::size_t i = 0; i < 100; i += 10) labels[i] = labels[i + 3] = labels[i + 7] = 1;
  Random random(3), reference(3);
  Pacer never_pauses;
  Result<Split> split = stratified_split(rows, labels, 0.2, random, never_pauses);
  ASSERT_TRUE(split.ok()) << split.error().message;
  ASSERT_EQ(split->val_rows.size(), 20u);
  std::size_t positives = 0;
  for (std::size_t r : split->val_rows) positives += labels[r];
  EXPECT_EQ(positives, 6u);
  // Both sets are subsequences of the one permutation.
  std::vector<std::size_t> perm = reference.permutation(100);
  auto in_perm_order = [&](const std::vector<std::size_t>& set) {
    std::vector<std::size_t> position(100);
    for (std::size_t i = 0; i < 100; ++i) position[perm[i]] = i;
    for (std::size_t i = 1; i < set.size(); ++i) {
      if (position[set[i - 1]] > position[set[i]]) return false;
    }
    return true;
  };
  EXPECT_TRUE(in_perm_order(split->val_rows));
  EXPECT_TRUE(in_perm_order(split->train_rows));
  EXPECT_EQ(random.next_u32(), reference.next_u32());
}

TEST(Split, StratifiedKeepsARareClassOnBothSides) {
  std::vector<std::uint32_t> labels(20, 0);
  labels[4] = labels[9] = 1;  // 2 of 20: 0.4 of a validation row by share
  Random random(5);
  Pacer never_pauses;
  Result<Split> split = stratified_split(iota(20), labels, 0.2, random, never_pauses);
  ASSERT_TRUE(split.ok()) << split.error().message;
  std::size_t val_positives = 0;
  for (std::size_t r : split->val_rows) val_positives += labels[r];
  EXPECT_EQ(val_positives, 1u);
}

TEST(Split, StratifiedSharesThreeClassesByLargestRemainder) {
  // 50, 30 and 20 rows; 15 validation rows: exact shares 7.5, 4.5, 3 -> 7 + 4 + 3 = 14, and the
  // 15th goes to the largest remainder, the first on ties: 8, 4, 3.
  std::vector<std::uint32_t> labels;
  for (std::uint32_t c : {0u, 1u, 2u})
    labels.insert(labels.end(), c == 0 ? 50 : c == 1 ? 30 : 20, c);
  Random random(9);
  Pacer never_pauses;
  Result<Split> split = stratified_split(iota(100), labels, 0.15, random, never_pauses);
  ASSERT_TRUE(split.ok()) << split.error().message;
  std::size_t per_class[3] = {0, 0, 0};
  for (std::size_t r : split->val_rows) ++per_class[labels[r]];
  EXPECT_EQ(per_class[0], 8u);
  EXPECT_EQ(per_class[1], 4u);
  EXPECT_EQ(per_class[2], 3u);
}

TEST(Split, StratifiedGivesEveryClassARowOnEachSide) {
  // Four classes of 2 rows and one of 12, 4 validation rows: by share the big class would take 3;
  // each small class needs one, so the big class gives way.
  std::vector<std::uint32_t> labels = {0, 0, 1, 1, 2, 2, 3, 3};
  labels.insert(labels.end(), 12, 4);
  Random random(2);
  Pacer never_pauses;
  Result<Split> split = stratified_split(iota(20), labels, 0.2, random, never_pauses);
  ASSERT_FALSE(split.ok()) << "4 validation rows cannot hold one of each of 5 classes";
  EXPECT_EQ(split.error().field, "validation_split");
  split = stratified_split(iota(20), labels, 0.3, random, never_pauses);
  ASSERT_TRUE(split.ok()) << split.error().message;
  std::size_t per_class[5] = {0, 0, 0, 0, 0};
  for (std::size_t r : split->val_rows) ++per_class[labels[r]];
  for (std::size_t c = 0; c < 4; ++c) EXPECT_EQ(per_class[c], 1u) << c;
  EXPECT_EQ(per_class[4], 2u);
}

TEST(Split, StratifiedNeedsTwoRowsPerClass) {
  std::vector<std::uint32_t> labels(10, 0);
  labels[3] = 1;
  Random random(5);
  Pacer never_pauses;
  Result<Split> split = stratified_split(iota(10), labels, 0.2, random, never_pauses);
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(split.error().field, "stratify");
}

}  // namespace
}  // namespace gradtape
