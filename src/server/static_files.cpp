// Serving web/dist: precompressed copies, cache headers and safe paths; see static_files.h.
#include "server/static_files.h"

#include <httplib.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

namespace stroom {
namespace {

namespace fs = std::filesystem;

// Vite puts every hashed file (scripts, styles, chunks) in assets/ and nothing else there.
constexpr std::string_view kHashedDir = "assets/";
constexpr const char* kImmutable = "public, max-age=31536000, immutable";

std::string content_type_of(const fs::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".json" || ext == ".map") return "application/json; charset=utf-8";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

// The request path as a path relative to the root, or nothing when it could leave the root or
// names a hidden file. httplib has already percent-decoded it, so "%2e%2e" arrives as "..".
std::optional<std::string> relative_path(const std::string& path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::string relative = path.substr(1);
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  if (relative.find('\\') != std::string::npos || relative.find('\0') != std::string::npos) return std::nullopt;
  std::istringstream segments(relative);
  for (std::string segment; std::getline(segments, segment, '/');)
    if (segment.empty() || segment.front() == '.') return std::nullopt;  // "", ".", "..", ".hidden"
  return relative;
}

// The file's canonical path when it is a regular file inside root (symlinks resolved).
std::optional<fs::path> file_inside(const fs::path& root, const fs::path& candidate) {
  std::error_code ec;
  const fs::path real = fs::canonical(candidate, ec);
  if (ec || !fs::is_regular_file(real, ec)) return std::nullopt;
  const auto [end, _] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (end != root.end()) return std::nullopt;
  return real;
}

std::optional<std::string> read_whole(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

// Changes whenever the file is rebuilt; the coding is part of it since the bytes differ.
std::string etag_of(const fs::path& file, size_t size, const std::string& coding) {
  std::error_code ec;
  const auto stamp = fs::last_write_time(file, ec).time_since_epoch().count();
  return fmt::format("\"{:x}-{:x}{}{}\"", size, ec ? 0 : stamp, coding.empty() ? "" : "-", coding);
}

bool matches_etag(const std::string& if_none_match, const std::string& etag) {
  if (if_none_match == "*") return true;
  std::istringstream tags(if_none_match);
  for (std::string tag; std::getline(tags, tag, ',');) {
    const size_t begin = tag.find_first_not_of(" \t");
    const size_t end = tag.find_last_not_of(" \t");
    if (begin == std::string::npos) continue;
    std::string_view trimmed(tag.data() + begin, end - begin + 1);
    if (trimmed.rfind("W/", 0) == 0) trimmed.remove_prefix(2);
    if (trimmed == etag) return true;
  }
  return false;
}

// One range (first-last, first-, or -suffix) inside a body of this size; several are not served.
bool satisfiable(const httplib::Ranges& ranges, size_t size) {
  if (ranges.size() != 1) return false;
  const auto [first, last] = ranges.front();
  if (first < 0) return last > 0 && size > 0;  // the last `last` bytes
  return size_t(first) < size && (last < 0 || last >= first);
}

void answer(const fs::path& root, const httplib::Request& req, httplib::Response& res) {
  res.status = 404;
  const auto relative = relative_path(req.path);
  if (!relative) return;
  const auto file = file_inside(root, root / *relative);
  if (!file) return;
  // The precompressed copy the client accepts, if the build made one; else the file itself.
  const AcceptedCodings accepted = accepted_codings(req.get_header_value("Accept-Encoding"));
  std::string coding;
  std::optional<fs::path> source;
  for (const auto& [wanted, name, suffix] : {std::tuple{accepted.br, "br", ".br"}, std::tuple{accepted.gzip, "gzip", ".gz"}}) {
    if (!wanted || source) continue;
    source = file_inside(root, fs::path(file->string() + suffix));
    if (source) coding = name;
  }
  if (!source) source = file;
  auto body = read_whole(*source);
  if (!body) return;
  const std::string etag = etag_of(*source, body->size(), coding);
  res.status = 200;
  res.set_header("Vary", "Accept-Encoding");
  res.set_header("ETag", etag);
  res.set_header("Cache-Control", relative->rfind(kHashedDir, 0) == 0 ? kImmutable : "no-cache");
  if (matches_etag(req.get_header_value("If-None-Match"), etag)) {
    res.status = 304;
    return;
  }
  if (!coding.empty()) res.set_header("Content-Encoding", coding);
  const std::string type = content_type_of(*file);
  // httplib cuts the body to a Range header's range whatever the status, so a range is either
  // answered as one (206, one range of the bytes sent) or refused (416); never a part as a 200.
  if (!req.ranges.empty()) {
    if (!satisfiable(req.ranges, body->size())) {
      res.status = 416;
      res.set_header("Content-Range", fmt::format("bytes */{}", body->size()));
      return;
    }
    res.status = 206;
  }
  if (body->empty()) return res.set_content("", type);
  // A fixed-length provider: httplib sends it as it is, where set_content() would compress the
  // (already compressed) body again for every request.
  auto shared = std::make_shared<const std::string>(std::move(*body));
  res.set_content_provider(shared->size(), type, [shared](size_t offset, size_t length, httplib::DataSink& sink) {
    return sink.write(shared->data() + offset, std::min(length, shared->size() - offset));
  });
}

}  // namespace

AcceptedCodings accepted_codings(const std::string& accept_encoding) {
  AcceptedCodings accepted;
  std::istringstream items(accept_encoding);
  for (std::string item; std::getline(items, item, ',');) {
    const size_t semicolon = item.find(';');
    std::string name = item.substr(0, semicolon);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    // A weight of zero ("q=0", "q=0.000") refuses the coding; any other weight accepts it.
    if (semicolon != std::string::npos) {
      const size_t q = item.find("q=", semicolon);
      if (q != std::string::npos && std::strtod(item.c_str() + q + 2, nullptr) <= 0) continue;
    }
    if (name == "br" || name == "*") accepted.br = true;
    if (name == "gzip" || name == "x-gzip" || name == "*") accepted.gzip = true;
  }
  return accepted;
}

void serve_static_files(httplib::Server& server, const fs::path& root) {
  std::error_code ec;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) real_root = fs::absolute(root).lexically_normal();
  // Every path but the API's: those stay with their handlers and the JSON 404/401.
  server.Get(R"((?!/api/).*)", [real_root](const httplib::Request& req, httplib::Response& res) { answer(real_root, req, res); });
}

}  // namespace stroom
