// A trained model as a TensorFlow.js Layers model, the files `tf.loadLayersModel` reads: a
// model.json (a Sequential of Dense layers with the task's activations, and a weights manifest)
// and one little-endian float32 weights file. The preprocessing travels in the model.json's
// userDefinedMetadata.gradtape, laid out as in the gradtape model file (docs/model-file.md), so
// that the model's input can be built outside gradtape.
#pragma once

#include <string>

#include "core/model/trained_model.h"

namespace gradtape {

struct TfjsExport {
  std::string model_json;
  std::string weights;  // the bytes of `weights_file`
  std::string weights_file;
};

TfjsExport tfjs_export(const TrainedModel& model, const std::string& version,
                       const std::string& weights_file = "model.weights.bin");

}  // namespace gradtape
