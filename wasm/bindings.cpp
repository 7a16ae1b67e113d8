// The embind bindings: a Session object for the page (wasm/API.md). Plain values cross the
// boundary, converted here, where the JavaScript names (camelCase) are decided. A core Error
// comes back as a JS Error object, which errors.js throws; the session is never left broken.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/data/describe.h"
#include "core/data/id_columns.h"
#include "core/data/read_csv.h"
#include "core/data/target.h"
#include "core/train/training_session.h"

namespace gradtape::wasm {
namespace {

using emscripten::val;

// The settings keys of API.md, by the core's field names.
std::string js_field(const std::string& field) {
  if (field == "excluded_columns") return "exclude";
  if (field == "beta_1") return "beta1";
  if (field == "beta_2") return "beta2";
  std::string name;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '_' && i + 1 < field.size()) {
      name += static_cast<char>(std::toupper(static_cast<unsigned char>(field[++i])));
    } else {
      name += field[i];
    }
  }
  return name;
}

val js_error(const Error& error) {
  val e = val::global("Error").new_(val(error.message));
  if (!error.field.empty()) e.set("field", val(js_field(error.field)));
  if (!error.column.empty()) e.set("column", val(error.column));
  return e;
}

template <class T>
val js_array(const std::vector<T>& values) {
  val array = val::array();
  for (const T& v : values) array.call<void>("push", val(v));
  return array;
}

// A number that may be NaN (pandas' NaN for an empty column's mean) as null for JSON-minded JS.
val js_number(double value) { return std::isfinite(value) ? val(value) : val::null(); }

val column_summary(const ColumnSummary& c, std::size_t rows) {
  val column = val::object();
  column.set("name", c.name);
  column.set("dtype", std::string(dtype_name(c.dtype)));
  column.set("missing", c.missing);
  column.set("distinct", c.distinct);
  column.set("idLike", looks_like_id(c, rows));
  column.set("count", c.count);
  if (c.dtype != DType::Object) {
    const NumericSummary& n = c.numeric;
    column.set("mean", js_number(n.mean));
    column.set("std", js_number(n.std));
    column.set("min", js_number(n.min));
    column.set("p25", js_number(n.q25));
    column.set("p50", js_number(n.q50));
    column.set("p75", js_number(n.q75));
    column.set("max", js_number(n.max));
  } else {
    column.set("top", c.top);
    column.set("freq", c.freq);
    column.set("categories", js_array(c.categories));
    val counts = val::array();
    for (const ValueCount& vc : c.value_counts) {
      val entry = val::object();
      entry.set("value", vc.value);
      entry.set("count", vc.count);
      counts.call<void>("push", entry);
    }
    column.set("valueCounts", counts);
  }
  return column;
}

val table_summary(const Table& table) {
  val summary = val::object();
  summary.set("rows", table.rows);
  summary.set("delimiter", std::string(1, table.delimiter));
  val columns = val::array();
  for (const ColumnSummary& c : describe(table)) columns.call<void>("push", column_summary(c, table.rows));
  summary.set("columns", columns);
  val head = val::array();
  for (const std::vector<std::string>& row : table.head) head.call<void>("push", js_array(row));
  summary.set("head", head);
  val candidates = val::array();
  for (const TargetCandidate& t : target_candidates(table)) {
    val candidate = val::object();
    candidate.set("name", t.column);
    candidate.set("labels", js_array(std::vector<std::string>{t.labels.negative, t.labels.positive}));
    candidate.set("counts", js_array(std::vector<std::size_t>{t.negative_count, t.positive_count}));
    candidates.call<void>("push", candidate);
  }
  summary.set("targetCandidates", candidates);
  std::optional<TargetCandidate> suggested = suggest_target(table);
  summary.set("suggestedTarget", suggested ? val(suggested->column) : val::null());
  return summary;
}

// Reads settings[key] into `out` when present; an Error on that field when it has the wrong type.
class SettingsReader {
 public:
  explicit SettingsReader(val settings) : settings_(std::move(settings)) {}

