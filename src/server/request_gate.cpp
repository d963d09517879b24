// The request gate in front of cpp-httplib's workers; see request_gate.h.
#include "server/request_gate.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace stroom {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kReceiveBuffer = 256 * 1024;  // holds a whole request (head and body) while it waits
constexpr int kSendBuffer = 512 * 1024;     // most answers go to the kernel in one write
constexpr size_t kSpareDescriptors = 64;    // the database, logs and the listening socket
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr size_t kLingerBytes = 1024 * 1024;

int millis_until(Clock::time_point deadline) {
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return int(std::clamp<int64_t>(left, 0, 60000));
}

void get_name(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  const int got = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length)
                       : getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  char host[NI_MAXHOST] = "";
  char service[NI_MAXSERV] = "";
  if (got == 0 && getnameinfo(reinterpret_cast<sockaddr*>(&address), length, host, sizeof(host), service, sizeof(service),
                              NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

void close_connection(int fd) {
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

// The body length the head announces: the first Content-Length line, or 0 without one.
// Returns SIZE_MAX for a value that is not a plain number.
size_t content_length(std::string_view head) {
  constexpr std::string_view kName = "\r\ncontent-length:";
  for (size_t at = head.find("\r\n"); at != std::string_view::npos; at = head.find("\r\n", at + 2)) {
    if (head.size() - at < kName.size()) break;
    bool same = true;
    for (size_t i = 0; i < kName.size() && same; ++i) same = std::tolower(static_cast<unsigned char>(head[at + i])) == kName[i];
    if (!same) continue;
    size_t i = at + kName.size();
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    size_t length = 0;
    const size_t digits = i;
    for (; i < head.size() && head[i] >= '0' && head[i] <= '9'; ++i) {
      if (length > (SIZE_MAX - 9) / 10) return SIZE_MAX;
      length = length * 10 + size_t(head[i] - '0');
    }
    return i == digits || i >= head.size() || (head[i] != '\r' && head[i] != ' ' && head[i] != '\t') ? SIZE_MAX : length;
  }
  return 0;
}

// One complete request, read at once into memory, then the socket for the answer. Reading past
// the request returns end of stream (and is noted): the gate never lets a worker wait for bytes.
class GateStream final : public httplib::Stream {
 public:
  GateStream(int fd, const std::string& address, int port, Clock::time_point write_deadline)
      : fd_(fd), address_(address), port_(port), write_deadline_(write_deadline) {}

  bool fetch(size_t length) {  // every byte is already in the receive buffer
    buffer_.resize(length);
    size_t got = 0;
    while (got < length) {
      const ssize_t n = ::recv(fd_, buffer_.data() + got, length - got, MSG_DONTWAIT);
      if (n <= 0) return false;
      got += size_t(n);
    }
    return true;
  }
  // True when the library took exactly the request: the connection can carry the next one.
  bool used_exactly() const { return !overrun_ && position_ == buffer_.size(); }

  bool is_readable() const override { return position_ < buffer_.size(); }
  bool is_writable() const override {
    pollfd p{fd_, POLLOUT, 0};
    return ::poll(&p, 1, millis_until(write_deadline_)) > 0 && (p.revents & POLLOUT);
  }
  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, buffer_.size() - position_);
    if (n == 0) overrun_ = true;
    std::memcpy(ptr, buffer_.data() + position_, n);
    position_ += n;
    return ssize_t(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    size_t sent = 0;
    while (sent < size) {
      const ssize_t n = ::send(fd_, ptr + sent, size - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        sent += size_t(n);
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        if (!is_writable()) return -1;
      } else {
        return -1;
      }
    }
    return ssize_t(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = address_, port = port_; }
  void get_local_ip_and_port(std::string& ip, int& port) const override { get_name(fd_, false, ip, port); }
  socket_t socket() const override { return fd_; }

 private:
  int fd_;
  const std::string& address_;
  int port_;
  Clock::time_point write_deadline_;
  std::vector<char> buffer_;
  size_t position_ = 0;
  bool overrun_ = false;
};

}  // namespace

// The library's accept loop enqueues one task per accepted socket; running it inline makes
// process_and_close_socket() below a synchronous hand-over to the gate. The loop's end
// (shutdown) closes the gate, so stop() still finishes the requests in flight before listen returns.
class GatedHttpServer::GateQueue final : public httplib::TaskQueue {
 public:
  explicit GateQueue(GatedHttpServer& server) : server_(server) { server_.open_gate(); }
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override { server_.close_gate(); }

 private:
  GatedHttpServer& server_;
};

GatedHttpServer::GatedHttpServer(GateLimits limits) : limits_(limits), peek_buffer_(limits.max_head) {
  new_task_queue = [this] { return new GateQueue(*this); };
  // Only for the Keep-Alive header the library writes: the gate keeps idle connections this long,
  // and for any number of requests.
  keep_alive_timeout_sec_ = std::chrono::duration_cast<std::chrono::seconds>(limits.idle_timeout).count();
  keep_alive_max_count_ = 100000;
}

GatedHttpServer::~GatedHttpServer() { close_gate(); }

void GatedHttpServer::open_gate() {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  wake_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (epoll_ < 0 || wake_ < 0) throw std::runtime_error("epoll/eventfd niet beschikbaar");
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.fd = wake_;
  epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &event);
  closing_ = false;
  workers_ = std::make_unique<httplib::ThreadPool>(limits_.workers);
  gate_thread_ = std::thread([this] { watch(); });
}

void GatedHttpServer::close_gate() {
  if (!gate_thread_.joinable()) return;
  closing_ = true;
  const uint64_t one = 1;
  if (::write(wake_, &one, sizeof(one)) < 0) {
  }  // the gate thread also looks at closing_ every 100 ms
  gate_thread_.join();
  workers_->shutdown();  // requests already complete are still answered
  workers_.reset();
  std::lock_guard lock(mutex_);
  for (const auto& [fd, waiting] : waiting_) close_connection(fd);
  waiting_.clear();
  ::close(epoll_);
  ::close(wake_);
}

bool GatedHttpServer::process_and_close_socket(socket_t sock) {
  std::string address;
  int port = 0;
  get_name(sock, true, address, port);
  std::lock_guard lock(mutex_);
  if (closing_) {
    close_connection(sock);
    return false;
  }
  rlimit files{};
  size_t cap = limits_.max_connections;
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY)
    cap = std::min(cap, size_t(files.rlim_cur) > kSpareDescriptors ? size_t(files.rlim_cur) - kSpareDescriptors : 1);
  const bool room = (per_address_[address] < limits_.max_per_address || evict_oldest(&address)) &&
                    (connections_ < cap || evict_oldest(nullptr));
  if (!room) {  // every connection is busy in a worker
    if (per_address_[address] == 0) per_address_.erase(address);
    close_connection(sock);
    return false;
  }
  fcntl(sock, F_SETFL, fcntl(sock, F_GETFL) | O_NONBLOCK);
  setsockopt(sock, SOL_SOCKET, SO_RCVBUF, &kReceiveBuffer, sizeof(kReceiveBuffer));
  setsockopt(sock, SOL_SOCKET, SO_SNDBUF, &kSendBuffer, sizeof(kSendBuffer));
  const int on = 1;
  setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));  // small JSON answers: no Nagle delay
  ++connections_;
  ++per_address_[address];
  admit(sock, std::move(address), port);
  return true;
}

