// The settings a fuzz input spells: "key=value" items split at `separator`, each parsed by its
// row of the settings table (an unknown key is kept as text, for config_from to refuse).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/train/settings.h"

namespace gradtape::fuzz {

// The values of every item; the first item that does not parse is the Error. An item without '='
// is skipped, so any text is an input.
Result<std::map<std::string, SettingValue>> setting_pairs(std::string_view text, char separator);

}  // namespace gradtape::fuzz
