#include "wasm/js_model.h"

#include "core/model/prediction_table.h"

namespace gradtape::wasm {

val js_model_info(const TrainedModel& model) {
  val info = val::object();
  info.set("task", std::string(task_name(model.target.task)));
  info.set("target", model.target.column);
  if (model.target.task == Task::regression) {
    info.set("targetMean", model.target.mean);
    info.set("targetStd", model.target.std);
  } else {
    info.set("classes", js_array(model.target.classes));
  }
  const bool impute = model.preprocessor.missing_policy() == MissingPolicy::Impute;
  info.set("missing", std::string(impute ? "impute" : "drop"));
  const std::vector<std::string>& names = model.preprocessor.feature_names();
  const std::vector<double>& means = model.preprocessor.scaler().mean();
  info.set("features",
           js_objects(model.preprocessor.columns(), [&](val& entry, const FeatureColumn& column) {
             entry.set("name", column.name);
             // A value to start the predict form with: the training mean, or the fill, or a
             // category.
             for (std::size_t i = 0; i < names.size() && i < means.size(); ++i) {
               if (column.kind == FeatureColumn::Kind::Numeric && names[i] == column.name)
                 entry.set("typical", means[i]);
             }
             if (column.kind != FeatureColumn::Kind::Numeric && column.categories.size())
               entry.set("typical",
                         column.fill_text ? *column.fill_text : column.categories.categories()[0]);
             entry.set("kind",
                       std::string(FeatureColumn::kKindNames[static_cast<int>(column.kind)]));
             if (column.kind != FeatureColumn::Kind::Numeric)
               entry.set("categories", js_array(column.categories.categories()));
             if (column.fill_number) entry.set("fill", *column.fill_number);
             if (column.fill_text) entry.set("fill", *column.fill_text);
           }));
  val settings = val::object();
  for (const SettingSpec& spec : settings_table())
    settings.set(camel_case(spec.key), js_setting(spec.get(model.config)));
  info.set("settings", settings);
  auto figures_of = [](const std::vector<NamedFigure>& figures) {
    val out = val::object();
    for (const NamedFigure& figure : figures) out.set(camel_case(figure.name), figure.value);
    return out;
  };
  info.set("finalFigures", figures_of(model.final_figures));
  info.set("bestFigures", figures_of(model.best_figures));
  info.set("weightsFrom", std::string(model.weights_from_best ? "best" : "final"));
  val origin = val::object();
  origin.set("file", model.origin.file);
  origin.set("bytes", static_cast<double>(model.origin.bytes));
  origin.set("sha256", model.origin.sha256);
  info.set("origin", origin);
  return info;
}

val js_scored_rows(const Table& rows, const TrainedModel& model, const ScoredPredictions& scored) {
  const TargetInfo& target = model.target;
  const Predictions& p = scored.predictions;
  val out = val::object();
  out.set("columns", js_array(prediction_columns(rows, target)));
  val list = val::array();
  std::size_t failed = 0;
  for (std::size_t r = 0; r < rows.rows; ++r) {
    val row = val::object();
    row.set("problem", scored.errors[r]);
    if (!scored.errors[r].empty()) {
      ++failed;
    } else if (target.task == Task::regression) {
      row.set("value", p.values[r]);
    } else {
      row.set("label", target.classes[p.classes[r]]);
      val probabilities = val::array();
      for (Index k = 0; k < p.probabilities.cols(); ++k)
        probabilities.call<void>("push", p.probabilities(static_cast<Index>(r), k));
      row.set("probabilities", probabilities);
    }
    list.call<void>("push", row);
  }
  out.set("rows", list);
  out.set("scored", static_cast<double>(rows.rows - failed));
  out.set("failed", static_cast<double>(failed));
  out.set("csv", prediction_csv(rows, target, scored));
  return out;
}

}  // namespace gradtape::wasm
