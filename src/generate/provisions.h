// The region's provisions (voorzieningen): what they are for, their places and tariffs over
// time, and how much demand they meet.
//
// Six provisions exist from the start; a seventh opens halfway the window and fills up within
// a year (seed 004: new provisions fill up and grow waiting lists). Places scale with the number
// of pupils and only ever grow, so that an occupation within the places stays within them; the
// tariff is indexed most years. Every change is a new record from 1 August, the previous one
// closed the day before.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generate/random_stream.h"
#include "generate/spell_index.h"
#include "model/setting.h"

namespace stroom {

struct ProvisionPeriod {
  int64_t places = 0;
  int64_t tariff_cents = 0;  // euro per place per year, in cents
  int32_t valid_from = 0;
  int32_t valid_to = kNoDay;  // inclusive
};

struct ProvisionSchedule {
  std::string id;
  std::string naam;
  Setting setting = Setting::bao;  // who it serves and the onderwijssoort it is registered under
  int min_age = 0;                 // ages on the teldatum of the pupils it takes
  int max_age = 0;
  int min_days = 0;                // length of an arrangement
  int max_days = 0;
  bool until_year_end = false;     // arrangements run to the end of the school year
  double load = 1.0;               // yearly requests relative to the places' yearly turnover
  int32_t opens = 0;               // first day of the first record
  std::vector<ProvisionPeriod> periods;

  int64_t places_on(int32_t day) const;  // the places of the period holding day (first period before it)
};

std::vector<ProvisionSchedule> plan_provisions(int64_t pupils, const GenerationWindow& window,
                                               RandomStream& random);

}  // namespace stroom
