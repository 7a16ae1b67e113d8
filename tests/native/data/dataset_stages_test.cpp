// Each stage of prepare_dataset on its own: what it returns and the decisions it records, and
// the notes rendered from those records.
#include "core/data/dataset_stages.h"

#include <gtest/gtest.h>

#include "tests/native/data/read_ok.h"

namespace gradtape {
namespace {

using testing::read_ok;

PipelineOptions with_target(const std::string& target) {
  PipelineOptions options;
  options.target = target;
  return options;
}

TEST(TargetStage, KeepsTheRowsWithATargetAndRecordsTheRest) {
  Table table = read_ok("a,y\n1,no\n2,\n3,yes\n4,no\n5,yes\n");
  std::vector<Decision> decisions;
  Result<TargetStage> stage = read_target_stage(table, with_target("y"), decisions);
  ASSERT_TRUE(stage.ok()) << stage.error().message;
  EXPECT_EQ(stage->rows, (std::vector<std::size_t>{0, 2, 3, 4}));
  ASSERT_EQ(decisions.size(), 2u);
  EXPECT_EQ(note(decisions[0]), "target 'y': 'no' is class 0 and 'yes' is class 1 (sorted order)");
  EXPECT_EQ(note(decisions[1]), "dropped 1 row without a target value (line 3)");
  EXPECT_EQ(dropped_rows(decisions), std::vector<std::size_t>{1});
}

TEST(TargetStage, NumericZeroOneTargetsNeedNoMapping) {
  Table table = read_ok("a,y\n1,0\n2,1\n3,0\n4,1\n");
  std::vector<Decision> decisions;
  ASSERT_TRUE(read_target_stage(table, with_target("y"), decisions).ok());
  EXPECT_TRUE(decisions.empty());
}

TEST(SelectFeatures, LeavesOutRequestedAndAllMissingColumns) {
  Table table = read_ok("id,empty,a,y\n1,,5,0\n2,,6,1\n3,,7,0\n4,,8,1\n");
  PipelineOptions options = with_target("y");
  options.exclude = {"id"};
  std::vector<Decision> decisions;
  Result<TargetStage> target = read_target_stage(table, options, decisions);
  ASSERT_TRUE(target.ok());
  Result<std::vector<const Column*>> features = select_features(table, options, *target, decisions);
  ASSERT_TRUE(features.ok()) << features.error().message;
  ASSERT_EQ(features->size(), 1u);
  EXPECT_EQ((*features)[0]->name, "a");
  EXPECT_EQ(notes(decisions),
            (std::vector<std::string>{"left out column 'id' as asked",
                                      "dropped column 'empty': every value is missing"}));
  EXPECT_EQ(dropped_columns(decisions), (std::vector<std::string>{"id", "empty"}));
}

TEST(SelectFeatures, NothingLeftIsAnErrorOnWhatLeftItOut) {
  Table table = read_ok("a,b,y\n1,,0\n2,,1\n3,,0\n4,,1\n");
  PipelineOptions options = with_target("y");
  std::vector<Decision> decisions;
  Result<TargetStage> target = read_target_stage(table, options, decisions);
  ASSERT_TRUE(target.ok());
  options.exclude = {"a"};
  Result<std::vector<const Column*>> features = select_features(table, options, *target, decisions);
  ASSERT_FALSE(features.ok());
  EXPECT_EQ(features.error().field, "exclude");
  EXPECT_NE(features.error().message.find("Keep at least one column"), std::string::npos);
  options.exclude = {};
  features = select_features(read_ok("a,y\n,0\n,1\n,0\n,1\n"), options, *target, decisions);
  ASSERT_FALSE(features.ok());
  EXPECT_EQ(features.error().field, "target");
}

TEST(DropIncompleteRows, DropsOnlyUnderDropRowsAndNamesTheCostliestColumn) {
  Pacer never_pauses;
  Table table = read_ok("a,b,y\n1,,0\n2,,1\n3,x,0\nNA,,1\n5,x,0\n6,y,1\n7,x,0\n8,y,1\n9,y,0\n");
  std::vector<const Column*> features = {table.find("a"), table.find("b")};
  const std::vector<std::size_t> rows = {0, 1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<Decision> decisions;
  Result<std::vector<std::size_t>> kept =
      drop_incomplete_rows(table, features, rows, MissingPolicy::Impute, decisions, never_pauses);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, rows);
  EXPECT_TRUE(decisions.empty());
  kept =
      drop_incomplete_rows(table, features, rows, MissingPolicy::DropRows, decisions, never_pauses);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, (std::vector<std::size_t>{2, 4, 5, 6, 7, 8}));
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(note(decisions[0]),
            "dropped 3 rows of 9 with missing values (lines 2, 3, 5); 'b' alone is missing in "
            "3 rows: leave it out, or impute missing values");
  EXPECT_EQ(dropped_rows(decisions), (std::vector<std::size_t>{0, 1, 3}));
}

TEST(DropIncompleteRows, TooFewRowsSaySoWithoutBlamingMissingValues) {
  Pacer never_pauses;
  Table table = read_ok("a,y\n1,0\n2,1\n");
  std::vector<Decision> decisions;
  Result<std::vector<std::size_t>> kept = drop_incomplete_rows(
      table, {table.find("a")}, {0, 1}, MissingPolicy::DropRows, decisions, never_pauses);
  ASSERT_FALSE(kept.ok());
  EXPECT_EQ(kept.error().message.find("impute"), std::string::npos) << kept.error().message;
  EXPECT_NE(kept.error().message.find("2 rows with a target value; training needs at least 3"),
            std::string::npos)
      << kept.error().message;
}

TEST(SplitRows, SeededAndGivenSplits) {
  Table table = read_ok("a,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n7,0\n8,1\n9,0\n10,1\n");
  std::vector<Decision> decisions;
  Result<TargetStage> target = read_target_stage(table, with_target("y"), decisions);
  ASSERT_TRUE(target.ok());
  Random random(3);
  Pacer never_pauses;
  Result<Split> split =
      split_rows(target->rows, target->target, with_target("y"), random, never_pauses);
  ASSERT_TRUE(split.ok());
  EXPECT_EQ(split->val_rows.size(), 2u);
  EXPECT_EQ(split->train_rows.size(), 8u);
  const Split kept = keep_usable(Split{{0, 1, 2, 9}, {3, 4}}, {0, 2, 3, 9});
  EXPECT_EQ(kept.train_rows, (std::vector<std::size_t>{0, 2, 9}));
  EXPECT_EQ(kept.val_rows, std::vector<std::size_t>{3});
}

TEST(FitEncoding, FitsOnTrainRowsAndHandlesUnseenValidationText) {
  Table table = read_ok("a,b,y\n1,x,0\n2,y,1\n3,x,0\n4,y,1\n5,z,0\n");
  std::vector<const Column*> columns = {table.find("a"), table.find("b")};
  std::vector<Decision> decisions;
  Result<EncodingStage> codes =
      fit_encoding(table, columns, Split{{0, 1, 2}, {4, 3}}, with_target("y"), decisions);
  ASSERT_TRUE(codes.ok()) << codes.error().message;
  EXPECT_EQ(codes->features[1].categories.categories(), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(codes->split.val_rows, std::vector<std::size_t>{3});
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(note(decisions[0]),
            "1 row of validation with text never seen in the training rows dropped (line 6)");

  PipelineOptions onehot = with_target("y");
  onehot.encoding = Encoding::OneHot;
  decisions.clear();
  Result<EncodingStage> zeros =
      fit_encoding(table, columns, Split{{0, 1, 2}, {4, 3}}, onehot, decisions);
  ASSERT_TRUE(zeros.ok());
  EXPECT_EQ(zeros->split.val_rows.size(), 2u);
  EXPECT_TRUE(dropped_rows(decisions).empty());
}

TEST(FitEncoding, ImputationRecordsEachFilledColumnOnce) {
  Table table = read_ok("a,b,y\n1,x,0\n,x,1\n3,,0\n4,x,1\n");
  std::vector<const Column*> columns = {table.find("a"), table.find("b")};
  PipelineOptions options = with_target("y");
  options.missing = MissingPolicy::Impute;
  std::vector<Decision> decisions;
  Result<EncodingStage> stage =
      fit_encoding(table, columns, Split{{0, 1, 2}, {3}}, options, decisions);
  ASSERT_TRUE(stage.ok()) << stage.error().message;
  EXPECT_EQ(notes(decisions), (std::vector<std::string>{
                                  "filled 1 missing values of 'a' with the training mean 2",
                                  "filled 1 missing values of 'b' with the training mode 'x'"}));
}

TEST(FitEncoding, TooSmallASplitIsAnErrorOnTheSplit) {
  Table table = read_ok("a,y\n1,0\n2,1\n");
  std::vector<Decision> decisions;
  Result<EncodingStage> stage =
      fit_encoding(table, {table.find("a")}, Split{{0}, {1}}, with_target("y"), decisions);
  ASSERT_FALSE(stage.ok());
  EXPECT_EQ(stage.error().field, "validation_split");
}

TEST(FitScaling, ScalesWithTrainStatisticsAndDropsConstants) {
  Table table = read_ok("a,c,y\n1,5,0\n2,5,1\n3,5,0\n10,5,1\n");
  std::vector<Decision> decisions;
  Result<EncodingStage> encoding = fit_encoding(table, {table.find("a"), table.find("c")},
                                                Split{{0, 1, 2}, {3}}, with_target("y"), decisions);
  ASSERT_TRUE(encoding.ok());
  Result<ScalingStage> scaling =
      fit_scaling(table, std::move(*encoding), with_target("y"), decisions);
  ASSERT_TRUE(scaling.ok()) << scaling.error().message;
  EXPECT_EQ(scaling->preprocessor.feature_names(), std::vector<std::string>{"a"});
  // a over the train rows 1, 2, 3: mean 2, sample std 1; the validation 10 scales to 8.
  EXPECT_EQ(scaling->x_train(0, 0), -1.0f);
  EXPECT_EQ(scaling->x_val(0, 0), 8.0f);
  EXPECT_EQ(notes(decisions),
            std::vector<std::string>{
                "dropped feature 'c': constant in the training rows (every value is 5)"});
}

}  // namespace
}  // namespace gradtape
