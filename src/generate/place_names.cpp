// Word lists and name composition; see place_names.h.
#include "generate/place_names.h"

#include <array>
#include <string_view>

#include <fmt/format.h>

namespace stroom {
namespace {

constexpr std::array<std::string_view, 12> kTowns = {
    "Waterveen", "Oosterdijk", "Beekhoven", "Molenwaard", "Zandvliet", "Heerenbroek",
    "Lindehorst", "Kerkewijk", "Geestdorp", "Ravensloot", "Dalmeer", "Hoogeveld"};
constexpr std::array<std::string_view, 24> kStems = {
    "Aal", "Beek", "Berg", "Bos", "Broek", "Dal", "Dijk", "Eik", "Gees", "Hoog", "Kerk", "Laar",
    "Maas", "Meer", "Molen", "Oost", "Ree", "Sloot", "Veen", "Vliet", "Wold", "West", "Zand", "Heide"};
constexpr std::array<std::string_view, 14> kEndings = {
    "dorp", "hoven", "wijk", "veen", "horst", "dam", "broek", "ingen", "lo", "rode", "sum", "um",
    "endaal", "erveld"};

constexpr std::array<std::string_view, 48> kBaoNames = {
    "De Regenboog", "De Wegwijzer", "Het Kompas", "De Vlinder", "De Zonnebloem", "Het Palet",
    "De Springplank", "De Ark", "De Klimop", "Het Baken", "De Fontein", "De Wereldwijzer",
    "Sint Jozef", "Sint Franciscus", "De Piramide", "Het Anker", "De Meander", "De Bolster",
    "De Schakel", "De Kameleon", "De Tweemaster", "De Horizon", "Het Mozaïek", "De Lichtboei",
    "De Sterrenkijker", "De Notenkraker", "De Boomgaard", "Het Klokhuis", "De Eendracht",
    "Prinses Amalia", "Willem-Alexander", "Juliana", "De Linde", "De Esdoorn", "Het Startpunt",
    "De Vuurvogel", "De Duinroos", "De Toermalijn", "Het Talent", "De Vlieger", "Het Kleurrijk",
    "De Wilgenhoek", "De Zevensprong", "Het Octopus", "De Uitkijk", "De Kiezel", "Het Avontuur",
    "De Peppel"};
constexpr std::array<std::string_view, 12> kSpecialNames = {
    "De Brug", "Het Mozaïek", "De Wissel", "Het Kompas", "De Sprong", "Het Dok",
    "De Kring", "De Haven", "Het Plein", "De Kolibrie", "De Steiger", "Het Baken"};
constexpr std::array<std::string_view, 16> kVoNames = {
    "Erasmus", "Spinoza", "Comenius", "Huygens", "Stedelijk", "Maerlant", "Vondel", "Hanze",
    "Rijnland", "Groenhorst", "Dalton", "Montessori", "Da Vinci", "Lorentz", "Bonifatius",
    "Sint-Vitus"};
constexpr std::array<std::string_view, 4> kVoKinds = {"College", "Lyceum", "Scholengemeenschap", "Vmbo"};

template <size_t N>
std::string_view at(const std::array<std::string_view, N>& list, size_t index) {
  return list[index % N];
}

}  // namespace

std::string gemeente_name(size_t index) {
  if (index < kTowns.size()) return std::string(kTowns[index]);
  const size_t n = index - kTowns.size();
  // Walk the stems fastest so that neighbouring indexes look different.
  const size_t stem = n % kStems.size();
  const size_t ending = (n / kStems.size()) % kEndings.size();
  const size_t round = n / (kStems.size() * kEndings.size());
  std::string name = fmt::format("{}{}", kStems[stem], kEndings[ending]);
  if (round == 1) return "Nieuw-" + name;
  if (round == 2) return "Oud-" + name;
  if (round > 2) return fmt::format("{} {}", name, round);
  return name;
}

Denomination bao_denomination(size_t index) {
  constexpr std::array<Denomination, 7> kMix = {
      Denomination::openbaar, Denomination::christelijk, Denomination::katholiek,
      Denomination::openbaar, Denomination::algemeen, Denomination::christelijk,
      Denomination::katholiek};
  return kMix[index % kMix.size()];
}

std::string bao_school_name(Denomination denomination, size_t index) {
  std::string_view prefix = "Basisschool";
  switch (denomination) {
    case Denomination::openbaar: prefix = "OBS"; break;
    case Denomination::christelijk: prefix = index % 2 ? "CBS" : "PCBS"; break;
    case Denomination::katholiek: prefix = "RKBS"; break;
    case Denomination::algemeen: prefix = index % 2 ? "IKC" : "Basisschool"; break;
  }
  return fmt::format("{} {}", prefix, at(kBaoNames, index * 7 + index / kBaoNames.size()));
}

std::string school_name(Setting setting, size_t index, const std::string& gemeente) {
  switch (setting) {
    case Setting::bao: return bao_school_name(bao_denomination(index), index);
    case Setting::sbo: return fmt::format("SBO {}", at(kSpecialNames, index));
    case Setting::so: return fmt::format("SO {}", at(kSpecialNames, index + 5));
    case Setting::vso: return fmt::format("VSO {}", at(kSpecialNames, index + 3));
    case Setting::pro: return fmt::format("Praktijkschool {}", gemeente);
    case Setting::isk: return fmt::format("ISK {}", gemeente);
    case Setting::vo: break;
  }
  return fmt::format("{} {} {}", at(kVoNames, index), at(kVoKinds, index / kVoNames.size() + index),
                     gemeente);
}

std::string board_name(Setting setting, Denomination denomination, const std::string& gemeente) {
  switch (setting) {
    case Setting::bao:
    case Setting::sbo:
      switch (denomination) {
        case Denomination::openbaar: return fmt::format("Stichting Openbaar Onderwijs {}", gemeente);
        case Denomination::christelijk: return fmt::format("Vereniging Christelijk Onderwijs {}", gemeente);
        case Denomination::katholiek: return fmt::format("Stichting Katholiek Onderwijs {}", gemeente);
        case Denomination::algemeen: return fmt::format("Stichting Kindcentra {}", gemeente);
      }
      break;
    case Setting::so:
    case Setting::vso: return fmt::format("Stichting Speciaal Onderwijs {}", gemeente);
    case Setting::vo:
    case Setting::pro:
    case Setting::isk: return fmt::format("Stichting Voortgezet Onderwijs {}", gemeente);
  }
  return fmt::format("Stichting Onderwijs {}", gemeente);
}

}  // namespace stroom
