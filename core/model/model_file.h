// The gradtape model file, `gradtape-model/1`: one JSON document with the architecture and the
// weights, the whole preprocessing (column order, category maps, fill values, scaler mean and
// std), the target's meaning (class names, or the target's mean and std), the task, the
// settings and seed, the last epoch's figures, gradtape's version, and the training file's name,
// size and sha256 (docs/model-file.md). A model file is untrusted input: the reader checks its
// structure, types, shapes and sizes and says what is wrong and where, changing nothing.
#pragma once

#include <string>
#include <string_view>

#include "core/model/trained_model.h"
#include "core/result.h"

namespace gradtape {

// The JSON text of `model`; `version` is gradtape's.
std::string write_model_file(const TrainedModel& model, const std::string& version);

// The model of a model file's text, or an Error naming the part that is wrong ("layers[1].kernel:
// expected 64 rows, got 63").
Result<TrainedModel> read_model_file(std::string_view text);

}  // namespace gradtape
