// The embind bindings: a Session object for the page, and the settings and epoch field tables
// (wasm/API.md). Plain values cross the boundary (js_values.h decides their JS names). A core
// Error comes back as a JS Error object, which errors.js throws; the session is never left broken.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/data/csv_settings.h"
#include "core/data/limits.h"
#include "core/data/read_csv.h"
#include "core/model/error_table.h"
#include "core/model/model_file.h"
#include "core/model/tfjs_export.h"
#include "core/model/trained_model.h"
#include "core/pacer.h"
#include "core/sha256.h"
#include "core/train/error_rows.h"
#include "core/train/permutation_importance.h"
#include "core/train/training_session.h"
#include "wasm/js_insight.h"
#include "wasm/js_model.h"
#include "wasm/js_results.h"
#include "wasm/js_summary.h"
#include "wasm/js_values.h"

namespace gradtape::wasm {
namespace {

const char* phase_name(TrainingSession::Phase phase) {
  switch (phase) {
    case TrainingSession::Phase::train: return "train";
    case TrainingSession::Phase::validate: return "validate";
    case TrainingSession::Phase::done: return "done";
  }
  return "train";
}

// { settings, errors }: the checked values (camelCase keys) and a message per invalid key.
val check_settings(val settings) {
  CheckedSettings checked = check_js_settings(settings);
  val values = val::object();
  for (const auto& [key, value] : checked.values) values.set(camel_case(key), js_setting(value));
  val result = val::object();
  result.set("settings", values);
  result.set("errors", checked.errors);
  return result;
}

// The limits of core/data/limits.h, so the page refuses an oversized file before reading it.
val limits() {
  val out = val::object();
  out.set("maxFileBytes", static_cast<double>(kMaxFileBytes));
  out.set("maxColumns", static_cast<double>(kMaxColumns));
  out.set("maxRows", static_cast<double>(kMaxRows));
  out.set("maxCellBytes", static_cast<double>(kMaxCellBytes));
  return out;
}

// The CSV reading settings (core/data/csv_settings.h), for the page's controls.
val csv_settings_schema() {
  return js_objects(csv_settings_table(), [](val& row, const CsvSettingSpec& spec) {
    row.set("key", camel_case(spec.key));
    row.set("name", spec.key);
    row.set("flag", spec.flag);
    row.set("label", spec.label);
    row.set("default", spec.choices.front().value);
    row.set("choices", js_objects(spec.choices, [](val& entry, const CsvChoice& choice) {
              entry.set("value", choice.value);
              entry.set("label", choice.label);
            }));
    row.set("help", spec.help);
  });
}

// loadCsv's options: the delimiter, and each CSV reading setting by its camelCase key.
Result<CsvOptions> csv_options(const val& options) {
  // The delimiter and the camelCase keys of the CSV settings table (tests/node/excel.test.mjs
  // checks that the two lists agree).
  if (auto error = unknown_options(options, "loadCsv", {"delimiter", "decimal", "textEncoding"}))
    return *error;
  CsvOptions csv;
  if (options.isUndefined() || options.isNull()) return csv;
  if (!options["delimiter"].isUndefined()) {
    Result<std::string> delimiter = js_text(options["delimiter"], "the delimiter");
    if (!delimiter || delimiter->size() != 1 || (*delimiter)[0] == '\0') {
      return Error{"the delimiter must be one character, such as \",\", \";\" or \"\\t\"",
                   "delimiter"};
    }
    csv.delimiter = (*delimiter)[0];
  }
  for (const CsvSettingSpec& spec : csv_settings_table()) {
    const val value = options[camel_case(spec.key)];
    if (value.isUndefined() || value.isNull()) continue;
    Result<std::string> text = js_text(value, spec.label);
    if (!text) return Error{text.error().message, spec.key};
    if (Status status = apply_csv_setting(csv, spec, *text); !status) return status.error();
  }
  return csv;
}

}  // namespace

// How long a slice of loading or configuring runs before the page gets the thread back.
constexpr double kSliceMs = 8;

// wasm/yield.js: suspends the wasm call (Asyncify) until a later task of the page's event loop.
extern "C" void gradtape_yield_to_page();

class Session {
 public:
  // `input` is CSV text (a string), or the file's bytes (Uint8Array or ArrayBuffer), which lets
  // the reader name the line of any byte that is not UTF-8.
  val loadCsv(val input, val options) {
    Pacer never_pauses;
    return load(input, options, never_pauses);
  }
  // loadCsv in slices of kSliceMs, the page between them (errors.js: loadCsvAsync).
  val loadCsvInSlices(val input, val options) {
    Pacer pacer = page_pacer();
    return load(input, options, pacer);
  }

