#include "core/model/trained_model.h"

#include "core/train/epoch_fields.h"

namespace gradtape {

TrainedModel model_of(const TrainingSession& session, ModelOrigin origin) {
  TrainedModel model;
  model.preprocessor = session.dataset().preprocessor;
  model.network = session.model();
  model.target = session.dataset().target;
  model.config = session.config();
  auto figures_of = [&model](const EpochLog& log) {
    std::vector<NamedFigure> figures;
    for (const EpochField* field : epoch_fields_for(model.target.task))
      figures.push_back({field->name, field->get(log)});
    return figures;
  };
  if (!session.history().empty()) model.final_figures = figures_of(session.history().back());
  if (const EpochLog* best = session.best_log()) model.best_figures = figures_of(*best);
  model.weights_from_best = session.using_best_epoch();
  model.origin = std::move(origin);
  return model;
}

Result<ScoredPredictions> predict_rows(TrainedModel& model, const Table& rows) {
  Result<ScoredRows> prepared = model.preprocessor.transform_each(rows);
  if (!prepared) return prepared.error();
  ScoredPredictions scored;
  scored.predictions = predict_in_blocks(model.network, prepared->x, model.target);
  scored.errors = std::move(prepared->errors);
  return Result<ScoredPredictions>(std::move(scored));
}

CsvOptions csv_options_for(const TrainedModel& model) {
  CsvOptions options;
  options.object_columns = model.preprocessor.object_columns();
  return options;
}

}  // namespace gradtape
