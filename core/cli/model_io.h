// Writing and reading model files for the CLI's commands: `train --save-model` and `predict`.
#pragma once

#include <string>

#include "core/model/trained_model.h"
#include "core/result.h"

namespace gradtape::cli {

// Writes the model file of `session`, trained on the file `origin` names, to `path`.
Status save_model(const TrainingSession& session, const ModelOrigin& origin,
                  const std::string& path);

// The model of the model file at `path`, or an Error naming the file and what is wrong.
Result<TrainedModel> load_model(const std::string& path);

// Writes `text` to `path`, or an Error naming it.
Status write_file(const std::string& path, const std::string& text);

}  // namespace gradtape::cli
