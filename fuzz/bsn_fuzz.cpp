// libFuzzer target: arbitrary text as a pupil id, through the BSN rules and the pseudonymiser.
//
// Checks looks_like_bsn, passes_elfproef and is_onderwijsnummer against plain reference versions
// written here, the pseudonym's shape ("ps-" and 32 lower-case hex digits), that it is
// deterministic for one key (two instances, repeated calls), differs for another key and for a
// shorter input, and that the importer's path for a leerling_id (normalise_field) pseudonymises
// exactly the BSNs, onderwijsnummers and 8-digit BSNs without their zero, refuses the reserved
// prefixes and other nine-digit ids, and never puts such a number in a stored value, a reason
// or a warning. Free-text masking leaves no BSN or onderwijsnummer behind, and a value a message
// quotes has no eight digits in a row. The keys are fixed test keys, never a real installation's.
#include <sodium.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/bsn.h"
#include "ingest/field_rules.h"
#include "ingest/file_schema.h"
#include "model/trim.h"

namespace {

stroom::PseudonymKey test_key(uint8_t first) {
  stroom::PseudonymKey key;
  for (size_t i = 0; i < key.bytes.size(); ++i) key.bytes[i] = uint8_t(first + 7 * i);
  return key;
}

bool reference_looks_like_bsn(std::string_view id) {
  if (id.size() != 9) return false;
  for (char c : id)
    if (c < '0' || c > '9') return false;
  return true;
}

bool reference_elfproef(std::string_view id) {
  if (!reference_looks_like_bsn(id) || id == "000000000") return false;
  static constexpr int kWeights[9] = {9, 8, 7, 6, 5, 4, 3, 2, -1};
  int sum = 0;
  for (size_t i = 0; i < 9; ++i) sum += kWeights[i] * (id[i] - '0');
  return ((sum % 11) + 11) % 11 == 0;
}

bool reference_onderwijsnummer(std::string_view id) {
  if (!reference_looks_like_bsn(id) || id.substr(0, 2) != "10") return false;
  static constexpr int kWeights[9] = {9, 8, 7, 6, 5, 4, 3, 2, -1};
  int sum = 0;
  for (size_t i = 0; i < 9; ++i) sum += kWeights[i] * (id[i] - '0');
  return ((sum % 11) + 11) % 11 == 5;
}

bool all_digits(std::string_view id) {
  for (char c : id)
    if (c < '0' || c > '9') return false;
  return !id.empty();
}

// The longest run of ASCII digits in the text.
size_t longest_digit_run(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// Whether a run of exactly nine digits in the text is a BSN or onderwijsnummer.
bool holds_personal_number(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t end = i;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end - i == 9 && (reference_elfproef(text.substr(i, 9)) || reference_onderwijsnummer(text.substr(i, 9))))
      return true;
    i = end == i ? i + 1 : end;
  }
  return false;
}

bool pseudonym_shape(const std::string& p) {
  if (p.size() != 35 || p.compare(0, 3, "ps-") != 0) return false;
  for (size_t i = 3; i < p.size(); ++i)
    if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f'))) return false;
  return true;
}

const stroom::ColumnSpec& pupil_id_column() {
  const auto& schema = stroom::file_schema(stroom::FileKind::inschrijvingen);
  return schema.columns[*schema.column_index("leerling_id")];
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (sodium_init() < 0) __builtin_trap();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const stroom::BsnPseudonymiser pseudonymise(test_key(1));
  static const stroom::BsnPseudonymiser same_key(test_key(1));
  static const stroom::BsnPseudonymiser other_key(test_key(2));
  const std::string_view id(reinterpret_cast<const char*>(data), size);

  const bool looks = stroom::looks_like_bsn(id);
  FUZZ_CHECK(looks == reference_looks_like_bsn(id));
  const bool passes = stroom::passes_elfproef(id);
  FUZZ_CHECK(passes == reference_elfproef(id));

  const std::string p = pseudonymise(id);
  FUZZ_CHECK(pseudonym_shape(p));
  FUZZ_CHECK(pseudonymise(id) == p && same_key(id) == p);
  FUZZ_CHECK(other_key(id) != p);
  if (!id.empty()) FUZZ_CHECK(pseudonymise(id.substr(0, id.size() - 1)) != p);

  FUZZ_CHECK(stroom::is_onderwijsnummer(id) == reference_onderwijsnummer(id));
  FUZZ_CHECK(!(stroom::is_onderwijsnummer(id) && stroom::passes_elfproef(id)));

  // The importer's path: a leerling_id field of inschrijvingen.csv.
  const stroom::FieldResult field = stroom::normalise_field(pupil_id_column(), id, pseudonymise);
  const std::string_view core = stroom::trim(id);
  const bool eight_digit_bsn = core.size() == 8 && all_digits(core) && reference_elfproef("0" + std::string(core));
  if (core.empty() || core.size() > 64 || stroom::has_pseudonym_prefix(core)) {
    FUZZ_CHECK(!field.ok);
  } else if (reference_elfproef(core) || reference_onderwijsnummer(core)) {
    FUZZ_CHECK(field.ok && field.value == pseudonymise(core) && field.warning.empty());
  } else if (eight_digit_bsn) {
    FUZZ_CHECK(field.ok && field.value == pseudonymise("0" + std::string(core)) && !field.warning.empty());
  } else if (reference_looks_like_bsn(core)) {
    FUZZ_CHECK(!field.ok);
  } else {
    FUZZ_CHECK(field.ok && field.value == core);
  }
  if (all_digits(core) && core.size() >= 8) {
    FUZZ_CHECK(field.reason.find(core) == std::string::npos);
    FUZZ_CHECK(field.warning.find(core) == std::string::npos);
  }

  // Free text and messages.
  const stroom::MaskedText masked = stroom::mask_personal_numbers(id);
  FUZZ_CHECK(!holds_personal_number(masked.text));
  FUZZ_CHECK((masked.masked == 0) == (masked.text == id));
  const std::string shown = stroom::quoted_for_message(id);
  if (shown.front() == '\'') FUZZ_CHECK(longest_digit_run(shown) < 8 && shown == "'" + std::string(id) + "'");
  return 0;
}
