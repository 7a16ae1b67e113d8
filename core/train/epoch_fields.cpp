#include "core/train/epoch_fields.h"

namespace gradtape {

const std::vector<EpochField>& epoch_fields() {
  using L = const EpochLog&;
  static const std::vector<EpochField> fields = {
      {"epoch", "Epoch", "", FieldKind::epoch, true, [](L log) { return double(log.epoch); }},
      {"train_loss", "Train loss", "loss", FieldKind::loss, true,
       [](L log) { return log.train_loss; }},
      {"val_loss", "Val loss", "val_loss", FieldKind::loss, true,
       [](L log) { return log.val_loss; }},
      {"train_accuracy", "Train accuracy", "accuracy", FieldKind::fraction, true,
       [](L log) { return log.train_accuracy; }},
      {"val_accuracy", "Val accuracy", "val_accuracy", FieldKind::fraction, true,
       [](L log) { return log.val_accuracy; }},
      {"val_precision", "Val precision", "", FieldKind::fraction, false,
       [](L log) { return log.val_precision; }},
      {"val_recall", "Val recall", "", FieldKind::fraction, false,
       [](L log) { return log.val_recall; }},
      {"val_auc", "Val AUC", "val_auc", FieldKind::fraction, false,
       [](L log) { return log.val_auc; }},
      {"ms", "Time (ms)", "", FieldKind::milliseconds, false, [](L log) { return log.ms; }},
  };
  return fields;
}

}  // namespace gradtape
