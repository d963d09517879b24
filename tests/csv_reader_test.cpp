// RFC 4180 reading: delimiters, quoting, line endings, line numbers and broken input.
#include <gtest/gtest.h>

#include "ingest/csv_reader.h"
#include "ingest/text_encoding.h"

namespace stroom {
namespace {

std::vector<std::vector<std::string>> read_all(std::string_view text, std::vector<size_t>* lines = nullptr) {
  CsvReader reader(text);
  CsvRecord record;
  std::vector<std::vector<std::string>> rows;
  while (reader.next(record)) {
    rows.emplace_back(record.fields.begin(), record.fields.end());
    if (lines) lines->push_back(record.line);
  }
  return rows;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, DetectsDelimiterFromHeader) {
  EXPECT_EQ(CsvReader("a;b,c\n").delimiter(), ';');
  EXPECT_EQ(CsvReader("a,b,c\n1;2,3\n").delimiter(), ',');
  EXPECT_EQ(CsvReader("\"a,b\";c\n").delimiter(), ';');  // commas inside quotes do not count
  EXPECT_EQ(CsvReader("single\n").delimiter(), ';');
}

TEST(CsvReader, HandlesQuotesEscapesAndEmbeddedNewlines) {
  std::vector<size_t> lines;
  Rows rows = read_all("a;b\n\"x;y\";\"he said \"\"hi\"\"\"\n\"two\nlines\";z\nlast;\"\"\n", &lines);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"x;y", "he said \"hi\""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"two\nlines", "z"}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"last", ""}));
  EXPECT_EQ(lines, (std::vector<size_t>{1, 2, 3, 5}));
}

TEST(CsvReader, CrlfAndLfGiveTheSameRecords) {
  EXPECT_EQ(read_all("a;b\r\n1;2\r\n\"q\";\r\n"), read_all("a;b\n1;2\n\"q\";\n"));
}

TEST(CsvReader, SkipsBlankLinesButCountsThem) {
  std::vector<size_t> lines;
  Rows rows = read_all("a;b\n\n1;2\n\r\n3;4", &lines);
  EXPECT_EQ(rows.size(), 3u);
  EXPECT_EQ(lines, (std::vector<size_t>{1, 3, 5}));
}

TEST(CsvReader, ReportsUnterminatedQuote) {
  CsvReader reader("a;b\n1;\"open\n2;3\n");
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  ASSERT_TRUE(reader.next(record));
  EXPECT_TRUE(record.unterminated_quote);
  EXPECT_EQ(record.line, 2u);
  EXPECT_FALSE(reader.next(record));
}

TEST(TextEncoding, DetectsBomAndWindows1252) {
  auto plain = decode_to_utf8("caf\xC3\xA9");
  EXPECT_EQ(plain.encoding, SourceEncoding::utf8);
  EXPECT_EQ(plain.text, "caf\xC3\xA9");
  auto bom = decode_to_utf8("\xEF\xBB\xBF" "caf\xC3\xA9");
  EXPECT_EQ(bom.encoding, SourceEncoding::utf8_with_bom);
  EXPECT_EQ(bom.text, "caf\xC3\xA9");
  auto cp1252 = decode_to_utf8("caf\xE9 \x80 \x96");  // é, euro sign, en dash
  EXPECT_EQ(cp1252.encoding, SourceEncoding::windows1252);
  EXPECT_EQ(cp1252.text, "caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x93");
  auto undefined = decode_to_utf8("a\x81z");  // 0x81 has no character in Windows-1252
  EXPECT_EQ(undefined.text, "a\xEF\xBF\xBDz");
}

}  // namespace
}  // namespace stroom
