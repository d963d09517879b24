// `stroom serve --db FILE [--port 8080] [--host 127.0.0.1] [--web DIR] [--sessie-minuten 30]`: runs
// the dashboard until SIGTERM or SIGINT, then stops accepting, finishes the requests in flight and
// exits 0. Meanwhile it follows changes of the database by other processes (model_snapshot.h).
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "server/api_server.h"

namespace stroom::cli {
namespace {

struct ServeArguments {
  std::string db = "stroom.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web;
  int session_minutes = int(kDefaultSessionIdle.count());
};

// The built web app: --web, else web/dist under the working directory or beside the binary's
// source tree (build/stroom -> web/dist).
std::filesystem::path find_web_dir(const std::string& given) {
  if (!given.empty()) return given;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  for (const auto& candidate : {std::filesystem::path("web/dist"), exe.parent_path().parent_path() / "web/dist"})
    if (std::filesystem::exists(candidate / "index.html")) return candidate;
  return {};
}

int run_serve(const ServeArguments& args) {
  if (!require_existing_db(args.db)) return 2;
  // Signals are taken by a waiting thread, not a handler: stopping the server is not
  // async-signal-safe, so the handler-free sigwait is the safe way to shut down gracefully.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const std::filesystem::path web = find_web_dir(args.web);
  ApiServer server({args.db, args.host, args.port, web, [](const std::string& line) { fmt::print(stderr, "{}\n", line); },
                    std::chrono::minutes(args.session_minutes)});
  const int port = server.bind();
  fmt::print("stroom draait op http://{}:{}/ (stoppen: Ctrl-C)\n", args.host, port);
  if (web.empty()) fmt::print("let op: geen gebouwde webapp gevonden (web/dist); alleen de API draait\n");
  std::fflush(stdout);
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
  });
  server.serve();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if serve() ended otherwise
  waiter.join();
  fmt::print("stroom gestopt\n");
  return 0;
}

}  // namespace

void register_serve_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ServeArguments>();
  auto* cmd = app.add_subcommand("serve", "Start het dashboard en de API");
  add_db_option(*cmd, args->db);
  cmd->add_option("--host", args->host, "Adres (standaard 127.0.0.1)");
  cmd->add_option("--port", args->port, "Poort (standaard 8080; 0 = een vrije poort)");
  cmd->add_option("--web", args->web, "Map met de gebouwde webapp (standaard web/dist)");
  cmd->add_option("--sessie-minuten", args->session_minutes,
                  "Minuten zonder verzoek waarna een sessie eindigt (standaard 30; hoogstens 480, de grens van 8 uur)")
      ->check(whole_number_from_to(1, 480));
  cmd->callback([args, exit_code] { *exit_code = run_serve(*args); });
}

}  // namespace stroom::cli
