#include "core/model/model_json.h"

namespace gradtape {

Json preprocessing_json(const Preprocessor& p) {
  Json columns = Json::array();
  for (const FeatureColumn& column : p.columns()) {
    Json entry = {{"name", column.name},
                  {"kind", FeatureColumn::kKindNames[static_cast<int>(column.kind)]}};
    if (column.kind != FeatureColumn::Kind::Numeric)
      entry["categories"] = column.categories.categories();
    if (column.fill_number) entry["fill"] = *column.fill_number;
    if (column.fill_text) entry["fill"] = *column.fill_text;
    columns.push_back(std::move(entry));
  }
  return {
      {"missing", p.missing_policy() == MissingPolicy::Impute ? "impute" : "drop"},
      {"columns", columns},
      {"kept", p.kept()},
      {"features", p.feature_names()},
      {"scaler",
       {{"mean", p.scaler().mean()}, {"std", p.scaler().scale()}, {"ddof", p.scaler().ddof()}}}};
}

Json target_json(const TargetInfo& target) {
  Json out = {{"column", target.column}};
  if (target.task == Task::regression) {
    out["mean"] = target.mean;
    out["std"] = target.std;
  } else {
    out["classes"] = target.classes;
  }
  return out;
}

}  // namespace gradtape
