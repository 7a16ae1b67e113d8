#include "wasm/js_values.h"

#include <cmath>
#include <cstdio>

#include "core/train/epoch_fields.h"

namespace gradtape::wasm {
namespace {

// The JS names of the tables' enums, in the enums' order.
constexpr const char* kTypeNames[] = {"integer", "number", "choice", "flag",
                                      "text",    "names",  "layers", "weights"};
constexpr const char* kPlaceNames[] = {"main", "advanced", "data"};
constexpr const char* kKindNames[] = {"epoch", "loss",  "fraction",
                                      "units", "score", "milliseconds"};

template <class Enum, std::size_t N>
std::string name_of(const char* const (&names)[N], Enum value) {
  return names[static_cast<std::size_t>(value)];
}

std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

}  // namespace

Result<std::string> js_text(const val& value, const std::string& what) {
  if (!value.isString()) return Error{what + " must be text"};
  if (!value.call<bool>("isWellFormed")) {
    return Error{what +
                 " is not valid text: it holds a lone UTF-16 surrogate, which would be lost"};
  }
  return value.as<std::string>();
}

std::optional<Error> unknown_options(const val& options, const std::string& call,
                                     std::initializer_list<const char*> known) {
  if (options.isUndefined() || options.isNull()) return std::nullopt;
  if (options.typeOf().as<std::string>() != "object" || options.isArray()) {
    return Error{call + " takes its options as an object"};
  }
  const val keys = val::global("Object").call<val>("keys", options);
  for (int i = 0, n = keys["length"].as<int>(); i < n; ++i) {
    const std::string key = keys[i].as<std::string>();
    bool found = false;
    for (const char* k : known) found = found || key == k;
    if (!found) {
      std::string names;
      for (const char* k : known) names += (names.empty() ? "" : ", ") + std::string(k);
      return Error{call + " has no option '" + key + "' (its options are " + names + ")", key};
    }
  }
  return std::nullopt;
}

Result<std::optional<double>> js_number_option(const val& options, const char* key, double lo,
                                               double hi, bool whole) {
  if (options.isUndefined() || options.isNull()) return std::optional<double>();
  const val value = options[key];
  if (value.isUndefined()) return std::optional<double>();
  const bool number = value.isNumber();
  const double x = number ? value.as<double>() : 0;
  if (!number || !std::isfinite(x) || x < lo || x > hi || (whole && std::floor(x) != x)) {
    char range[96];
    std::snprintf(range, sizeof range, "%s from %.17g to %.17g",
                  whole ? "a whole number" : "a finite number", lo, hi);
    return Error{std::string(key) + " must be " + range, key};
  }
  return std::optional<double>(x);
}

val js_error(const Error& error) {
  val e = val::global("Error").new_(val(error.message));
  if (!error.field.empty()) e.set("field", val(camel_case(error.field)));
  if (!error.column.empty()) e.set("column", val(error.column));
  return e;
}

val js_number(double value) { return std::isfinite(value) ? val(value) : val::null(); }

val js_setting(const SettingValue& value) {
  if (const double* number = std::get_if<double>(&value)) return val(*number);
  if (const bool* flag = std::get_if<bool>(&value)) return val(*flag);
  if (const std::string* text = std::get_if<std::string>(&value)) return val(*text);
  if (const auto* names = std::get_if<std::vector<std::string>>(&value)) return js_array(*names);
  return js_array(std::get<std::vector<int>>(value));
}

val settings_schema() {
  const TrainingConfig defaults;
  return js_objects(settings_table(), [&defaults](val& row, const SettingSpec& spec) {
    row.set("key", camel_case(spec.key));
    row.set("name", spec.key);
    row.set("flag", spec.flag);
    row.set("label", spec.label);
    row.set("type", name_of(kTypeNames, spec.type));
    row.set("default", js_setting(spec.get(defaults)));
    if (spec.type == SettingType::integer || spec.type == SettingType::number ||
        spec.type == SettingType::layers) {
      row.set("min", spec.min);
      row.set("max", spec.max);
      row.set("minExclusive", spec.min_exclusive);
      row.set("maxExclusive", spec.max_exclusive);
    }
    if (spec.type == SettingType::choice) {
      row.set("choices", js_objects(spec.choices, [](val& entry, const SettingChoice& choice) {
                entry.set("value", choice.value);
                entry.set("label", choice.label);
              }));
    }
    row.set("help", spec.help);
    row.set("rule", setting_rule(spec));
    row.set("place", name_of(kPlaceNames, spec.place));
  });
}

val epoch_field_list() {
  return js_objects(epoch_fields(), [](val& row, const EpochField& field) {
    row.set("key", camel_case(field.name));
    row.set("name", field.name);
    row.set("label", field.label);
    row.set("line", field.line);
    row.set("kind", name_of(kKindNames, field.kind));
    row.set("summary", field.summary);
    val tasks = val::array();
    for (std::size_t k = 0; k < kTaskCount; ++k) {
      if (field.tasks[k]) tasks.call<void>("push", std::string(task_name(static_cast<Task>(k))));
    }
    row.set("tasks", tasks);
  });
}

Result<SettingValue> setting_from_js(const SettingSpec& spec, const val& value) {
  if (value.isString()) {
    Result<std::string> text = js_text(value, spec.label);
    if (!text) return Error{text.error().message, spec.key};
    return parse_setting(spec, *text);
  }
  if (value.isNumber()) return check_setting(spec, value.as<double>());
  if (value.isTrue() || value.isFalse()) return check_setting(spec, value.isTrue());
  if (value.isArray()) {
    const int n = value["length"].as<int>();
    if (spec.type == SettingType::layers) {
      std::string text;
      for (int i = 0; i < n; ++i) {
        if (!value[i].isNumber()) return setting_error(spec, "a list holding something else");
        text += (i ? "," : "") + number_text(value[i].as<double>());
      }
      return parse_setting(spec, text);
    }
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i) {
      if (!value[i].isString()) return setting_error(spec, "a list holding something else");
      Result<std::string> name = js_text(value[i], spec.label);
      if (!name) return Error{name.error().message, spec.key};
      names.push_back(std::move(*name));
    }
    return check_setting(spec, names);
  }
  return setting_error(spec, "a value of another kind");
}

