#include "core/train/epoch_fields.h"

namespace gradtape {

const std::vector<EpochField>& epoch_fields() {
  using L = const EpochLog&;
  using K = FieldKind;
  constexpr std::array<bool, kTaskCount> all{true, true, true};
  constexpr std::array<bool, kTaskCount> classes{true, true, false};
  constexpr std::array<bool, kTaskCount> binary{true, false, false};
  constexpr std::array<bool, kTaskCount> multiclass{false, true, false};
  constexpr std::array<bool, kTaskCount> regression{false, false, true};
  static const std::vector<EpochField> fields = {
      {"epoch", "Epoch", "", K::epoch, all, true, [](L l) { return double(l.epoch); }},
      {"train_loss", "Train loss", "loss", K::loss, all, true, [](L l) { return l.train_loss; }},
      {"val_loss", "Val loss", "val_loss", K::loss, all, true, [](L l) { return l.val_loss; }},
      {"train_accuracy", "Train accuracy", "accuracy", K::fraction, classes, true,
       [](L l) { return l.train_accuracy; }},
      {"val_accuracy", "Val accuracy", "val_accuracy", K::fraction, classes, true,
       [](L l) { return l.val_accuracy; }},
      {"val_precision", "Val precision", "", K::fraction, binary, false,
       [](L l) { return l.val_precision; }},
      {"val_recall", "Val recall", "", K::fraction, binary, false,
       [](L l) { return l.val_recall; }},
      {"val_auc", "Val AUC", "val_auc", K::fraction, binary, false, [](L l) { return l.val_auc; }},
      {"val_macro_f1", "Val macro-F1", "val_macro_f1", K::fraction, multiclass, false,
       [](L l) { return l.val_macro_f1; }},
      {"train_mae", "Train MAE", "mae", K::units, regression, true,
       [](L l) { return l.train_mae; }},
      {"val_mae", "Val MAE", "val_mae", K::units, regression, true, [](L l) { return l.val_mae; }},
      {"val_rmse", "Val RMSE", "val_rmse", K::units, regression, false,
       [](L l) { return l.val_rmse; }},
      {"val_r2", "Val R²", "val_r2", K::score, regression, false, [](L l) { return l.val_r2; }},
      {"ms", "Time (ms)", "", K::milliseconds, all, false, [](L l) { return l.ms; }},
  };
  return fields;
}

std::vector<const EpochField*> epoch_fields_for(Task task) {
  std::vector<const EpochField*> fields;
  for (const EpochField& field : epoch_fields()) {
    if (field.reported_for(task)) fields.push_back(&field);
  }
  return fields;
}

EpochMetric epoch_metric(Task task) {
  if (task == Task::regression) return {"train_mae", "val_mae", "MAE"};
  return {"train_accuracy", "val_accuracy", "Accuracy"};
}

}  // namespace gradtape
