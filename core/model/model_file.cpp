#include "core/model/model_file.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "core/data/limits.h"
#include "core/engine/activation.h"
#include "core/model/model_json.h"
#include "core/train/epoch_fields.h"
#include "core/train/settings.h"

namespace gradtape {
namespace {

constexpr std::size_t kMaxCategories = 1'000'000;
constexpr std::size_t kMaxText = 10'000;  // a column name, a class, a category

// Returns the Error of a Result-valued expression, or binds its value (the reader checks every
// step of an untrusted file and stops at the first that is wrong).
#define GRADTAPE_READ(name, expression)         \
  auto name##_read = (expression);              \
  if (!name##_read) return name##_read.error(); \
  auto& name = *name##_read

Error wrong(const std::string& path, const std::string& what) {
  return Error{"model file: " + path + ": " + what};
}

// ---- writing ------------------------------------------------------------------------------------

Json matrix_json(const Matrix& m) {
  Json rows = Json::array();
  for (Index r = 0; r < m.rows(); ++r) {
    Json row = Json::array();
    for (Index c = 0; c < m.cols(); ++c) row.push_back(m(r, c));
    rows.push_back(std::move(row));
  }
  return rows;
}

Json setting_json(const SettingSpec& spec, const SettingValue& value) {
  if (const double* number = std::get_if<double>(&value)) {
    if (spec.type == SettingType::integer) return static_cast<long long>(*number);
    return *number;
  }
  if (const bool* flag = std::get_if<bool>(&value)) return *flag;
  if (const std::string* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* names = std::get_if<std::vector<std::string>>(&value)) return *names;
  return std::get<std::vector<int>>(value);
}

// ---- reading: each step checks what it reads ---------------------------------------------------

Result<const Json*> member(const Json& object, const std::string& path, const char* key) {
  if (!object.is_object()) return wrong(path, "expected an object");
  auto found = object.find(key);
  if (found == object.end()) return wrong(path, "has no \"" + std::string(key) + "\"");
  return &*found;
}

Result<double> number(const Json& value, const std::string& path) {
  if (!value.is_number()) return wrong(path, "expected a number");
  const double x = value.get<double>();
  if (!std::isfinite(x)) return wrong(path, "expected a finite number");
  return x;
}

Result<std::string> text(const Json& value, const std::string& path) {
  if (!value.is_string()) return wrong(path, "expected text");
  const std::string& s = value.get_ref<const std::string&>();
  if (s.size() > kMaxText)
    return wrong(path, "text of " + std::to_string(s.size()) + " bytes is too long");
  return s;
}

// metrics.KEY, an object of figures by epoch field name; none when it is absent.
Result<std::vector<NamedFigure>> figures(const Json& metrics, const char* key) {
  std::vector<NamedFigure> out;
  auto found = metrics.find(key);
  if (found == metrics.end() || !found->is_object()) return out;
  for (const auto& [name, value] : found->items()) {
    GRADTAPE_READ(figure, number(value, "metrics." + std::string(key) + "." + name));
    out.push_back({name, figure});
  }
  return out;
}

Result<std::size_t> whole(const Json& value, const std::string& path, std::size_t most) {
  GRADTAPE_READ(x, number(value, path));
  if (x < 0 || std::floor(x) != x || x > static_cast<double>(most)) {
    return wrong(path, "expected a whole number from 0 to " + std::to_string(most));
  }
  return static_cast<std::size_t>(x);
}

Result<std::vector<double>> numbers(const Json& value, const std::string& path, std::size_t size) {
  if (!value.is_array()) return wrong(path, "expected a list of numbers");
  if (value.size() != size)
    return wrong(
        path, "expected " + std::to_string(size) + " numbers, got " + std::to_string(value.size()));
  std::vector<double> out;
  out.reserve(size);
  for (std::size_t i = 0; i < size; ++i) {
    GRADTAPE_READ(x, number(value[i], path + "[" + std::to_string(i) + "]"));
    out.push_back(x);
  }
  return out;
}

Result<std::vector<std::string>> texts(const Json& value, const std::string& path,
                                       std::size_t most) {
  if (!value.is_array()) return wrong(path, "expected a list of text");
  if (value.size() > most)
    return wrong(path, "holds " + std::to_string(value.size()) + " entries; at most " +
                           std::to_string(most));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    GRADTAPE_READ(s, text(value[i], path + "[" + std::to_string(i) + "]"));
    out.push_back(std::move(s));
  }
  return out;
}

Result<Matrix> matrix(const Json& value, const std::string& path, Index rows, Index cols) {
  if (!value.is_array() || value.size() != static_cast<std::size_t>(rows)) {
    return wrong(path, "expected " + std::to_string(rows) + " rows");
  }
  Matrix m(rows, cols);
  for (Index r = 0; r < rows; ++r) {
    GRADTAPE_READ(row,
                  numbers(value[static_cast<std::size_t>(r)], path + "[" + std::to_string(r) + "]",
                          static_cast<std::size_t>(cols)));
    for (Index c = 0; c < cols; ++c) {
      if (std::fabs(row[static_cast<std::size_t>(c)]) > 3.4e38)
        return wrong(path, "a weight beyond float32's range");
      m(r, c) = static_cast<float>(row[static_cast<std::size_t>(c)]);
    }
  }
  return m;
}

Result<FeatureColumn> feature_column(const Json& value, const std::string& path,
                                     MissingPolicy missing) {
  FeatureColumn column;
  GRADTAPE_READ(name, member(value, path, "name"));
  GRADTAPE_READ(name_text, text(*name, path + ".name"));
  column.name = name_text;
  GRADTAPE_READ(kind, member(value, path, "kind"));
  GRADTAPE_READ(kind_text, text(*kind, path + ".kind"));
  std::size_t k = 0;
  while (k < 3 && kind_text != FeatureColumn::kKindNames[k]) ++k;
  if (k == 3)
    return wrong(path + ".kind", "expected numeric, codes or onehot, got '" + kind_text + "'");
  column.kind = static_cast<FeatureColumn::Kind>(k);
  if (column.kind != FeatureColumn::Kind::Numeric) {
    GRADTAPE_READ(list, member(value, path, "categories"));
    GRADTAPE_READ(categories, texts(*list, path + ".categories", kMaxCategories));
    std::vector<std::string> sorted = categories;
    std::sort(sorted.begin(), sorted.end());
    if (categories.empty() || sorted != categories ||
        std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
      return wrong(path + ".categories", "expected distinct categories in byte order");
    }
    column.categories = CategoryMap::of(std::move(categories));
  }
  auto fill = value.find("fill");
  if (missing == MissingPolicy::Impute) {
    if (fill == value.end()) return wrong(path, "has no \"fill\" value, which imputation needs");
    if (column.kind == FeatureColumn::Kind::Numeric) {
      GRADTAPE_READ(x, number(*fill, path + ".fill"));
      column.fill_number = x;
    } else {
      GRADTAPE_READ(s, text(*fill, path + ".fill"));
      if (!column.categories.code(s))
        return wrong(path + ".fill", "'" + s + "' is not one of its categories");
      column.fill_text = s;
    }
  }
  return column;
}

Result<Preprocessor> preprocessing(const Json& doc) {
  GRADTAPE_READ(p, member(doc, "model file", "preprocessing"));
  GRADTAPE_READ(missing_value, member(*p, "preprocessing", "missing"));
  GRADTAPE_READ(missing_text, text(*missing_value, "preprocessing.missing"));
  if (missing_text != "drop" && missing_text != "impute")
    return wrong("preprocessing.missing", "expected drop or impute");
  const MissingPolicy missing =
      missing_text == "impute" ? MissingPolicy::Impute : MissingPolicy::DropRows;
  GRADTAPE_READ(list, member(*p, "preprocessing", "columns"));
  if (!list->is_array() || list->empty() || list->size() > kMaxColumns) {
    return wrong("preprocessing.columns",
                 "expected a list of 1 to " + std::to_string(kMaxColumns) + " columns");
  }
  std::vector<FeatureColumn> columns;
  std::size_t width = 0;
  for (std::size_t i = 0; i < list->size(); ++i) {
    GRADTAPE_READ(
        column,
        feature_column((*list)[i], "preprocessing.columns[" + std::to_string(i) + "]", missing));
    width += column.width();
    columns.push_back(std::move(column));
  }
  Preprocessor preprocessor(std::move(columns), missing);
  GRADTAPE_READ(kept_list, member(*p, "preprocessing", "kept"));
  if (!kept_list->is_array() || kept_list->empty() || kept_list->size() > width) {
    return wrong("preprocessing.kept",
                 "expected 1 to " + std::to_string(width) + " feature indices");
  }
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < kept_list->size(); ++i) {
    GRADTAPE_READ(
        j, whole((*kept_list)[i], "preprocessing.kept[" + std::to_string(i) + "]", width - 1));
    if (!kept.empty() && j <= kept.back())
      return wrong("preprocessing.kept", "expected ascending indices");
    kept.push_back(j);
  }
  GRADTAPE_READ(scaler, member(*p, "preprocessing", "scaler"));
  GRADTAPE_READ(mean_list, member(*scaler, "preprocessing.scaler", "mean"));
  GRADTAPE_READ(mean, numbers(*mean_list, "preprocessing.scaler.mean", kept.size()));
  GRADTAPE_READ(std_list, member(*scaler, "preprocessing.scaler", "std"));
  GRADTAPE_READ(stds, numbers(*std_list, "preprocessing.scaler.std", kept.size()));
  for (double s : stds) {
    if (!(s > 0)) return wrong("preprocessing.scaler.std", "every std must be above 0");
  }
  GRADTAPE_READ(ddof_value, member(*scaler, "preprocessing.scaler", "ddof"));
  GRADTAPE_READ(ddof, whole(*ddof_value, "preprocessing.scaler.ddof", 1));
  preprocessor.set_scaling(
      kept, StandardScaler::of(std::move(mean), std::move(stds), static_cast<int>(ddof)));
  return preprocessor;
}

Result<TargetInfo> target_info(const Json& doc) {
  TargetInfo target;
  GRADTAPE_READ(task_value, member(doc, "model file", "task"));
  GRADTAPE_READ(task, text(*task_value, "task"));
  if (task != "binary" && task != "multiclass" && task != "regression") {
    return wrong("task", "expected binary, multiclass or regression, got '" + task + "'");
  }
  target.task = task == "binary"       ? Task::binary
                : task == "multiclass" ? Task::multiclass
                                       : Task::regression;
  GRADTAPE_READ(t, member(doc, "model file", "target"));
  GRADTAPE_READ(column, member(*t, "target", "column"));
  GRADTAPE_READ(column_text, text(*column, "target.column"));
  target.column = column_text;
  if (target.task == Task::regression) {
    GRADTAPE_READ(mean_value, member(*t, "target", "mean"));
    GRADTAPE_READ(mean, number(*mean_value, "target.mean"));
    GRADTAPE_READ(std_value, member(*t, "target", "std"));
    GRADTAPE_READ(std, number(*std_value, "target.std"));
    if (!(std > 0)) return wrong("target.std", "must be above 0");
    target.mean = mean;
    target.std = std;
    return target;
  }
  GRADTAPE_READ(list, member(*t, "target", "classes"));
  GRADTAPE_READ(classes, texts(*list, "target.classes", kMaxClasses));
  if (classes.size() < 2 || (target.task == Task::binary && classes.size() != 2)) {
    return wrong("target.classes", target.task == Task::binary ? "a binary target has 2 classes"
                                                               : "expected 2 or more classes");
  }
  target.classes = std::move(classes);
  return target;
}

Result<Sequential> network(const Json& doc, Index inputs, const TargetInfo& target) {
  GRADTAPE_READ(list, member(doc, "model file", "layers"));
  if (!list->is_array() || list->empty() || list->size() > 17)
    return wrong("layers", "expected 1 to 17 layers");
  Sequential model;
  std::size_t parameters = 0;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = "layers[" + std::to_string(i) + "]";
    const Json& layer = (*list)[i];
    GRADTAPE_READ(units_value, member(layer, path, "units"));
    GRADTAPE_READ(units, whole(*units_value, path + ".units", 4096));
    if (units == 0) return wrong(path + ".units", "must be at least 1");
    parameters += static_cast<std::size_t>(inputs) * units + units;
    if (parameters > kMaxParameters)
      return wrong(path,
                   "the model would have more than " + std::to_string(kMaxParameters) + " weights");
    GRADTAPE_READ(activation_value, member(layer, path, "activation"));
    GRADTAPE_READ(activation_text, text(*activation_value, path + ".activation"));
    Result<Activation> activation = parse_any_activation(activation_text);
    if (!activation)
      return wrong(path + ".activation", "unknown activation '" + activation_text + "'");
    GRADTAPE_READ(kernel_value, member(layer, path, "kernel"));
    GRADTAPE_READ(kernel,
                  matrix(*kernel_value, path + ".kernel", inputs, static_cast<Index>(units)));
    GRADTAPE_READ(bias_value, member(layer, path, "bias"));
    GRADTAPE_READ(bias, numbers(*bias_value, path + ".bias", units));
    Matrix bias_row(1, static_cast<Index>(units));
    for (std::size_t c = 0; c < units; ++c)
      bias_row(0, static_cast<Index>(c)) = static_cast<float>(bias[c]);
    if (Status added = model.add(Dense(std::move(kernel), std::move(bias_row), *activation));
        !added) {
      return wrong(path, added.error().message);
    }
    inputs = static_cast<Index>(units);
  }
  const Dense& head = model.layers().back();
  const Index outputs =
      target.task == Task::multiclass ? static_cast<Index>(target.classes.size()) : 1;
  const Activation expected = target.task == Task::binary       ? Activation::sigmoid
                              : target.task == Task::multiclass ? Activation::softmax
                                                                : Activation::linear;
  if (head.units() != outputs || head.activation() != expected) {
    return wrong("layers", "the last layer must be " + std::to_string(outputs) + " " +
                               activation_name(expected) + " units for a " +
                               task_name(target.task) + " target");
  }
  return model;
}

}  // namespace

