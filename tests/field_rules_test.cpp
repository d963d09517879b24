// Field validation per type and the personal-number rules: 11-proef, onderwijsnummers, 8-digit
// BSNs, pseudonyms, the reserved prefixes, masking in free text, never a BSN in a reason.
#include <gtest/gtest.h>

#include "ingest/bsn.h"
#include "ingest/field_rules.h"
#include "test_support.h"

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

using test::with_check_digit;

TEST(Bsn, OnderwijsnummerBeginsWith10AndLeavesRest5) {
  // The example of python-stdnum's documentation (docs/import.md cites where the rule is from).
  EXPECT_TRUE(is_onderwijsnummer("101222331"));
  EXPECT_FALSE(is_onderwijsnummer("100252333"));
  int constructed = 0;
  for (int n = 0; n < 200; ++n) {
    const std::string eight = "10" + std::to_string(100000 + n * 4111 % 900000);
    const std::string onr = with_check_digit(eight, 5);
    if (onr.empty()) continue;
    ++constructed;
    SCOPED_TRACE(onr);
    EXPECT_TRUE(is_onderwijsnummer(onr));
    EXPECT_FALSE(passes_elfproef(onr));  // never a BSN: the two sets are disjoint
    ASSERT_TRUE(personal_number(onr));
    EXPECT_EQ(personal_number(onr)->kind, PersonalNumber::Kind::onderwijsnummer);
    for (int rest : {0, 4, 6}) {
      const std::string other = with_check_digit(eight, rest);
      if (!other.empty()) {
        EXPECT_FALSE(is_onderwijsnummer(other)) << other;
      }
    }
    for (const char* prefix : {"11", "01", "20"}) {  // rest 5 without the "10" is not one
      const std::string other = with_check_digit(prefix + eight.substr(2), 5);
      if (!other.empty()) {
        EXPECT_FALSE(is_onderwijsnummer(other)) << other;
      }
    }
    EXPECT_FALSE(is_onderwijsnummer(onr.substr(0, 8)));
  }
  EXPECT_GT(constructed, 150);
}

TEST(Bsn, EightDigitsAreABsnWithoutItsLeadingZeroOnlyWhenThePaddedFormPasses) {
  const std::string bsn = with_check_digit("01234567", 0);
  ASSERT_EQ(bsn.size(), 9u);
  auto number = personal_number(bsn.substr(1));
  ASSERT_TRUE(number);
  EXPECT_EQ(number->kind, PersonalNumber::Kind::bsn_without_leading_zero);
  EXPECT_EQ(number->digits, bsn);
  const std::string failing = with_check_digit("01234567", 1);
  ASSERT_EQ(failing.size(), 9u);
  EXPECT_FALSE(personal_number(failing.substr(1)));
  EXPECT_FALSE(personal_number("00000000"));
  EXPECT_FALSE(personal_number("1234567"));
}

TEST(Bsn, PseudonymPrefixesAreRecognisedInAnyCase) {
  for (const char* id : {"ps-1", "PS-abc", "anon-00", "Anon-x"}) EXPECT_TRUE(has_pseudonym_prefix(id)) << id;
  for (const char* id : {"ps", "xps-1", "anon", "L-001", ""}) EXPECT_FALSE(has_pseudonym_prefix(id)) << id;
}

TEST(Bsn, MaskingReplacesExactlyTheNineDigitPersonalNumbers) {
  const std::string onr = with_check_digit("10123456", 5);
  auto masked = mask_personal_numbers("ziek (bsn 111222333), onr " + onr + ", tel 0612345678, 123456789, 1112223334");
  EXPECT_EQ(masked.text, "ziek (bsn [BSN]), onr [onderwijsnummer], tel 0612345678, 123456789, 1112223334");
  EXPECT_EQ(masked.masked, 2u);
  EXPECT_EQ(mask_personal_numbers("111222333").text, "[BSN]");
  EXPECT_EQ(mask_personal_numbers("geen nummer").masked, 0u);
}

TEST(Bsn, MessagesNeverQuoteEightOrMoreDigits) {
  EXPECT_EQ(quoted_for_message("2020-31-08"), "'2020-31-08'");
  EXPECT_EQ(quoted_for_message("1234567"), "'1234567'");
  EXPECT_EQ(quoted_for_message("sbao"), "'sbao'");
  for (const char* hidden : {"123456789", "12345678", "1234.56.782", "bsn 123 456 782", "x111222333y", "0123456789012"})
    EXPECT_EQ(quoted_for_message(hidden), "[8 of meer cijfers weggelaten]") << hidden;
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
  EXPECT_EQ(bad.reason, "BSN voldoet niet aan de elfproef (en is ook geen onderwijsnummer)");
  const std::string onr = with_check_digit("10987655", 5);
  ASSERT_EQ(onr.size(), 9u);
  auto onderwijsnummer = normalise_field(id, onr, key);
  EXPECT_TRUE(onderwijsnummer.ok);
  EXPECT_EQ(onderwijsnummer.value, key(onr));
  EXPECT_NE(onderwijsnummer.value, key(with_check_digit("10987655", 0)));
  EXPECT_TRUE(onderwijsnummer.warning.empty());
  const std::string bsn = with_check_digit("07654321", 0);
  auto excel = normalise_field(id, bsn.substr(1), key);
  EXPECT_TRUE(excel.ok);
  EXPECT_EQ(excel.value, key(bsn));  // the same pupil as the BSN with its zero
  EXPECT_NE(excel.warning.find("voorloopnul"), std::string::npos);
  EXPECT_EQ(excel.warning.find(bsn.substr(1)), std::string::npos);
  for (const char* reserved : {"ps-0f3a", "ANON-12"}) {
    auto refused = normalise_field(id, reserved, key);
    EXPECT_FALSE(refused.ok) << reserved;
    EXPECT_EQ(refused.reason, "leerling_id begint met 'ps-' of 'anon-': die voorvoegsels gebruikt stroom zelf voor "
                              "pseudoniemen en geanonimiseerde leerlingen");
  }
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
  EXPECT_EQ(normalise_field(soort, "111222333", key).reason,
            "onbekende waarde [8 of meer cijfers weggelaten] (toegestaan: bao, sbo, so, vo, pro, vso, isk)");
  EXPECT_EQ(normalise_field(start, "11122233", key).reason,
            "ongeldige datum [8 of meer cijfers weggelaten] (verwacht JJJJ-MM-DD of DD-MM-JJJJ)");
}

TEST(FieldRules, FreeTextHasItsPersonalNumbersMaskedIdsDoNot) {
  const BsnPseudonymiser key(test_key(0));
  auto reden = normalise_field(column(FileKind::verzuim, "reden"), "ziek; bsn 111222333", key);
  EXPECT_TRUE(reden.ok);
  EXPECT_EQ(reden.value, "ziek; bsn [BSN]");
  EXPECT_EQ(reden.warning, "1 BSN of onderwijsnummer in de tekst vervangen door [BSN] of [onderwijsnummer]");
  EXPECT_EQ(normalise_field(column(FileKind::vestigingen, "naam"), "School 111222333", key).value, "School [BSN]");
  EXPECT_EQ(normalise_field(column(FileKind::voorzieningen, "naam"), "Plusklas 111222333", key).value, "Plusklas [BSN]");
  auto plain = normalise_field(column(FileKind::verzuim, "reden"), "ziek", key);
  EXPECT_TRUE(plain.warning.empty());
}

}  // namespace
}  // namespace stroom
