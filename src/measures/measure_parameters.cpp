// Parsing and checking a measure's parameters; see measure_parameters.h.
#include "measures/measure_parameters.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "measures/region_selection.h"
#include "model/trim.h"

namespace stroom {
namespace {

constexpr Parameter kAllParameters[] = {Parameter::at, Parameter::ijkjaar, Parameter::peildatum, Parameter::schooljaar,
                                        Parameter::gebied};
constexpr int kFirstYear = 1900;  // an ijkjaar outside these is a typing error, not a year
constexpr int kLastYear = 2200;

bool takes(const MeasureDefinition& measure, Parameter parameter) {
  return std::ranges::count(measure.required, parameter) + std::ranges::count(measure.optional, parameter) > 0;
}

// "--at, --peildatum" in the registry's order (required first), or a sentence when there are none.
std::string taken_list(const MeasureDefinition& measure, std::string_view prefix) {
  std::vector<std::string> names;
  for (const auto* list : {&measure.required, &measure.optional})
    for (Parameter p : *list) names.push_back(fmt::format("{}{}", prefix, parameter_name(p)));
  return names.empty() ? "deze maat neemt geen parameters" : fmt::format("wel: {}", fmt::join(names, ", "));
}

std::optional<Parameter> parameter_named(std::string_view name) {
  for (Parameter p : kAllParameters)
    if (parameter_name(p) == name) return p;
  return std::nullopt;
}

std::optional<int> parse_year(std::string_view text) {
  int year = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc() || end != text.data() + text.size() || year < kFirstYear || year > kLastYear) return std::nullopt;
  return year;
}

// Sets one parameter from its text; throws MeasureError when the text is not of its kind.
void set_parameter(MeasureParameters& p, Parameter parameter, const std::string& text, std::string_view prefix) {
  const std::string_view name = parameter_name(parameter);
  switch (parameter) {
    case Parameter::at:
    case Parameter::peildatum: {
      const auto date = parse_date(text);
      if (!date) throw MeasureError(fmt::format("{}{} '{}' is geen datum (verwacht JJJJ-MM-DD)", prefix, name, text));
      (parameter == Parameter::at ? p.at : p.peildatum) = date;
      return;
    }
    case Parameter::ijkjaar:
      p.ijkjaar = parse_year(text);
      if (!p.ijkjaar) throw MeasureError(fmt::format("{}{} '{}' is geen jaartal (verwacht JJJJ)", prefix, name, text));
      return;
    case Parameter::schooljaar:
      p.schooljaar = parse_school_year(text);
      if (!p.schooljaar)
        throw MeasureError(fmt::format("{}{} '{}' is geen schooljaar (verwacht JJJJ-JJJJ)", prefix, name, text));
      return;
    case Parameter::gebied:  // whether tellingen holds it is the measure's check: it needs the data
      p.gebied = std::string(trim(text, " "));
      if (p.gebied->empty()) throw MeasureError(fmt::format("{}{} is leeg; geef een gebied uit de tellingen (NL, een SWV-code of een gemeente)", prefix, name));
      return;
  }
}

std::string range_text(const DataRange& range) {
  return fmt::format("de gegevens lopen van {} tot en met {}", range.first.iso(), range.last.iso());
}

// Names (a gemeente, a bestuur) may hold '&', '=' or '%': escaped in a canonical query, so that
// no two requests share a key.
std::string escaped(std::string_view value) {
  std::string text;
  for (char c : value) text += c == '&' || c == '=' || c == '%' ? fmt::format("%{:02X}", int(c)) : std::string(1, c);
  return text;
}

void widen(std::optional<DataRange>& range, int32_t days) {
  if (days == kNoDate || days == kOpenEnd) return;  // unknown or open: no date the data holds
  const Date date = Date::from_days(days);
  if (!range) range = DataRange{date, date, date};
  range->first = std::min(range->first, date);
  range->last = std::max(range->last, date);
}

void widen(std::optional<DataRange>& range, const std::optional<Date>& date) {
  if (date) widen(range, date->days());
}

}  // namespace

std::string_view parameter_name(Parameter parameter) { return parameter_flag(parameter).substr(2); }

MeasureParameters parse_measure_parameters(const MeasureDefinition& measure, const std::vector<GivenParameter>& given_parameters,
                                           std::string_view prefix) {
  MeasureParameters p;
  for (const GivenParameter& g : given_parameters) {
    if (is_selection_name(g.name)) {  // every measure takes a selection (region_selection.h)
      if (selection_field(p.selectie, g.name)) throw MeasureError(fmt::format("parameter {}{} is meer dan eens gegeven", prefix, g.name));
      set_selection_field(p.selectie, g.name, g.text, prefix);
      continue;
    }
    const std::optional<Parameter> parameter = parameter_named(g.name);
    if (!parameter || !takes(measure, *parameter))
      throw MeasureError(fmt::format("maat {} kent geen parameter {}{} ({})", measure.id, prefix, g.name, taken_list(measure, prefix)));
    if (parameter_given(p, *parameter)) throw MeasureError(fmt::format("parameter {}{} is meer dan eens gegeven", prefix, g.name));
    set_parameter(p, *parameter, g.text, prefix);
  }
  for (Parameter required : measure.required)
    if (!parameter_given(p, required)) throw MeasureError(fmt::format("maat {} vraagt {}{}", measure.id, prefix, parameter_name(required)));
  return p;
}