std::string write_model_file(const TrainedModel& model, const std::string& version) {
  Json layers = Json::array();
  for (const Dense& layer : model.network.layers()) {
    Json bias = Json::array();
    for (Index c = 0; c < layer.bias().value.cols(); ++c) bias.push_back(layer.bias().value(0, c));
    layers.push_back({{"units", layer.units()},
                      {"activation", activation_name(layer.activation())},
                      {"kernel", matrix_json(layer.kernel().value)},
                      {"bias", bias}});
  }
  Json settings = Json::object();
  for (const SettingSpec& spec : settings_table())
    settings[spec.key] = setting_json(spec, spec.get(model.config));
  auto figures_json = [](const std::vector<NamedFigure>& figures) {
    Json out = Json::object();
    for (const NamedFigure& figure : figures) out[figure.name] = figure.value;
    return out;
  };
  const Json metrics = {{"final", figures_json(model.final_figures)},
                        {"best", figures_json(model.best_figures)},
                        {"weights", model.weights_from_best ? "best" : "final"}};
  Json doc = {{"format", kModelFormat},
              {"gradtape", version},
              {"task", task_name(model.target.task)},
              {"target", target_json(model.target)},
              {"preprocessing", preprocessing_json(model.preprocessor)},
              {"layers", layers},
              {"settings", settings},
              {"metrics", metrics},
              {"data",
               {{"file", model.origin.file},
                {"bytes", model.origin.bytes},
                {"sha256", model.origin.sha256}}}};
  return doc.dump(1) + "\n";
}

