#include "tests/native/test_data.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace gradtape::testing {
namespace {

bool file_exists(const std::string& path) { return std::ifstream(path).good(); }

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::optional<std::string> shared_file(const std::string& folder, const std::string& name) {
  std::string path = std::string(GRADTAPE_SHARED_DIR) + "/" + folder + "/" + name;
  if (file_exists(path)) return path;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> heart_csv_path() {
  const std::string candidates[] = {
      environment("GRADTAPE_HEART_CSV"),
      std::string(GRADTAPE_SOURCE_DIR) + "/data/heart.csv",
      std::string(GRADTAPE_SHARED_DIR) + "/data/heart.csv",
  };
  for (const std::string& path : candidates) {
    if (!path.empty() && file_exists(path)) return path;
  }
  return std::nullopt;
}

std::optional<std::string> reference_path(const std::string& name) {
  return shared_file("reference", name);
}

std::optional<std::string> shared_data_path(const std::string& name) {
  return shared_file("data", name);
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool running_under_ci() {
  std::string ci = environment("CI");
  return ci == "true" || ci == "1";
}

}  // namespace gradtape::testing
