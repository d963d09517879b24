// Field validation per column type; see field_rules.h.
#include "ingest/field_rules.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ingest/bsn.h"
#include "model/calendar.h"
#include "model/trim.h"

namespace stroom {
namespace {

constexpr size_t kMaxPupilIdLength = 64;

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

FieldResult refuse(std::string reason) { return {false, {}, std::move(reason), {}}; }
FieldResult accept(std::string value) { return {true, std::move(value), {}, {}}; }

FieldResult pupil_id(std::string_view raw, const BsnPseudonymiser& pseudonymise) {
  if (raw.size() > kMaxPupilIdLength)
    return refuse(fmt::format("leerling_id is langer dan {} tekens", kMaxPupilIdLength));
  if (has_pseudonym_prefix(raw))
    return refuse(fmt::format("leerling_id begint met '{}' of '{}': die voorvoegsels gebruikt stroom zelf voor "
                              "pseudoniemen en geanonimiseerde leerlingen", kPseudonymPrefix, kAnonymousPrefix));
  if (auto number = personal_number(raw)) {
    FieldResult result = accept(pseudonymise(number->digits));
    if (number->kind == PersonalNumber::Kind::bsn_without_leading_zero)
      result.warning = "8 cijfers waarvan de vorm met een 0 ervoor de elfproef haalt: gelezen als BSN waarvan "
                       "de voorloopnul is weggevallen (spreadsheet?) en gepseudonimiseerd";
    return result;
  }
  if (looks_like_bsn(raw)) return refuse("BSN voldoet niet aan de elfproef (en is ook geen onderwijsnummer)");
  return accept(std::string(raw));
}

FieldResult free_text(std::string_view raw) {
  MaskedText masked = mask_personal_numbers(raw);
  FieldResult result = accept(std::move(masked.text));
  if (masked.masked > 0)
    result.warning = fmt::format("{} BSN of onderwijsnummer in de tekst vervangen door [BSN] of [onderwijsnummer]",
                                 masked.masked);
  return result;
}

FieldResult date(std::string_view raw) {
  auto parsed = parse_date(raw);
  if (!parsed)
    return refuse(fmt::format("ongeldige datum {} (verwacht JJJJ-MM-DD of DD-MM-JJJJ)", quoted_for_message(raw)));
  return accept(parsed->iso());
}

// Removes leading zeros of the whole part and trailing zeros of the fraction, so that "07,50"
// and "7.5" are stored alike and re-importing either is "unchanged".
std::string canonical_decimal(std::string_view whole, std::string_view fraction) {
  while (whole.size() > 1 && whole.front() == '0') whole.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  return fraction.empty() ? std::string(whole) : fmt::format("{}.{}", whole, fraction);
}

FieldResult integer(std::string_view raw) {
  if (!all_digits(raw) || raw.size() > 15)
    return refuse(fmt::format("{} is geen geheel getal van 0 of meer", quoted_for_message(raw)));
  return accept(canonical_decimal(raw, {}));
}

FieldResult decimal(std::string_view raw) {
  const size_t separator = raw.find_first_of(".,");
  std::string_view whole = raw.substr(0, separator);
  std::string_view fraction = separator == std::string_view::npos ? "" : raw.substr(separator + 1);
  const bool valid = all_digits(whole) && whole.size() <= 15 &&
                     (separator == std::string_view::npos || all_digits(fraction));
  if (!valid)
    return refuse(fmt::format("{} is geen getal van 0 of meer (gebruik 1234.5 of 1234,5)", quoted_for_message(raw)));
  return accept(canonical_decimal(whole, fraction));
}

FieldResult choice(const ColumnSpec& column, std::string_view raw) {
  std::string lower(raw);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  for (auto allowed : column.choices)
    if (allowed == lower) return accept(std::move(lower));
  return refuse(fmt::format("onbekende waarde {} (toegestaan: {})", quoted_for_message(raw),
                            fmt::join(column.choices, ", ")));
}

}  // namespace

FieldResult normalise_field(const ColumnSpec& column, std::string_view raw,
                            const BsnPseudonymiser& pseudonymise) {
  raw = trim(raw);
  if (raw.empty()) return column.required ? refuse("verplicht veld is leeg") : accept({});
  switch (column.type) {
    case FieldType::text: return accept(std::string(raw));
    case FieldType::free_text: return free_text(raw);
    case FieldType::pupil_id: return pupil_id(raw, pseudonymise);
    case FieldType::date: return date(raw);
    case FieldType::integer: return integer(raw);
    case FieldType::decimal: return decimal(raw);
    case FieldType::choice: return choice(column, raw);
  }
  return refuse("onbekend veldtype");
}

}  // namespace stroom
