// Role names; see role.h.
#include "accounts/role.h"

#include <array>
#include <utility>

namespace stroom {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 5> kNames = {{
    {Role::beheerder, "beheerder"}, {Role::analist, "analist"}, {Role::school, "school"},
    {Role::commissie, "commissie"}, {Role::ouder, "ouder"}}};

}  // namespace

std::optional<Role> parse_role(std::string_view name) {
  for (auto [role, text] : kNames)
    if (text == name) return role;
  return std::nullopt;
}

std::string_view role_name(Role role) {
  for (auto [r, text] : kNames)
    if (r == role) return text;
  return "?";
}

}  // namespace stroom