CheckedSettings check_js_settings(const val& settings) {
  CheckedSettings checked;
  if (settings.isUndefined() || settings.isNull()) return checked;
  auto fail = [&](const std::string& key, Error error) {
    checked.errors.set(key, val(error.message));
    if (checked.first_error_key.empty()) {
      checked.first_error_key = key;
      checked.first_error = std::move(error);
    }
  };
  if (settings.typeOf().as<std::string>() != "object" || settings.isArray()) {
    fail("settings", Error{"the settings must be an object of keys and values"});
    return checked;
  }
  const val keys = val::global("Object").call<val>("keys", settings);
  const int n = keys["length"].as<int>();
  for (int i = 0; i < n; ++i) {
    const std::string key = keys[i].as<std::string>();
    const val value = settings[key];
    if (value.isUndefined() || value.isNull()) continue;
    const SettingSpec* spec = nullptr;
    for (const SettingSpec& row : settings_table()) {
      if (camel_case(row.key) == key) spec = &row;
    }
    if (!spec) {
      fail(key, Error{"unknown setting '" + key + "'", key});
      continue;
    }
    Result<SettingValue> parsed = setting_from_js(*spec, value);
    if (!parsed) {
      fail(key, parsed.error());
      continue;
    }
    checked.values[spec->key] = std::move(*parsed);
  }
  return checked;
}

val js_epoch_log(const EpochLog& log, Task task) {
  val entry = val::object();
  for (const EpochField* field : epoch_fields_for(task))
    entry.set(camel_case(field->name), field->get(log));
  return entry;
}

}  // namespace gradtape::wasm
