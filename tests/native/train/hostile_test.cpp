// The hostile-input corpus (tests/hostile/cases.json) through the native pipeline: every case is
// read, configured and trained as the CLI does it, and must end exactly as the corpus says, with
// a clean error naming the line, the limit or the setting, and never a crash.
#include <cmath>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "core/data/describe.h"
#include "core/data/read_csv.h"
#include "core/train/settings.h"
#include "core/train/training_session.h"
#include "tests/native/test_data.h"

namespace gradtape {
namespace {

using nlohmann::json;

// The case's file: its text, its bytes, or a generated one.
std::string file_of(const json& c) {
  if (c.contains("csv")) return c["csv"].get<std::string>();
  if (c.contains("bytes_hex")) {
    const std::string hex = c["bytes_hex"].get<std::string>();
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
      bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return bytes;
  }
  const json& g = c["generate"];
  if (g.contains("cell_bytes"))
    return "a,y\n" + std::string(g["cell_bytes"].get<std::size_t>(), 'x') + ",1\n";
  std::string text;
  const std::size_t columns = g["columns"].get<std::size_t>(), rows = g["rows"].get<std::size_t>();
  for (std::size_t r = 0; r <= rows; ++r) {
    for (std::size_t k = 0; k < columns; ++k)
      text += (k ? "," : "") + (r == 0 ? "c" + std::to_string(k) : std::to_string(k % 10));
    text += "\n";
  }
  return text;
}

// "" for success, else the error's message; `field` receives its field.
std::string outcome(const Result<Table>& table) { return table.ok() ? "" : table.error().message; }

void expect_error(const std::string& message, const std::string& field, const json& c,
                  const char* stage) {
  const std::string expected = c.value(stage, "ok");
  if (expected == "ok") {
    EXPECT_EQ(message, "") << stage;
    return;
  }
  EXPECT_NE(message.find(expected), std::string::npos)
      << stage << ": expected '" << expected << "', got '" << message << "'";
  if (c.contains("field")) EXPECT_EQ(field, c["field"].get<std::string>()) << stage;
}

void run_case(const json& c) {
  SCOPED_TRACE(c["name"].get<std::string>());
  Result<Table> table = read_csv(file_of(c));
  expect_error(outcome(table), table.ok() ? "" : table.error().field, c, "load");
  if (!table.ok()) return;
  if (c.contains("dtypes")) {
    for (const auto& [name, dtype] : c["dtypes"].items()) {
      const Column* column = table->find(name);
      ASSERT_NE(column, nullptr) << name;
      EXPECT_EQ(std::string(dtype_name(column->dtype)), dtype.get<std::string>()) << name;
    }
  }
  if (c.contains("missing")) {
    for (const auto& [name, count] : c["missing"].items())
      EXPECT_EQ(table->find(name)->missing_count(), count.get<std::size_t>()) << name;
  }
  if (!c.contains("configure") && !c.contains("train") && !c.contains("settings")) return;
  std::map<std::string, SettingValue> values;
  Error error;
  const json settings = c.value("settings", json::object());
  for (const auto& [key, text] : settings.items()) {
    const SettingSpec* spec = find_setting(key);
    Result<SettingValue> value =
        spec ? parse_setting(*spec, text.get<std::string>())
             : Result<SettingValue>(Error{"unknown setting '" + key + "'", key});
    if (!value.ok()) {
      error = value.error();
      break;
    }
    values[key] = *value;
  }
  Result<TrainingConfig> config =
      error.message.empty() ? config_from(values) : Result<TrainingConfig>(error);
  if (config.ok() && !values.count("epochs")) config->epochs = 2;
  Result<std::unique_ptr<TrainingSession>> session =
      config.ok() ? TrainingSession::create(*table, *config)
                  : Result<std::unique_ptr<TrainingSession>>(config.error());
  expect_error(session.ok() ? "" : session.error().message,
               session.ok() ? "" : session.error().field, c, "configure");
  if (!session.ok()) return;
  while (!(*session)->done()) (*session)->step({1});
  const std::optional<Error>& failure = (*session)->failure();
  expect_error(failure ? failure->message : "", failure ? failure->field : "", c, "train");
  for (const EpochLog& log : (*session)->history())
    EXPECT_TRUE(std::isfinite(log.train_loss)) << log.epoch;
}

TEST(HostileCorpus, EveryCaseEndsAsTheCorpusSays) {
  const json corpus = json::parse(
      testing::read_text_file(std::string(GRADTAPE_SOURCE_DIR) + "/tests/hostile/cases.json"));
  ASSERT_EQ(corpus["format"], "gradtape-hostile/1");
  ASSERT_GE(corpus["cases"].size(), 40u);
  for (const json& c : corpus["cases"]) run_case(c);
}

}  // namespace
}  // namespace gradtape
