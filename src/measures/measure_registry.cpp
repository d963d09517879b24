// The list of registered measures and parameter checks; see measure_registry.h.
#include "measures/measure_registry.h"

#include <fmt/format.h>

#include "measures/deelname.h"
#include "measures/grensverkeer.h"
#include "measures/kosten.h"
#include "measures/kwaliteit.h"
#include "measures/leerlingen.h"
#include "measures/leerlingen_cluster_niveau.h"
#include "measures/ontwikkeling.h"
#include "measures/region_selection.h"
#include "measures/stromen.h"
#include "measures/thuiszitter_breakdowns.h"
#include "measures/thuiszitters.h"
#include "measures/tlv_measures.h"
#include "measures/two_year_change.h"
#include "measures/vergelijking.h"
#include "measures/verblijfsduur.h"
#include "measures/verblijfsduur_curve.h"
#include "measures/verwachting.h"
#include "measures/wachtlijst.h"

namespace stroom {

const std::vector<MeasureDefinition>& measure_registry() {
  static const std::vector<MeasureDefinition> registry = {
      leerlingen_measure(), deelname_measure(),      ontwikkeling_measure(),
      stromen_measure(),    richting_measure(),      verblijfsduur_measure(),
      thuiszitters_measure(), wachtlijst_measure(),  kosten_measure(),
      // Beyond the binding maatboek: what SWV dashboards also show.
      tlv_toegekend_measure(), tlv_aanvragen_mei_juli_measure(), grensverkeer_measure(),
      verblijfsduur_curve_measure(),
      thuiszitters_per_school_measure(), thuiszitters_per_reden_measure(), thuiszitter_meldingen_measure(),
      leerlingen_2jaar_measure(), thuiszitters_2jaar_measure(),
      // Inzicht (inzicht.md, binding like the maatboek).
      leerlingen_cluster_measure(), leerlingen_niveau_measure(), verwachting_measure(), vergelijking_measure(),
      kwaliteit_measure(),
  };
  return registry;
}

const MeasureDefinition* find_measure(std::string_view id) {
  for (const auto& measure : measure_registry())
    if (measure.id == id) return &measure;
  return nullptr;
}

std::string_view parameter_flag(Parameter parameter) {
  switch (parameter) {
    case Parameter::at: return "--at";
    case Parameter::ijkjaar: return "--ijkjaar";
    case Parameter::peildatum: return "--peildatum";
    case Parameter::schooljaar: return "--schooljaar";
    case Parameter::gebied: return "--gebied";
  }
  return "";
}

bool parameter_given(const MeasureParameters& p, Parameter parameter) {
  switch (parameter) {
    case Parameter::at: return p.at.has_value();
    case Parameter::ijkjaar: return p.ijkjaar.has_value();
    case Parameter::peildatum: return p.peildatum.has_value();
    case Parameter::schooljaar: return p.schooljaar.has_value();
    case Parameter::gebied: return p.gebied.has_value();
  }
  return false;
}

MeasureTable compute_measure(const MeasureDefinition& measure, const RegionModel& region,
                             const MeasureParameters& parameters, std::string_view prefix) {
  for (Parameter required : measure.required)
    if (!parameter_given(parameters, required))
      throw MeasureError(fmt::format("maat {} vraagt parameter {}", measure.id, parameter_flag(required).substr(2)));  // flag or query
  if (parameters.selectie.empty()) return measure.compute(region, parameters);
  return measure.compute(select_region(region, parameters.selectie, prefix), parameters);
}

}  // namespace stroom
