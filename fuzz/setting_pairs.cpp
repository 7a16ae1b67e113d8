// Splits a fuzz input into key=value settings and parses each by the settings table.
#include "fuzz/setting_pairs.h"

#include <algorithm>
#include <utility>

namespace gradtape::fuzz {

Result<std::map<std::string, SettingValue>> setting_pairs(std::string_view text, char separator) {
  std::map<std::string, SettingValue> values;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find(separator), text.size());
    const std::string_view item = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    const std::size_t equals = item.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string key(item.substr(0, equals));
    const std::string_view word = item.substr(equals + 1);
    const SettingSpec* spec = find_setting(key);
    if (!spec) {
      values[key] = std::string(word);
      continue;
    }
    Result<SettingValue> value = parse_setting(*spec, word);
    if (!value) return value.error();
    values[key] = std::move(*value);
  }
  return values;
}

}  // namespace gradtape::fuzz
