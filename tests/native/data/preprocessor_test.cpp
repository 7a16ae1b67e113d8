// The fitted Preprocessor on new rows: the same numbers as training, and errors that name the
// line and the column.
#include "core/data/preprocessor.h"

#include <string>

#include <gtest/gtest.h>

#include "core/data/dataset.h"
#include "core/data/read_csv.h"
#include "tests/native/data/read_ok.h"
#include "tests/native/test_data.h"

namespace gradtape {
namespace {

using testing::read_ok;

const std::string kTrain =
    "age,color,y\n"
    "20,red,0\n30,blue,1\n40,red,0\n50,green,1\n60,blue,0\n25,green,1\n35,red,1\n45,blue,0\n";

Dataset fitted(Encoding encoding, MissingPolicy missing = MissingPolicy::DropRows) {
  PipelineOptions options;
  options.target = "y";
  options.encoding = encoding;
  options.missing = missing;
  Result<Dataset> dataset =
      prepare_dataset(read_ok(kTrain), options, Split{{0, 1, 2, 3, 4, 5}, {6, 7}});
  EXPECT_TRUE(dataset.ok()) << (dataset.ok() ? "" : dataset.error().message);
  return dataset.ok() ? std::move(*dataset) : Dataset{};
}

TEST(Preprocessor, TransformOfTheTrainingRowsGivesTheTrainingMatrix) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  Table table = read_ok(testing::read_text_file(path));
  PipelineOptions options;
  options.target = "HeartDisease";
  Random random(42);
  Result<Dataset> dataset = prepare_dataset(table, options, random);
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  Result<Matrix> all = dataset->preprocessor.transform(table);
  ASSERT_TRUE(all.ok()) << all.error().message;
  for (std::size_t i = 0; i < dataset->train_rows.size(); ++i) {
    ASSERT_EQ(all->row(static_cast<Index>(dataset->train_rows[i])),
              dataset->x_train.row(static_cast<Index>(i)));
  }
  for (std::size_t i = 0; i < dataset->val_rows.size(); ++i) {
    ASSERT_EQ(all->row(static_cast<Index>(dataset->val_rows[i])),
              dataset->x_val.row(static_cast<Index>(i)));
  }
}

TEST(Preprocessor, NewFileWithoutTheTargetAndColumnsInAnotherOrder) {
  Dataset dataset = fitted(Encoding::CategoryCodes);
  Result<Matrix> x = dataset.preprocessor.transform(read_ok("color,age\nred,20\n"));
  ASSERT_TRUE(x.ok()) << x.error().message;
  EXPECT_EQ(x->row(0), dataset.x_train.row(0));
}

TEST(Preprocessor, UnseenCategoryIsAnErrorNamingLineAndColumn) {
  Dataset dataset = fitted(Encoding::CategoryCodes);
  Result<Matrix> x = dataset.preprocessor.transform(read_ok("age,color\n20,red\n30,purple\n"));
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.error().column, "color");
  EXPECT_NE(x.error().message.find("line 3:"), std::string::npos) << x.error().message;
  EXPECT_NE(x.error().message.find("'purple'"), std::string::npos) << x.error().message;
  EXPECT_NE(x.error().message.find("'blue', 'green', 'red'"), std::string::npos)
      << x.error().message;
}

TEST(Preprocessor, UnseenCategoryIsAllZerosInOneHot) {
  Dataset dataset = fitted(Encoding::OneHot);
  ASSERT_EQ(dataset.feature_names,
            (std::vector<std::string>{"age", "color_blue", "color_green", "color_red"}));
  Result<MatrixD> x = dataset.preprocessor.encode(read_ok("age,color\n30,purple\n"), {0});
  ASSERT_TRUE(x.ok()) << x.error().message;
  EXPECT_EQ((*x)(0, 0), 30.0);
  EXPECT_EQ((*x)(0, 1), 0.0);
  EXPECT_EQ((*x)(0, 2), 0.0);
  EXPECT_EQ((*x)(0, 3), 0.0);
}

