// Field validation per type and the BSN rules: 11-proef, pseudonyms, never the BSN in a reason.
#include <gtest/gtest.h>

#include "ingest/bsn.h"
#include "ingest/field_rules.h"

namespace stroom {
namespace {

PseudonymKey test_key(uint8_t fill) {
  PseudonymKey key;
  key.bytes.fill(fill);
  return key;
}

const ColumnSpec& column(FileKind kind, std::string_view name) {
  const auto& schema = file_schema(kind);
  return schema.columns[*schema.column_index(name)];
}

TEST(Bsn, ElfProef) {
  EXPECT_TRUE(passes_elfproef("111222333"));
  EXPECT_TRUE(passes_elfproef("123456782"));
  EXPECT_FALSE(passes_elfproef("123456789"));
  EXPECT_FALSE(passes_elfproef("000000000"));
  EXPECT_TRUE(passes_elfproef("000000024"));  // weighted sum 0: divisible by 11
  EXPECT_FALSE(passes_elfproef("12345678"));
  EXPECT_FALSE(passes_elfproef("12345678a"));
}

TEST(Bsn, PseudonymIsKeyedStableAndHidesTheBsn) {
  const auto a = BsnPseudonymiser(test_key(1))("111222333");
  EXPECT_EQ(a, BsnPseudonymiser(test_key(1))("111222333"));
  EXPECT_NE(a, BsnPseudonymiser(test_key(2))("111222333"));
  EXPECT_NE(a, BsnPseudonymiser(test_key(1))("123456782"));
  EXPECT_EQ(a.size(), 35u);
  EXPECT_EQ(a.find("111222333"), std::string::npos);
}

TEST(FieldRules, PupilIds) {
  const auto& id = column(FileKind::inschrijvingen, "leerling_id");
  const BsnPseudonymiser key(test_key(7));
  EXPECT_EQ(normalise_field(id, " L-001 ", key).value, "L-001");
  EXPECT_EQ(normalise_field(id, "111222333", key).value, key("111222333"));
  auto bad = normalise_field(id, "123456789", key);
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.reason, "BSN voldoet niet aan de elfproef");
  EXPECT_FALSE(normalise_field(id, std::string(65, 'x'), key).ok);
  EXPECT_TRUE(normalise_field(id, std::string(64, 'x'), key).ok);
  EXPECT_EQ(normalise_field(id, "", key).reason, "verplicht veld is leeg");
  EXPECT_EQ(normalise_field(id, "12345678", key).value, "12345678");  // 8 digits: not a BSN
}

TEST(FieldRules, DatesDecimalsIntegersChoices) {
  const BsnPseudonymiser key(test_key(0));
  const auto& start = column(FileKind::inschrijvingen, "startdatum");
  EXPECT_EQ(normalise_field(start, "1-8-2023", key).value, "2023-08-01");
  EXPECT_EQ(normalise_field(start, "31/12/2023", key).value, "2023-12-31");
  EXPECT_EQ(normalise_field(start, "2023-13-01", key).reason,
            "ongeldige datum '2023-13-01' (verwacht JJJJ-MM-DD of DD-MM-JJJJ)");
  const auto& end = column(FileKind::inschrijvingen, "einddatum");
  EXPECT_TRUE(normalise_field(end, "", key).ok);
  EXPECT_EQ(normalise_field(end, "", key).value, "");

  const auto& tarief = column(FileKind::voorzieningen, "tarief");
  EXPECT_EQ(normalise_field(tarief, "1234,50", key).value, "1234.5");
  EXPECT_EQ(normalise_field(tarief, "01234.0", key).value, "1234");
  EXPECT_FALSE(normalise_field(tarief, "1.234,5", key).ok);
  EXPECT_FALSE(normalise_field(tarief, "-5", key).ok);
  EXPECT_FALSE(normalise_field(tarief, "12,", key).ok);

  const auto& plaatsen = column(FileKind::voorzieningen, "plaatsen");
  EXPECT_EQ(normalise_field(plaatsen, "012", key).value, "12");
  EXPECT_EQ(normalise_field(plaatsen, "2.5", key).reason, "'2.5' is geen geheel getal van 0 of meer");

  const auto& soort = column(FileKind::inschrijvingen, "onderwijssoort");
  EXPECT_EQ(normalise_field(soort, "VSO", key).value, "vso");
  EXPECT_EQ(normalise_field(soort, "sbao", key).reason,
            "onbekende waarde 'sbao' (toegestaan: bao, sbo, so, vo, pro, vso, isk)");
}

}  // namespace
}  // namespace stroom
