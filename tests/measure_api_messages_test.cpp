// The measure API's refusals name a parameter as the API spells it (`ijkjaar`, the query
// parameter), never as the CLI's flag (`--ijkjaar`): for every registered measure and every way a
// parameter is refused (not taken, given twice, malformed, missing, a date a role may not ask for,
// outside the data), through the functions the /api/measures/<id> route answers with.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "measures/measure_registry.h"
#include "parameter_texts.h"
#include "server/measure_api.h"

namespace stroom {
namespace {

constexpr Parameter kEveryParameter[] = {Parameter::at, Parameter::ijkjaar, Parameter::peildatum, Parameter::schooljaar,
                                     Parameter::gebied};

std::string name_of(Parameter p) { return std::string(parameter_flag(p).substr(2)); }

bool takes(const MeasureDefinition& m, Parameter p) {
  return std::ranges::count(m.required, p) + std::ranges::count(m.optional, p) > 0;
}

QueryParameters required_of(const MeasureDefinition& m) {
  QueryParameters query;
  for (Parameter p : m.required) query.emplace(name_of(p), test::valid_parameter_text(p));
  return query;
}

// The refusal of a request checked before the cache (as an analist, so the date rule applies),
// or else of the answer on a region without data.
std::string refusal(const MeasureDefinition& m, const QueryParameters& query) {
  const MeasureRequest request = measure_request(std::string(m.id), query, Role::analist);
  if (request.error) {
    EXPECT_EQ(request.error->status, 400);
    return request.error->body.value("fout", "");
  }
  const MeasureAnswer answer = measure_response(RegionModel{}, std::string(m.id), query);
  EXPECT_EQ(answer.full.status, 400);
  return answer.full.body.value("fout", "");
}

void expect_names(const std::string& message, const std::string& name) {
  EXPECT_NE(message.find(name), std::string::npos) << message;
  EXPECT_EQ(message.find("--"), std::string::npos) << message;
}

TEST(MeasureApiMessages, EveryParameterRefusalNamesTheQueryParameterNotTheFlag) {
  for (const MeasureDefinition& m : measure_registry()) {
    SCOPED_TRACE(std::string(m.id));
    for (Parameter p : kEveryParameter) {
      const std::string name = name_of(p);
      SCOPED_TRACE(name);
      QueryParameters query = required_of(m);
      if (!takes(m, p)) {
        query.emplace(name, test::valid_parameter_text(p));
        expect_names(refusal(m, query), "kent geen parameter " + name);
        continue;
      }
      if (std::ranges::count(m.required, p) == 0) query.emplace(name, test::valid_parameter_text(p));
      expect_names(refusal(m, query), name + " ");  // outside the data: the region has none
      QueryParameters twice = query;
      twice.emplace(name, test::valid_parameter_text(p));
      expect_names(refusal(m, twice), "parameter " + name + " is meer dan eens gegeven");
      QueryParameters malformed = required_of(m);
      malformed.erase(name);
      malformed.emplace(name, "twintig");
      expect_names(refusal(m, malformed), name + " 'twintig' is geen");
      if (p == Parameter::at || p == Parameter::peildatum) {
        QueryParameters mid_month = required_of(m);
        mid_month.erase(name);
        mid_month.emplace(name, "2020-10-02");
        expect_names(refusal(m, mid_month), name + " 2020-10-02: voor uw rol (analist)");
      }
    }
    for (Parameter p : m.required) {
      QueryParameters without = required_of(m);
      without.erase(name_of(p));
      expect_names(refusal(m, without), "maat " + std::string(m.id) + " vraagt " + name_of(p));
    }
  }
}

TEST(MeasureApiMessages, IjkjaarIsNamedAsTheApiSpellsIt) {
  const MeasureDefinition* ontwikkeling = find_measure("ontwikkeling");
  ASSERT_NE(ontwikkeling, nullptr);
  EXPECT_EQ(refusal(*ontwikkeling, {}), "maat ontwikkeling vraagt ijkjaar");
  EXPECT_EQ(refusal(*ontwikkeling, {{"ijkjaar", "twintig"}}), "ijkjaar 'twintig' is geen jaartal (verwacht JJJJ)");
}

// The registry's own guard (for a caller that skipped parse_measure_parameters) serves the CLI and
// the API alike, so it names the parameter without the flag's dashes.
TEST(MeasureApiMessages, TheRegistrysGuardNamesTheParameterWithoutDashes) {
  const MeasureDefinition* ontwikkeling = find_measure("ontwikkeling");
  ASSERT_NE(ontwikkeling, nullptr);
  try {
    compute_measure(*ontwikkeling, RegionModel{}, MeasureParameters{});
    ADD_FAILURE() << "computed without its required ijkjaar";
  } catch (const MeasureError& e) {
    EXPECT_STREQ(e.what(), "maat ontwikkeling vraagt parameter ijkjaar");
  }
}

}  // namespace
}  // namespace stroom
