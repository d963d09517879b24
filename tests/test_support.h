// Helpers shared by the tests: temporary folders, files, and running the stroom binary.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace stroom::test {

// A fresh folder under the system temp dir, removed when the object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& bytes);
std::string read_file(const std::filesystem::path& path);

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs the built stroom binary with the given arguments (no shell involved) and waits for it.
// input is given on its standard input (empty: /dev/null).
RunResult run_stroom(const std::vector<std::string>& args, const std::string& input = {});

// The eight digits followed by the one check digit that makes 9*d1 + ... + 2*d8 - d9 leave
// `rest` modulo 11 (0: a BSN; 5 after "10": an onderwijsnummer), or "" when no digit 0..9 does.
// The rule is computed here, not taken from src/ingest/bsn.cpp, so tests check that code.
std::string with_check_digit(const std::string& eight, int rest);
// Starts it without waiting, its output going to the given files (input from in_path); returns
// the process id.
pid_t start_stroom(const std::vector<std::string>& args, const std::filesystem::path& out_path,
                   const std::filesystem::path& err_path, const std::filesystem::path& in_path = "/dev/null");

// Imports the files (name -> content) into a fresh database, then runs
// `stroom measure <measure_args> --format csv` on it and returns its standard output. Fails the
// calling test when the import rejects anything or the measure exits non-zero.
std::string import_and_measure(const std::map<std::string, std::string>& files,
                               const std::vector<std::string>& measure_args);

// One table's content: its row count and a BLAKE2b checksum over all rows in rowid order (each
// row's rowid and every column's type and value). Equal digests mean equal rows, ids included.
struct TableDigest {
  int64_t rows = 0;
  std::string checksum;  // hex
  bool operator==(const TableDigest&) const = default;
};
void PrintTo(const TableDigest& digest, std::ostream* out);  // for readable gtest failures

// Every table of type 'table' in sqlite_master, by name. Reads only; the file must exist. Works on
// a database in use by another connection or process (all tables are read from one snapshot).
std::map<std::string, TableDigest> database_digest(const std::filesystem::path& path);

// The parameters a test sends when it asks every measure of the registry the same question: of
// the values given by name ("at" -> "2021-03-01"), those the measure takes (a measure refuses
// any other), as CLI arguments ("--at", "2021-03-01") or as a query ("?at=2021-03-01&").
std::vector<std::string> measure_arguments(std::string_view measure_id, const std::map<std::string, std::string>& values);
std::string measure_query(std::string_view measure_id, const std::map<std::string, std::string>& values);

// True when STROOM_QUICK is set: the sanitizer build skips the heaviest end-to-end cases.
bool quick_mode();

}  // namespace stroom::test
