// Every rate and share the generator assumes, in one place, with its default.
//
// The seeds give patterns (calibration.md), not a full model: each number below is an
// assumption chosen so that a default region reproduces those patterns. docs/generator.md has
// the same table with the reasoning; change both together.
//
// Trends are per school year k counted from --from (k = 0 is the first simulated year), so any
// window shows the same patterns. They run from k = -2 to k = 6 and are flat outside that
// range (kTrendFirstYear, kTrendLastYear), so a long window shows a growth phase and then a
// plateau. "growth" trends multiply by (1 + g)^k, "linear" ones by max(0.2, 1 + t k).
#pragma once

#include <array>

#include "generate/generated_records.h"

namespace stroom {

inline constexpr int kTrendFirstYear = -2;
inline constexpr int kTrendLastYear = 6;

struct GeneratorRates {
  // --- Demography --------------------------------------------------------------------------
  // Birth cohorts shrink by this share a year for the cohorts born 18..5 years before --from,
  // and by the second share after that (like the Dutch births of 2000-2013, then level; a
  // little steeper than the real 0.75%, as the vmbo dip keeps pupils longer in havo/vwo).
  double birth_decline = 0.0095;
  double birth_decline_late = 0.001;
  double out_migration = 0.012;  // chance per school year that a pupil moves out of the region
  double in_migration = 0.012;   // arrivals per school year at ages 4.5-17, share of a birth cohort

  // --- Entry into primary education ---------------------------------------------------------
  double so_direct = 0.011;      // share of a cohort that starts in so without a regular school
  double sbo_direct = 0.0055;    // ... in sbo
  double direct_growth = 0.06;   // growth of direct sbo entry (onderinstroom rises)
  double direct_late = 0.6;      // direct entrants who start 8-33 months after turning four

  // --- Moves during primary education (chance per school year) ------------------------------
  double bao_to_sbo = 0.0050;        // mean over ages 5-11; an age profile peaks at 7-9
  double bao_to_sbo_trend = -0.015;  // growth: doorstroom bao -> sbo falls
  double bao_to_so = 0.0016;         // mean over ages 4-11; an age profile favours the young
  double so_growth = 0.17;           // growth of direct so entry and referral up to age 7
  double so_growth_older = 0.04;     // growth of referral bao -> so at 8 and older
  double sbo_to_so = 0.022;
  double so_to_sbo = 0.035;          // up to age 10: about as many pupils as sbo -> so
  double sbo_to_bao = 0.012;         // terugstroom, up to age 10: 0-2 pupils a school a year
  double so_to_bao = 0.008;
  double po_school_change = 0.022;
  double special_school_change = 0.012;
  double bao_extra_year = 0.05;      // pupils who stay a year longer in primary education
  double special_extra_year = 0.25;  // ... once more, on entering sbo or so
  double bao_early_year = 0.015;     // pupils who go to vo a year early

  // --- Transition primary -> secondary (shares of the leavers of each setting) -------------
  double bao_to_pro = 0.010;
  double bao_to_pro_trend = 0.06;    // linear: pro intake from bao rises
  double bao_to_vso = 0.002;
  double sbo_to_pro_share = 0.45;
  double sbo_to_pro_trend = -0.02;   // linear: pro intake from sbo falls
  double sbo_to_vso_share = 0.09;
  double so_to_vso_share = 0.78;
  double so_to_pro_share = 0.09;     // the rest of each setting's leavers goes to regular vo
  // Level in regular vo by origin: vmbo-b, vmbo-k, vmbo-gt, havo, vwo.
  std::array<double, kVoLevelCount> levels_from_bao = {0.09, 0.12, 0.27, 0.28, 0.24};
  std::array<double, kVoLevelCount> levels_from_sbo = {0.50, 0.32, 0.16, 0.02, 0.0};
  std::array<double, kVoLevelCount> levels_from_so = {0.30, 0.25, 0.25, 0.14, 0.06};
  std::array<double, kVoLevelCount> levels_from_isk = {0.35, 0.30, 0.25, 0.07, 0.03};
  // The vmbo levels' weight in the transition to vo, by k = 0..6 (before 0: the first, after 6:
  // the last): the intake into vmbo dips for three years and then rises above its old share,
  // so vmbo shrinks faster than the population and recovers while havo/vwo, which holds its
  // larger older cohorts for five or six years, first shrinks less and then more steeply.
  std::array<double, 7> vmbo_intake_index = {1.0, 0.84, 0.84, 0.9, 1.04, 1.1, 1.1};
  double brug_share = 0.4;           // gt/havo/vwo pupils registered as 'brug' at a mixed school (k = 0)
  double brug_trend = 0.03;          // linear: more schools keep a mixed first year (brugjaren rise)
  double brug_second_year = 0.35;    // the brugperiode lasts two school years instead of one

