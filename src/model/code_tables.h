// The one code table per enumeration: which text stands for which enum value in the import
// formats (formats.md), the store and the measures.
//
// Each table pairs an enum value with its code by name, so neither the enum's order nor the
// order of a list elsewhere can silently change a mapping. The formats table derives its choice
// lists from these tables (code_list), the loader reads stored codes back with find_code, and
// setting_code / decision_kind_code / ... are thin wrappers around code_of.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "model/registrations.h"
#include "model/setting.h"
#include "model/trim.h"

namespace stroom {

template <typename Enum>
struct Code {
  Enum value;
  std::string_view code;
};

// Specialised once per enumeration below: `entries`, in enum order (the order of choice lists).
template <typename Enum>
struct CodeTable;

template <typename Enum>
concept Coded = requires { CodeTable<Enum>::entries; };

template <>
struct CodeTable<Setting> {
  static constexpr std::array<Code<Setting>, 7> entries = {{
      {Setting::bao, "bao"}, {Setting::sbo, "sbo"}, {Setting::so, "so"}, {Setting::vo, "vo"},
      {Setting::pro, "pro"}, {Setting::vso, "vso"}, {Setting::isk, "isk"}}};
};

template <>
struct CodeTable<Sector> {
  static constexpr std::array<Code<Sector>, 2> entries = {{{Sector::po, "po"}, {Sector::vo, "vo"}}};
};

template <>
struct CodeTable<DecisionKind> {
  static constexpr std::array<Code<DecisionKind>, 3> entries = {{
      {DecisionKind::tlv, "tlv"}, {DecisionKind::arrangement, "arrangement"}, {DecisionKind::opp, "opp"}}};
};

template <>
struct CodeTable<DecisionOutcome> {
  static constexpr std::array<Code<DecisionOutcome>, 4> entries = {{
      {DecisionOutcome::toegekend, "toegekend"}, {DecisionOutcome::afgewezen, "afgewezen"},
      {DecisionOutcome::ingetrokken, "ingetrokken"}, {DecisionOutcome::lopend, "lopend"}}};
};

template <>
struct CodeTable<TlvCategory> {
  static constexpr std::array<Code<TlvCategory>, 4> entries = {{
      {TlvCategory::sbo, "sbo"}, {TlvCategory::laag, "laag"},
      {TlvCategory::midden, "midden"}, {TlvCategory::hoog, "hoog"}}};
};

template <>
struct CodeTable<AbsenceKind> {
  static constexpr std::array<Code<AbsenceKind>, 3> entries = {{
      {AbsenceKind::relatief, "relatief"}, {AbsenceKind::absoluut, "absoluut"},
      {AbsenceKind::vrijstelling, "vrijstelling"}}};
};

template <>
struct CodeTable<Niveau> {
  static constexpr std::array<Code<Niveau>, 9> entries = {{
      {Niveau::brug, "brug"}, {Niveau::vmbo_b, "vmbo-b"}, {Niveau::vmbo_k, "vmbo-k"}, {Niveau::vmbo_gt, "vmbo-gt"},
      {Niveau::havo, "havo"}, {Niveau::vwo, "vwo"}, {Niveau::vervolgonderwijs, "vervolgonderwijs"},
      {Niveau::arbeidsmarkt, "arbeidsmarkt"}, {Niveau::dagbesteding, "dagbesteding"}}};
};

template <Coded Enum>
inline constexpr size_t kCodeCount = CodeTable<Enum>::entries.size();

// The code of a value; empty for a value outside the table.
template <Coded Enum>
constexpr std::string_view code_of(Enum value) {
  for (const auto& entry : CodeTable<Enum>::entries)
    if (entry.value == value) return entry.code;
  return {};
}

// The value whose code is exactly `code` (as stroom stores it), or nullopt.
template <Coded Enum>
constexpr std::optional<Enum> find_code(std::string_view code) {
  for (const auto& entry : CodeTable<Enum>::entries)
    if (entry.code == code) return entry.value;
  return std::nullopt;
}

// As find_code, but case-insensitive and ignoring surrounding spaces (hand-typed text).
template <Coded Enum>
constexpr std::optional<Enum> parse_code(std::string_view text) {
  text = trim(text, " ");
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
  for (const auto& entry : CodeTable<Enum>::entries) {
    if (entry.code.size() != text.size()) continue;
    bool same = true;
    for (size_t i = 0; same && i < text.size(); ++i) same = lower(text[i]) == entry.code[i];
    if (same) return entry.value;
  }
  return std::nullopt;
}

// The codes alone, in table order: a choice list for the formats table.
template <Coded Enum>
constexpr std::array<std::string_view, kCodeCount<Enum>> code_list() {
  std::array<std::string_view, kCodeCount<Enum>> codes{};
  for (size_t i = 0; i < codes.size(); ++i) codes[i] = CodeTable<Enum>::entries[i].code;
  return codes;
}

}  // namespace stroom
