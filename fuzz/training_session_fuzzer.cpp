// Fuzz target: a line of key=value settings (split at ';') and a small CSV file through read_csv,
// TrainingSession::create, its training steps and predict; rows, columns, epochs and the model are
// capped so that one input runs in milliseconds.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "core/data/read_csv.h"
#include "core/train/settings.h"
#include "core/train/training_session.h"
#include "fuzz/setting_pairs.h"

namespace {

constexpr std::size_t kMaxRows = 64;
constexpr std::size_t kMaxColumns = 12;
constexpr int kMaxEpochs = 2;
constexpr std::size_t kMaxHiddenLayers = 2;
constexpr int kMaxUnits = 8;
constexpr int kMaxSteps = 200;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t line_end = std::min(text.find('\n'), text.size());
  const std::string_view settings = text.substr(0, line_end);
  text.remove_prefix(std::min(line_end + 1, text.size()));

  gradtape::CsvOptions options;
  options.max_rows = kMaxRows;
  options.max_columns = kMaxColumns;
  options.max_cell_bytes = 256;
  gradtape::Result<gradtape::Table> table = gradtape::read_csv(text, options);
  if (!table) return 0;

  auto values = gradtape::fuzz::setting_pairs(settings, ';');
  if (!values) return 0;
  gradtape::Result<gradtape::TrainingConfig> config = gradtape::config_from(*values);
  if (!config) return 0;
  config->epochs = std::min(config->epochs, kMaxEpochs);
  if (config->hidden.size() > kMaxHiddenLayers) config->hidden.resize(kMaxHiddenLayers);
  for (int& units : config->hidden) units = std::min(units, kMaxUnits);

  auto session = gradtape::TrainingSession::create(*table, *config);
  if (!session) return 0;
  gradtape::TrainingSession& run = **session;
  for (int steps = 0; !run.done() && steps < kMaxSteps; ++steps) run.step({1});
  for (const gradtape::EpochLog& log : run.history()) {
    if (!std::isfinite(log.train_loss)) __builtin_trap();
  }

  gradtape::Result<gradtape::Predictions> predictions = run.predict(*table);
  if (!predictions) return 0;
  for (std::size_t k : predictions->classes) {
    if (static_cast<gradtape::Index>(k) >= predictions->probabilities.cols()) __builtin_trap();
  }
  return 0;
}
