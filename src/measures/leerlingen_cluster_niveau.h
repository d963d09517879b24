// Measures `leerlingen_cluster` (so and vso per cluster) and `leerlingen_niveau` (vo per level,
// vso per exit profile), inzicht.md.
#pragma once

#include "measures/measure_definition.h"

namespace stroom {

MeasureDefinition leerlingen_cluster_measure();
MeasureDefinition leerlingen_niveau_measure();

// The group of a spell in leerlingen_cluster's order (so 1-4, so onbekend, vso 1-4, vso
// onbekend: 0..9), or kNoGroup for other settings. verwachting counts its cluster groups with it.
int cluster_group_of(const EnrolmentColumns& enrolments, size_t spell);
inline constexpr size_t kClusterGroups = 10;

}  // namespace stroom