  val configure(val settings) {
    Pacer never_pauses;
    return configure_with(settings, never_pauses);
  }
  // configure in slices of kSliceMs, the page between them (errors.js: configureAsync).
  val configureInSlices(val settings) {
    Pacer pacer = page_pacer();
    return configure_with(settings, pacer);
  }

  // Runs training work within `limits` and reports the progress; when an epoch ends, its log and
  // its evaluation on the validation rows come with it.
  val step(val limits) {
    if (!session_) return js_error(Error{"configure a run first"});
    TrainingSession::StepLimits step_limits;
    if (auto error = unknown_options(limits, "step", {"maxBatches", "budgetMs"}))
      return js_error(*error);
    constexpr double kMostBatches = 9007199254740991.0;  // 2^53 - 1; more is "no limit" anyway
    Result<std::optional<double>> max_batches =
        js_number_option(limits, "maxBatches", 1, kMostBatches, true);
    if (!max_batches) return js_error(max_batches.error());
    Result<std::optional<double>> budget = js_number_option(limits, "budgetMs", 0, 3.6e6, false);
    if (!budget) return js_error(budget.error());
    if (*max_batches) {
      const double most = static_cast<double>(std::numeric_limits<std::size_t>::max());
      step_limits.max_batches = static_cast<std::size_t>(std::min(**max_batches, most));
    }
    if (*budget) step_limits.budget_ms = **budget;
    if (session_->failure()) return js_error(*session_->failure());
    const bool epoch_ended = session_->step(step_limits);
    if (session_->failure()) return js_error(*session_->failure());
    val progress = progress_value();
    progress.set("epochEnded", epoch_ended);
    progress.set("log",
                 epoch_ended ? js_epoch_log(session_->history().back(), task()) : val::null());
    progress.set("evaluation", epoch_ended ? evaluation() : val::null());
    return progress;
  }

  val progress() const {
    if (!session_) return val::null();
    val p = progress_value();
    p.set("epochEnded", false);
    p.set("log", val::null());
    p.set("evaluation", val::null());
    return p;
  }

  val history() const {
    val entries = val::array();
    if (session_) {
      for (const EpochLog& log : session_->history())
        entries.call<void>("push", js_epoch_log(log, task()));
    }
    return entries;
  }

  // The validation results after the last completed epoch; null before the first.
  val evaluation() const {
    if (!session_ || !session_->evaluation()) return val::null();
    return js_evaluation(*session_->evaluation());
  }

  // The settings in force, defaults filled in, by camelCase key.
  val settings() const {
    if (!session_) return val::null();
    val s = val::object();
    for (const SettingSpec& spec : settings_table())
      s.set(camel_case(spec.key), js_setting(spec.get(session_->config())));
    return s;
  }

  val predict(val input) {
    if (!session_) return js_error(Error{"configure and train a run first"});
    Result<std::string> csv_text = js_text(input, "predict's CSV text");
    if (!csv_text) return js_error(csv_text.error());
    CsvOptions csv;
    csv.object_columns = session_->dataset().preprocessor.object_columns();
    Result<Table> rows = read_csv(*csv_text, csv);
    if (!rows) return js_error(rows.error());
    Result<Predictions> predictions = session_->predict(*rows);
    if (!predictions) return js_error(predictions.error());
    return js_predictions(*predictions, session_->dataset().target);
  }

  void reset() {
    importance_.reset();
    session_.reset();
  }

  // ---- what the weights in use rely on and get wrong, on the validation rows ----