void GatedHttpServer::admit(int fd, std::string address, int port, bool draining) {
  const auto now = Clock::now();
  waiting_[fd] = {std::move(address), port, now, now + (draining ? std::chrono::milliseconds(kLingerTime) : limits_.idle_timeout), false, 0, draining};
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP | EPOLLET;  // edge-triggered: woken by each arrival, not by data left waiting
  event.data.fd = fd;
  if (epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event) != 0) {
    const std::string gone = waiting_[fd].address;
    waiting_.erase(fd);
    release(fd, gone);
  }
}

void GatedHttpServer::release(int fd, const std::string& address) {
  close_connection(fd);
  --connections_;
  if (auto found = per_address_.find(address); found != per_address_.end() && --found->second == 0) per_address_.erase(found);
}

bool GatedHttpServer::evict_oldest(const std::string* address) {
  auto oldest = waiting_.end();
  for (auto it = waiting_.begin(); it != waiting_.end(); ++it)
    if ((!address || it->second.address == *address) && (oldest == waiting_.end() || it->second.since < oldest->second.since))
      oldest = it;
  if (oldest == waiting_.end()) return false;
  const int fd = oldest->first;
  const std::string gone = std::move(oldest->second.address);
  waiting_.erase(oldest);
  release(fd, gone);  // closing the descriptor also removes it from the epoll set
  return true;
}

