#include "wasm/js_results.h"

#include "core/train/epoch_fields.h"

namespace gradtape::wasm {
namespace {

// [[row 0], [row 1], ...] of a row-major k x k matrix.
val js_square(const std::vector<std::int64_t>& counts, std::size_t k) {
  val rows = val::array();
  for (std::size_t r = 0; r < k; ++r) {
    val row = val::array();
    for (std::size_t c = 0; c < k; ++c)
      row.call<void>("push", static_cast<double>(counts[r * k + c]));
    rows.call<void>("push", row);
  }
  return rows;
}

}  // namespace

val js_plan(const TrainingSession& session) {
  const Dataset& data = session.dataset();
  const TargetInfo& target = data.target;
  val plan = val::object();
  plan.set("target", target.column);
  plan.set("task", std::string(task_name(target.task)));
  plan.set("classes", js_array(target.classes));
  if (target.task == Task::regression) {
    plan.set("targetMean", target.mean);
    plan.set("targetStd", target.std);
  }
  plan.set("trainRows", static_cast<double>(data.x_train.rows()));
  plan.set("valRows", static_cast<double>(data.x_val.rows()));
  plan.set("features", js_array(data.feature_names));
  plan.set("batchesPerEpoch", session.progress().batches_per_epoch);
  plan.set("parameters", static_cast<double>(session.model().parameter_count()));
  plan.set("notes", js_array(notes(data.decisions)));
  plan.set("droppedRows", static_cast<double>(dropped_rows(data.decisions).size()));
  plan.set("droppedColumns", js_array(dropped_columns(data.decisions)));
  plan.set("classWeights", class_weights_text(session.class_weights(), target));
  const EpochMetric metric = epoch_metric(target.task);
  val chart = val::object();
  chart.set("train", camel_case(metric.train));
  chart.set("val", camel_case(metric.val));
  chart.set("label", metric.label);
  chart.set("kind", std::string(target.task == Task::regression ? "units" : "fraction"));
  plan.set("metric", chart);
  return plan;
}

namespace {

val js_interval(const Interval& interval) {
  val out = val::object();
  out.set("low", interval.low);
  out.set("high", interval.high);
  return out;
}

}  // namespace

val js_evaluation(const Evaluation& e) {
  val out = val::object();
  out.set("epoch", e.epoch);
  out.set("task", std::string(task_name(e.task)));
  if (e.task == Task::regression) {
    out.set("mae", e.mae);
    out.set("rmse", e.rmse);
    out.set("r2", e.r2);
    val points = val::object();
    points.set("actual", js_array(e.actual));
    points.set("predicted", js_array(e.predicted));
    out.set("points", points);
    out.set("maeInterval", js_interval(e.mae_interval));
    out.set("baselineMae", e.baseline_mae);
    return out;
  }
  out.set("classes", js_array(e.classes));
  out.set("matrix", js_square(e.confusion, e.classes.size()));
  std::vector<std::pair<std::string, ClassScore>> scores;
  for (std::size_t k = 0; k < e.classes.size(); ++k) scores.emplace_back(e.classes[k], e.scores[k]);
  out.set("scores", js_objects(scores, [](val& entry, const std::pair<std::string, ClassScore>& s) {
            entry.set("label", s.first);
            entry.set("precision", s.second.precision);
            entry.set("recall", s.second.recall);
            entry.set("f1", s.second.f1);
            entry.set("support", static_cast<double>(s.second.support));
          }));
  out.set("macroF1", e.macro_f1);
  out.set("accuracy", e.accuracy);
  out.set("accuracyInterval", js_interval(e.accuracy_interval));
  out.set("baselineClass", e.baseline_class);
  out.set("baselineAccuracy", e.baseline_accuracy);
  if (e.task == Task::binary) {
    val roc = val::object();
    roc.set("fpr", js_array(e.roc.fpr));
    roc.set("tpr", js_array(e.roc.tpr));
    roc.set("auc", e.roc.auc);
    out.set("roc", roc);
    val pr = val::object();
    pr.set("recall", js_array(e.pr.recall));
    pr.set("precision", js_array(e.pr.precision));
    pr.set("averagePrecision", e.pr.average_precision);
    out.set("pr", pr);
  }
  return out;
}

val js_threshold_scores(const ThresholdScores& s) {
  val out = val::object();
  out.set("threshold", s.threshold);
  out.set("tp", static_cast<double>(s.tp));
  out.set("fp", static_cast<double>(s.fp));
  out.set("tn", static_cast<double>(s.tn));
  out.set("fn", static_cast<double>(s.fn));
  out.set("precision", s.precision);
  out.set("recall", s.recall);
  out.set("f1", s.f1);
  out.set("accuracy", s.accuracy);
  return out;
}

val js_predictions(const Predictions& p, const TargetInfo& target) {
  val out = val::object();
  out.set("task", std::string(task_name(target.task)));
  if (target.task == Task::regression) {
    out.set("values", js_array(p.values));
    return out;
  }
  out.set("classes", js_array(target.classes));
  val probabilities = val::array(), labels = val::array();
  for (Index i = 0; i < p.probabilities.rows(); ++i) {
    val row = val::array();
    for (Index k = 0; k < p.probabilities.cols(); ++k)
      row.call<void>("push", p.probabilities(i, k));
    probabilities.call<void>("push", row);
    labels.call<void>("push", target.classes[p.classes[static_cast<std::size_t>(i)]]);
  }
  out.set("probabilities", probabilities);
  out.set("labels", labels);
  return out;
}

}  // namespace gradtape::wasm
