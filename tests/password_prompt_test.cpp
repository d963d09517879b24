// `stroom user add … --password-stdin` typed at a terminal (a pseudo-terminal here): a Dutch prompt,
// the password never echoed, the terminal's echo back afterwards; from a pipe no prompt at all.
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>

#include "test_support.h"

namespace stroom {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kPassword = "geheim-en-lang-genoeg";

// What the child wrote to the terminal until `wanted` appeared, or it closed, or 20 s passed.
std::string read_terminal(int master, std::string& seen, const std::string& wanted) {
  const auto give_up = Clock::now() + std::chrono::seconds(20);
  char buffer[1024];
  while (Clock::now() < give_up && (wanted.empty() || seen.find(wanted) == std::string::npos)) {
    pollfd p{master, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = ::read(master, buffer, sizeof(buffer));
    if (n <= 0) break;  // EIO once the child has exited and closed the terminal
    seen.append(buffer, size_t(n));
  }
  return seen;
}

std::string make_database(const test::TempDir& dir) {
  test::write_file(dir / "inschrijvingen.csv", "leerling_id;vestiging_id;onderwijssoort;startdatum\nA;01;bao;2020-08-01\n");
  const std::string db = (dir / "s.db").string();
  EXPECT_EQ(test::run_stroom({"import", (dir / "inschrijvingen.csv").string(), "--db", db}).exit_code, 0);
  return db;
}

TEST(PasswordPrompt, APasswordTypedAtATerminalIsNotEchoed) {
  test::TempDir dir;
  const std::string db = make_database(dir);
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::vector<std::string> args = {STROOM_BINARY, "user", "add", "typist", "--role", "analist", "--db", db, "--password-stdin"};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  std::string seen;
  read_terminal(master, seen, "Wachtwoord voor typist");
  ASSERT_NE(seen.find("Wachtwoord voor typist"), std::string::npos) << seen;  // echo is off by now
  const std::string typed = std::string(kPassword) + "\n";
  ASSERT_EQ(::write(master, typed.data(), typed.size()), ssize_t(typed.size()));
  read_terminal(master, seen, "");
  termios after{};
  const bool terminal_readable = tcgetattr(master, &after) == 0;
  int status = 0;
  waitpid(pid, &status, 0);
  ::close(master);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << seen;
  EXPECT_NE(seen.find("gebruiker typist toegevoegd"), std::string::npos) << seen;
  EXPECT_EQ(seen.find(kPassword), std::string::npos) << seen;
  if (terminal_readable) {
    EXPECT_TRUE(after.c_lflag & ECHO);  // the terminal is given back as it was
  }

  const auto listed = test::run_stroom({"user", "list", "--db", db});
  EXPECT_NE(listed.out.find("typist"), std::string::npos) << listed.out;
}

TEST(PasswordPrompt, APipedPasswordGetsNoPrompt) {
  test::TempDir dir;
  const std::string db = make_database(dir);
  const auto added = test::run_stroom({"user", "add", "pijp", "--role", "analist", "--db", db, "--password-stdin"},
                                      std::string(kPassword) + "\n");
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.err.find("Wachtwoord"), std::string::npos) << added.err;
  EXPECT_EQ(added.out.find(kPassword), std::string::npos);
}

}  // namespace
}  // namespace stroom
