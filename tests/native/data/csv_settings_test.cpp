// The table of CSV reading settings: its rows, and setting each from its text.
#include "core/data/csv_settings.h"

#include <gtest/gtest.h>

namespace gradtape {
namespace {

TEST(CsvSettings, EachRowSetsItsOption) {
  CsvOptions options;
  ASSERT_NE(find_csv_setting("decimal"), nullptr);
  ASSERT_NE(find_csv_setting("textEncoding"), nullptr) << "the bindings' camelCase key";
  EXPECT_TRUE(apply_csv_setting(options, *find_csv_setting("decimal"), "comma").ok());
  EXPECT_EQ(options.decimal, DecimalMark::comma);
  EXPECT_TRUE(apply_csv_setting(options, *find_csv_setting("text_encoding"), "windows-1252").ok());
  EXPECT_EQ(options.encoding, TextEncoding::windows1252);
  for (const CsvSettingSpec& spec : csv_settings_table()) {
    EXPECT_FALSE(spec.help.empty()) << spec.key;
    EXPECT_EQ(spec.choices.front().value, "auto") << spec.key;
    EXPECT_EQ(spec.get(CsvOptions{}), 0u) << "the first choice is the default: " << spec.key;
  }
}

TEST(CsvSettings, AnUnknownChoiceNamesTheChoices) {
  CsvOptions options;
  Status status = apply_csv_setting(options, *find_csv_setting("decimal"), "dot");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "decimal");
  EXPECT_NE(status.error().message.find("auto, point or comma"), std::string::npos)
      << status.error().message;
}

}  // namespace
}  // namespace gradtape
