// Measure `thuiszitters` (maatboek.md): active thuiszitters on a date, per 1000 pupils, duration.
#pragma once
#include "measures/measure_definition.h"
namespace stroom {

// Indexes of the verzuim reports that are active thuiszitter reports on `at`: thuiszitter = ja,
// startdatum <= at, einddatum empty or > at (the report is closed on its einddatum).
std::vector<size_t> active_thuiszitter_reports(const AbsenceColumns& absences, Date at);
// Distinct pupils among the given reports.
int64_t distinct_pupils(const AbsenceColumns& absences, const std::vector<size_t>& reports);

MeasureDefinition thuiszitters_measure();
}  // namespace stroom
