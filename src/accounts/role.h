// The five roles of domain.md and what each may see. Kept in one place so that every endpoint's
// check reads the same rules (the role-by-endpoint matrix in tests/access_matrix_test.cpp).
#pragma once

#include <optional>
#include <string_view>

namespace stroom {

enum class Role { beheerder, analist, school, commissie, ouder };

std::optional<Role> parse_role(std::string_view name);
std::string_view role_name(Role role);
inline constexpr std::string_view kRoleNames = "beheerder, analist, school, commissie, ouder";

// The dashboard's aggregates: every role but ouder, who sees only their own child.
inline bool sees_aggregates(Role role) { return role != Role::ouder; }
// Counts 1-4 are shown only to the beheerder; everyone else gets the published (suppressed) table,
// because a small count for one school can point at a single child.
inline bool sees_small_counts(Role role) { return role == Role::beheerder; }
// Writing notes on charts: everyone who sees the charts.
inline bool writes_notes(Role role) { return sees_aggregates(role); }
// Writing hypotheses (docs/insight.md): the analist and the beheerder; every role that sees the
// aggregates reads them.
inline bool writes_hypotheses(Role role) { return role == Role::analist || role == Role::beheerder; }

}  // namespace stroom