GatedHttpServer::Verdict GatedHttpServer::examine(int fd, Waiting& waiting, Clock::time_point now) {
  while (waiting.draining) {
    const ssize_t n = ::recv(fd, peek_buffer_.data(), peek_buffer_.size(), MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return Verdict::wait;
    if (n <= 0) return Verdict::drop;
    waiting.request_length += size_t(n);  // counts what was dropped
    if (waiting.request_length > kLingerBytes) return Verdict::drop;
  }
  if (waiting.request_length == 0) {
    std::vector<char>& peek = peek_buffer_;
    const ssize_t n = ::recv(fd, peek.data(), peek.size(), MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) return Verdict::drop;  // the client went away
    if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? Verdict::wait : Verdict::drop;
    if (!waiting.has_bytes) {
      waiting.has_bytes = true;
      waiting.deadline = now + limits_.request_timeout;
    }
    const std::string_view head(peek.data(), size_t(n));
    const size_t end = head.find("\r\n\r\n");
    if (end == std::string_view::npos) {
      if (size_t(n) < peek.size()) return Verdict::wait;
      constexpr std::string_view kTooLarge =
          "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
      if (::send(fd, kTooLarge.data(), kTooLarge.size(), MSG_NOSIGNAL | MSG_DONTWAIT) < 0) {
      }  // best effort; the connection is closed either way
      return Verdict::drop;
    }
    const size_t body = content_length(head.substr(0, end + 2));
    // A body too large (or a malformed length) is not waited for: the library refuses the head.
    waiting.request_length = end + 4 + (body <= limits_.max_body ? body : 0);
  }
  int available = 0;
  if (ioctl(fd, FIONREAD, &available) != 0) return Verdict::drop;
  return size_t(available) >= waiting.request_length ? Verdict::ready : Verdict::wait;
}

void GatedHttpServer::watch() {
  std::vector<epoll_event> events(256);
  auto next_sweep = Clock::now();
  while (!closing_) {
    const int n = epoll_wait(epoll_, events.data(), int(events.size()), 100);
    std::lock_guard lock(mutex_);
    const auto now = Clock::now();
    for (int i = 0; i < n && !closing_; ++i) {
      const int fd = events[size_t(i)].data.fd;
      auto found = waiting_.find(fd);
      if (found == waiting_.end()) continue;  // the wake-up, or a connection evicted meanwhile
      const Verdict verdict = examine(fd, found->second, now);
      if (verdict == Verdict::wait) continue;
      Waiting waiting = std::move(found->second);
      waiting_.erase(found);
      if (verdict == Verdict::drop) {
        release(fd, waiting.address);
        continue;
      }
      epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
      workers_->enqueue([this, fd, waiting = std::move(waiting)]() mutable { serve(fd, std::move(waiting)); });
    }
    if (now < next_sweep) continue;
    next_sweep = now + std::chrono::milliseconds(100);
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      if (it->second.deadline > now) {
        ++it;
        continue;
      }
      const int fd = it->first;
      const std::string gone = std::move(it->second.address);
      it = waiting_.erase(it);
      release(fd, gone);
    }
  }
}

void GatedHttpServer::serve(int fd, Waiting waiting) {
  GateStream stream(fd, waiting.address, waiting.port, Clock::now() + limits_.write_timeout);
  bool reusable = false;
  if (stream.fetch(waiting.request_length)) {
    bool connection_closed = false;
    const bool answered = process_request(stream, /*close_connection=*/closing_, connection_closed, nullptr);
    reusable = answered && !connection_closed && stream.used_exactly();
  }
  std::lock_guard lock(mutex_);
  if (closing_) return release(fd, waiting.address);
  if (!reusable) ::shutdown(fd, SHUT_WR);  // the answer is complete; then linger (request_gate.h)
  admit(fd, std::move(waiting.address), waiting.port, /*draining=*/!reusable);
}

}  // namespace stroom
