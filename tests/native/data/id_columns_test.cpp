#include "core/data/id_columns.h"

#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"
#include "tests/native/data/read_ok.h"

namespace gradtape {
namespace {

// A table of `rows` rows whose columns are: id (1..rows), name ("n1".."nrows"), paid (distinct
// numbers), city (repeats) and note (distinct text, one missing).
Table sample(int rows) {
  std::string text = "id,name,paid,city,note\n";
  for (int r = 1; r <= rows; ++r) {
    text += std::to_string(r) + ",n" + std::to_string(r) + "," + std::to_string(r * 3) + "," +
            (r % 2 ? "Rome" : "Oslo") + "," + (r == 1 ? "" : "t" + std::to_string(r)) + "\n";
  }
  return testing::read_ok(text);
}

bool id_like(const Table& table, const char* name) {
  return looks_like_id(describe_column(*table.find(name)), table.rows);
}

TEST(IdColumns, DistinctTextAndIdNamedNumbersLookLikeIds) {
  Table table = sample(30);
  EXPECT_TRUE(id_like(table, "id"));
  EXPECT_TRUE(id_like(table, "name"));
  EXPECT_FALSE(id_like(table, "paid")) << "distinct numbers not named like an ID are data";
  EXPECT_FALSE(id_like(table, "city")) << "repeated values";
  EXPECT_FALSE(id_like(table, "note")) << "a missing value";
}

TEST(IdColumns, SmallTablesNeverLookLikeIds) {
  Table table = sample(10);
  EXPECT_FALSE(id_like(table, "id"));
  EXPECT_FALSE(id_like(table, "name"));
}

TEST(IdColumns, IdNamesInTheirUsualSpellings) {
  ColumnSummary column;
  column.dtype = DType::Int64;
  column.distinct = 50;
  for (const char* name :
       {"ID", "Id", "user_id", "Customer ID", "row-id", "customerID", "PassengerId"}) {
    column.name = name;
    EXPECT_TRUE(looks_like_id(column, 50)) << name;
  }
  for (const char* name : {"paid", "Valid", "Solid", "grid", "humid", "d"}) {
    column.name = name;
    EXPECT_FALSE(looks_like_id(column, 50)) << name;
  }
}

}  // namespace
}  // namespace gradtape
