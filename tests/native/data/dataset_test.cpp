// The whole chain on heart.csv against the TensorFlow.js trace, the options and their errors,
// and the no-leakage guarantee.
#include "core/data/dataset.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"
#include "tests/native/data/read_ok.h"
#include "tests/native/test_data.h"

namespace gradtape {
namespace {

using testing::read_ok;

Split trace_split(const nlohmann::json& trace) {
  Split split;
  for (const auto& r : trace["data"]["train_idx"]) split.train_rows.push_back(r.get<std::size_t>());
  for (const auto& r : trace["data"]["val_idx"]) split.val_rows.push_back(r.get<std::size_t>());
  return split;
}

// |a - b| in units of b's float32 spacing.
double ulps(float a, float b) {
  if (a == b) return 0;
  float spacing =
      std::nextafter(std::fabs(b), std::numeric_limits<float>::infinity()) - std::fabs(b);
  return std::fabs(static_cast<double>(a) - b) / spacing;
}

void expect_matrix_equals_trace(const Matrix& x, const nlohmann::json& expected) {
  ASSERT_EQ(static_cast<std::size_t>(x.rows()), expected.size());
  double worst = 0;
  for (Index i = 0; i < x.rows(); ++i) {
    ASSERT_EQ(static_cast<std::size_t>(x.cols()), expected[i].size());
    for (Index j = 0; j < x.cols(); ++j)
      worst = std::max(worst, ulps(x(i, j), expected[i][j].get<float>()));
  }
  // Same sums in the same order, (x - mean) / std in double, one rounding: bit-exact.
  EXPECT_EQ(worst, 0.0) << "largest difference from the trace, in float32 ulps";
}

TEST(Dataset, HeartWithTheTraceSplitMatchesTheTrace) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  GRADTAPE_REQUIRE_TRACE(trace, "heart_tfjs_trace_2epochs.json");
  Table table = read_ok(testing::read_text_file(path));
  PipelineOptions options;
  options.target = trace["data"]["target_column"].get<std::string>();
  Result<Dataset> dataset = prepare_dataset(table, options, trace_split(trace));
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;

  const auto& data = trace["data"];
  ASSERT_EQ(dataset->feature_names.size(), data["feature_columns"].size());
  for (std::size_t j = 0; j < dataset->feature_names.size(); ++j) {
    EXPECT_EQ(dataset->feature_names[j], data["feature_columns"][j].get<std::string>());
  }
  const StandardScaler& scaler = dataset->preprocessor.scaler();
  for (std::size_t j = 0; j < scaler.mean().size(); ++j) {
    const double mean = data["train_mean"][j].get<double>(),
                 std = data["train_std"][j].get<double>();
    EXPECT_NEAR(scaler.mean()[j], mean, 1e-9 * std::fabs(mean)) << dataset->feature_names[j];
    EXPECT_NEAR(scaler.scale()[j], std, 1e-9 * std) << dataset->feature_names[j];
    EXPECT_EQ(scaler.mean()[j], mean) << "summed in train_idx order, as the trace";
  }
  expect_matrix_equals_trace(dataset->x_train, data["x_train"]);
  expect_matrix_equals_trace(dataset->x_val, data["x_val"]);
  for (std::size_t i = 0; i < data["y_train"].size(); ++i) {
    EXPECT_EQ(dataset->y_train(static_cast<Index>(i), 0), data["y_train"][i].get<float>());
  }
  for (std::size_t i = 0; i < data["y_val"].size(); ++i) {
    EXPECT_EQ(dataset->y_val(static_cast<Index>(i), 0), data["y_val"][i].get<float>());
  }
  EXPECT_TRUE(dataset->decisions.empty());
  EXPECT_TRUE(dropped_rows(dataset->decisions).empty());
}

TEST(Dataset, CategoryMapsEqualTheTraceMaps) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  GRADTAPE_REQUIRE_TRACE(trace, "heart_tfjs_trace_2epochs.json");
  Table table = read_ok(testing::read_text_file(path));
  PipelineOptions options;
  options.target = "HeartDisease";
  Result<Dataset> dataset = prepare_dataset(table, options, trace_split(trace));
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  const auto& maps = trace["data"]["category_maps"];
  std::size_t text_columns = 0;
  for (const FeatureColumn& column : dataset->preprocessor.columns()) {
    if (column.kind == FeatureColumn::Kind::Numeric) {
      EXPECT_FALSE(maps.contains(column.name)) << column.name;
      continue;
    }
    ++text_columns;
    ASSERT_TRUE(maps.contains(column.name)) << column.name;
    const auto& map = maps[column.name];
    ASSERT_EQ(column.categories.size(), map.size()) << column.name;
    for (const auto& [value, code] : map.items()) {
      EXPECT_EQ(column.categories.code(value), code.get<std::size_t>())
          << column.name << " " << value;
    }
  }
  EXPECT_EQ(text_columns, 5u);
}

