// A cpp-httplib server whose workers only ever see complete requests, so slow or idle clients
// cannot take the workers away from everyone else.
//
// cpp-httplib 0.11 (Debian's) gives every accepted connection a worker from a fixed pool for its
// whole life: reading the headers, the body, and waiting between keep-alive requests. A client
// that sends one header byte every few hundred ms resets the per-read timeout with each byte, so
// as many trickling connections as there are workers block the server for everybody.
//
// The gate changes who waits. The library's accept loop hands each new socket to the gate (its task
// queue runs the hand-over inline, and the overridden process_and_close_socket() registers the
// socket instead of serving it). One gate thread watches all waiting sockets with epoll and only
// peeks (MSG_PEEK, FIONREAD): a connection goes to a worker when its whole request is in the
// kernel's receive buffer, i.e. the head up to the blank line plus Content-Length bytes of body.
// The worker then reads that request without blocking, lets the library route and answer it, and
// gives a keep-alive connection back to the gate instead of waiting on it. So a trickled head, a
// trickled body and an idle keep-alive connection all cost a file descriptor, never a worker.
//
// What the gate enforces while a connection waits (see GateLimits):
//   - a request must be complete within request_timeout of its first byte (10 s), and a
//     connection without any byte is closed after idle_timeout (5 s; also the keep-alive time);
//   - the head is at most max_head bytes (431 otherwise); a body above max_body is not waited for
//     (the library answers 413 and the connection is closed);
//   - at most max_connections connections in all and max_per_address from one address. A new
//     connection over either cap closes the longest-waiting connection of that address (or of
//     all), not the newcomer: an attacker's own idle connections go first, clients behind one NAT
//     or proxy lose at most an idle keep-alive connection (which browsers reopen), and a newcomer
//     is refused only when every connection is busy in a worker.
// A connection that is not kept (the client asked to close, or sent more than the request it
// announced, or a refused body) is closed "lingering": the answer is sent, the sending side shut
// down, and what the client still sends is read and dropped (at most 2 s, 1 MiB) before the
// close, so that the client reads the answer instead of a connection reset.
// A request without Content-Length has no body here (chunked uploads are refused with 400: no
// endpoint takes them). Writing the answer is bounded by write_timeout per answer; the send buffer
// is enlarged so that answers are normally handed to the kernel at once.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace stroom {

struct GateLimits {
  std::chrono::milliseconds idle_timeout{5000};
  std::chrono::milliseconds request_timeout{10000};
  std::chrono::milliseconds write_timeout{10000};
  size_t max_head = 32 * 1024;
  size_t max_body = 64 * 1024;
  size_t max_connections = 2000;  // lowered to fit the process's file descriptor limit
  size_t max_per_address = 256;
  size_t workers = 32;
};

class GatedHttpServer : public httplib::Server {
 public:
  explicit GatedHttpServer(GateLimits limits);
  ~GatedHttpServer() override;
  GatedHttpServer(const GatedHttpServer&) = delete;
  GatedHttpServer& operator=(const GatedHttpServer&) = delete;

 private:
  class GateQueue;
  struct Waiting {
    std::string address;
    int port = 0;
    std::chrono::steady_clock::time_point since;     // when it started waiting (eviction order)
    std::chrono::steady_clock::time_point deadline;  // closed when passed
    bool has_bytes = false;
    size_t request_length = 0;  // head plus body, once the head is complete
    bool draining = false;      // answered and closing: read and dropped until the client closes
  };
  enum class Verdict { wait, ready, drop };

  // Called by the library's accept loop for each new connection (inline, see GateQueue).
  bool process_and_close_socket(socket_t sock) override;
  void open_gate();   // when the accept loop starts
  void close_gate();  // when it ends: closes waiting connections, finishes requests in flight
  void admit(int fd, std::string address, int port, bool draining = false);  // caller holds mutex_
  void release(int fd, const std::string& address);   // caller holds mutex_
  bool evict_oldest(const std::string* address);      // caller holds mutex_
  void watch();                                        // the gate thread
  Verdict examine(int fd, Waiting& waiting, std::chrono::steady_clock::time_point now);
  void serve(int fd, Waiting waiting);  // on a worker

  const GateLimits limits_;
  std::mutex mutex_;
  std::unordered_map<int, Waiting> waiting_;
  std::unordered_map<std::string, size_t> per_address_;  // connections in any phase
  size_t connections_ = 0;
  int epoll_ = -1;
  int wake_ = -1;  // eventfd that wakes the gate thread to close
  std::atomic<bool> closing_{false};
  std::thread gate_thread_;
  std::unique_ptr<httplib::ThreadPool> workers_;
  std::vector<char> peek_buffer_;  // the gate thread's view of a waiting head
};

}  // namespace stroom
