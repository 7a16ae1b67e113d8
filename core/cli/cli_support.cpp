#include "core/cli/cli_support.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "core/engine/activation.h"

namespace gradtape::cli {

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Error{"cannot read '" + path + "': " + std::strerror(errno)};
  const std::streamoff size = in.tellg();
  if (size < 0) return Error{"cannot read '" + path + "': not a regular file"};
  if (static_cast<std::size_t>(size) > max_bytes) {
    return Error{"'" + path + "' is " + std::to_string(size >> 20) + " MiB; the limit is " +
                 std::to_string(max_bytes >> 20) + " MiB"};
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(text.data(), size)) return Error{"cannot read '" + path + "'"};
  return text;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    std::size_t end = std::min(text.find(',', start), text.size());
    items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

std::string flag_for_field(std::string_view field) {
  static const std::map<std::string_view, std::string_view> flags = {
      {"excluded_columns", "--exclude"},
      {"learning_rate", "--lr"}, {"validation_split", "--val-split"}, {"scaler_ddof", "--ddof"},
      {"beta_1", "--beta1"},     {"beta_2", "--beta2"},
  };
  if (auto it = flags.find(field); it != flags.end()) return std::string(it->second);
  std::string flag = "--" + std::string(field);
  for (char& c : flag) c = c == '_' ? '-' : c;
  return flag;
}

int report_error(std::string_view command, const Error& error) {
  std::string where = error.field.empty() ? "" : flag_for_field(error.field) + ": ";
  std::fprintf(stderr, "gradtape %.*s: error: %s%s\n", static_cast<int>(command.size()),
               command.data(), where.c_str(), error.message.c_str());
  return 2;
}

void add_training_flags(CLI::App& command, TrainingFlags& flags) {
  TrainingConfig& c = flags.config;
  OptimizerSettings& o = c.optimizer;
  command.add_option("--target", c.data.target, "Target column (default: the column named like a target, or the last 0/1 column)");
  command.add_option("--exclude", flags.exclude, "Columns to leave out of the features, comma-separated (an ID, a leak)");
  command.add_option("--epochs", c.epochs, "Epochs")->capture_default_str();
  command.add_option("--batch-size", c.batch_size, "Batch size")->capture_default_str();
  command.add_option("--lr", o.learning_rate, "Learning rate")->capture_default_str();
  command.add_option("--optimizer", flags.optimizer, "Optimizer")
      ->check(CLI::IsMember({"rmsprop", "adam", "sgd"}))
      ->capture_default_str();
  command.add_option("--hidden", flags.hidden, "Units of each hidden layer, comma-separated (empty: none)")
      ->capture_default_str();
  command.add_option("--activation", flags.activation, "Hidden-layer activation")
      ->check(CLI::IsMember({"relu", "tanh", "sigmoid"}))
      ->capture_default_str();
  command.add_option("--val-split", c.data.validation_split, "Validation fraction, in (0, 1)")->capture_default_str();
  command.add_option("--seed", c.seed, "Seed of the split, the initial weights and every shuffle")->capture_default_str();
  command.add_option("--encoding", flags.encoding, "Text columns as category codes or one-hot")
      ->check(CLI::IsMember({"codes", "onehot"}))
      ->capture_default_str();
  command.add_option("--missing", flags.missing, "Rows with missing values: drop them, or impute (train mean / mode)")
      ->check(CLI::IsMember({"drop", "impute"}))
      ->capture_default_str();
  command.add_option("--ddof", c.data.scaler_ddof, "Scaler's std: 1 (pandas, the tutorial) or 0 (sklearn)")->capture_default_str();
  command.add_flag("--stratify", c.data.stratify, "Stratify the split by class");
  command.add_option("--momentum", o.momentum, "Momentum (RMSprop, SGD)")->capture_default_str();
  command.add_option("--rho", o.rho, "RMSprop's rho")->capture_default_str();
  command.add_flag("--centered", o.centered, "Centered RMSprop");
  command.add_flag("--nesterov", o.nesterov, "Nesterov momentum (SGD)");
  command.add_option("--beta1", o.beta_1, "Adam's beta_1")->capture_default_str();
  command.add_option("--beta2", o.beta_2, "Adam's beta_2")->capture_default_str();
  command.add_option("--epsilon", o.epsilon, "Epsilon (RMSprop, Adam)")->capture_default_str();
}

Result<TrainingConfig> resolve(const TrainingFlags& flags) {
  TrainingConfig config = flags.config;
  Result<std::vector<int>> hidden = parse_hidden_layers(flags.hidden);
  if (!hidden) return hidden.error();
  config.hidden = *hidden;
  config.data.excluded_columns = split_list(flags.exclude);
  Result<OptimizerKind> optimizer = parse_optimizer(flags.optimizer);
  if (!optimizer) return optimizer.error();
  config.optimizer.kind = *optimizer;
  Result<Activation> activation = parse_activation(flags.activation);
  if (!activation) return activation.error();
  config.activation = *activation;
  // The flags' values were checked against these names when the command line was parsed.
  config.data.encoding = flags.encoding == "onehot" ? Encoding::OneHot : Encoding::CategoryCodes;
  config.data.missing = flags.missing == "impute" ? MissingPolicy::Impute : MissingPolicy::DropRows;
  if (Status valid = validate(config); !valid) return valid.error();
  return config;
}

}  // namespace gradtape::cli