TEST(Dataset, SeededSplitReproducesTheTraceSplitAndLeavesTheStreamWhereTheTraceDoes) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  GRADTAPE_REQUIRE_TRACE(trace, "heart_tfjs_trace_2epochs.json");
  Table table = read_ok(testing::read_text_file(path));
  PipelineOptions options;
  options.target = "HeartDisease";
  Random random(trace["meta"]["seed"].get<std::uint32_t>());
  Result<Dataset> dataset = prepare_dataset(table, options, random);
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  Split expected = trace_split(trace);
  EXPECT_EQ(dataset->train_rows, expected.train_rows);
  EXPECT_EQ(dataset->val_rows, expected.val_rows);
  expect_matrix_equals_trace(dataset->x_train, trace["data"]["x_train"]);
  // After the split's 917 draws, a fresh stream that made the same draws is in the same state.
  Random reference(trace["meta"]["seed"].get<std::uint32_t>());
  for (int i = 0; i < 917; ++i) reference.next_u32();
  EXPECT_EQ(random.next_u32(), reference.next_u32());
}

// ---- options and their errors -----------------------------------------------------------------

const std::string kSmall =
    "a,b,c,y\n"
    "1,x,5,0\n2,y,5,1\n3,x,5,0\n4,y,5,1\n5,x,5,0\n6,y,5,1\n7,x,5,0\n8,y,5,1\n9,x,5,0\n10,y,5,1\n";

Result<Dataset> prepare(const std::string& csv, const PipelineOptions& options,
                        std::uint32_t seed = 1) {
  Table table = read_ok(csv);
  Random random(seed);
  return prepare_dataset(table, options, random);
}

PipelineOptions with_target(const std::string& target) {
  PipelineOptions options;
  options.target = target;
  return options;
}

TEST(DatasetOptions, TargetErrorsNameTheField) {
  for (const char* target : {"", "nope", "a"}) {
    Result<Dataset> dataset = prepare(kSmall, with_target(target));
    ASSERT_FALSE(dataset.ok()) << target;
    EXPECT_EQ(dataset.error().field, "target") << dataset.error().message;
  }
}

TEST(DatasetOptions, ExcludedColumnsAreLeftOutOfTheFeatures) {
  PipelineOptions options = with_target("y");
  options.exclude = {"a"};
  Result<Dataset> dataset = prepare(kSmall, options);
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  EXPECT_EQ(std::find(dataset->feature_names.begin(), dataset->feature_names.end(), "a"),
            dataset->feature_names.end());
  EXPECT_EQ(dataset->x_train.cols(), static_cast<Index>(dataset->feature_names.size()));
  options.exclude = {"nope"};
  Result<Dataset> refused = prepare(kSmall, options);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "exclude");
  EXPECT_NE(refused.error().message.find("nope"), std::string::npos);
}

TEST(DatasetOptions, ValidationSplitErrorsNameTheField) {
  for (double fraction : {0.0, 1.0, 1.5, -0.2, 0.95}) {
    PipelineOptions options = with_target("y");
    options.validation_split = fraction;
    Result<Dataset> dataset = prepare(kSmall, options);
    ASSERT_FALSE(dataset.ok()) << fraction;
    EXPECT_EQ(dataset.error().field, "validation_split") << dataset.error().message;
  }
}

