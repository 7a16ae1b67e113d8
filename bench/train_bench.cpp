// Whole runs through the training session, as the CLI and the page drive it: the tutorial's 60
// epochs (read, prepare, train, validate) and one step. Data: $GRADTAPE_HEART_CSV if set, else
// the shipped synthetic sample with heart.csv's shape.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "core/data/read_csv.h"
#include "core/train/settings.h"
#include "core/train/training_session.h"

namespace gradtape {
namespace {

std::string data_path() {
  const char* heart = std::getenv("GRADTAPE_HEART_CSV");
  return heart ? heart : std::string(GRADTAPE_SOURCE_DIR) + "/data/heart_synthetic.csv";
}

const std::string& csv_text() {
  static const std::string text = [] {
    std::ifstream in(data_path(), std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
  }();
  return text;
}

void BM_Tutorial60Epochs(benchmark::State& state) {
  const TrainingConfig tutorial;
  for (auto _ : state) {
    Result<Table> table = read_csv(csv_text());
    if (!table) {
      state.SkipWithError(table.error().message.c_str());
      return;
    }
    Result<std::unique_ptr<TrainingSession>> session = TrainingSession::create(*table, tutorial);
    while (!(*session)->done()) (*session)->run_epoch();
    benchmark::DoNotOptimize((*session)->history().back().val_loss);
  }
  state.SetLabel(data_path());
}
BENCHMARK(BM_Tutorial60Epochs)->Unit(benchmark::kMillisecond);

void BM_SessionStep(benchmark::State& state) {
  Result<Table> table = read_csv(csv_text());
  TrainingConfig config;
  config.epochs = static_cast<int>(find_setting("epochs")->max);  // steps enough for any run
  Result<std::unique_ptr<TrainingSession>> session = TrainingSession::create(*table, config);
  for (auto _ : state) (*session)->step({1});
}
BENCHMARK(BM_SessionStep)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace gradtape