  // Starts permutation importance ({ repeats } shuffles per column, 5 by default) for the
  // weights in use; stepImportance() then computes it. Returns { total } shuffles.
  val startImportance(val options) {
    if (!session_) return js_error(Error{"configure and train a run first"});
    if (auto error = unknown_options(options, "startImportance", {"repeats"}))
      return js_error(*error);
    Result<std::optional<double>> repeats =
        js_number_option(options, "repeats", 1, PermutationImportance::kMaxRepeats, true);
    if (!repeats) return js_error(repeats.error());
    Result<PermutationImportance> started = PermutationImportance::create(
        *session_, *repeats ? static_cast<int>(**repeats) : PermutationImportance::kDefaultRepeats);
    if (!started) return js_error(started.error());
    importance_ = std::move(*started);
    val out = val::object();
    out.set("total", static_cast<double>(importance_->total()));
    return out;
  }

  // Computes for about `budgetMs` (checked after each validation batch):
  // { done, completed, total }.
  val stepImportance(val budget) {
    if (!importance_) return js_error(Error{"start the importance first (startImportance)"});
    if (!budget.isNumber() || !(budget.as<double>() > 0) || budget.as<double>() > 60000)
      return js_error(
          Error{"stepImportance takes a budget in milliseconds, above 0 and at most 60000"});
    importance_->step(budget.as<double>());
    val out = val::object();
    out.set("done", importance_->done());
    out.set("completed", static_cast<double>(importance_->completed()));
    out.set("total", static_cast<double>(importance_->total()));
    return out;
  }

  // The result once stepImportance() is done; null before.
  val importance() const {
    if (!importance_ || !importance_->done()) return val::null();
    return js_importance(importance_->result());
  }

  // The validation rows the weights in use get wrong ({ limit } of them, 500 by default).
  val errorRows(val options) {
    Pacer never_pauses;
    return error_rows_with(options, never_pauses);
  }
  // errorRows in slices of kSliceMs, the page between them (errors.js: errorRowsAsync).
  val errorRowsInSlices(val options) {
    Pacer pacer = page_pacer();
    return error_rows_with(options, pacer);
  }

  // All of them as CSV (error_table.h).
  val errorRowsCsv() {
    if (!session_ || session_->history().empty()) return js_error(Error{"train an epoch first"});
    const ErrorRows errors = error_rows(*session_, std::numeric_limits<std::size_t>::max());
    return val(error_rows_csv(*table_, session_->dataset().target, errors));
  }

  // Binary: the validation rows' confusion counts and scores with positives at `threshold`.
  val thresholdScores(val threshold) {
    if (!session_ || !session_->evaluation()) return js_error(Error{"train an epoch first"});
    const Evaluation& e = *session_->evaluation();
    if (e.task != Task::binary)
      return js_error(Error{"a decision threshold is for binary targets"});
    if (!threshold.isNumber()) return js_error(Error{"the threshold must be a number from 0 to 1"});
    const double t = threshold.as<double>();
    if (!(t >= 0 && t <= 1)) return js_error(Error{"the threshold must be a number from 0 to 1"});
    return js_threshold_scores(scores_at(t, e.positive_scores, e.positive_labels));
  }

  // Once the run is done: the best epoch's weights and evaluation replace the last epoch's.
  // True if they did; false when the last epoch is the best (or it was done already).
  val useBestEpoch() {
    if (!session_) return js_error(Error{"configure and train a run first"});
    if (!session_->done()) return js_error(Error{"the run is still going: stop it first"});
    return val(session_->use_best_epoch());
  }

  // ---- the model that predicts: the run's (modelFromRun) or a model file's (loadModel) ----

  // The run's model as it stands, with where its data came from ({ file, bytes, sha256 }, all
  // optional); it predicts until the next call here or to loadModel.
  val modelFromRun(val origin) {
    if (!session_) return js_error(Error{"configure and train a run first"});
    if (auto error = unknown_options(origin, "modelFromRun", {"file", "bytes", "sha256"}))
      return js_error(*error);
    ModelOrigin from;
    if (!origin.isUndefined() && !origin.isNull()) {
      for (auto [key, text] : {std::pair{"file", &from.file}, std::pair{"sha256", &from.sha256}}) {
        if (origin[key].isUndefined()) continue;
        Result<std::string> checked = js_text(origin[key], std::string("the origin's ") + key);
        if (!checked) return js_error(checked.error());
        *text = std::move(*checked);
      }
      Result<std::optional<double>> bytes = js_number_option(origin, "bytes", 0, 9e15, true);
      if (!bytes) return js_error(bytes.error());
      if (*bytes) from.bytes = static_cast<std::size_t>(**bytes);
    }
    model_ = model_of(*session_, std::move(from));
    return js_model_info(*model_);
  }

