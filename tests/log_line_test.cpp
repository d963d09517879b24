// log_safe() (server/log_line.h): control characters in outside input cannot forge a log line
// or a terminal escape, in the function itself, in a CLI message and in the server's access log.
#include <gtest/gtest.h>

#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "server/log_line.h"
#include "test_support.h"

namespace stroom {
namespace {

TEST(LogSafe, ControlCharactersCannotForgeALineOrATerminalEscape) {
  EXPECT_EQ(log_safe("gewoon Súdwest-Fryslân"), "gewoon Súdwest-Fryslân");
  EXPECT_EQ(log_safe("a\nb\r\tc"), "a\\nb\\r\\tc");
  EXPECT_EQ(log_safe("\x1b[31mrood"), "\\e[31mrood");
  EXPECT_EQ(log_safe(std::string("nul\0x\x7f", 6)), "nul\\x00x\\x7f");
  EXPECT_EQ(log_safe("csi \xc2\x9b" "2J"), "csi \\u009b2J");  // C1 CSI in UTF-8
  EXPECT_EQ(log_safe("al \\n echt"), "al \\\\n echt");  // an escape in the input stays distinguishable
}

TEST(LogSafe, TerminalMessagesEscapeTheUsersInput) {
  const auto run = test::run_stroom({"measure", "lee\x1b[2Jrlingen\nstroom: nep"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, "stroom: onbekende maat 'lee\\e[2Jrlingen\\nstroom: nep'; 'stroom measure --list' toont ze alle\n");
}

TEST(LogSafe, TheServersAccessLogKeepsAForgedPathOnOneLine) {
  test::TempDir dir;
  test::write_file(dir / "vestigingen.csv", "vestiging_id;naam;gemeente;swv;sector\n01AA00;De Brug;Sneek;PO2401;po\n");
  const std::string db = (dir / "s.db").string();
  ASSERT_EQ(test::run_stroom({"import", (dir / "vestigingen.csv").string(), "--db", db}).exit_code, 0);
  const pid_t pid = test::start_stroom({"serve", "--db", db, "--port", "0"}, dir / "serve.out", dir / "serve.err");
  int port = 0;
  for (int i = 0; i < 600 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const std::string text = test::read_file(dir / "serve.out");
    if (const auto at = text.find("127.0.0.1:"); at != std::string::npos) port = std::stoi(text.substr(at + 10));
  }
  ASSERT_GT(port, 0) << test::read_file(dir / "serve.err");
  httplib::Client client("127.0.0.1", port);
  // The path decodes to "/api/nep\n127.0.0.1 GET /api/audit 200\x1b[2J".
  auto res = client.Get("/api/nep%0A127.0.0.1%20GET%20/api/audit%20200%1B%5B2J");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  std::string log;
  for (int i = 0; i < 100 && log.find("200\\e[2J") == std::string::npos; ++i) {  // written after the answer
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    log = test::read_file(dir / "serve.err");
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  EXPECT_NE(log.find(" GET /api/nep\\n127.0.0.1 GET /api/audit 200\\e[2J 401\n"), std::string::npos) << log;
  EXPECT_EQ(log.find("\n127.0.0.1 GET /api/audit"), std::string::npos) << log;  // no forged line
  EXPECT_EQ(log.find('\x1b'), std::string::npos) << log;
}

}  // namespace
}  // namespace stroom
