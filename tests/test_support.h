// Helpers shared by the tests: temporary folders, files, and running the stroom binary.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
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
RunResult run_stroom(const std::vector<std::string>& args);
// Starts it without waiting, its output going to the given files; returns the process id.
pid_t start_stroom(const std::vector<std::string>& args, const std::filesystem::path& out_path,
                   const std::filesystem::path& err_path);

// Imports the files (name -> content) into a fresh database, then runs
// `stroom measure <measure_args> --format csv` on it and returns its standard output. Fails the
// calling test when the import rejects anything or the measure exits non-zero.
std::string import_and_measure(const std::map<std::string, std::string>& files,
                               const std::vector<std::string>& measure_args);

// True when STROOM_QUICK is set: the sanitizer build skips the heaviest end-to-end cases.
bool quick_mode();

}  // namespace stroom::test