  // Reads a gradtape model file's text; a damaged file leaves the current model in place.
  val loadModel(val text) {
    Result<std::string> checked = js_text(text, "the model file");
    if (!checked) return js_error(checked.error());
    Result<TrainedModel> model = read_model_file(*checked);
    if (!model) return js_error(model.error());
    model_ = std::move(*model);
    return js_model_info(*model_);
  }

  val modelInfo() const { return model_ ? js_model_info(*model_) : val::null(); }

  val modelFile() const {
    if (!model_) return js_error(Error{"train a run or load a model first"});
    return val(write_model_file(*model_, GRADTAPE_VERSION));
  }

  // { modelJson, weights: Uint8Array, weightsFile }: the TensorFlow.js Layers model.
  val tfjsExport() const {
    if (!model_) return js_error(Error{"train a run or load a model first"});
    const TfjsExport exported = tfjs_export(*model_, GRADTAPE_VERSION);
    val out = val::object();
    out.set("modelJson", exported.model_json);
    out.set("weightsFile", exported.weights_file);
    out.set("weights", val::global("Uint8Array")
                           .new_(emscripten::typed_memory_view(
                               exported.weights.size(),
                               reinterpret_cast<const unsigned char*>(exported.weights.data()))));
    return out;
  }

  // Scores every row of a CSV text with the model; rows that cannot be scored carry their reason.
  val predictCsv(val input) {
    if (!model_) return js_error(Error{"train a run or load a model first"});
    Result<std::string> csv_text = js_text(input, "the CSV text to score");
    if (!csv_text) return js_error(csv_text.error());
    Result<Table> rows = read_csv(*csv_text, csv_options_for(*model_));
    if (!rows) return js_error(rows.error());
    Result<ScoredPredictions> scored = predict_rows(*model_, *rows);
    if (!scored) return js_error(scored.error());
    return js_scored_rows(*rows, *model_, *scored);
  }

 private:
  static Pacer page_pacer() {
    return Pacer(kSliceMs, [](void*) { gradtape_yield_to_page(); });
  }

  val error_rows_with(val options, Pacer& pacer) {
    if (!session_ || session_->history().empty()) return js_error(Error{"train an epoch first"});
    if (auto error = unknown_options(options, "errorRows", {"limit"})) return js_error(*error);
    Result<std::optional<double>> limit = js_number_option(options, "limit", 0, 1e9, true);
    if (!limit) return js_error(limit.error());
    const ErrorRows errors = error_rows(
        *session_, *limit ? static_cast<std::size_t>(**limit) : kDefaultErrorRows, pacer);
    return js_error_rows(*table_, session_->dataset().target, errors);
  }

  val configure_with(val settings, Pacer& pacer) {
    if (!table_) return js_error(Error{"load a CSV file first"});
    CheckedSettings checked = check_js_settings(settings);
    if (!checked.first_error_key.empty()) return js_error(checked.first_error);
    Result<TrainingConfig> config = config_from(checked.values);
    if (!config) return js_error(config.error());
    Result<std::unique_ptr<TrainingSession>> session =
        TrainingSession::create(*table_, *config, pacer);
    if (!session) return js_error(session.error());
    session_ = std::move(*session);
    importance_.reset();
    return js_plan(*session_);
  }

