// The CLI as a user runs it: build/native/gradtape with real files, checking exit status,
// stdout and the one-line errors on stderr.
#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/native/test_data.h"

namespace gradtape {
namespace {

struct CliRun {
  int status = -1;
  std::string out, err;
};

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `gradtape ARGS` through the shell, capturing stdout and stderr separately.
CliRun gradtape(const std::string& args) {
  char err_path[] = "/tmp/gradtape-cli-test-XXXXXX";
  const int fd = mkstemp(err_path);
  close(fd);
  const std::string command = std::string(GRADTAPE_CLI) + " " + args + " 2>" + err_path;
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.out.append(buffer, n);
  const int raw = pclose(pipe);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.err = read_all(err_path);
  std::remove(err_path);
  return run;
}

std::string write_temp(const std::string& text) {
  char path[] = "/tmp/gradtape-cli-input-XXXXXX";
  const int fd = mkstemp(path);
  close(fd);
  std::ofstream(path) << text;
  return path;
}

int line_count(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

TEST(Cli, HelpForEveryCommand) {
  for (const char* command : {"", "train", "replay", "describe"}) {
    CliRun run = gradtape(std::string(command) + " --help");
    EXPECT_EQ(run.status, 0) << command;
    EXPECT_NE(run.out.find("Usage"), std::string::npos) << command;
  }
  EXPECT_NE(gradtape("train --help").out.find("--batch-size"), std::string::npos);
}

TEST(Cli, TrainPrintsOneLinePerEpochThenTheConfusionMatrix) {
  GRADTAPE_REQUIRE_HEART_CSV(heart);
  CliRun run = gradtape("train " + heart + " --epochs 3");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("Epoch 1/3"), std::string::npos);
  EXPECT_NE(run.out.find("Epoch 3/3"), std::string::npos);
  EXPECT_EQ(run.out.find("Epoch 4/3"), std::string::npos);
  EXPECT_NE(run.out.find("confusion matrix"), std::string::npos);
  EXPECT_NE(run.err.find("734 train rows"), std::string::npos) << run.err;
}

TEST(Cli, TrainJsonIsOneObjectPerEpochWithTheDocumentedKeys) {
  GRADTAPE_REQUIRE_HEART_CSV(heart);
  CliRun run = gradtape("train " + heart + " --epochs 2 --seed 7 --json");
  ASSERT_EQ(run.status, 0) << run.err;
  std::istringstream lines(run.out);
  std::string line;
  int epoch = 0;
  while (std::getline(lines, line)) {
    nlohmann::json object = nlohmann::json::parse(line);
    EXPECT_EQ(object["epoch"].get<int>(), ++epoch);
    for (const char* key : {"train_loss", "val_loss", "train_accuracy", "val_accuracy",
                            "val_precision", "val_recall", "val_auc", "ms"}) {
      EXPECT_TRUE(object.contains(key)) << key;
    }
  }
  EXPECT_EQ(epoch, 2);
}

TEST(Cli, SameSeedSameOutput) {
  GRADTAPE_REQUIRE_HEART_CSV(heart);
  // Every figure but the timing, epoch by epoch.
  auto history = [&](const char* seed) {
    std::istringstream lines(gradtape("train " + heart + " --epochs 2 --json --seed " + seed).out);
    std::string line, figures;
    while (std::getline(lines, line)) {
      nlohmann::json object = nlohmann::json::parse(line);
      object.erase("ms");
      figures += object.dump();
    }
    return figures;
  };
  EXPECT_FALSE(history("3").empty());
  EXPECT_EQ(history("3"), history("3"));
  EXPECT_NE(history("3"), history("4"));
}

TEST(Cli, AMissingFileIsAOneLineError) {
  CliRun run = gradtape("train /nonexistent/heart.csv");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(line_count(run.err), 1) << run.err;
  EXPECT_NE(run.err.find("/nonexistent/heart.csv"), std::string::npos) << run.err;
}

TEST(Cli, AWrongTargetNamesTheFlagAndTheColumns) {
  std::string file = write_temp("a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n9,1,0\n2,2,1\n");
  CliRun run = gradtape("train " + file + " --target Nope --batch-size 2");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(line_count(run.err), 1) << run.err;
  EXPECT_NE(run.err.find("--target"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("Nope"), std::string::npos) << run.err;
  std::remove(file.c_str());
}

TEST(Cli, BadFlagsAndValuesAreOneLineErrorsWithStatusTwo) {
  GRADTAPE_REQUIRE_HEART_CSV(heart);
  for (const std::string& args :
       {std::string("--bogus"), std::string("--epochs abc"), std::string("--epochs 0"),
        std::string("--batch-size 0"), std::string("--batch-size 5000"), std::string("--lr -1"),
        std::string("--lr nan"), std::string("--optimizer adagrad"), std::string("--hidden 64,x"),
        std::string("--val-split 1.5")}) {
    CliRun run = gradtape("train " + heart + " " + args);
    EXPECT_EQ(run.status, 2) << args;
    EXPECT_EQ(line_count(run.err), 1) << args << ": " << run.err;
    EXPECT_NE(run.err.find("error"), std::string::npos) << args << ": " << run.err;
  }
}

TEST(Cli, AMalformedCsvNamesTheLine) {
  std::string file = write_temp("a,b,y\n1,2,0\n3,4\n");
  CliRun run = gradtape("train " + file);
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("line 3"), std::string::npos) << run.err;
  std::remove(file.c_str());
}

TEST(Cli, ABadCellNamesItsLineAndColumnButNoFlag) {
  std::string file = write_temp("a,epochs,y\n1,2,0\n3,inf,1\n5,6,0\n7,8,1\n9,1,0\n2,2,1\n");
  CliRun run = gradtape("train " + file + " --batch-size 2");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("line 3: 'epochs' is infinite"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("--epochs"), std::string::npos) << run.err;
  std::remove(file.c_str());
}

TEST(Cli, ReplayOfTheTwoEpochTracePasses) {
  GRADTAPE_REQUIRE_HEART_CSV(heart);
  auto trace = testing::reference_path("heart_tfjs_trace_2epochs.json");
  ASSERT_TRUE(trace || !testing::running_under_ci());
  if (!trace) GTEST_SKIP() << "reference trace not found";
  CliRun text = gradtape("replay " + *trace + " --data " + heart);
  EXPECT_EQ(text.status, 0) << text.out << text.err;
  EXPECT_NE(text.out.find("AGREE"), std::string::npos);

  CliRun json = gradtape("replay " + *trace + " --data " + heart + " --json");
  ASSERT_EQ(json.status, 0) << json.err;
  std::istringstream lines(json.out);
  std::string line;
  int epochs = 0;
  while (std::getline(lines, line)) {
    nlohmann::json object = nlohmann::json::parse(line);
    EXPECT_EQ(object["step_losses"].size(), 23u);
    EXPECT_TRUE(object.contains("train_correct") && object.contains("val_correct"));
    ++epochs;
  }
  EXPECT_EQ(epochs, 2);
}

TEST(Cli, TrainsAMulticlassTargetAndPrintsItsMatrixAndScores) {
  GRADTAPE_REQUIRE_SHARED_DATA(penguins, "penguins.csv");
  CliRun run = gradtape("train " + penguins + " --epochs 3");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("target species (multiclass: 3 classes (Adelie, Chinstrap, Gentoo))"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("model 7-64-64-3"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find(" - accuracy: "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(" - val_macro_f1: "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("   Adelie  Chinstrap     Gentoo"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("macro F1"), std::string::npos) << run.out;
  CliRun binary = gradtape("train " + penguins + " --target species --task binary");
  EXPECT_EQ(binary.status, 2);
  EXPECT_NE(binary.err.find("--task: 'species' cannot be a binary target: has 3 values"),
            std::string::npos)
      << binary.err;
}

TEST(Cli, TrainsARegressionTargetAndReportsErrorsInItsUnits) {
  GRADTAPE_REQUIRE_SHARED_DATA(diabetes, "diabetes_progression.csv");
  CliRun run = gradtape("train " + diabetes + " --epochs 2 --json");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("target progression (regression)"), std::string::npos) << run.err;
  std::istringstream lines(run.out);
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  nlohmann::json first = nlohmann::json::parse(line);
  for (const char* key :
       {"train_loss", "val_loss", "train_mae", "val_mae", "val_rmse", "val_r2", "ms"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
  EXPECT_FALSE(first.contains("val_accuracy"));
  EXPECT_GT(first["val_mae"].get<double>(), 10);  // in progression's units, not standardised
  CliRun text = gradtape("train " + diabetes + " --epochs 2");
  EXPECT_NE(text.out.find("Validation errors, in the target's units: MAE "), std::string::npos)
      << text.out;
  CliRun stratified = gradtape("train " + diabetes + " --stratify");
  EXPECT_EQ(stratified.status, 2);
  EXPECT_NE(stratified.err.find("--stratify: "), std::string::npos) << stratified.err;
}

TEST(Cli, ReplayOfTheTableTracesPasses) {
  for (const auto& [trace_name, data_name] :
       {std::pair{"penguins_tfjs_trace_2epochs.json", "penguins.csv"},
        {"diabetes_tfjs_trace_2epochs.json", "diabetes_progression.csv"}}) {
    GRADTAPE_REQUIRE_SHARED_DATA(data, data_name);
    GRADTAPE_REQUIRE_TRACE(ignored, trace_name);
    CliRun run = gradtape("replay " + *testing::reference_path(trace_name) + " --data " + data);
    EXPECT_EQ(run.status, 0) << run.out << run.err;
    EXPECT_NE(run.out.find("table-tfjs-trace/1"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("first 2 epochs: AGREE"), std::string::npos) << run.out;
  }
}

TEST(Cli, ReplayRefusesAFileThatIsNotATrace) {
  GRADTAPE_REQUIRE_HEART_CSV(heart);
  std::string file = write_temp("{\"format\": \"something-else\"}");
  CliRun run = gradtape("replay " + file + " --data " + heart);
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("heart-tfjs-trace/1"), std::string::npos) << run.err;
  std::remove(file.c_str());
}

}  // namespace
}  // namespace gradtape
