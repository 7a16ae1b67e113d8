// A trained model that can leave its session: the whole preprocessing (column order, category
// maps, fill values, scaler), the network, the target's meaning (classes, or the target's
// scaling), the settings that made it and where its data came from. It scores new rows exactly
// as the session would, row by row, so one bad row never fails a batch.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/data/preprocessor.h"
#include "core/data/read_csv.h"
#include "core/engine/sequential.h"
#include "core/train/epoch_log.h"
#include "core/train/predictions.h"
#include "core/train/training_config.h"
#include "core/train/training_session.h"

namespace gradtape {

// The training file the model was fitted on, as the caller read it.
struct ModelOrigin {
  std::string file;  // its name
  std::size_t bytes = 0;
  std::string sha256;  // hex, empty if unknown
};

// One figure of an epoch's log, by its epoch field's name ("val_loss").
struct NamedFigure {
  std::string name;
  double value = 0;
};

struct TrainedModel {
  Preprocessor preprocessor;
  Sequential network;
  TargetInfo target;
  TrainingConfig config;
  std::vector<NamedFigure> final_figures;  // the last epoch's log, by epoch field
  std::vector<NamedFigure> best_figures;   // the best epoch's log (by the monitored figure)
  bool weights_from_best = false;          // the network holds the best epoch's weights
  ModelOrigin origin;
};

// The session's model as it stands now, with the session's preprocessing and settings.
TrainedModel model_of(const TrainingSession& session, ModelOrigin origin);

// Each row of `rows` scored; rows that cannot be prepared get their reason in `errors` (and no
// meaningful prediction). An Error only when a column the model needs is absent.
struct ScoredPredictions {
  Predictions predictions;
  std::vector<std::string> errors;  // per row, "" where scored
};
Result<ScoredPredictions> predict_rows(TrainedModel& model, const Table& rows);

// The CSV reader's options for rows to score: the model's text columns are read as text.
CsvOptions csv_options_for(const TrainedModel& model);

}  // namespace gradtape
