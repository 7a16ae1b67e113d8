// The epoch field table: names unique and snake_case, each task's fields (the tutorial's for
// binary), the metric each task charts, and the getters reading the log's own members.
#include "core/train/epoch_fields.h"

#include <gtest/gtest.h>

#include <set>

namespace gradtape {
namespace {

std::vector<std::string> names_for(Task task) {
  std::vector<std::string> names;
  for (const EpochField* field : epoch_fields_for(task)) names.push_back(field->name);
  return names;
}

TEST(EpochFields, NamesAreUniqueSnakeCaseAndLabelled) {
  std::set<std::string> names;
  for (const EpochField& field : epoch_fields()) {
    EXPECT_TRUE(names.insert(field.name).second) << field.name;
    for (char c : field.name)
      EXPECT_TRUE(std::islower(static_cast<unsigned char>(c)) || std::isdigit(c) || c == '_')
          << field.name;
    EXPECT_FALSE(field.label.empty()) << field.name;
    EXPECT_NE(field.get, nullptr) << field.name;
  }
}

TEST(EpochFields, EachTaskReportsItsOwnFigures) {
  EXPECT_EQ(
      names_for(Task::binary),
      (std::vector<std::string>{"epoch", "train_loss", "val_loss", "train_accuracy", "val_accuracy",
                                "val_precision", "val_recall", "val_auc", "ms"}));
  EXPECT_EQ(names_for(Task::multiclass),
            (std::vector<std::string>{"epoch", "train_loss", "val_loss", "train_accuracy",
                                      "val_accuracy", "val_macro_f1", "ms"}));
  EXPECT_EQ(names_for(Task::regression),
            (std::vector<std::string>{"epoch", "train_loss", "val_loss", "train_mae", "val_mae",
                                      "val_rmse", "val_r2", "ms"}));
}

TEST(EpochFields, TheChartedMetricIsAFieldOfItsTask) {
  for (Task task : {Task::binary, Task::multiclass, Task::regression}) {
    const EpochMetric metric = epoch_metric(task);
    const std::vector<std::string> names = names_for(task);
    EXPECT_NE(std::find(names.begin(), names.end(), metric.train), names.end()) << task_name(task);
    EXPECT_NE(std::find(names.begin(), names.end(), metric.val), names.end()) << task_name(task);
  }
  EXPECT_EQ(epoch_metric(Task::regression).label, "MAE");
}

TEST(EpochFields, GettersReadTheirOwnMember) {
  EpochLog log;
  log.epoch = 7;
  log.val_auc = 0.25;
  log.val_r2 = -0.5;
  log.train_mae = 12.5;
  for (const EpochField& field : epoch_fields()) {
    const double expected = field.name == "epoch"       ? 7
                            : field.name == "val_auc"   ? 0.25
                            : field.name == "val_r2"    ? -0.5
                            : field.name == "train_mae" ? 12.5
                                                        : 0.0;
    EXPECT_EQ(field.get(log), expected) << field.name;
  }
}

}  // namespace
}  // namespace gradtape
