// Cells written back as pandas' to_csv writes them: whole float64 values keep their ".0"
// ("20.0", not "2e+01"), integers and text as read, missing cells empty; fields with commas or
// quotes quoted.
#include "core/model/prediction_table.h"

#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"

namespace gradtape {
namespace {

TEST(PredictionTable, CellsAreWrittenAsPandasWritesThem) {
  Result<Table> table = read_csv("f,i,t\n20.0,3,a\n1.5,,\"x, y\"\n,7,b\n1e20,-4,c\n");
  ASSERT_TRUE(table.ok());
  const Column& f = table->columns[0];
  const Column& i = table->columns[1];
  EXPECT_EQ(cell_text(f, 0), "20.0");
  EXPECT_EQ(cell_text(f, 1), "1.5");
  EXPECT_EQ(cell_text(f, 2), "");
  EXPECT_EQ(cell_text(f, 3), "1e+20");
  EXPECT_EQ(cell_text(i, 0), "3.0") << "a column with a missing value is float64, as in pandas";
  EXPECT_EQ(cell_text(table->columns[2], 1), "x, y");
  std::string out;
  append_csv_field(out, "x, \"y\"");
  EXPECT_EQ(out, "\"x, \"\"y\"\"\"");
}

}  // namespace
}  // namespace gradtape
