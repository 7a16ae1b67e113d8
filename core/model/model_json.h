// The JSON parts that the gradtape model file and the TensorFlow.js export share (internal to
// core/model): the preprocessing and the target's meaning, as docs/model-file.md lays them out.
#pragma once

#include <nlohmann/json.hpp>

#include "core/data/dataset.h"
#include "core/data/preprocessor.h"

namespace gradtape {

using Json = nlohmann::ordered_json;

inline constexpr const char* kModelFormat = "gradtape-model/1";

Json preprocessing_json(const Preprocessor& p);
// {column, classes} for classification, {column, mean, std} for regression.
Json target_json(const TargetInfo& target);

}  // namespace gradtape
