#include "core/cli/trace_file.h"

#include <nlohmann/json.hpp>

#include "core/engine/activation.h"

namespace gradtape::cli {
namespace {

using nlohmann::json;

// A [rows][cols] nested array (or a flat array as one row) as a Matrix.
Matrix to_matrix(const json& rows) {
  if (!rows.empty() && rows.front().is_array()) {
    Matrix m(static_cast<Index>(rows.size()), static_cast<Index>(rows.front().size()));
    for (Index r = 0; r < m.rows(); ++r) {
      for (Index c = 0; c < m.cols(); ++c) m(r, c) = rows.at(r).at(c).get<float>();
    }
    return m;
  }
  Matrix m(1, static_cast<Index>(rows.size()));
  for (Index c = 0; c < m.cols(); ++c) m(0, c) = rows.at(c).get<float>();
  return m;
}

Trace read(const json& doc) {
  Trace trace;
  const json& meta = doc.at("meta");
  const json& data = doc.at("data");
  TrainingConfig& config = trace.config;
  config.data.target = data.at("target_column").get<std::string>();
  config.batch_size = meta.at("batch_size").get<int>();
  config.seed = meta.at("seed").get<std::uint32_t>();
  const json& optimizer = meta.at("optimizer");
  config.optimizer.kind = OptimizerKind::rmsprop;
  config.optimizer.learning_rate = optimizer.at("learning_rate").get<double>();
  config.optimizer.rho = optimizer.value("rho", 0.9);
  config.optimizer.momentum = optimizer.value("momentum", 0.0);
  config.optimizer.epsilon = optimizer.value("epsilon", 1e-7);
  config.optimizer.centered = optimizer.value("centered", false);

  const json& layers = doc.at("model").at("layers");
  config.hidden.clear();
  for (std::size_t i = 0; i + 1 < layers.size(); ++i) {
    config.hidden.push_back(layers[i].at("units").get<int>());
    Result<Activation> activation = parse_activation(layers[i].at("activation").get<std::string>());
    if (activation) config.activation = *activation;
  }

  trace.replay.split.train_rows = data.at("train_idx").get<std::vector<std::size_t>>();
  trace.replay.split.val_rows = data.at("val_idx").get<std::vector<std::size_t>>();
  for (const json& layer : doc.at("initial_weights")) {
    trace.replay.initial_weights.push_back(to_matrix(layer.at("kernel")));
    trace.replay.initial_weights.push_back(to_matrix(layer.at("bias")));
  }
  for (const json& e : doc.at("epochs")) {
    trace.replay.epoch_orders.push_back(e.at("perm").get<std::vector<std::size_t>>());
    TraceEpoch epoch;
    epoch.epoch = e.at("epoch").get<int>();
    epoch.step_losses = e.at("step_losses").get<std::vector<double>>();
    epoch.train_loss = e.at("train_loss").get<double>();
    epoch.val_loss = e.at("val_loss").get<double>();
    epoch.train_correct = e.at("train_correct").get<std::int64_t>();
    epoch.val_correct = e.at("val_correct").get<std::int64_t>();
    trace.epochs.push_back(std::move(epoch));
  }
  trace.train_mean = data.value("train_mean", std::vector<double>{});
  trace.train_std = data.value("train_std", std::vector<double>{});
  return trace;
}

}  // namespace

Result<Trace> parse_trace(const std::string& text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error{"the trace is not valid JSON"};
  if (doc.value("format", "") != "heart-tfjs-trace/1") {
    return Error{"not a heart-tfjs-trace/1 file (its \"format\" is '" + doc.value("format", "") +
                 "')"};
  }
  try {
    Trace trace = read(doc);
    if (trace.epochs.empty()) return Error{"the trace has no epochs"};
    return trace;
  } catch (const json::exception& e) {
    // nlohmann reports a missing key or a wrong type by exception; the CLI is native only.
    return Error{std::string("malformed trace: ") + e.what()};
  }
}

}  // namespace gradtape::cli
