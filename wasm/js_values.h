// Conversions between core values and plain JavaScript values, where the bindings decide the JS
// names: camelCase of the core's snake_case keys (settings, epoch fields, error fields).
#pragma once

#include <emscripten/val.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "core/result.h"
#include "core/train/epoch_log.h"
#include "core/train/settings.h"

namespace gradtape::wasm {

using emscripten::val;

// A JS Error with the core's message, and `field` (camelCase) and `column` when set.
val js_error(const Error& error);

// A JS Array of the values. Numbers leave the heap in one Array.from() of a typed view, rather
// than a call per element (an epoch's ROC and PR curves hold hundreds of points).
template <class T>
val js_array(const std::vector<T>& values) {
  if constexpr (std::is_floating_point_v<T> ||
                (std::is_integral_v<T> && !std::is_same_v<T, bool> && sizeof(T) <= 4)) {
    return val::global("Array").call<val>(
        "from", val(emscripten::typed_memory_view(values.size(), values.data())));
  } else {
    val array = val::array();
    for (const T& v : values) array.call<void>("push", val(v));
    return array;
  }
}

// An array of objects, one per item, each filled in by fill(object, item).
template <class T, class Fill>
val js_objects(const std::vector<T>& items, Fill fill) {
  val array = val::array();
  for (const T& item : items) {
    val entry = val::object();
    fill(entry, item);
    array.call<void>("push", entry);
  }
  return array;
}

// A number that may be NaN or infinite (pandas' NaN for an empty column's mean) as null.
val js_number(double value);

// The arguments of a call, checked at the boundary: a value of the wrong type, a number that is not
// finite or out of its range, a string that is not valid UTF-16 (a lone surrogate would silently
// lose a character) and an unknown option key are each an Error naming the argument.
Result<std::string> js_text(const val& value, const std::string& what);
// `options` is undefined, null, or a plain object whose keys are all in `known`.
std::optional<Error> unknown_options(const val& options, const std::string& call,
                                     std::initializer_list<const char*> known);
// options[key] as a number in [lo, hi] (a whole one if `whole`); nullopt when absent.
Result<std::optional<double>> js_number_option(const val& options, const char* key, double lo,
                                               double hi, bool whole);

// The settings table, for the page's form and its checks: one object per setting.
val settings_schema();
// The epoch field table: { key, name, label, line, kind, summary, tasks } per field.
val epoch_field_list();

// A setting's value as JS: numbers, booleans, strings, arrays.
val js_setting(const SettingValue& value);
// A JS value for `spec`: text is parsed as a flag or a form field gives it, other values are
// checked as they are; an Error (on spec.key) names the rule.
Result<SettingValue> setting_from_js(const SettingSpec& spec, const val& value);

// Every key of `settings` (a JS object keyed by camelCase), checked; null and undefined mean
// "the default". The errors, one per bad key, by camelCase key; the values by snake_case key.
struct CheckedSettings {
  std::map<std::string, SettingValue> values;
  val errors = val::object();
  std::string first_error_key;  // camelCase, empty when all are valid
  Error first_error;
};
CheckedSettings check_js_settings(const val& settings);

// An epoch log as { epoch, trainLoss, valLoss, ... }: the fields `task` reports.
val js_epoch_log(const EpochLog& log, Task task);

}  // namespace gradtape::wasm