  std::optional<Error> number(const char* key, double& out) {
    val v = get(key);
    if (v.isUndefined() || v.isNull()) return std::nullopt;
    if (!v.isNumber()) return Error{std::string(key) + " must be a number", key};
    out = v.as<double>();
    return std::nullopt;
  }
  // An integer in [lo, hi]; a fraction or a number out of range is an Error on that field.
  template <class Int>
  std::optional<Error> integer(const char* key, Int& out, double lo, double hi) {
    double value = static_cast<double>(out);
    if (auto error = number(key, value)) return error;
    if (!std::isfinite(value) || std::floor(value) != value || value < lo || value > hi) {
      return Error{std::string(key) + " must be a whole number from " + std::to_string(static_cast<long long>(lo)) +
                       " to " + std::to_string(static_cast<long long>(hi)) + ", got " + format(value),
                   key};
    }
    out = static_cast<Int>(value);
    return std::nullopt;
  }
  std::optional<Error> text(const char* key, std::string& out) {
    val v = get(key);
    if (v.isUndefined() || v.isNull()) return std::nullopt;
    if (!v.isString()) return Error{std::string(key) + " must be text", key};
    out = v.as<std::string>();
    return std::nullopt;
  }
  std::optional<Error> flag(const char* key, bool& out) {
    val v = get(key);
    if (v.isUndefined() || v.isNull()) return std::nullopt;
    if (!v.isTrue() && !v.isFalse()) return Error{std::string(key) + " must be true or false", key};
    out = v.isTrue();
    return std::nullopt;
  }
  // An array of column names.
  std::optional<Error> names(const char* key, std::vector<std::string>& out) {
    val v = get(key);
    if (v.isUndefined() || v.isNull()) return std::nullopt;
    if (!v.isArray()) return Error{std::string(key) + " must be a list of column names", key};
    out.clear();
    const int n = v["length"].as<int>();
    for (int i = 0; i < n; ++i) {
      if (!v[i].isString()) return Error{std::string(key) + " must be a list of column names", key};
      out.push_back(v[i].as<std::string>());
    }
    return std::nullopt;
  }
  // An array of whole numbers, or text such as "64,64".
  std::optional<Error> hidden(std::vector<int>& out) {
    val v = get("hidden");
    if (v.isUndefined() || v.isNull()) return std::nullopt;
    std::string text;
    if (v.isString()) {
      text = v.as<std::string>();
    } else if (v.isArray()) {
      const int n = v["length"].as<int>();
      for (int i = 0; i < n; ++i) {
        if (!v[i].isNumber()) return Error{"hidden layers must be whole numbers", "hidden"};
        text += (i ? "," : "") + format(v[i].as<double>());
      }
    } else {
      return Error{"hidden layers must be a list of whole numbers, like 64,64", "hidden"};
    }
    Result<std::vector<int>> units = parse_hidden_layers(text);
    if (!units) return units.error();
    out = *units;
    return std::nullopt;
  }

 private:
  val get(const char* key) const { return settings_.isUndefined() || settings_.isNull() ? val::undefined() : settings_[key]; }
  static std::string format(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", value);
    return text;
  }
  val settings_;
};

// The core's error fields are snake_case; the settings reader's are already the JS keys.
Error with_js_field(Error error) {
  error.field = js_field(error.field);
  return error;
}

Result<TrainingConfig> read_settings(val settings) {
  TrainingConfig config;
  SettingsReader read(std::move(settings));
  std::string optimizer = optimizer_name(config.optimizer.kind), activation = "relu";
  std::string encoding = "codes", missing = "drop";
  OptimizerSettings& o = config.optimizer;
  for (std::optional<Error> error :
       {read.text("target", config.data.target), read.names("exclude", config.data.excluded_columns),
        read.integer("epochs", config.epochs, 1, kMaxEpochs),
        read.integer("batchSize", config.batch_size, 1, 1e9), read.number("learningRate", o.learning_rate),
        read.text("optimizer", optimizer), read.hidden(config.hidden), read.text("activation", activation),
        read.number("validationSplit", config.data.validation_split),
        read.integer("seed", config.seed, 0, 4294967295.0), read.text("encoding", encoding),
        read.text("missing", missing), read.integer("scalerDdof", config.data.scaler_ddof, 0, 1),
        read.flag("stratify", config.data.stratify), read.number("momentum", o.momentum),
        read.number("rho", o.rho), read.number("epsilon", o.epsilon), read.number("beta1", o.beta_1),
        read.number("beta2", o.beta_2), read.flag("centered", o.centered), read.flag("nesterov", o.nesterov)}) {
    if (error) return *error;
  }
  Result<OptimizerKind> kind = parse_optimizer(optimizer);
  if (!kind) return kind.error();
  o.kind = *kind;
  Result<Activation> act = parse_activation(activation);
  if (!act) return act.error();
  config.activation = *act;
  if (encoding != "codes" && encoding != "onehot") {
    return Error{"encoding must be codes or onehot, got '" + encoding + "'", "encoding"};
  }
  config.data.encoding = encoding == "onehot" ? Encoding::OneHot : Encoding::CategoryCodes;
  if (missing != "drop" && missing != "impute") {
    return Error{"missing must be drop or impute, got '" + missing + "'", "missing"};
  }
  config.data.missing = missing == "impute" ? MissingPolicy::Impute : MissingPolicy::DropRows;
  if (Status valid = validate(config); !valid) return valid.error();
  return config;
}

