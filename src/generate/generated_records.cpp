// Codes of the compact record enums; see generated_records.h.
#include "generate/generated_records.h"

#include <array>

#include "model/code_tables.h"

namespace stroom {

std::string_view niveau_code(Niveau niveau) {
  constexpr std::array<std::string_view, 10> kCodes = {
      "", "brug", "vmbo-b", "vmbo-k", "vmbo-gt", "havo", "vwo", "vervolgonderwijs", "arbeidsmarkt",
      "dagbesteding"};
  return kCodes[size_t(niveau)];
}

Niveau niveau_of(VoLevel level) {
  constexpr std::array<Niveau, kVoLevelCount> kNiveaus = {Niveau::vmbo_b, Niveau::vmbo_k,
                                                          Niveau::vmbo_gt, Niveau::havo, Niveau::vwo};
  return kNiveaus[size_t(level)];
}

std::string_view tlv_category_code(std::optional<TlvCategory> category) {
  return category ? code_of(*category) : std::string_view();
}

std::string_view absence_reason_code(AbsenceReason reason) {
  constexpr std::array<std::string_view, 15> kCodes = {
      "", "ongeoorloofd verzuim", "spijbelen", "luxeverzuim", "ziekte zonder verklaring",
      "psychische klachten", "schoolweigering", "geen passend aanbod", "wachten op zorg",
      "gedragsproblemen", "thuissituatie", "niet ingeschreven", "uitgeschreven zonder nieuwe school",
      "vrijstelling artikel 5 onder a", "vrijstelling artikel 5 onder b"};
  return kCodes[size_t(reason)];
}

}  // namespace stroom
