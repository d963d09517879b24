// TLV measures SWV dashboards use: TLVs granted per category, and the share of TLV requests
// received in May-July (the rush before the school year). Not part of the binding maatboek.
#pragma once
#include "measures/measure_definition.h"
namespace stroom {
MeasureDefinition tlv_toegekend_measure();
MeasureDefinition tlv_aanvragen_mei_juli_measure();
}  // namespace stroom
