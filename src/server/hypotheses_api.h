// The hypotheses endpoints (docs/insight.md): list, one, create, add evidence, change text, status
// or alternatives, delete. Plain functions from request to ApiResponse like notes_api.
//
// Every read evaluates each prediction live (insight/prediction_check.h) on the measure answer
// the reader's role gets from the measure route (its parameter and selection checks, its answer
// cache and, for every role but the beheerder, the published table), so the observation follows
// each new import and never uses a suppressed count. Writers (analist, beheerder: accounts/role.h)
// are named from the session, never from the body. Changes and deletions keep the old version
// (hypothesen_historie) and are audited in the same transaction, as notes are.
#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "model/region_model.h"
#include "server/api_response.h"
#include "server/request_origin.h"
#include "server/session_store.h"
#include "store/database.h"

namespace stroom {

inline constexpr size_t kMaxHypothesisText = 4000;
inline constexpr size_t kMaxEvidenceItems = 100;

struct HypothesisContext {
  Database& db;
  std::mutex& db_mutex;       // held for the store's reads and writes only, never during a computation
  const RegionModel& region;  // the caller's snapshot: the public counts behind `telling` evidence
  // The measure's answer (a 200 with kolommen and rijen, or the measure route's error) as the
  // caller's role sees it.
  std::function<ApiResponse(const std::string& maat, const QueryParameters& parameters)> measure;
};

// GET /api/hypothesen
ApiResponse list_hypotheses_response(const HypothesisContext& context);
// GET /api/hypothesen/{id}
ApiResponse hypothesis_response(const HypothesisContext& context, const std::string& id);
// POST /api/hypothesen {"tekst", "voorspelling": {"maat", "parameters", "groepen", "kolom", "richting"},
// "alternatieven", "status"}
ApiResponse add_hypothesis_response(const HypothesisContext& context, const std::string& body, const Identity& author);
// POST /api/hypothesen/{id}/bewijs {"soort", "bron", "omschrijving", and the kind's fields}
ApiResponse add_evidence_response(const HypothesisContext& context, const std::string& id, const std::string& body,
                                  const Identity& author);
// POST /api/hypothesen/{id}/wijzig {"tekst"?, "status"?, "alternatieven"?}: any writer.
ApiResponse change_hypothesis_response(const HypothesisContext& context, const std::string& id, const std::string& body,
                                       const Identity& who, const RequestOrigin& origin);
// POST /api/hypothesen/{id}/verwijder: the author or a beheerder.
ApiResponse delete_hypothesis_response(const HypothesisContext& context, const std::string& id, const Identity& who,
                                       const RequestOrigin& origin);

}  // namespace stroom
