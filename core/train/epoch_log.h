// What one epoch of training reports, as the tutorial prints and plots it (docs/pipeline.md,
// step 11), with the figures of every task; epoch_fields.h says which task reports which.
#pragma once

#include <cstdint>
#include <vector>

namespace gradtape {

struct EpochLog {
  int epoch = 0;  // 1-based
  // Plain means of the batch losses, not weighted by batch size (the last batch counts as one).
  double train_loss = 0, val_loss = 0;
  // Classification. Train accuracy from each batch's predictions before its update, as the
  // tutorial computes it.
  double train_accuracy = 0, val_accuracy = 0;
  std::int64_t train_correct = 0, val_correct = 0;
  double val_precision = 0, val_recall = 0;  // binary: of the positive class
  double val_auc = 0;       // binary: ROC AUC, Keras' 200-threshold trapezoid (keras.metrics.AUC())
  double val_macro_f1 = 0;  // multi-class: the mean of the classes' F1
  // Regression, in the target's units: the train MAE from each step's pre-update predictions.
  double train_mae = 0, val_mae = 0, val_rmse = 0, val_r2 = 0;
  double ms = 0;                   // time spent computing this epoch (train and validation batches)
  std::vector<float> step_losses;  // each train batch's loss, before its update
  std::vector<float> val_batch_losses;  // each validation batch's loss
};

}  // namespace gradtape
