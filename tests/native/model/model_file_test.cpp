// The model file: a trained model written and read back predicts exactly as its session did, for
// every task, and a damaged or hostile file is refused with the part that is wrong, never
// crashing or half-loading.
#include "core/model/model_file.h"

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/data/read_csv.h"
#include "tests/native/test_data.h"
#include "tests/native/train/run_to_end.h"

namespace gradtape {
namespace {

using Json = nlohmann::ordered_json;

Table read_shared(const std::string& name) {
  std::optional<std::string> path = testing::shared_data_path(name);
  EXPECT_TRUE(path) << name << " not found in ../shared/data";
  Result<Table> table = read_csv(path ? testing::read_text_file(*path) : "");
  EXPECT_TRUE(table.ok());
  return table.ok() ? std::move(*table) : Table{};
}

// A session on `name` trained for 3 epochs, imputing so that every row can be scored.
std::unique_ptr<TrainingSession> trained(const Table& table, const std::string& target) {
  TrainingConfig config;
  config.epochs = 3;
  config.data.target = target;
  config.data.missing = MissingPolicy::Impute;
  return testing::run_to_end(table, config);
}

std::string model_text(const std::string& data, const std::string& target) {
  Table table = read_shared(data);
  std::unique_ptr<TrainingSession> session = trained(table, target);
  if (!session) return "";
  return write_model_file(model_of(*session, {data, 1234, "ab"}), "test");
}

class RoundTrip : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(RoundTrip, ReloadedModelPredictsExactlyAsItsSession) {
  const auto [data, target] = GetParam();
  Table table = read_shared(data);
  std::unique_ptr<TrainingSession> session = trained(table, target);
  ASSERT_TRUE(session);
  Result<Predictions> expected = session->predict(table);
  ASSERT_TRUE(expected.ok()) << expected.error().message;

  const std::string text = write_model_file(model_of(*session, {data, 77, "00ff"}), "test");
  Result<TrainedModel> model = read_model_file(text);
  ASSERT_TRUE(model.ok()) << model.error().message;
  EXPECT_EQ(model->origin.file, data);
  EXPECT_EQ(model->origin.bytes, 77u);
  EXPECT_EQ(model->config.epochs, 3);
  EXPECT_EQ(model->config.data.missing, MissingPolicy::Impute);