  val load(val input, val options, Pacer& pacer) {
    std::string text;
    // In chunks of 1 MB, each hashed (the model file records the file's sha256) before a look at
    // the pacer; the bytes are copied through a fresh view each time, since the heap's buffer is
    // replaced whenever it grows (as it may in a pause).
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    Sha256 sha256;
    if (input.isString()) {
      Result<std::string> checked = js_text(input, "the CSV text");
      if (!checked) return js_error(checked.error());
      text = std::move(*checked);
      for (std::size_t at = 0; at < text.size(); at += kChunk) {
        sha256.update(std::string_view(text).substr(at, kChunk));
        pacer.look();
      }
    } else if (input.instanceof (val::global("Uint8Array")) || input.instanceof
               (val::global("ArrayBuffer"))) {
      val bytes = input.instanceof
          (val::global("ArrayBuffer")) ? val::global("Uint8Array").new_(input) : input;
      const double length = bytes["length"].as<double>();
      if (length > static_cast<double>(kMaxFileBytes)) {
        return js_error(Error{"the file is " + size_text(static_cast<std::size_t>(length)) +
                              "; the limit is " + size_text(kMaxFileBytes) +
                              ": take a sample of the rows"});
      }
      // Reserved whole, but zeroed and filled a chunk at a time: a 50 MB memset and the page
      // faults of fresh memory would be one long task of their own.
      const auto total = static_cast<std::size_t>(length);
      text.reserve(total);
      pacer.look();
      for (std::size_t at = 0; at < total; at += kChunk) {
        const std::size_t size = std::min(kChunk, total - at);
        text.resize(at + size);
        val(emscripten::typed_memory_view(size, reinterpret_cast<unsigned char*>(&text[at])))
            .call<void>("set", bytes.call<val>("subarray", at, at + size));
        sha256.update(std::string_view(text).substr(at, size));
        pacer.look();
      }
    } else {
      return js_error(
          Error{"loadCsv takes the CSV as text or as bytes (Uint8Array or ArrayBuffer)"});
    }
    Result<CsvOptions> csv = csv_options(options);
    if (!csv) return js_error(csv.error());
    Result<Table> table = read_csv(text, *csv, pacer);
    if (!table) return js_error(table.error());
    std::string().swap(text);  // the file's bytes are not needed again
    val summary = table_summary(*table, pacer);
    summary.set("sha256", sha256.hex_digest());
    // A new file ends the run of the old one; the old data stays until the new one has parsed.
    session_.reset();
    importance_.reset();
    table_ = std::move(*table);
    return summary;
  }

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
    progress.set("bestEpoch", session_->best_epoch());
    progress.set("stopReason", session_->stop_reason());
    progress.set("usingBestEpoch", session_->using_best_epoch());
    return progress;
  }

  Task task() const { return session_->dataset().target.task; }

  static constexpr std::size_t kDefaultErrorRows = 500;

  std::optional<Table> table_;
  std::unique_ptr<TrainingSession> session_;
  std::optional<PermutationImportance> importance_;  // of session_'s weights; reset with it
  std::optional<TrainedModel> model_;
};

}  // namespace gradtape::wasm

EMSCRIPTEN_BINDINGS(gradtape) {
  using gradtape::wasm::Session;
  emscripten::function(
      "version", +[]() { return std::string(GRADTAPE_VERSION); });
  emscripten::function("settingsSchema", &gradtape::wasm::settings_schema);
  emscripten::function("epochFields", &gradtape::wasm::epoch_field_list);
  emscripten::function("checkSettings", &gradtape::wasm::check_settings);
  emscripten::function("limits", &gradtape::wasm::limits);
  emscripten::function("csvSettingsSchema", &gradtape::wasm::csv_settings_schema);
  emscripten::class_<Session>("Session")
      .constructor<>()
      .function("loadCsvWithOptions", &Session::loadCsv)
      .function("loadCsvInSlices", &Session::loadCsvInSlices)
      .function("configure", &Session::configure)
      .function("configureInSlices", &Session::configureInSlices)
      .function("stepWithLimits", &Session::step)
      .function("progress", &Session::progress)
      .function("history", &Session::history)
      .function("evaluation", &Session::evaluation)
      .function("settings", &Session::settings)
      .function("predict", &Session::predict)
      .function("reset", &Session::reset)
      .function("useBestEpoch", &Session::useBestEpoch)
      .function("thresholdScores", &Session::thresholdScores)
      .function("modelFromRun", &Session::modelFromRun)
      .function("loadModel", &Session::loadModel)
      .function("modelInfo", &Session::modelInfo)
      .function("modelFile", &Session::modelFile)
      .function("tfjsExport", &Session::tfjsExport)
      .function("predictCsv", &Session::predictCsv)
      .function("startImportance", &Session::startImportance)
      .function("stepImportance", &Session::stepImportance)
      .function("importance", &Session::importance)
      .function("errorRows", &Session::errorRows)
      .function("errorRowsInSlices", &Session::errorRowsInSlices)
      .function("errorRowsCsv", &Session::errorRowsCsv);
}
