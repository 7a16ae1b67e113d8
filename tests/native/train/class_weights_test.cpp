// Class weights: the "0:1,1:3" text, scikit-learn's balanced weights, the weights by hand mapped
// onto the target's classes, and every mistake an Error on the field that holds it.
#include "core/train/class_weights.h"

#include <gtest/gtest.h>

#include "core/train/settings.h"

namespace gradtape {
namespace {

TargetInfo binary_target() {
  TargetInfo target;
  target.column = "HeartDisease";
  target.task = Task::binary;
  target.classes = {"0", "1"};
  return target;
}

Matrix classes_of(std::initializer_list<float> labels) {
  Matrix y(static_cast<Index>(labels.size()), 1);
  Index i = 0;
  for (float label : labels) y(i++, 0) = label;
  return y;
}

TEST(ParseClassWeights, ReadsPairsWithSpacesAndLabelsHoldingAColon) {
  Result<std::vector<ClassWeightEntry>> entries = parse_class_weights(" 0 : 1, 1:2.5 ,a:b:0.25");
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].label, "0");
  EXPECT_DOUBLE_EQ((*entries)[0].weight, 1.0);
  EXPECT_EQ((*entries)[1].label, "1");
  EXPECT_DOUBLE_EQ((*entries)[1].weight, 2.5);
  EXPECT_EQ((*entries)[2].label, "a:b");  // the weight follows the last ':'
  EXPECT_DOUBLE_EQ((*entries)[2].weight, 0.25);
  EXPECT_TRUE(parse_class_weights("  ")->empty());
}

TEST(ParseClassWeights, NamesTheItemThatIsWrong) {
  const struct {
    const char* text;
    const char* says;
  } cases[] = {
      {"0:1,1", "item 2 ('1') must be a class and its weight"},
      {":3", "item 1 (':3') has no class"},
      {"0:x", "item 1 ('0:x'): the weight must be a number above 0"},
      {"0:0", "above 0"},
      {"0:-2", "above 0"},
      {"0:1e400", "at most 1,000,000"},
      {"0:nan", "the weight must be a number"},
      {"0:0x10", "the weight must be a number"},
      {"0:1,0:2", "class '0' is given twice"},
      {"0:1,", "item 2 ('') must be a class and its weight"},
  };
  for (const auto& c : cases) {
    Result<std::vector<ClassWeightEntry>> entries = parse_class_weights(c.text);
    ASSERT_FALSE(entries.ok()) << c.text;
    EXPECT_NE(entries.error().message.find(c.says), std::string::npos)
        << c.text << ": " << entries.error().message;
    EXPECT_EQ(entries.error().field, "class_weights");
  }
}

TEST(ClassWeightsFor, NoneIsEmptyAndChangesNothing) {
  Result<std::vector<float>> weights =
      class_weights_for(ClassWeightSettings{}, binary_target(), classes_of({0, 1, 1}));
  ASSERT_TRUE(weights.ok());
  EXPECT_TRUE(weights->empty());
}

TEST(ClassWeightsFor, BalancedIsScikitLearnsNOverKTimesTheClassCount) {
  // 6 rows, 2 classes, counts 4 and 2: 6 / (2 · 4) = 0.75 and 6 / (2 · 2) = 1.5, as
  // sklearn.utils.class_weight.compute_class_weight("balanced", ...) gives.
  ClassWeightSettings settings{ClassWeighting::balanced, ""};
  Result<std::vector<float>> weights =
      class_weights_for(settings, binary_target(), classes_of({0, 0, 1, 0, 1, 0}));
  ASSERT_TRUE(weights.ok()) << weights.error().message;
  EXPECT_EQ(*weights, (std::vector<float>{0.75f, 1.5f}));

  TargetInfo three = binary_target();
  three.task = Task::multiclass;
  three.classes = {"Adelie", "Chinstrap", "Gentoo"};
  // counts 3, 1, 0: 4 / (3 · 3), 4 / (3 · 1), and 1 for the class with no train rows
  weights = class_weights_for(settings, three, classes_of({0, 0, 1, 0}));
  ASSERT_TRUE(weights.ok());
  EXPECT_FLOAT_EQ((*weights)[0], 4.f / 9.f);
  EXPECT_FLOAT_EQ((*weights)[1], 4.f / 3.f);
  EXPECT_FLOAT_EQ((*weights)[2], 1.f);
}

