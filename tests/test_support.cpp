// Helpers shared by the tests; see test_support.h.
#include "test_support.h"

#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>
#include <stdexcept>

#include "measures/measure_registry.h"

namespace stroom::test {

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("stroom-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

pid_t start_stroom(const std::vector<std::string>& args, const std::filesystem::path& out_path,
                   const std::filesystem::path& err_path, const std::filesystem::path& in_path) {
  pid_t pid = fork();
  if (pid == 0) {
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(out, 1);
    dup2(err, 2);
    int in = open(in_path.c_str(), O_RDONLY);
    dup2(in, 0);
    std::vector<char*> argv;
    std::string binary = STROOM_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

RunResult run_stroom(const std::vector<std::string>& args, const std::string& input) {
  TempDir capture;
  write_file(capture / "in", input);
  const pid_t pid = start_stroom(args, capture / "out", capture / "err", capture / "in");
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(capture / "out");
  result.err = read_file(capture / "err");
  return result;
}

std::string import_and_measure(const std::map<std::string, std::string>& files,
                               const std::vector<std::string>& measure_args) {
  TempDir dir;
  std::filesystem::create_directories(dir / "csv");
  for (const auto& [name, content] : files) write_file(dir / "csv" / name, content);
  const std::string db = (dir / "m.db").string();
  RunResult imported = run_stroom({"import", (dir / "csv").string(), "--db", db});
  EXPECT_EQ(imported.exit_code, 0) << imported.out << imported.err;
  std::vector<std::string> args = {"measure"};
  args.insert(args.end(), measure_args.begin(), measure_args.end());
  args.insert(args.end(), {"--db", db, "--format", "csv"});
  RunResult measured = run_stroom(args);
  EXPECT_EQ(measured.exit_code, 0) << measured.err;
  return measured.out;
}

namespace {

void hash_column(crypto_generichash_state& state, sqlite3_stmt* row, int column) {
  const unsigned char type = static_cast<unsigned char>(sqlite3_column_type(row, column));
  crypto_generichash_update(&state, &type, 1);
  if (type == SQLITE_INTEGER) {
    const int64_t value = sqlite3_column_int64(row, column);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&value), sizeof value);
  } else if (type == SQLITE_FLOAT) {
    const double value = sqlite3_column_double(row, column);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&value), sizeof value);
  } else if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
    const void* bytes = type == SQLITE_TEXT ? static_cast<const void*>(sqlite3_column_text(row, column))
                                            : sqlite3_column_blob(row, column);
    const int64_t size = sqlite3_column_bytes(row, column);  // after the value: its size in that form
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&size), sizeof size);
    if (size > 0) crypto_generichash_update(&state, static_cast<const unsigned char*>(bytes), size_t(size));
  }
}

sqlite3_stmt* prepare_or_throw(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    throw std::runtime_error("database_digest: " + sql + ": " + sqlite3_errmsg(db));
  return stmt;
}

TableDigest table_digest(sqlite3* db, const std::string& table) {
  sqlite3_stmt* row = prepare_or_throw(db, "SELECT rowid, * FROM \"" + table + "\" ORDER BY rowid");
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  TableDigest digest;
  int rc;
  while ((rc = sqlite3_step(row)) == SQLITE_ROW) {
    ++digest.rows;
    for (int column = 0; column < sqlite3_column_count(row); ++column) hash_column(state, row, column);
  }
  sqlite3_finalize(row);
  if (rc != SQLITE_DONE) throw std::runtime_error("database_digest: " + table + ": " + sqlite3_errmsg(db));
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash_final(&state, hash, sizeof hash);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  digest.checksum = hex;
  return digest;
}

}  // namespace

void PrintTo(const TableDigest& digest, std::ostream* out) {
  *out << digest.rows << " rows, " << digest.checksum.substr(0, 16);
}

std::map<std::string, TableDigest> database_digest(const std::filesystem::path& path) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium did not start");
  // Read-write without create: a read-only connection would leave a WAL database's -wal and -shm
  // files behind when it closes; nothing is written.
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("database_digest: cannot open " + path.string());
  }
  sqlite3_busy_timeout(db, 10000);
  std::map<std::string, TableDigest> digests;
  try {
    // One read transaction: every table from the same snapshot, even while another process writes.
    if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) throw std::runtime_error("database_digest: BEGIN");
    sqlite3_stmt* tables = prepare_or_throw(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
    std::vector<std::string> names;
    while (sqlite3_step(tables) == SQLITE_ROW) names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(tables, 0)));
    sqlite3_finalize(tables);
    for (const auto& name : names) digests[name] = table_digest(db, name);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  } catch (...) {
    sqlite3_close(db);
    throw;
  }
  sqlite3_close(db);
  return digests;
}

namespace {

// The given values of the parameters the measure takes, in the registry's order.
std::vector<std::pair<std::string, std::string>> taken_values(std::string_view measure_id,
                                                              const std::map<std::string, std::string>& values) {
  const MeasureDefinition* measure = find_measure(measure_id);
  if (!measure) throw std::invalid_argument("onbekende maat in een test: " + std::string(measure_id));
  std::vector<std::pair<std::string, std::string>> taken;
  for (const auto* list : {&measure->required, &measure->optional})
    for (Parameter p : *list) {
      const std::string name(parameter_flag(p).substr(2));
      if (auto found = values.find(name); found != values.end()) taken.emplace_back(name, found->second);
    }
  return taken;
}

}  // namespace

std::vector<std::string> measure_arguments(std::string_view measure_id, const std::map<std::string, std::string>& values) {
  std::vector<std::string> args;
  for (const auto& [name, value] : taken_values(measure_id, values)) args.insert(args.end(), {"--" + name, value});
  return args;
}

std::string measure_query(std::string_view measure_id, const std::map<std::string, std::string>& values) {
  std::string query = "?";
  for (const auto& [name, value] : taken_values(measure_id, values)) query += name + "=" + value + "&";
  return query;
}

bool quick_mode() { return std::getenv("STROOM_QUICK") != nullptr; }

std::string with_check_digit(const std::string& eight, int rest) {
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (eight[size_t(i)] - '0');
  for (int d9 = 0; d9 <= 9; ++d9)
    if (((sum - d9 - rest) % 11 + 11) % 11 == 0) return eight + char('0' + d9);
  return "";
}


}  // namespace stroom::test
