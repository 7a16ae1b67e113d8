// Category maps: byte-ordered codes learned from chosen rows, unseen values, one-hot names.
#include "core/data/encoding.h"

#include <string>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"

namespace gradtape {
namespace {

Column text_column(const std::string& csv) {
  Result<Table> table = read_csv(csv);
  EXPECT_TRUE(table.ok()) << (table.ok() ? "" : table.error().message);
  return table.ok() ? table->columns[0] : Column{};
}

TEST(Encoding, CodesFollowByteOrderAsPandasCategories) {
  // ChestPainType: ASY=0, ATA=1, NAP=2, TA=3 (docs/pipeline.md step 2).
  Column column = text_column("c\nTA\nATA\nNAP\nASY\nATA\n");
  CategoryMap map = CategoryMap::fit(column, {0, 1, 2, 3, 4});
  EXPECT_EQ(map.categories(), (std::vector<std::string>{"ASY", "ATA", "NAP", "TA"}));
  EXPECT_EQ(map.code("ASY"), 0u);
  EXPECT_EQ(map.code("TA"), 3u);
}

TEST(Encoding, UppercaseSortsBeforeLowercase) {
  Column column = text_column("c\nb\na\nB\n");
  CategoryMap map = CategoryMap::fit(column, {0, 1, 2});
  EXPECT_EQ(map.code("B"), 0u);
  EXPECT_EQ(map.code("a"), 1u);
  EXPECT_EQ(map.code("b"), 2u);
}

TEST(Encoding, OnlyTheChosenRowsAndNoMissingValues) {
  Column column = text_column("c\nx\nNA\ny\nz\n");
  CategoryMap map = CategoryMap::fit(column, {0, 1, 2});
  EXPECT_EQ(map.categories(), (std::vector<std::string>{"x", "y"}));
  EXPECT_FALSE(map.code("z").has_value());
  EXPECT_FALSE(map.code("").has_value());
}

TEST(Encoding, OneHotNamesAsGetDummies) {
  Column column = text_column("Sex\nM\nF\n");
  CategoryMap map = CategoryMap::fit(column, {0, 1});
  EXPECT_EQ(one_hot_names("Sex", map), (std::vector<std::string>{"Sex_F", "Sex_M"}));
}

}  // namespace
}  // namespace gradtape
