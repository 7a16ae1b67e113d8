// The target and its task by the rule (2 values binary; text or 3 to 20 integers multi-class;
// other numbers regression), requests that override it, the reasons a column cannot be a
// target, and the suggested target.
#include "core/data/target.h"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"
#include "tests/native/data/read_ok.h"
#include "tests/native/test_data.h"

namespace gradtape {
namespace {

using testing::read_ok;

TEST(Target, ZeroOneNumbersAreBinaryAndNeedNoMapping) {
  Table table = read_ok("x,y\n1,0\n2,1\n3,1\n4,0\n5,1\n");
  Result<Target> target = read_target(table, "y");
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_EQ(target->task, Task::binary);
  EXPECT_EQ(target->classes, (std::vector<std::string>{"0", "1"}));
  EXPECT_FALSE(target->mapped);
  EXPECT_EQ(target->y.to_vector(), (std::vector<double>{0, 1, 1, 0, 1}));
  EXPECT_EQ(target->counts, (std::vector<std::size_t>{2, 3}));
}

TEST(Target, AnyTwoValuesAreBinaryInSortedOrder) {
  Result<Target> text = read_target(read_ok("x,outcome\n1,Yes\n2,No\n3,Yes\n4,No\n"), "outcome");
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(text->classes, (std::vector<std::string>{"No", "Yes"}));
  EXPECT_TRUE(text->mapped);
  EXPECT_EQ(text->y.to_vector(), (std::vector<double>{1, 0, 1, 0}));
  Result<Target> coded = read_target(read_ok("x,sex\n1,2\n2,1\n3,2\n4,1\n"), "sex");
  ASSERT_TRUE(coded.ok()) << coded.error().message;
  EXPECT_EQ(coded->task, Task::binary);
  EXPECT_EQ(coded->classes, (std::vector<std::string>{"1", "2"}));  // the second is positive
  EXPECT_EQ(coded->y.to_vector(), (std::vector<double>{1, 0, 1, 0}));
}

TEST(Target, TextWithThreeValuesIsMulticlass) {
  Table table =
      read_ok("x,species\n1,Gentoo\n2,Adelie\n3,Chinstrap\n4,Adelie\n5,Gentoo\n6,Chinstrap\n");
  Result<Target> target = read_target(table, "species");
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_EQ(target->task, Task::multiclass);
  EXPECT_EQ(target->classes, (std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"}));
  EXPECT_EQ(target->y.to_vector(), (std::vector<double>{2, 0, 1, 0, 2, 1}));
  EXPECT_EQ(target->counts, (std::vector<std::size_t>{2, 2, 2}));
}

TEST(Target, FewIntegersAreClassesSortedAsNumbers) {
  std::string csv = "x,quality\n";
  for (int q : {3, 5, 10, 5, 3, 10, 8, 8}) csv += "1," + std::to_string(q) + "\n";
  Result<Target> target = read_target(read_ok(csv), "quality");
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_EQ(target->task, Task::multiclass);
  EXPECT_EQ(target->classes, (std::vector<std::string>{"3", "5", "8", "10"}));  // 10 after 8
  EXPECT_EQ(target->y[2], 3.0);
}

TEST(Target, OtherNumbersAreRegression) {
  Result<Target> floats = read_target(read_ok("x,y\n1,0.5\n2,1.5\n3,2.25\n"), "y");
  ASSERT_TRUE(floats.ok()) << floats.error().message;
  EXPECT_EQ(floats->task, Task::regression);
  EXPECT_TRUE(floats->classes.empty());
  EXPECT_EQ(floats->y.to_vector(), (std::vector<double>{0.5, 1.5, 2.25}));
  std::string csv = "x,count\n";
  for (int i = 0; i < 21; ++i) csv += "1," + std::to_string(i * 3) + "\n";  // 21 integers
  Result<Target> many = read_target(read_ok(csv), "count");
  ASSERT_TRUE(many.ok()) << many.error().message;
  EXPECT_EQ(many->task, Task::regression);
}

TEST(Target, ARequestOverridesTheRuleWhereItCanWork) {
  std::string csv = "x,score\n";
  for (int s : {3, 4, 5, 6, 7, 8, 3, 4, 5, 6, 7, 8}) csv += "1," + std::to_string(s) + "\n";
  Table table = read_ok(csv);
  EXPECT_EQ(read_target(table, "score")->task, Task::multiclass);
  Result<Target> regression = read_target(table, "score", TaskRequest::regression);
  ASSERT_TRUE(regression.ok()) << regression.error().message;
  EXPECT_EQ(regression->task, Task::regression);
  EXPECT_EQ(regression->y[0], 3.0);
  Result<Target> binary = read_target(table, "score", TaskRequest::binary);
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.error().field, "task");
  EXPECT_NE(binary.error().message.find("has 6 values"), std::string::npos)
      << binary.error().message;
}

TEST(Target, RegressionOnTextIsRefusedSayingWhy) {
  Result<Target> target =
      read_target(read_ok("x,y\n1,a\n2,b\n3,c\n"), "y", TaskRequest::regression);
  ASSERT_FALSE(target.ok());
  EXPECT_EQ(target.error().field, "task");
  EXPECT_NE(target.error().message.find("holds text"), std::string::npos) << target.error().message;
}

TEST(Target, AClassWithASingleRowIsRefusedNamingIt) {
  Result<Target> target = read_target(read_ok("x,y\n1,a\n2,b\n3,a\n4,c\n5,b\n"), "y");
  ASSERT_FALSE(target.ok());
  EXPECT_EQ(target.error().field, "target");
  EXPECT_NE(target.error().message.find("class 'c' has a single row"), std::string::npos)
      << target.error().message;
}

TEST(Target, MoreClassesThanTheLimitAreRefusedStatingIt) {
  std::string csv = "x,label\n";
  for (std::size_t i = 0; i <= kMaxClasses; ++i)
    csv += "1,c" + std::to_string(i) + "\n1,c" + std::to_string(i) + "\n";
  Result<Target> target = read_target(read_ok(csv), "label");
  ASSERT_FALSE(target.ok());
  EXPECT_NE(target.error().message.find("at most 30 classes"), std::string::npos)
      << target.error().message;
}

TEST(Target, MissingTargetValuesAreNaN) {
  Table table = read_ok("x,y\n1,0\n2,\n3,1\n4,0\n5,1\n");
  Result<Target> target = read_target(table, "y");
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_TRUE(std::isnan(target->y[1]));
  EXPECT_EQ(target->missing, 1u);
}

TEST(Target, UnknownColumnListsTheColumns) {
  Table table = read_ok("Age,Sex\n1,M\n");
  Result<Target> target = read_target(table, "age");
  ASSERT_FALSE(target.ok());
  EXPECT_EQ(target.error().field, "target");
  EXPECT_NE(target.error().message.find("'Age', 'Sex'"), std::string::npos)
      << target.error().message;
}

// Past kMaxClasses values the tally stops, so the distinct values are counted in full.
TEST(Target, AnIdNamedColumnWithManyValuesIsAnIdOnlyWhenEveryValueDiffers) {
  std::string csv = "id,user_id,y\n";
  for (int i = 0; i < 40; ++i) {
    csv += std::to_string(i) + "," + std::to_string(i == 39 ? 38 : i) + "," +
           std::to_string(i % 2) + "\n";
  }
  const std::vector<TargetCandidate> candidates = target_candidates(read_ok(csv));
  ASSERT_EQ(candidates.size(), 3u);
  EXPECT_NE(candidates[0].reason.find("ID"), std::string::npos) << candidates[0].reason;
  EXPECT_EQ(candidates[1].reason.find("ID"), std::string::npos) << candidates[1].reason;
}

TEST(Target, ConstantAllMissingAndIdColumnsCannotBeTargets) {
  std::string csv = "id,name,same,empty,y\n";
  for (int i = 0; i < 25; ++i)
    csv += std::to_string(i) + ",n" + std::to_string(i) + ",7,," + std::to_string(i % 2) + "\n";
  Table table = read_ok(csv);
  std::vector<TargetCandidate> candidates = target_candidates(table);
  ASSERT_EQ(candidates.size(), 5u);
  EXPECT_NE(candidates[0].reason.find("ID"), std::string::npos) << candidates[0].reason;
  EXPECT_NE(candidates[1].reason.find("ID"), std::string::npos) << candidates[1].reason;
  EXPECT_NE(candidates[2].reason.find("one value ('7')"), std::string::npos)
      << candidates[2].reason;
  EXPECT_NE(candidates[3].reason.find("every value is missing"), std::string::npos)
      << candidates[3].reason;
  EXPECT_TRUE(candidates[4].usable());
  EXPECT_EQ(candidates[4].task, Task::binary);
  EXPECT_FALSE(read_target(table, "same").ok());
}

TEST(Target, HeartCandidatesAndSuggestion) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  Table table = read_ok(testing::read_text_file(path));
  std::vector<std::string> binary, multiclass, regression;
  for (const TargetCandidate& c : target_candidates(table)) {
    ASSERT_TRUE(c.usable()) << c.column << ": " << c.reason;
    (c.task == Task::binary       ? binary
     : c.task == Task::multiclass ? multiclass
                                  : regression)
        .push_back(c.column);
  }
  EXPECT_EQ(binary,
            (std::vector<std::string>{"Sex", "FastingBS", "ExerciseAngina", "HeartDisease"}));
  EXPECT_EQ(multiclass, (std::vector<std::string>{"ChestPainType", "RestingECG", "ST_Slope"}));
  EXPECT_EQ(regression,
            (std::vector<std::string>{"Age", "RestingBP", "Cholesterol", "MaxHR", "Oldpeak"}));
  std::optional<TargetCandidate> suggested = suggest_target(table);
  ASSERT_TRUE(suggested.has_value());
  EXPECT_EQ(suggested->column, "HeartDisease");
  EXPECT_EQ(suggested->counts, (std::vector<std::size_t>{410, 508}));
}

TEST(Target, SuggestionPrefersATargetLikeNameThenTheLastUsableColumn) {
  Table named = read_ok("label,a,b\nx,0,1\ny,1,0\nx,0,1\ny,1,0\n");
  EXPECT_EQ(suggest_target(named).value_or(TargetCandidate{}).column, "label");
  Table unnamed = read_ok("a,b,c\n0,p,1.5\n1,q,2.5\n0,p,1.5\n1,q,3.5\n");
  EXPECT_EQ(suggest_target(unnamed).value_or(TargetCandidate{}).column, "c");
  Table titanic = read_ok(
      "PassengerId,Survived,Sex,Parch\n1,0,male,0\n2,1,female,1\n3,1,male,0\n4,0,female,1\n");
  EXPECT_EQ(suggest_target(titanic).value_or(TargetCandidate{}).column, "Survived");
  Table penguins =
      read_ok("species,island,mass,year\nA,x,1,2007\nB,y,2,2008\nA,x,3,2009\nB,y,4,2007\n");
  EXPECT_EQ(suggest_target(penguins).value_or(TargetCandidate{}).column, "species");
  Table none = read_ok("a,b\n1,1\n1,1\n");
  EXPECT_FALSE(suggest_target(none).has_value());
}

}  // namespace
}  // namespace gradtape
