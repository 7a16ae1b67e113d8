// Fuzz target: lines of key=value through parse_setting, check_setting, config_from and validate;
// a value the table accepts must read back from its own text, and a config it builds must pass.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/train/settings.h"
#include "fuzz/setting_pairs.h"

namespace {

// A value parsed from `spec`'s row, checked again and read back from setting_text.
void check_round_trip(const gradtape::SettingSpec& spec, const gradtape::SettingValue& value) {
  gradtape::Result<gradtape::SettingValue> checked = gradtape::check_setting(spec, value);
  if (!checked || !(*checked == value)) __builtin_trap();
  const std::string text = gradtape::setting_text(spec, value);
  gradtape::Result<gradtape::SettingValue> again = gradtape::parse_setting(spec, text);
  if (!again || !(*again == value)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gradtape::Result<std::map<std::string, gradtape::SettingValue>> values =
      gradtape::fuzz::setting_pairs(text, '\n');
  if (!values) {
    if (values.error().field.empty()) __builtin_trap();
    return 0;
  }
  for (const auto& [key, value] : *values) {
    if (const gradtape::SettingSpec* spec = gradtape::find_setting(key)) {
      check_round_trip(*spec, value);
      (void)gradtape::setting_rule(*spec);
      (void)gradtape::camel_case(key);
    }
  }
  gradtape::Result<gradtape::TrainingConfig> config = gradtape::config_from(*values);
  if (!config) return 0;
  if (!gradtape::validate(*config)) __builtin_trap();
  return 0;
}
