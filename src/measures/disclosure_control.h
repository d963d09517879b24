// Statistical disclosure control of a measure table: which cells publishing suppresses, and why.
//
// Primary suppression hides counts 1-4 ("<5"). Complementary (secondary) suppression hides further
// cells of every additive group (a total and its parts) until no suppressed count can be derived
// from the rest of the group, by subtraction or by reasoning with intervals. The rule, and what an
// attacker is assumed to know, is in docs/privacy.md "Disclosure control". Every measure is
// rendered through this one function when published (`--publish`, every API role but beheerder).
#pragma once

#include <cstdint>
#include <vector>

#include "measures/measure_table.h"

namespace stroom {

enum class Suppression : uint8_t {
  none,
  small,          // a count of 1-4, published as "<5"
  complementary,  // a count (5 or more) hidden so that no small count follows from the others
  derived,        // a number computed from a suppressed count
};

// The additive groups of the table: its explicit groups and those of the `totaal` rule.
std::vector<AdditiveGroup> additive_groups(const MeasureTable& table);

// One entry per cell of table.rows (pass merged_for_publication(table) for what is published).
std::vector<std::vector<Suppression>> disclosure_control(const MeasureTable& table);

// The rows publishing starts from: the table itself, or, for a mergeable breakdown, its rows with
// every count of 1-4 (and any row already labelled like the merged row) merged into one row per
// combination of the other labels; while that row is still 1-4 and other rows remain, the smallest
// of them is merged into it too. Groups are mapped onto the merged rows.
MeasureTable merged_for_publication(const MeasureTable& table);

// The table as published (after merged_for_publication): complementary and derived cells emptied; small counts are kept, and the
// renderers write them as "<5".
MeasureTable published_table(const MeasureTable& table);

}  // namespace stroom
