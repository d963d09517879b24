// The built web app's files (web/dist) as `stroom serve` answers them, at build-time cost only.
//
// The build (web/vite.config.ts) writes a brotli (.br) and a gzip (.gz) copy beside every
// compressible file. A request gets the copy its Accept-Encoding allows (br before gzip), with
// Content-Encoding and Vary: Accept-Encoding; nothing is compressed per request (the library's
// own response compression is bypassed: the body goes out through a fixed-length content
// provider, which it never compresses). Caching: files under assets/ have a content hash in
// their name, so they are `public, max-age=31536000, immutable`; everything else (index.html,
// favicon) is `no-cache` with an ETag, so a new build is seen at the next load and an unchanged
// file costs a 304. Paths with `..`, `.` or hidden segments, backslashes or NUL, and anything
// that resolves outside the directory (symlinks included) are 404, as a missing file is. A
// Range header gets one range of the bytes sent (206) or 416 (several ranges, or outside).
#pragma once

#include <filesystem>
#include <string>

namespace httplib {
class Server;
}

namespace stroom {

// Answers GET and HEAD for every path outside /api/ from the files under root.
void serve_static_files(httplib::Server& server, const std::filesystem::path& root);

// The precompressed copies a request's Accept-Encoding allows (br is sent before gzip when both
// are). A coding with q=0 is refused; "*" stands for both.
struct AcceptedCodings {
  bool br = false;
  bool gzip = false;
};
AcceptedCodings accepted_codings(const std::string& accept_encoding);

}  // namespace stroom