  // --- Secondary education (chance per school year) -----------------------------------------
  double vo_to_pro = 0.0022;         // first two years of vo only
  double vo_to_vso = 0.0015;         // zij-instroom
  double vo_to_vso_trend = 0.11;     // linear: zij-instroom into vso rises
  double vso_vervolg_trend = 0.07;   // linear: weight of the exit profile vervolgonderwijs at entry
  double pro_to_vso = 0.004;
  double pro_to_vo = 0.0015;         // later return within vo: almost nil
  double vso_to_vo = 0.0015;
  double vso_to_pro = 0.0015;
  double vo_school_change = 0.02;
  double vo_extra_year = 0.15;       // stays a year longer than the level's 4, 5 or 6 years
  double vo_extra_two_years = 0.02;  // ... two years longer

  // --- Newcomers (isk) ------------------------------------------------------------------------
  double isk_intake = 0.03;          // newcomers aged 12-17 a school year, share of a birth cohort
  std::array<double, 8> isk_index = {1.0, 1.06, 0.92, 1.05, 1.65, 1.5, 1.42, 1.36};  // by k (peak at 4)
  double isk_to_vo = 0.70;           // after 9-24 months in the isk
  double isk_to_pro = 0.11;
  double isk_to_vso = 0.02;          // the rest leaves (four times as often from 16 on: mbo)

  // --- Leaving education for a while (absoluut verzuim) --------------------------------------
  double po_dropout = 0.0004;        // chance per school year of a period without a school
  double vo_dropout = 0.0016;
  double special_dropout_factor = 3; // for pupils in sbo, so, pro and vso

  // --- Irregular but valid registrations at a change of school ------------------------------
  double small_gap = 0.04;           // 2-6 days without a school
  double gap_of_7 = 0.012;           // exactly 7 days: still one stay (maatboek merge rule)
  double gap_of_8 = 0.012;           // exactly 8 days: two stays
  double overlap = 0.02;             // 1-10 days enrolled at both schools
  double move_at_year_start = 0.6;   // setting changes on 1 August rather than during the year

  // --- Support decisions ----------------------------------------------------------------------
  double tlv_rejected = 0.0015;      // chance per pupil-year in bao or vo of an afgewezen TLV request
  double tlv_withdrawn = 0.0007;     // ... of an ingetrokken one
  double tlv_pending = 0.004;        // pupils with a request still lopend at the export date
  double individual_arrangement = 0.004;  // arrangements without a provision, per pupil-year

  // --- Absence (verzuim) -----------------------------------------------------------------------
  double thuiszitter_incidence = 0.0085;    // new thuiszitter reports per pupil-year at k = 0
  double thuiszitter_trend = 0.05;          // growth: files rise
  double thuiszitter_median_days = 100;     // duration: lognormal, median about fourteen weeks
  double thuiszitter_sigma = 0.9;
  double absence_incidence = 0.020;         // other (short) relatief reports per pupil-year
  double vrijstelling_incidence = 0.00015;  // children with a vrijstelling, per enrolled pupil a year
  double absoluut_incidence = 0.00008;      // children enrolled nowhere, reported absoluut, per pupil a year
};

const GeneratorRates& default_rates();

}  // namespace stroom