std::optional<DataRange> data_range(const RegionModel& region) {
  std::optional<DataRange> range;
  const EnrolmentColumns& e = region.enrolments;
  for (size_t i = 0; i < e.size(); ++i) {
    widen(range, e.start[i]);
    widen(range, e.end[i]);
  }
  const AbsenceColumns& a = region.absences;
  for (size_t i = 0; i < a.size(); ++i) {
    widen(range, a.start[i]);
    widen(range, a.end[i]);
  }
  // A besluit's einddatum and a voorziening's geldig_tot are set in advance (a TLV until 2026):
  // plans, not what the data saw happen, so they do not stretch the range.
  const DecisionColumns& d = region.decisions;
  for (size_t i = 0; i < d.size(); ++i)
    for (int32_t days : {d.requested[i], d.decided[i], d.start[i]}) widen(range, days);
  for (const Provision& p : region.provisions) widen(range, p.valid_from.days());
  for (const WaitingListEntry& w : region.waiting) {
    widen(range, w.registered.days());
    widen(range, w.placed);
    widen(range, w.withdrawn);
  }
  if (!range) return range;
  range->planned_until = range->last;
  for (const Provision& p : region.provisions)
    if (p.valid_to) range->planned_until = std::max(range->planned_until, *p.valid_to);
  return range;
}

void check_within_data(const MeasureParameters& p, const std::optional<DataRange>& range, std::string_view prefix) {
  auto refuse = [&](std::string_view name, const std::string& value, const std::string& more = {}) {
    if (!range)
      throw MeasureError(fmt::format("{}{} {}: er zijn nog geen gegevens met een datum; importeer eerst registraties",
                                     prefix, name, value));
    throw MeasureError(fmt::format("{}{} {} ligt buiten de gegevens; {}{}", prefix, name, value, range_text(*range), more));
  };
  auto inside = [&](Date date) { return range && range->first <= date && date <= range->last; };
  if (p.at && !inside(*p.at)) refuse("at", p.at->iso());
  if (p.peildatum && !inside(*p.peildatum)) refuse("peildatum", p.peildatum->iso());
  if (p.ijkjaar && !inside(SchoolYear{*p.ijkjaar}.teldatum()))
    refuse("ijkjaar", fmt::format("{} (ijkdatum {})", *p.ijkjaar, SchoolYear{*p.ijkjaar}.teldatum().iso()));
  // A school year is inside when any of its days is (its first and last months may be partial),
  // up to the end of the voorzieningen's validity: their costs are contracted ahead.
  if (p.schooljaar && !(range && p.schooljaar->first_day() <= range->planned_until && range->first <= p.schooljaar->last_day()))
    refuse("schooljaar", p.schooljaar->label(),
           range && range->planned_until > range->last ? fmt::format(", voorzieningen tot en met {}", range->planned_until.iso()) : "");
}

bool is_published_date(Date date) { return date.day() == 1; }

void check_published_dates(const MeasureParameters& p, std::string_view prefix, std::string_view who) {
  for (auto [name, date] : {std::pair{"at", p.at}, std::pair{"peildatum", p.peildatum}})
    if (date && !is_published_date(*date))
      throw MeasureError(fmt::format(
          "{}{} {}: {} zijn alleen datums op de eerste dag van een maand (JJJJ-MM-01, zoals de teldata op "
          "1 oktober) toegestaan, zodat antwoorden op twee nabije datums niet van elkaar af te trekken zijn",
          prefix, name, date->iso(), who));
}

std::string canonical_query(const MeasureDefinition& measure, const MeasureParameters& p) {
  std::string key = fmt::format("{}?", measure.id);
  for (Parameter parameter : kAllParameters) {
    if (!parameter_given(p, parameter) || !takes(measure, parameter)) continue;
    std::string value;
    switch (parameter) {
      case Parameter::at: value = p.at->iso(); break;
      case Parameter::ijkjaar: value = std::to_string(*p.ijkjaar); break;
      case Parameter::peildatum: value = p.peildatum->iso(); break;
      case Parameter::schooljaar: value = p.schooljaar->label(); break;
      case Parameter::gebied: value = escaped(*p.gebied); break;
    }
    key += fmt::format("{}={}&", parameter_name(parameter), value);
  }
  for (std::string_view name : kSelectionNames)
    if (const auto& value = selection_field(p.selectie, name)) key += fmt::format("{}={}&", name, escaped(*value));
  return key;
}

}  // namespace stroom