  Result<Table> rows =
      read_csv(testing::read_text_file(*testing::shared_data_path(data)), csv_options_for(*model));
  ASSERT_TRUE(rows.ok());
  Result<ScoredPredictions> got = predict_rows(*model, *rows);
  ASSERT_TRUE(got.ok()) << got.error().message;
  for (const std::string& error : got->errors) EXPECT_EQ(error, "");
  EXPECT_EQ(got->predictions.classes, expected->classes);
  EXPECT_EQ(got->predictions.values, expected->values);
  ASSERT_EQ(got->predictions.probabilities.rows(), expected->probabilities.rows());
  EXPECT_TRUE(got->predictions.probabilities == expected->probabilities);
  // Written again, the reloaded model is the same file (compared quietly: it is long).
  EXPECT_TRUE(write_model_file(*model, "test") == text);
}

INSTANTIATE_TEST_SUITE_P(EveryTask, RoundTrip,
                         ::testing::Values(std::pair{"penguins.csv", "species"},
                                           std::pair{"penguins.csv", "sex"},
                                           std::pair{"diabetes_progression.csv", "progression"}));

TEST(ModelFile, RowsThatCannotBeScoredGetTheirReasonAndTheOthersAreScored) {
  Table table = read_shared("penguins.csv");
  std::unique_ptr<TrainingSession> session = trained(table, "species");
  ASSERT_TRUE(session);
  Result<TrainedModel> model = read_model_file(write_model_file(model_of(*session, {}), "t"));
  ASSERT_TRUE(model.ok());
  Result<Table> rows = read_csv(
      "island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year\n"
      "Biscoe,45.1,14.5,215,5000,female,2008\n"
      "Atlantis,45.1,14.5,215,5000,female,2008\n"
      "Biscoe,lots,14.5,215,5000,female,2008\n",
      csv_options_for(*model));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  Result<ScoredPredictions> got = predict_rows(*model, *rows);
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_EQ(got->errors.size(), 3u);
  EXPECT_EQ(got->errors[0], "");
  EXPECT_NE(got->errors[1].find("Atlantis"), std::string::npos) << got->errors[1];
  EXPECT_NE(got->errors[2].find("bill_length_mm"), std::string::npos) << got->errors[2];
}

TEST(ModelFile, AMissingFeatureColumnIsAnErrorNamingIt) {
  Result<TrainedModel> model = read_model_file(model_text("penguins.csv", "species"));
  ASSERT_TRUE(model.ok());
  Result<Table> rows = read_csv("island,bill_length_mm\nBiscoe,45.1\n");
  ASSERT_TRUE(rows.ok());
  Result<ScoredPredictions> got = predict_rows(*model, *rows);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.error().message.find("bill_depth_mm"), std::string::npos) << got.error().message;
}

// Each damage to a good file, and a fragment the error must contain.
struct Damage {
  const char* name;
  void (*apply)(Json&);
  const char* expected;
};

const Damage kDamages[] = {
    {"format", [](Json& d) { d["format"] = "gradtape-model/99"; }, "not a gradtape model"},
    {"format type", [](Json& d) { d["format"] = 1; }, "not a gradtape model"},
    {"no layers", [](Json& d) { d.erase("layers"); }, "has no \"layers\""},
    {"layers not a list", [](Json& d) { d["layers"] = "x"; }, "layers: expected 1 to 17"},
    {"short kernel", [](Json& d) { d["layers"][0]["kernel"].erase(0); }, "layers[0].kernel"},
    {"short row", [](Json& d) { d["layers"][1]["kernel"][3].erase(0); },
     "layers[1].kernel[3]: expected 64 numbers"},
    {"text weight", [](Json& d) { d["layers"][1]["bias"][2] = "x"; }, "layers[1].bias[2]"},
    {"huge weight", [](Json& d) { d["layers"][0]["kernel"][0][0] = 1e300; }, "float32"},
    {"unknown activation", [](Json& d) { d["layers"][0]["activation"] = "swish"; },
     "unknown activation 'swish'"},
    {"huge units", [](Json& d) { d["layers"][0]["units"] = 1e12; }, "layers[0].units"},
    {"fractional units", [](Json& d) { d["layers"][0]["units"] = 2.5; }, "layers[0].units"},
    {"wrong head", [](Json& d) { d["layers"][2]["activation"] = "sigmoid"; },
     "the last layer must be 3 softmax"},
    {"class count", [](Json& d) { d["target"]["classes"].erase(0); },
     "the last layer must be 2 softmax"},
    {"unsorted categories",
     [](Json& d) {
       std::swap(d["preprocessing"]["columns"][0]["categories"][0],
                 d["preprocessing"]["columns"][0]["categories"][1]);
     },
     "categories in byte order"},
    {"zero std", [](Json& d) { d["preprocessing"]["scaler"]["std"][0] = 0; }, "above 0"},
    {"scaler length", [](Json& d) { d["preprocessing"]["scaler"]["mean"].erase(0); }, "mean"},
    {"kept order",
     [](Json& d) { std::swap(d["preprocessing"]["kept"][0], d["preprocessing"]["kept"][1]); },
     "ascending"},
    {"task", [](Json& d) { d["task"] = "clustering"; }, "task: expected binary"},
    {"fill not a category", [](Json& d) { d["preprocessing"]["columns"][0]["fill"] = "Mars"; },
     "'Mars' is not one of its categories"},
    {"bad setting", [](Json& d) { d["settings"]["epochs"] = -4; }, "settings.epochs"},
    {"origin type", [](Json& d) { d["data"]["file"] = 5; }, "data.file: expected text"},
    {"weights source", [](Json& d) { d["metrics"]["weights"] = "middle"; },
     "metrics.weights: expected \"final\" or \"best\""},
    {"best figure", [](Json& d) { d["metrics"]["best"]["val_loss"] = "low"; },
     "metrics.best.val_loss: expected a number"},
};

TEST(ModelFile, EachDamageIsRefusedNamingWhatIsWrong) {
  const std::string good = model_text("penguins.csv", "species");
  ASSERT_TRUE(read_model_file(good).ok());
  for (const Damage& damage : kDamages) {
    Json doc = Json::parse(good);
    damage.apply(doc);
    Result<TrainedModel> model = read_model_file(doc.dump());
    ASSERT_FALSE(model.ok()) << damage.name;
    EXPECT_NE(model.error().message.find(damage.expected), std::string::npos)
        << damage.name << ": " << model.error().message;
  }
}

// The file keeps the last and the best epoch's figures apart, and says which weights it holds.
TEST(ModelFile, KeepsTheLastAndTheBestEpochsFiguresAndSaysWhichWeightsItHolds) {
  Table table = read_shared("diabetes_progression.csv");
  TrainingConfig config;
  config.epochs = 60;  // the diabetes run overfits: its best epoch comes well before the last
  config.data.target = "progression";
  std::unique_ptr<TrainingSession> session = testing::run_to_end(table, config);
  ASSERT_TRUE(session);
  const int best = session->best_epoch();
  ASSERT_LT(best, 60);
  auto figure = [](const std::vector<NamedFigure>& figures, const std::string& name) {
    for (const NamedFigure& f : figures)
      if (f.name == name) return f.value;
    return -1.0;
  };
  Result<TrainedModel> last = read_model_file(write_model_file(model_of(*session, {}), "test"));
  ASSERT_TRUE(last.ok()) << last.error().message;
  EXPECT_FALSE(last->weights_from_best);
  EXPECT_EQ(figure(last->final_figures, "epoch"), 60);
  EXPECT_EQ(figure(last->best_figures, "epoch"), best);
  EXPECT_EQ(figure(last->best_figures, "val_loss"), session->history()[best - 1].val_loss);

  ASSERT_TRUE(session->use_best_epoch());
  Result<TrainedModel> restored = read_model_file(write_model_file(model_of(*session, {}), "test"));
  ASSERT_TRUE(restored.ok());
  EXPECT_TRUE(restored->weights_from_best);
  EXPECT_EQ(figure(restored->final_figures, "epoch"), 60);
  EXPECT_EQ(figure(restored->best_figures, "epoch"), best);
}

TEST(ModelFile, TruncatedAndNonJsonTextIsRefused) {
  const std::string good = model_text("diabetes_progression.csv", "progression");
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, good.size() / 2, good.size() - 3}) {
    Result<TrainedModel> model = read_model_file(good.substr(0, cut));
    ASSERT_FALSE(model.ok()) << cut;
  }
  EXPECT_FALSE(read_model_file("[1,2,3]").ok());
  EXPECT_FALSE(read_model_file(std::string(100000, '[')).ok());
  EXPECT_FALSE(read_model_file("{\"format\":\"gradtape-model/1\"}").ok());
}

}  // namespace
}  // namespace gradtape
