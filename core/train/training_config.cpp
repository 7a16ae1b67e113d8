#include "core/train/training_config.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace gradtape {
namespace {

Error field_error(const char* field, std::string message) { return Error{std::move(message), field}; }

std::string number(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

// A fraction-like parameter in [0, 1): rho, momentum, beta_1, beta_2.
Status check_unit_interval(const char* field, double value) {
  if (!std::isfinite(value) || value < 0.0 || value >= 1.0) {
    return field_error(field, std::string(field) + " must be at least 0 and below 1, got " + number(value));
  }
  return {};
}

}  // namespace

Result<OptimizerKind> parse_optimizer(std::string_view name) {
  if (name == "rmsprop") return OptimizerKind::rmsprop;
  if (name == "adam") return OptimizerKind::adam;
  if (name == "sgd") return OptimizerKind::sgd;
  return field_error("optimizer", "unknown optimizer '" + std::string(name) +
                                      "': use rmsprop, adam or sgd");
}

const char* optimizer_name(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::rmsprop: return "rmsprop";
    case OptimizerKind::adam: return "adam";
    case OptimizerKind::sgd: return "sgd";
  }
  return "rmsprop";
}

Status validate(const TrainingConfig& config) {
  if (config.epochs < 1 || config.epochs > kMaxEpochs) {
    return field_error("epochs", "epochs must be between 1 and " + std::to_string(kMaxEpochs) +
                                     ", got " + std::to_string(config.epochs));
  }
  if (config.batch_size < 1) {
    return field_error("batch_size", "batch size must be at least 1, got " + std::to_string(config.batch_size));
  }
  if (config.hidden.size() > static_cast<std::size_t>(kMaxHiddenLayers)) {
    return field_error("hidden", "at most " + std::to_string(kMaxHiddenLayers) + " hidden layers, got " +
                                     std::to_string(config.hidden.size()));
  }
  for (std::size_t i = 0; i < config.hidden.size(); ++i) {
    int units = config.hidden[i];
    if (units < 1 || units > kMaxUnits) {
      return field_error("hidden", "hidden layer " + std::to_string(i + 1) + " must have 1 to " +
                                       std::to_string(kMaxUnits) + " units, got " + std::to_string(units));
    }
  }
  const OptimizerSettings& opt = config.optimizer;
  if (!std::isfinite(opt.learning_rate) || opt.learning_rate <= 0.0) {
    return field_error("learning_rate", "learning rate must be a finite number above 0, got " + number(opt.learning_rate));
  }
  if (Status s = check_unit_interval("rho", opt.rho); !s) return s;
  if (Status s = check_unit_interval("momentum", opt.momentum); !s) return s;
  if (Status s = check_unit_interval("beta_1", opt.beta_1); !s) return s;
  if (Status s = check_unit_interval("beta_2", opt.beta_2); !s) return s;
  if (!std::isfinite(opt.epsilon) || opt.epsilon <= 0.0) {
    return field_error("epsilon", "epsilon must be a finite number above 0, got " + number(opt.epsilon));
  }
  const double split = config.data.validation_split;
  if (!std::isfinite(split) || split <= 0.0 || split >= 1.0) {
    return field_error("validation_split", "validation split must be above 0 and below 1, got " + number(split));
  }
  if (config.data.scaler_ddof != 0 && config.data.scaler_ddof != 1) {
    return field_error("scaler_ddof", "scaler ddof must be 0 or 1, got " + std::to_string(config.data.scaler_ddof));
  }
  return {};
}

Result<std::vector<int>> parse_hidden_layers(std::string_view text) {
  auto trim = [](std::string_view item) {
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    return item;
  };
  std::vector<int> units;
  if (trim(text).empty()) return units;
  for (std::size_t start = 0;;) {
    std::size_t end = std::min(text.find(',', start), text.size());
    std::string_view item = trim(text.substr(start, end - start));
    bool digits = !item.empty() && item.size() <= 6;
    int value = 0;
    for (char c : item) {
      digits = digits && c >= '0' && c <= '9';
      value = value * 10 + (c - '0');
    }
    if (!digits) {
      return field_error("hidden", "hidden layers must be whole numbers separated by commas, like 64,64; got '" +
                                       std::string(text) + "'");
    }
    units.push_back(value);
    if (end == text.size()) return units;
    start = end + 1;
  }
}

}  // namespace gradtape
