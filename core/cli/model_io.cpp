#include "core/cli/model_io.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/cli/cli_support.h"
#include "core/data/limits.h"
#include "core/model/model_file.h"

namespace gradtape::cli {

Status write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Error{"cannot write '" + path + "': " + std::strerror(errno)};
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) return Error{"cannot write '" + path + "'"};
  return {};
}

Status save_model(const TrainingSession& session, const ModelOrigin& origin,
                  const std::string& path) {
  return write_file(path, write_model_file(model_of(session, origin), GRADTAPE_VERSION));
}

Result<TrainedModel> load_model(const std::string& path) {
  Result<std::string> text = read_file(path, kMaxModelFileBytes);
  if (!text) return text.error();
  Result<TrainedModel> model = read_model_file(*text);
  if (!model) return Error{path + ": " + model.error().message};
  return model;
}

}  // namespace gradtape::cli
