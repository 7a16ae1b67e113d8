#include "core/model/tfjs_export.h"

#include <cstring>

#include "core/engine/activation.h"
#include "core/model/model_json.h"

namespace gradtape {
namespace {

// Appends a float32 matrix's values in row-major order, as TensorFlow.js lays out a tensor.
void append_floats(std::string& bytes, const Matrix& m) {
  const std::size_t size = static_cast<std::size_t>(m.size()) * sizeof(float);
  const std::size_t at = bytes.size();
  bytes.resize(at + size);
  std::memcpy(bytes.data() + at, m.data(), size);  // Matrix is row-major; wasm and x86 are LE
}

}  // namespace

TfjsExport tfjs_export(const TrainedModel& model, const std::string& version,
                       const std::string& weights_file) {
  TfjsExport out;
  out.weights_file = weights_file;
  Json layers = Json::array();
  Json specs = Json::array();
  Index inputs = static_cast<Index>(model.preprocessor.feature_names().size());
  int number = 0;
  for (const Dense& layer : model.network.layers()) {
    const std::string name = "dense_" + std::to_string(++number);
    Json config = {{"units", layer.units()}, {"activation", activation_name(layer.activation())},
                   {"use_bias", true},       {"name", name},
                   {"trainable", true},      {"dtype", "float32"}};
    if (number == 1) config["batch_input_shape"] = Json::array({nullptr, inputs});
    layers.push_back({{"class_name", "Dense"}, {"config", config}});
    specs.push_back({{"name", name + "/kernel"},
                     {"shape", {layer.kernel().value.rows(), layer.kernel().value.cols()}},
                     {"dtype", "float32"}});
    specs.push_back({{"name", name + "/bias"}, {"shape", {layer.units()}}, {"dtype", "float32"}});
    append_floats(out.weights, layer.kernel().value);
    append_floats(out.weights, layer.bias().value);
  }
  Json metadata = {{"format", kModelFormat},
                   {"task", task_name(model.target.task)},
                   {"target", target_json(model.target)},
                   {"preprocessing", preprocessing_json(model.preprocessor)}};
  Json doc = {
      {"format", "layers-model"},
      {"generatedBy", "gradtape " + version},
      {"convertedBy", nullptr},
      {"modelTopology",
       {{"class_name", "Sequential"},
        {"config", {{"name", "gradtape"}, {"layers", layers}}},
        {"keras_version", "tfjs-layers 4.22.0"},
        {"backend", "tensor_flow.js"}}},
      {"weightsManifest", Json::array({{{"paths", {"./" + weights_file}}, {"weights", specs}}})},
      {"userDefinedMetadata", {{"gradtape", metadata}}}};
  out.model_json = doc.dump(1) + "\n";
  return out;
}

}  // namespace gradtape
