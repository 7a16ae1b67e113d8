// The settings table: every row is complete and its default passes its own rule; text parses as
// the CLI and the page's form give it; errors are worded from the row and name its key.
#include "core/train/settings.h"

#include <gtest/gtest.h>

#include <set>

namespace gradtape {
namespace {

Result<SettingValue> parse(const char* key, const char* text) {
  return parse_setting(*find_setting(key), text);
}

std::string message_of(const char* key, const char* text) {
  Result<SettingValue> parsed = parse(key, text);
  EXPECT_FALSE(parsed.ok()) << key << " = " << text;
  return parsed.ok() ? "" : parsed.error().message;
}

TEST(Settings, EveryRowIsCompleteAndItsDefaultPassesItsRule) {
  const TrainingConfig defaults;
  std::set<std::string> keys, flags;
  for (const SettingSpec& spec : settings_table()) {
    EXPECT_TRUE(keys.insert(spec.key).second) << "duplicate key " << spec.key;
    EXPECT_TRUE(flags.insert(spec.flag).second) << "duplicate flag " << spec.flag;
    EXPECT_EQ(spec.flag.rfind("--", 0), 0u) << spec.key;
    EXPECT_FALSE(spec.label.empty()) << spec.key;
    EXPECT_GT(spec.help.size(), 20u) << spec.key;
    ASSERT_NE(spec.get, nullptr) << spec.key;
    ASSERT_NE(spec.set, nullptr) << spec.key;
    EXPECT_TRUE(check_setting(spec, spec.get(defaults)).ok()) << spec.key;
    if (spec.type == SettingType::choice) {
      EXPECT_GE(spec.choices.size(), 2u) << spec.key;
    }
  }
  EXPECT_TRUE(validate(defaults).ok());
}

TEST(Settings, EveryDefaultReadsBackFromItsText) {
  const TrainingConfig defaults;
  for (const SettingSpec& spec : settings_table()) {
    const SettingValue value = spec.get(defaults);
    Result<SettingValue> parsed = parse_setting(spec, setting_text(spec, value));
    ASSERT_TRUE(parsed.ok()) << spec.key << ": " << parsed.error().message;
    EXPECT_EQ(*parsed, value) << spec.key;
  }
}

TEST(Settings, SetWritesWhatGetReads) {
  TrainingConfig config;
  for (const auto& [key, text] :
       std::vector<std::pair<const char*, const char*>>{{"epochs", "7"},
                                                        {"batch_size", "16"},
                                                        {"learning_rate", "0.01"},
                                                        {"optimizer", "adam"},
                                                        {"hidden", "8,4"},
                                                        {"activation", "tanh"},
                                                        {"validation_split", "0.3"},
                                                        {"seed", "4294967295"},
                                                        {"encoding", "onehot"},
                                                        {"missing", "impute"},
                                                        {"stratify", "true"},
                                                        {"beta_2", "0.99"},
                                                        {"exclude", "id,name"},
                                                        {"task", "regression"}}) {
    const SettingSpec& spec = *find_setting(key);
    Result<SettingValue> value = parse_setting(spec, text);
    ASSERT_TRUE(value.ok()) << key;
    spec.set(config, *value);
    EXPECT_EQ(setting_text(spec, spec.get(config)), text) << key;
  }
  EXPECT_EQ(config.optimizer.kind, OptimizerKind::adam);
  EXPECT_EQ(config.activation, Activation::tanh);
  EXPECT_EQ(config.data.encoding, Encoding::OneHot);
  EXPECT_EQ(config.data.missing, MissingPolicy::Impute);
  EXPECT_EQ(config.seed, 4294967295u);
  EXPECT_EQ(config.data.exclude, (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(config.data.task, TaskRequest::regression);
}

TEST(Settings, ErrorsAreWordedFromTheRowAndNameTheKey) {
  EXPECT_EQ(message_of("epochs", "0"), "Epochs must be a whole number from 1 to 10,000, got 0");
  EXPECT_EQ(message_of("epochs", "1.5"), "Epochs must be a whole number from 1 to 10,000, got 1.5");
  EXPECT_EQ(message_of("epochs", ""),
            "Epochs must be a whole number from 1 to 10,000, got nothing");
  EXPECT_EQ(message_of("learning_rate", "0"),
            "Learning rate must be a number above 0 and at most 10, got 0");
  EXPECT_EQ(message_of("learning_rate", "1e30"),
            "Learning rate must be a number above 0 and at most 10, got 1e+30");
  EXPECT_EQ(message_of("validation_split", "1"),
            "Validation split must be a number between 0 and 1, exclusive, got 1");
  EXPECT_EQ(message_of("optimizer", "adagrad"),
            "Optimizer must be one of rmsprop, adam or sgd, got 'adagrad'");
  EXPECT_EQ(message_of("momentum", "1"), "Momentum must be a number at least 0 and below 1, got 1");
  EXPECT_EQ(message_of("stratify", "maybe"), "Stratified split must be true or false, got 'maybe'");
  EXPECT_EQ(parse("seed", "-1").error().field, "seed");
  EXPECT_EQ(parse("beta_1", "2").error().field, "beta_1");
}

TEST(Settings, NumbersArePlainDecimals) {
  EXPECT_EQ(std::get<double>(*parse("learning_rate", " 1e-3 ")), 1e-3);
  EXPECT_EQ(std::get<double>(*parse("epochs", "60.0")), 60.0);
  for (const char* bad : {"0x10", "inf", "nan", "1,5", "2 3", "e5", "--1", "1e", "."}) {
    EXPECT_FALSE(parse("learning_rate", bad).ok()) << bad;
  }
  EXPECT_FALSE(parse("epochs", "1e300").ok());
  EXPECT_FALSE(parse("seed", "4294967296").ok());
}

TEST(Settings, HiddenLayersAreCommaSeparatedUnits) {
  EXPECT_EQ(std::get<std::vector<int>>(*parse("hidden", "64,64")), (std::vector<int>{64, 64}));
  EXPECT_EQ(std::get<std::vector<int>>(*parse("hidden", " 128 , 8 ")), (std::vector<int>{128, 8}));
  EXPECT_EQ(std::get<std::vector<int>>(*parse("hidden", "")), std::vector<int>{});
  for (const char* bad : {"64,", ",64", "64;64", "sixty", "64,-1", "1.5", "9999999",
                          "99999999999999", "4097", "0", "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1"}) {
    Result<SettingValue> parsed = parse("hidden", bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().field, "hidden");
    EXPECT_NE(parsed.error().message.find("64,64"), std::string::npos) << parsed.error().message;
  }
}

TEST(Settings, ConfigFromAppliesValuesOverTheDefaults) {
  Result<TrainingConfig> config = config_from({{"epochs", 5.0}, {"optimizer", std::string("sgd")}});
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->epochs, 5);
  EXPECT_EQ(config->optimizer.kind, OptimizerKind::sgd);
  EXPECT_EQ(config->batch_size, 32);
  Result<TrainingConfig> unknown = config_from({{"epoch", 5.0}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "epoch");
  Result<TrainingConfig> wrong_kind = config_from({{"epochs", std::string("5")}});
  ASSERT_FALSE(wrong_kind.ok());
  EXPECT_EQ(wrong_kind.error().field, "epochs");
}

TEST(Settings, ValidateNamesTheSettingOutOfItsLimits) {
  TrainingConfig config;
  config.optimizer.epsilon = 0;
  EXPECT_EQ(validate(config).error().field, "epsilon");
  config = TrainingConfig{};
  config.hidden = {64, 5000};
  EXPECT_EQ(validate(config).error().field, "hidden");
}

TEST(Settings, CamelCaseIsTheBindingsKey) {
  EXPECT_EQ(camel_case("batch_size"), "batchSize");
  EXPECT_EQ(camel_case("beta_1"), "beta1");
  EXPECT_EQ(camel_case("epochs"), "epochs");
  EXPECT_EQ(camel_case("val_auc"), "valAuc");
}

TEST(Settings, OptimizerNamesComeFromTheTable) {
  EXPECT_STREQ(optimizer_name(OptimizerKind::rmsprop), "rmsprop");
  EXPECT_STREQ(optimizer_name(OptimizerKind::adam), "adam");
  EXPECT_STREQ(optimizer_name(OptimizerKind::sgd), "sgd");
}

}  // namespace
}  // namespace gradtape