const char* phase_name(TrainingSession::Phase phase) {
  switch (phase) {
    case TrainingSession::Phase::train: return "train";
    case TrainingSession::Phase::validate: return "validate";
    case TrainingSession::Phase::done: return "done";
  }
  return "train";
}

val epoch_log(const EpochLog& log) {
  val entry = val::object();
  entry.set("epoch", log.epoch);
  entry.set("trainLoss", log.train_loss);
  entry.set("valLoss", log.val_loss);
  entry.set("trainAccuracy", log.train_accuracy);
  entry.set("valAccuracy", log.val_accuracy);
  entry.set("valPrecision", log.val_precision);
  entry.set("valRecall", log.val_recall);
  entry.set("valAuc", log.val_auc);
  entry.set("ms", log.ms);
  return entry;
}

}  // namespace

class Session {
 public:
  // `input` is CSV text (a string), or the file's bytes (Uint8Array or ArrayBuffer), which lets
  // the reader name the line of any byte that is not UTF-8.
  val loadCsv(val input, val options) {
    std::string text;
    if (input.isString()) {
      text = input.as<std::string>();
    } else if (input.instanceof(val::global("Uint8Array")) || input.instanceof(val::global("ArrayBuffer"))) {
      val bytes = input.instanceof(val::global("ArrayBuffer")) ? val::global("Uint8Array").new_(input) : input;
      text.resize(bytes["length"].as<std::size_t>());
      val(emscripten::typed_memory_view(text.size(), reinterpret_cast<unsigned char*>(text.data())))
          .call<void>("set", bytes);
    } else {
      return js_error(Error{"loadCsv takes the CSV as text or as bytes (Uint8Array or ArrayBuffer)"});
    }
    CsvOptions csv;
    if (!options.isUndefined() && !options.isNull() && options["delimiter"].isString()) {
      std::string delimiter = options["delimiter"].as<std::string>();
      if (delimiter.size() != 1) return js_error(Error{"the delimiter must be one character", "delimiter"});
      csv.delimiter = delimiter[0];
    }
    Result<Table> table = read_csv(text, csv);
    if (!table) return js_error(table.error());
    // A new file ends the run of the old one; the old data stays until the new one has parsed.
    session_.reset();
    table_ = std::move(*table);
    return table_summary(*table_);
  }

  val configure(val settings) {
    if (!table_) return js_error(Error{"load a CSV file first"});
    Result<TrainingConfig> config = read_settings(std::move(settings));
    if (!config) return js_error(with_js_field(config.error()));
    Result<std::unique_ptr<TrainingSession>> session = TrainingSession::create(*table_, *config);
    if (!session) return js_error(with_js_field(session.error()));
    session_ = std::move(*session);
    const Dataset& data = session_->dataset();
    val plan = val::object();
    plan.set("trainRows", static_cast<double>(data.x_train.rows()));
    plan.set("valRows", static_cast<double>(data.x_val.rows()));
    plan.set("features", js_array(data.feature_names));
    plan.set("classes", js_array(std::vector<std::string>{data.labels.negative, data.labels.positive}));
    plan.set("batchesPerEpoch", session_->progress().batches_per_epoch);
    plan.set("parameters", static_cast<double>(session_->model().parameter_count()));
    plan.set("notes", js_array(data.notes));
    plan.set("target", session_->config().data.target);
    return plan;
  }

  val step(val limits) {
    if (!session_) return js_error(Error{"configure a run first"});
    TrainingSession::StepLimits step_limits;
    if (!limits.isUndefined() && !limits.isNull()) {
      if (limits["maxBatches"].isNumber()) {
        const double max_batches = limits["maxBatches"].as<double>();
        if (!(max_batches >= 1)) return js_error(Error{"maxBatches must be at least 1", "maxBatches"});
        step_limits.max_batches = static_cast<std::size_t>(std::min(max_batches, 1e15));
      }
      if (limits["budgetMs"].isNumber()) step_limits.budget_ms = limits["budgetMs"].as<double>();
    }
    const bool epoch_ended = session_->step(step_limits);
    val progress = progress_value();
    progress.set("epochEnded", epoch_ended);
    progress.set("log", epoch_ended ? epoch_log(session_->history().back()) : val::null());
    return progress;
  }