TEST(ClassWeightsFor, ByHandMapsLabelsToClassesAndLeavesTheRestAtOne) {
  TargetInfo three = binary_target();
  three.task = Task::multiclass;
  three.classes = {"Adelie", "Chinstrap", "Gentoo"};
  Result<std::vector<float>> weights = class_weights_for(
      ClassWeightSettings{ClassWeighting::manual, "Gentoo:2, Adelie:0.5"}, three, classes_of({0}));
  ASSERT_TRUE(weights.ok()) << weights.error().message;
  EXPECT_EQ(*weights, (std::vector<float>{0.5f, 1.f, 2.f}));
}

TEST(ClassWeightsFor, MistakesAreErrorsOnTheirField) {
  const Matrix y = classes_of({0, 1});
  Result<std::vector<float>> unknown =
      class_weights_for({ClassWeighting::manual, "0:1,2:3"}, binary_target(), y);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message,
            "Class weights: '2' is not a class of HeartDisease; its classes are 0, 1");
  EXPECT_EQ(unknown.error().field, "class_weights");

  Result<std::vector<float>> empty =
      class_weights_for({ClassWeighting::manual, ""}, binary_target(), y);
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("like 0:1,1:3"), std::string::npos) << empty.error().message;

  Result<std::vector<float>> unused =
      class_weights_for({ClassWeighting::none, "1:3"}, binary_target(), y);
  ASSERT_FALSE(unused.ok());
  EXPECT_NE(unused.error().message.find("Class weighting is none"), std::string::npos);
  EXPECT_EQ(unused.error().field, "class_weights");

  TargetInfo regression = binary_target();
  regression.column = "progression";
  regression.task = Task::regression;
  regression.classes.clear();
  Result<std::vector<float>> numeric =
      class_weights_for({ClassWeighting::balanced, ""}, regression, y);
  ASSERT_FALSE(numeric.ok());
  EXPECT_NE(numeric.error().message.find("progression is a regression target"), std::string::npos);
  EXPECT_EQ(numeric.error().field, "class_weight");
}

TEST(ClassWeights, RowWeightsFollowEachRowsClassAndTheTextNamesEachClass) {
  Matrix out;
  fill_row_weights({0.75f, 1.5f}, classes_of({1, 0, 1}), out);
  ASSERT_EQ(out.rows(), 3);
  EXPECT_EQ(out(0, 0), 1.5f);
  EXPECT_EQ(out(1, 0), 0.75f);
  EXPECT_EQ(out(2, 0), 1.5f);
  EXPECT_EQ(class_weights_text({1.10218f, 0.915212f}, binary_target()), "0: 1.102, 1: 0.9152");
}

TEST(ClassWeightSettings, TheSettingsTableChecksTheTextAndTheChoice) {
  const SettingSpec* weights = find_setting("class_weights");
  ASSERT_NE(weights, nullptr);
  EXPECT_TRUE(parse_setting(*weights, "0:1,1:3").ok());
  Result<SettingValue> bad = parse_setting(*weights, "0:1,1:three");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "class_weights");
  const SettingSpec* mode = find_setting("class_weight");
  ASSERT_NE(mode, nullptr);
  Result<TrainingConfig> config =
      config_from({{"class_weight", std::string("balanced")}, {"class_weights", std::string("")}});
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->class_weights.mode, ClassWeighting::balanced);
  EXPECT_FALSE(parse_setting(*mode, "heavy").ok());
  EXPECT_EQ(TrainingConfig{}.class_weights.mode, ClassWeighting::none);  // off by default
}

}  // namespace
}  // namespace gradtape