TEST(Preprocessor, MissingValueWithoutImputationNamesLineAndColumn) {
  Dataset dataset = fitted(Encoding::CategoryCodes);
  Result<Matrix> x = dataset.preprocessor.transform(read_ok("age,color\n20,red\n\"\",blue\n"));
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.error().column, "age");
  EXPECT_NE(x.error().message.find("line 3:"), std::string::npos) << x.error().message;
}

TEST(Preprocessor, MissingValueWithImputationTakesTheTrainMeanAndMode) {
  Dataset dataset = fitted(Encoding::CategoryCodes, MissingPolicy::Impute);
  Result<MatrixD> x = dataset.preprocessor.encode(read_ok("age,color\nNA,?\n"), {0});
  ASSERT_TRUE(x.ok()) << x.error().message;
  // Train rows 0-5: ages 20..60 and 25 -> mean 225 / 6 = 37.5; colours red, blue, red, green,
  // blue, green -> a three-way tie, won by the first in byte order: blue, code 0.
  EXPECT_EQ((*x)(0, 0), 37.5);
  EXPECT_EQ((*x)(0, 1), 0.0);
}

TEST(Preprocessor, AbsentColumnIsNamed) {
  Dataset dataset = fitted(Encoding::CategoryCodes);
  Result<Matrix> x = dataset.preprocessor.transform(read_ok("age\n20\n"));
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.error().column, "color");
  EXPECT_NE(x.error().message.find("line 1:"), std::string::npos) << x.error().message;
}

TEST(Preprocessor, TextInANumericColumnNamesTheLine) {
  Dataset dataset = fitted(Encoding::CategoryCodes);
  Result<Matrix> x = dataset.preprocessor.transform(read_ok("age,color\n20,red\nold,red\n"));
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.error().column, "age");
  EXPECT_NE(x.error().message.find("line 3:"), std::string::npos) << x.error().message;
}

TEST(Preprocessor, InfiniteValueNamesTheLine) {
  Dataset dataset = fitted(Encoding::CategoryCodes);
  Result<Matrix> x = dataset.preprocessor.transform(read_ok("age,color\ninf,red\n"));
  ASSERT_FALSE(x.ok());
  EXPECT_NE(x.error().message.find("line 2:"), std::string::npos) << x.error().message;
  EXPECT_NE(x.error().message.find("infinite"), std::string::npos) << x.error().message;
}

TEST(Preprocessor, ValueBeyondFloat32AfterScalingNamesTheLine) {
  Dataset dataset = fitted(Encoding::CategoryCodes);
  Result<Matrix> x = dataset.preprocessor.transform(read_ok("age,color\n20,red\n1e300,red\n"));
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.error().column, "age");
  EXPECT_NE(x.error().message.find("line 3:"), std::string::npos) << x.error().message;
  EXPECT_NE(x.error().message.find("too far"), std::string::npos) << x.error().message;
}

TEST(Preprocessor, TextCategoriesThatLookLikeNumbersStillMatch) {
  PipelineOptions options;
  options.target = "y";
  Table train = read_ok("grade,n,y\nA,1,0\n2,2,1\n3,3,0\nA,4,1\n2,5,0\n");
  Result<Dataset> dataset = prepare_dataset(train, options, Split{{0, 1, 2, 3}, {4}});
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  EXPECT_EQ(dataset->preprocessor.object_columns(), (std::vector<std::string>{"grade"}));
  // A new file holding only numbers reads "grade" as int64; it is matched as text all the same.
  Result<MatrixD> x = dataset->preprocessor.encode(read_ok("grade,n\n3,1\n"), {0});
  ASSERT_TRUE(x.ok()) << x.error().message;
  EXPECT_EQ((*x)(0, 0), 1.0);  // categories "2", "3", "A"
}

}  // namespace
}  // namespace gradtape