  val progress() const {
    if (!session_) return val::null();
    val p = progress_value();
    p.set("epochEnded", false);
    p.set("log", val::null());
    return p;
  }

  val history() const {
    val entries = val::array();
    if (session_) {
      for (const EpochLog& log : session_->history()) entries.call<void>("push", epoch_log(log));
    }
    return entries;
  }

  val confusionMatrix() const {
    if (!session_ || !session_->confusion_matrix()) return val::null();
    const ConfusionCounts& m = *session_->confusion_matrix();
    const ClassLabels& labels = session_->dataset().labels;
    val matrix = val::object();
    matrix.set("labels", js_array(std::vector<std::string>{labels.negative, labels.positive}));
    matrix.set("tn", static_cast<double>(m.tn));
    matrix.set("fp", static_cast<double>(m.fp));
    matrix.set("fn", static_cast<double>(m.fn));
    matrix.set("tp", static_cast<double>(m.tp));
    return matrix;
  }

  val settings() const {
    if (!session_) return val::null();
    const TrainingConfig& c = session_->config();
    val s = val::object();
    s.set("target", c.data.target);
    s.set("exclude", js_array(c.data.excluded_columns));
    s.set("epochs", c.epochs);
    s.set("batchSize", c.batch_size);
    s.set("learningRate", c.optimizer.learning_rate);
    s.set("optimizer", std::string(optimizer_name(c.optimizer.kind)));
    s.set("hidden", js_array(c.hidden));
    s.set("activation", std::string(activation_name(c.activation)));
    s.set("validationSplit", c.data.validation_split);
    s.set("seed", static_cast<double>(c.seed));
    s.set("encoding", std::string(c.data.encoding == Encoding::OneHot ? "onehot" : "codes"));
    s.set("missing", std::string(c.data.missing == MissingPolicy::Impute ? "impute" : "drop"));
    s.set("scalerDdof", c.data.scaler_ddof);
    s.set("stratify", c.data.stratify);
    s.set("momentum", c.optimizer.momentum);
    s.set("rho", c.optimizer.rho);
    s.set("epsilon", c.optimizer.epsilon);
    s.set("beta1", c.optimizer.beta_1);
    s.set("beta2", c.optimizer.beta_2);
    s.set("centered", c.optimizer.centered);
    s.set("nesterov", c.optimizer.nesterov);
    return s;
  }

  val predict(const std::string& csv_text) {
    if (!session_) return js_error(Error{"configure and train a run first"});
    CsvOptions csv;
    csv.object_columns = session_->dataset().preprocessor.object_columns();
    Result<Table> rows = read_csv(csv_text, csv);
    if (!rows) return js_error(rows.error());
    Result<std::vector<float>> probs = session_->predict(*rows);
    if (!probs) return js_error(probs.error());
    const ClassLabels& labels = session_->dataset().labels;
    val probabilities = val::array(), predicted = val::array();
    for (float p : *probs) {
      probabilities.call<void>("push", val(p));
      predicted.call<void>("push", val(p > 0.5f ? labels.positive : labels.negative));
    }
    val result = val::object();
    result.set("probabilities", probabilities);
    result.set("labels", predicted);
    return result;
  }

  void reset() { session_.reset(); }

 private:
  val progress_value() const {
    const TrainingSession::Progress p = session_->progress();
    val progress = val::object();
    progress.set("epoch", p.epoch);
    progress.set("epochs", p.epochs);
    progress.set("batch", p.batch);
    progress.set("batchesPerEpoch", p.batches_per_epoch);
    progress.set("phase", std::string(phase_name(p.phase)));
    progress.set("done", p.phase == TrainingSession::Phase::done);
    progress.set("samplesSeen", static_cast<double>(p.samples_seen));
    return progress;
  }

  std::optional<Table> table_;
  std::unique_ptr<TrainingSession> session_;
};

}  // namespace gradtape::wasm

EMSCRIPTEN_BINDINGS(gradtape) {
  using gradtape::wasm::Session;
  emscripten::function("version", +[]() { return std::string(GRADTAPE_VERSION); });
  emscripten::class_<Session>("Session")
      .constructor<>()
      .function("loadCsvWithOptions", &Session::loadCsv)
      .function("configure", &Session::configure)
      .function("stepWithLimits", &Session::step)
      .function("progress", &Session::progress)
      .function("history", &Session::history)
      .function("confusionMatrix", &Session::confusionMatrix)
      .function("settings", &Session::settings)
      .function("predict", &Session::predict)
      .function("reset", &Session::reset);
}
