// libFuzzer target: arbitrary text as a pupil id, through the BSN rules and the pseudonymiser.
//
// Checks looks_like_bsn and passes_elfproef against plain reference versions written here, the
// pseudonym's shape ("ps-" and 32 lower-case hex digits), that it is deterministic for one key
// (two instances, repeated calls), differs for another key and for a shorter input, and that the
// importer's path for a leerling_id (normalise_field) pseudonymises exactly the ids that look
// like a BSN and pass the 11-proef, and never puts a BSN in a stored value or a rejection reason.
// The keys are fixed test keys, never a real installation's.
#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/bsn.h"
#include "ingest/field_rules.h"
#include "ingest/file_schema.h"

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

bool pseudonym_shape(const std::string& p) {
  if (p.size() != 35 || p.compare(0, 3, "ps-") != 0) return false;
  for (size_t i = 3; i < p.size(); ++i)
    if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f'))) return false;
  return true;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
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

  // The importer's path: a leerling_id field of inschrijvingen.csv.
  const stroom::FieldResult field = stroom::normalise_field(pupil_id_column(), id, pseudonymise);
  const std::string_view core = trimmed(id);
  if (stroom::looks_like_bsn(core)) {
    FUZZ_CHECK(field.ok == stroom::passes_elfproef(core));
    if (field.ok) FUZZ_CHECK(field.value == pseudonymise(core));
    FUZZ_CHECK(field.reason.find(core) == std::string::npos);
  } else if (field.ok) {
    FUZZ_CHECK(field.value == core && !core.empty() && core.size() <= 64);
  }
  return 0;
}
