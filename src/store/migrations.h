// Versioned schema migrations of the embedded SQLite store.
#pragma once
namespace stroom {
inline constexpr int kSchemaVersion = 1;
}  // namespace stroom
