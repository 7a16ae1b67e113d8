#include "core/reference/trace.h"

#include <nlohmann/json.hpp>

#include "core/engine/activation.h"

namespace gradtape {
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
  // The heart format spells the optimizer out; the table format says in words that it is the
  // same RMSprop (learning rate 0.001, rho 0.9, no momentum, epsilon 1e-7): the defaults.
  config.optimizer.kind = OptimizerKind::rmsprop;
  if (const json& optimizer = meta.at("optimizer"); optimizer.is_object()) {
    config.optimizer.learning_rate = optimizer.at("learning_rate").get<double>();
    config.optimizer.rho = optimizer.value("rho", 0.9);
    config.optimizer.momentum = optimizer.value("momentum", 0.0);
    config.optimizer.epsilon = optimizer.value("epsilon", 1e-7);
    config.optimizer.centered = optimizer.value("centered", false);
  }
  const std::string task = meta.value("task", "binary");
  trace.task = task == "multiclass"   ? Task::multiclass
               : task == "regression" ? Task::regression
                                      : Task::binary;
  config.data.task = static_cast<TaskRequest>(static_cast<int>(trace.task) + 1);
  trace.classes = data.value("classes", std::vector<std::string>{});
  if (data.contains("target_mean")) trace.target_mean = data.at("target_mean").get<double>();
  if (data.contains("target_std")) trace.target_std = data.at("target_std").get<double>();

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
    if (trace.task == Task::regression) {
      epoch.train_mae = e.at("train_mae").get<double>();
      epoch.val_mae = e.at("val_mae").get<double>();
      epoch.val_rmse = e.at("val_rmse").get<double>();
      epoch.val_r2 = e.at("val_r2").get<double>();
    } else {
      epoch.train_correct = e.at("train_correct").get<std::int64_t>();
      epoch.val_correct = e.at("val_correct").get<std::int64_t>();
    }
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
  const std::string format = doc.is_object() ? doc.value("format", "") : "";
  if (format != "heart-tfjs-trace/1" && format != "table-tfjs-trace/1") {
    return Error{"not a heart-tfjs-trace/1 or table-tfjs-trace/1 file (its \"format\" is '" +
                 format + "')"};
  }
  try {
    Trace trace = read(doc);
    trace.format = format;
    if (trace.epochs.empty()) return Error{"the trace has no epochs"};
    return trace;
  } catch (const json::exception& e) {
    // nlohmann reports a missing key or a wrong type by exception; the CLI is native only.
    return Error{std::string("malformed trace: ") + e.what()};
  }
}

}  // namespace gradtape