Result<TrainedModel> read_model_file(std::string_view text_view) {
  if (text_view.size() > kMaxModelFileBytes) {
    return Error{"model file: it is " + size_text(text_view.size()) + "; the limit is " +
                 size_text(kMaxModelFileBytes)};
  }
  const Json doc =
      Json::parse(text_view.begin(), text_view.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error{"model file: not valid JSON (a truncated or damaged file?)"};
  const auto format = doc.is_object() ? doc.find("format") : doc.end();
  if (format == doc.end() || !format->is_string() || *format != kModelFormat) {
    return Error{"model file: not a gradtape model (expected \"format\": \"" +
                 std::string(kModelFormat) + "\")"};
  }
  TrainedModel model;
  GRADTAPE_READ(preprocessor, preprocessing(doc));
  model.preprocessor = std::move(preprocessor);
  GRADTAPE_READ(target, target_info(doc));
  model.target = std::move(target);
  GRADTAPE_READ(net, network(doc, static_cast<Index>(model.preprocessor.feature_names().size()),
                             model.target));
  model.network = std::move(net);
  if (auto settings = doc.find("settings"); settings != doc.end() && settings->is_object()) {
    for (const auto& [key, value] : settings->items()) {
      const SettingSpec* spec = find_setting(key);
      if (!spec) continue;  // a setting of a later version: not needed to predict
      Result<SettingValue> checked = value.is_string()
                                         ? parse_setting(*spec, value.get<std::string>())
                                     : value.is_boolean() ? check_setting(*spec, value.get<bool>())
                                     : value.is_number() ? check_setting(*spec, value.get<double>())
                                                         : Result<SettingValue>(Error{""});
      if (value.is_array()) {
        std::string joined;
        for (const Json& item : value)
          joined += (joined.empty() ? "" : ",") + (item.is_string() ? item.get<std::string>()
                                                   : item.is_number_integer()
                                                       ? std::to_string(item.get<long long>())
                                                       : std::string("?"));
        checked = parse_setting(*spec, joined);
      }
      if (!checked) return wrong("settings." + key, checked.error().message);
      spec->set(model.config, *checked);
    }
  }
  if (auto metrics = doc.find("metrics"); metrics != doc.end() && metrics->is_object()) {
    GRADTAPE_READ(final_figures, figures(*metrics, "final"));
    model.final_figures = std::move(final_figures);
    GRADTAPE_READ(best_figures, figures(*metrics, "best"));  // absent before 0.1's best epoch
    model.best_figures = std::move(best_figures);
    if (auto weights = metrics->find("weights"); weights != metrics->end()) {
      GRADTAPE_READ(from, text(*weights, "metrics.weights"));
      if (from != "final" && from != "best")
        return wrong("metrics.weights", "expected \"final\" or \"best\"");
      model.weights_from_best = from == "best";
    }
  }
  if (auto data = doc.find("data"); data != doc.end() && data->is_object()) {
    if (auto file = data->find("file"); file != data->end()) {
      GRADTAPE_READ(name, text(*file, "data.file"));
      model.origin.file = name;
    }
    if (auto sha = data->find("sha256"); sha != data->end()) {
      GRADTAPE_READ(hex, text(*sha, "data.sha256"));
      model.origin.sha256 = hex;
    }
    if (auto bytes = data->find("bytes"); bytes != data->end() && bytes->is_number_unsigned()) {
      model.origin.bytes = bytes->get<std::size_t>();
    }
  }
  return Result<TrainedModel>(std::move(model));
}

}  // namespace gradtape