TEST(DatasetOptions, DdofMustBeZeroOrOne) {
  PipelineOptions options = with_target("y");
  options.scaler_ddof = 2;
  Result<Dataset> dataset = prepare(kSmall, options);
  ASSERT_FALSE(dataset.ok());
  EXPECT_EQ(dataset.error().field, "scaler_ddof");
}

TEST(DatasetOptions, DdofZeroDividesByN) {
  PipelineOptions options = with_target("y");
  options.scaler_ddof = 0;
  Result<Dataset> dataset = prepare_dataset(read_ok(kSmall), options, Split{{0, 1, 2, 3}, {4}});
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  // a over rows 0-3: 1, 2, 3, 4 -> mean 2.5, sum of squares 5, ddof 0: sqrt(5 / 4).
  EXPECT_EQ(dataset->preprocessor.scaler().scale()[0], std::sqrt(5.0 / 4.0));
}

TEST(DatasetOptions, StratifyWithTooFewOfAClassNamesTheField) {
  PipelineOptions options = with_target("y");
  options.stratify = true;
  // Two rows of class 1 in five: the target stands, but 1 validation row cannot hold both classes.
  Result<Dataset> dataset = prepare("a,y\n1,0\n2,1\n3,1\n4,0\n5,0\n", options);
  ASSERT_FALSE(dataset.ok());
  EXPECT_EQ(dataset.error().field, "validation_split");
  Result<Dataset> regression = prepare("a,y\n1,0.5\n2,1.5\n3,2.5\n4,0.25\n5,3\n", options);
  ASSERT_FALSE(regression.ok());
  EXPECT_EQ(regression.error().field, "stratify");
}

TEST(DatasetOptions, StratifiedSplitKeepsTheClassShares) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  PipelineOptions options = with_target("HeartDisease");
  options.stratify = true;
  Table table = read_ok(testing::read_text_file(path));
  Random random(42);
  Result<Dataset> dataset = prepare_dataset(table, options, random);
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  ASSERT_EQ(dataset->y_val.rows(), 184);
  // 184 x 508 / 918 = 101.8 -> 102 positives, 82 negatives.
  EXPECT_EQ(dataset->y_val.sum(), 102.0f);
}

// ---- columns and rows that are dropped, and said so -------------------------------------------

bool has_note(const Dataset& dataset, const std::string& words) {
  for (const std::string& note : notes(dataset.decisions)) {
    if (note.find(words) != std::string::npos) return true;
  }
  return false;
}

