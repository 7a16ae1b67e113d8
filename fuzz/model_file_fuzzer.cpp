// Fuzz target: any text as a model file through read_model_file; a model it accepts is written
// back with write_model_file and must read again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/model_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gradtape::Result<gradtape::TrainedModel> model = gradtape::read_model_file(text);
  if (!model) return 0;
  const std::string again = gradtape::write_model_file(*model, "fuzz");
  if (!gradtape::read_model_file(again)) __builtin_trap();
  return 0;
}
