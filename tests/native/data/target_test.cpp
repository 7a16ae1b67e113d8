// The binary target: 0/1 or two text labels in sorted order; errors that name what was found;
// the candidate columns and the suggested one.
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

TEST(Target, ZeroOneNumbers) {
  Table table = read_ok("x,y\n1,0\n2,1\n3,1\n");
  Result<Target> target = read_target(table, "y");
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_EQ(target->labels.negative, "0");
  EXPECT_EQ(target->labels.positive, "1");
  EXPECT_FALSE(target->text_labels);
  EXPECT_EQ(target->y, (std::vector<double>{0, 1, 1}));
  EXPECT_EQ(target->positive_count, 2u);
}

TEST(Target, TwoTextLabelsMapInSortedOrder) {
  Table table = read_ok("x,outcome\n1,Yes\n2,No\n3,Yes\n");
  Result<Target> target = read_target(table, "outcome");
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_EQ(target->labels.negative, "No");
  EXPECT_EQ(target->labels.positive, "Yes");
  EXPECT_TRUE(target->text_labels);
  EXPECT_EQ(target->y, (std::vector<double>{1, 0, 1}));
}

TEST(Target, MissingTargetValuesAreNaN) {
  Table table = read_ok("x,y\n1,0\n2,\n3,1\n");
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

TEST(Target, ThreeClassesAreNamedWithTheLineOfTheRarest) {
  Table table = read_ok("x,grade\n1,a\n2,b\n3,a\n4,c\n5,b\n");
  Result<Target> target = read_target(table, "grade");
  ASSERT_FALSE(target.ok());
  const std::string& message = target.error().message;
  EXPECT_EQ(target.error().field, "target");
  EXPECT_NE(message.find("exactly two classes"), std::string::npos) << message;
  EXPECT_NE(message.find("'a' (2), 'b' (2), 'c' (1)"), std::string::npos) << message;
  EXPECT_NE(message.find("line 5"), std::string::npos) << message;
}

TEST(Target, OneClassIsAnError) {
  Table table = read_ok("x,y\n1,1\n2,1\n");
  Result<Target> target = read_target(table, "y");
  ASSERT_FALSE(target.ok());
  EXPECT_NE(target.error().message.find("one class"), std::string::npos) << target.error().message;
}

TEST(Target, NumbersOtherThanZeroAndOneAreAnError) {
  Table table = read_ok("x,y\n1,1\n2,2\n");
  Result<Target> target = read_target(table, "y");
  ASSERT_FALSE(target.ok());
  EXPECT_NE(target.error().message.find("'1' and '2'"), std::string::npos)
      << target.error().message;
}

TEST(Target, AllMissingIsAnError) {
  Table table = read_ok("x,y\n1,\n2,NA\n");
  EXPECT_FALSE(read_target(table, "y").ok());
}

TEST(Target, HeartCandidatesAndSuggestion) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  Table table = read_ok(testing::read_text_file(path));
  std::vector<TargetCandidate> candidates = target_candidates(table);
  std::vector<std::string> names;
  for (const TargetCandidate& c : candidates) names.push_back(c.column);
  EXPECT_EQ(names,
            (std::vector<std::string>{"Sex", "FastingBS", "ExerciseAngina", "HeartDisease"}));
  std::optional<TargetCandidate> suggested = suggest_target(table);
  ASSERT_TRUE(suggested.has_value());
  EXPECT_EQ(suggested->column, "HeartDisease");
  EXPECT_EQ(suggested->negative_count, 410u);
  EXPECT_EQ(suggested->positive_count, 508u);
}

TEST(Target, SuggestionPrefersATargetLikeNameThenTheLastCandidate) {
  Table named = read_ok("label,a,b\nx,0,1\ny,1,0\n");
  EXPECT_EQ(suggest_target(named)->column, "label");
  Table unnamed = read_ok("a,b,c\n0,p,1.5\n1,q,2.5\n");
  EXPECT_EQ(suggest_target(unnamed)->column, "b");
  Table titanic = read_ok("PassengerId,Survived,Sex,Parch\n1,0,male,0\n2,1,female,1\n");
  EXPECT_EQ(suggest_target(titanic)->column, "Survived");
  Table none = read_ok("a,b\n1,2\n3,4\n5,6\n");
  EXPECT_FALSE(suggest_target(none).has_value());
}

}  // namespace
}  // namespace gradtape