TEST(DatasetColumns, ConstantColumnIsDroppedAndReported) {
  Result<Dataset> dataset = prepare(kSmall, with_target("y"));
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  EXPECT_EQ(dataset->feature_names, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(dropped_columns(dataset->decisions), std::vector<std::string>{"c"});
  EXPECT_TRUE(has_note(*dataset, "'c': constant in the training rows (every value is 5)"));
  EXPECT_TRUE(dataset->x_train.allFinite());
}

TEST(DatasetColumns, AllMissingColumnIsDroppedAndReported) {
  Result<Dataset> dataset =
      prepare("a,empty,y\n1,,0\n2,NA,1\n3,,0\n4,,1\n5,,1\n", with_target("y"));
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  EXPECT_EQ(dataset->feature_names, (std::vector<std::string>{"a"}));
  EXPECT_TRUE(has_note(*dataset, "'empty': every value is missing"));
  EXPECT_TRUE(dropped_rows(dataset->decisions).empty());
}

TEST(DatasetColumns, NothingLeftToLearnFromIsAnError) {
  Result<Dataset> dataset = prepare("a,y\n5,0\n5,1\n5,0\n5,1\n", with_target("y"));
  EXPECT_FALSE(dataset.ok());
}

TEST(DatasetColumns, OneHotFeaturesAreNamedAndScaled) {
  PipelineOptions options = with_target("y");
  options.encoding = Encoding::OneHot;
  Result<Dataset> dataset = prepare_dataset(read_ok(kSmall), options, Split{{0, 1, 2, 3}, {4, 5}});
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  EXPECT_EQ(dataset->feature_names, (std::vector<std::string>{"a", "b_x", "b_y"}));
  // b_x over the train rows is 1, 0, 1, 0: mean 0.5, sample std sqrt(1 / 3).
  EXPECT_EQ(dataset->x_train(0, 1), static_cast<float>(0.5 / std::sqrt(1.0 / 3.0)));
}

TEST(DatasetRows, DropRowsRemovesIncompleteRowsBeforeTheSplit) {
  const std::string csv = "a,b,y\n1,x,0\n2,,1\n3,x,0\nNA,y,1\n5,x,0\n6,y,1\n7,x,0\n8,y,1\n9,y,0\n";
  Result<Dataset> dataset = prepare(csv, with_target("y"));
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  EXPECT_EQ(dropped_rows(dataset->decisions), (std::vector<std::size_t>{1, 3}));
  EXPECT_TRUE(has_note(*dataset, "dropped 2 rows of 9 with missing values (lines 3, 5)"));
  EXPECT_EQ(dataset->x_train.rows() + dataset->x_val.rows(), 7);
  EXPECT_EQ(dataset->x_val.rows(), 2);  // ceil(0.2 * 7)
}

TEST(DatasetRows, DroppingAQuarterOrMoreNamesTheColumnThatCostsMost) {
  const std::string csv = "a,b,y\n1,,0\n2,,1\n3,x,0\nNA,,1\n5,x,0\n6,y,1\n7,x,0\n8,y,1\n9,y,0\n";
  Result<Dataset> dataset = prepare(csv, with_target("y"));
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  EXPECT_TRUE(has_note(*dataset,
                       "dropped 3 rows of 9 with missing values (lines 2, 3, 5); 'b' alone is "
                       "missing in 3 rows: leave it out, or impute missing values"));
}

TEST(DatasetRows, ImputeFillsWithTheTrainMean) {
  PipelineOptions options = with_target("y");
  options.missing = MissingPolicy::Impute;
  const std::string csv = "a,y\n1,0\n,1\n3,0\n100,1\n5,1\n";
  Result<Dataset> dataset = prepare_dataset(read_ok(csv), options, Split{{0, 1, 2}, {3, 4}});
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  // Train rows 1, (missing -> mean of 1 and 3 = 2), 3: the validation 100 never enters the mean.
  EXPECT_EQ(dataset->preprocessor.columns()[0].fill_number, 2.0);
  EXPECT_EQ(dataset->preprocessor.scaler().mean()[0], 2.0);
  EXPECT_EQ(dataset->x_train(1, 0), 0.0f);
  EXPECT_TRUE(has_note(*dataset, "filled 1 missing values of 'a' with the training mean 2"));
}

TEST(DatasetRows, RowsWithoutTargetAreDroppedUnderEveryPolicy) {
  PipelineOptions options = with_target("y");
  options.missing = MissingPolicy::Impute;
  Result<Dataset> dataset = prepare("a,y\n1,0\n2,\n3,1\n4,0\n5,1\n6,0\n", options);
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  EXPECT_EQ(dropped_rows(dataset->decisions), (std::vector<std::size_t>{1}));
  EXPECT_TRUE(has_note(*dataset, "without a target value (line 3)"));
}

TEST(DatasetRows, TooFewCompleteRowsPointsToImputation) {
  Result<Dataset> dataset = prepare("a,b,y\n1,,0\n,2,1\n3,4,0\n4,,1\n", with_target("y"));
  ASSERT_FALSE(dataset.ok());
  EXPECT_EQ(dataset.error().field, "missing");
}

TEST(DatasetRows, InfiniteValueNamesTheLine) {
  Result<Dataset> dataset = prepare("a,y\n1,0\n2,1\n-inf,0\n4,1\n5,0\n", with_target("y"));
  ASSERT_FALSE(dataset.ok());
  EXPECT_NE(dataset.error().message.find("line 4:"), std::string::npos) << dataset.error().message;
  EXPECT_EQ(dataset.error().column, "a");
}

TEST(DatasetRows, TextTargetIsMappedInSortedOrderAndReported) {
  Result<Dataset> dataset =
      prepare("a,Outcome\n1,yes\n2,no\n3,yes\n4,no\n5,no\n", with_target("Outcome"));
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  EXPECT_EQ(dataset->target.classes, (std::vector<std::string>{"no", "yes"}));
  EXPECT_TRUE(has_note(*dataset, "'no' is class 0 and 'yes' is class 1"));
}

TEST(DatasetRows, ValidationTextUnseenInTrainingIsDroppedOrImputed) {
  const std::string csv = "a,b,y\n1,x,0\n2,y,1\n3,x,0\n4,y,1\n5,z,0\n";
  const Split split{{0, 1, 2}, {4, 3}};
  Result<Dataset> dropped = prepare_dataset(read_ok(csv), with_target("y"), split);
  ASSERT_TRUE(dropped.ok()) << dropped.error().message;
  EXPECT_EQ(dropped->val_rows, (std::vector<std::size_t>{3}));
  EXPECT_EQ(dropped_rows(dropped->decisions), (std::vector<std::size_t>{4}));
  EXPECT_TRUE(has_note(*dropped, "never seen in the training rows dropped (line 6)"));
  PipelineOptions impute = with_target("y");
  impute.missing = MissingPolicy::Impute;
  Result<Dataset> imputed = prepare_dataset(read_ok(csv), impute, split);
  ASSERT_TRUE(imputed.ok()) << imputed.error().message;
  EXPECT_EQ(imputed->val_rows.size(), 2u);
}

TEST(DatasetRows, GivenSplitWithABadRowNumberIsAnError) {
  Result<Dataset> dataset =
      prepare_dataset(read_ok(kSmall), with_target("y"), Split{{0, 1, 99}, {2}});
  ASSERT_FALSE(dataset.ok());
  EXPECT_EQ(dataset.error().field, "split");
  dataset = prepare_dataset(read_ok(kSmall), with_target("y"), Split{{0, 1, 2}, {2}});
  ASSERT_FALSE(dataset.ok());
}

// ---- tasks --------------------------------------------------------------------------------------

TEST(DatasetTasks, MulticlassTargetsAreClassIndicesAndTheMappingIsNoted) {
  std::string csv = "a,b,kind\n";
  const char* kinds[] = {"cat", "dog", "bird"};
  for (int i = 0; i < 30; ++i)
    csv += std::to_string(i) + "," + std::to_string(i % 7) + "," + kinds[i % 3] + "\n";
  Result<Dataset> dataset = prepare(csv, with_target("kind"));
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  EXPECT_EQ(dataset->target.task, Task::multiclass);
  EXPECT_EQ(dataset->target.classes, (std::vector<std::string>{"bird", "cat", "dog"}));
  for (Index i = 0; i < dataset->y_train.rows(); ++i) {
    const float y = dataset->y_train(i, 0);
    EXPECT_TRUE(y == 0.f || y == 1.f || y == 2.f) << y;
  }
  EXPECT_TRUE(has_note(*dataset, "'bird' is class 0, 'cat' is class 1 and 'dog' is class 2"));
}

TEST(DatasetTasks, StratifiedMulticlassKeepsEachClassOnBothSides) {
  std::string csv = "a,kind\n";
  for (int i = 0; i < 40; ++i)
    csv += std::to_string(i) + "," + (i < 4 ? "rare" : i % 2 ? "x" : "y") + "\n";
  PipelineOptions options = with_target("kind");
  options.stratify = true;
  Result<Dataset> dataset = prepare(csv, options);
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  int rare_val = 0;
  for (Index i = 0; i < dataset->y_val.rows(); ++i)
    rare_val += dataset->y_val(i, 0) == 0.f;  // "rare" sorts first
  EXPECT_EQ(rare_val, 1);                     // 8 validation rows: 4/40 of them is 0.8, at least 1
}

TEST(DatasetTasks, RegressionTargetsAreStandardisedWithTheTrainRows) {
  const std::string csv = "a,y\n1,10\n2,20.5\n3,30\n4,40\n5,1000\n";
  Result<Dataset> dataset =
      prepare_dataset(read_ok(csv), with_target("y"), Split{{0, 1, 2, 3}, {4}});
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  EXPECT_EQ(dataset->target.task, Task::regression);
  // Train targets 10, 20.5, 30, 40: mean 25.125, squares about it 495.1875, sample std
  // sqrt(495.1875 / 3) = 12.8477; the validation 1000 is
  // kept in its own units for the errors and never enters the mean.
  EXPECT_DOUBLE_EQ(dataset->target.mean, 25.125);
  EXPECT_NEAR(dataset->target.std, 12.8477, 1e-4);
  EXPECT_EQ(dataset->val_targets, std::vector<double>{1000});
  EXPECT_FLOAT_EQ(dataset->y_val(0, 0), static_cast<float>((1000 - 25.125) / dataset->target.std));
  EXPECT_TRUE(has_note(*dataset,
                       "target 'y' standardised with the training rows' mean 25.12 and std 12.85"));
}

TEST(DatasetTasks, ARequestedTaskOverridesTheRule) {
  std::string csv = "a,score\n";
  for (int i = 0; i < 30; ++i) csv += std::to_string(i) + "," + std::to_string(3 + i % 5) + "\n";
  PipelineOptions options = with_target("score");
  EXPECT_EQ(prepare(csv, options)->target.task, Task::multiclass);
  options.task = TaskRequest::regression;
  EXPECT_EQ(prepare(csv, options)->target.task, Task::regression);
}

// ---- no leakage --------------------------------------------------------------------------------

// `text` with data row `row` rewritten: extreme numbers, and text never seen anywhere, in every
// column but `kept`.
std::string with_row_rewritten(const std::string& text, std::size_t row, const std::string& kept) {
  const Table table = read_ok(text);
  const std::size_t line = table.line_numbers[row];
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  std::string rewritten;
  std::size_t start = 0;
  for (const Column& column : table.columns) {
    const std::size_t comma = std::min(lines[line - 1].find(',', start), lines[line - 1].size());
    if (!rewritten.empty()) rewritten += ',';
    rewritten += column.name == kept   ? lines[line - 1].substr(start, comma - start)
                 : column.is_numeric() ? std::string("1000000")
                                       : std::string("AAA-never-seen");
    start = comma + 1;
  }
  lines[line - 1] = rewritten;
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST(DatasetLeakage, ChangingAValidationRowNeverChangesTheScaler) {
  GRADTAPE_REQUIRE_HEART_CSV(path);
  GRADTAPE_REQUIRE_TRACE(trace, "heart_tfjs_trace_2epochs.json");
  const std::string text = testing::read_text_file(path);
  const Split split = trace_split(trace);
  Result<Dataset> before = prepare_dataset(read_ok(text), with_target("HeartDisease"), split);
  ASSERT_TRUE(before.ok()) << before.error().message;
  // One-hot keeps the rewritten row, so the new category reaches the pipeline.
  const Table table = read_ok(with_row_rewritten(text, split.val_rows[0], "HeartDisease"));
  for (const Column& column : table.columns) {
    if (column.name == "HeartDisease") continue;
    ASSERT_EQ(column.is_numeric() ? std::to_string(column.numbers[split.val_rows[0]])
                                  : std::string(column.text(split.val_rows[0])),
              column.is_numeric() ? std::to_string(1e6) : "AAA-never-seen")
        << column.name;
  }
  for (Encoding encoding : {Encoding::CategoryCodes, Encoding::OneHot}) {
    PipelineOptions options = with_target("HeartDisease");
    options.encoding = encoding;
    options.missing = MissingPolicy::Impute;
    Result<Dataset> original = prepare_dataset(read_ok(text), options, split);
    Result<Dataset> changed = prepare_dataset(table, options, split);
    ASSERT_TRUE(original.ok() && changed.ok());
    EXPECT_EQ(original->preprocessor.scaler().mean(), changed->preprocessor.scaler().mean());
    EXPECT_EQ(original->preprocessor.scaler().scale(), changed->preprocessor.scaler().scale());
    EXPECT_EQ(original->feature_names, changed->feature_names);
    EXPECT_EQ(original->x_train, changed->x_train);
  }
}

}  // namespace
}  // namespace gradtape
