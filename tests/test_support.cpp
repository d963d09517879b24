// Helpers shared by the tests; see test_support.h.
#include "test_support.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>
#include <stdexcept>

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
                   const std::filesystem::path& err_path) {
  pid_t pid = fork();
  if (pid == 0) {
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(out, 1);
    dup2(err, 2);
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);
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

RunResult run_stroom(const std::vector<std::string>& args) {
  TempDir capture;
  const pid_t pid = start_stroom(args, capture / "out", capture / "err");
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

bool quick_mode() { return std::getenv("STROOM_QUICK") != nullptr; }

}  // namespace stroom::test
