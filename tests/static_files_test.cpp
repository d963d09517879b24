// The web app's files as `stroom serve --web DIR` answers them (server/static_files.h): the
// precompressed copy the client's Accept-Encoding allows, byte for byte (nothing compressed per
// request), Vary and the cache headers (immutable for hashed assets, no-cache and a 304 for
// index.html), the security headers, and no way out of the directory.
#include <gtest/gtest.h>

#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "server/static_files.h"
#include "test_support.h"

namespace stroom {
namespace {

constexpr const char* kScriptFile = "assets/main-1a2b3c4d.js";
const std::string kScript = std::string("/") + kScriptFile;
// Distinct made-up bytes: the server must send each file as it is, not (re)compress anything.
const std::string kPlain = "console.log('stroom');\n";
const std::string kBrotli = "BROTLI-COPY\x01\x02";
const std::string kGzip = "\x1f\x8bGZIP-COPY";
const std::string kIndex = "<!doctype html><title>stroom</title>\n";
const std::string kSecret = "geheim buiten de webmap";

class StaticFiles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    const auto web = *dir_ / "dist";
    std::filesystem::create_directories(web / "assets");
    test::write_file(web / "index.html", kIndex);
    test::write_file(web / "index.html.gz", "\x1f\x8bINDEX");
    test::write_file(web / "favicon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
    test::write_file(web / kScriptFile, kPlain);
    test::write_file(web / (std::string(kScriptFile) + ".br"), kBrotli);
    test::write_file(web / (std::string(kScriptFile) + ".gz"), kGzip);
    test::write_file(web / ".verborgen", kSecret);
    test::write_file(*dir_ / "geheim.txt", kSecret);
    std::filesystem::create_symlink(*dir_ / "geheim.txt", web / "assets" / "link.txt");
    test::write_file(*dir_ / "vestigingen.csv", "vestiging_id;naam;gemeente;swv;sector\n01AA00;De Brug;Sneek;PO2401;po\n");
    const std::string db = (*dir_ / "s.db").string();
    ASSERT_EQ(test::run_stroom({"import", (*dir_ / "vestigingen.csv").string(), "--db", db}).exit_code, 0);
    pid_ = test::start_stroom({"serve", "--db", db, "--port", "0", "--web", web.string()}, *dir_ / "serve.out", *dir_ / "serve.err");
    for (int i = 0; i < 600 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      const std::string text = test::read_file(*dir_ / "serve.out");
      if (const auto at = text.find("127.0.0.1:"); at != std::string::npos) port_ = std::stoi(text.substr(at + 10));
    }
    ASSERT_GT(port_, 0) << test::read_file(*dir_ / "serve.err");
  }

  static void TearDownTestSuite() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    delete dir_;
  }

  // A GET with exactly these request headers; the answer's body as sent (never decompressed).
  static httplib::Result get(const std::string& path, const std::string& accept_encoding, httplib::Headers extra = {}) {
    httplib::Client client("127.0.0.1", port_);
    client.set_decompress(false);
    extra.emplace("Accept-Encoding", accept_encoding);
    return client.Get(path.c_str(), extra);
  }

  static test::TempDir* dir_;
  static pid_t pid_;
  static int port_;
};

test::TempDir* StaticFiles::dir_ = nullptr;
pid_t StaticFiles::pid_ = 0;
int StaticFiles::port_ = 0;

TEST_F(StaticFiles, AHashedScriptComesAsTheBrotliCopyWithImmutableCaching) {
  const auto res = get(kScript, "gzip, deflate, br");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, kBrotli);
  EXPECT_EQ(res->get_header_value("Content-Encoding"), "br");
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Content-Length"), std::to_string(kBrotli.size()));
  EXPECT_EQ(res->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(StaticFiles, AcceptEncodingChoosesTheCopy) {
  struct Case {
    const char* accept;
    std::string body;
    const char* coding;
  };
  for (const Case& c : {Case{"gzip", kGzip, "gzip"}, Case{"br;q=0, gzip;q=0.8", kGzip, "gzip"}, Case{"BR", kBrotli, "br"},
                        Case{"*", kBrotli, "br"}, Case{"identity", kPlain, ""}, Case{"br;q=0.000, gzip;q=0", kPlain, ""},
                        Case{"deflate", kPlain, ""}}) {
    const auto res = get(kScript, c.accept);
    ASSERT_TRUE(res) << c.accept;
    EXPECT_EQ(res->status, 200) << c.accept;
    EXPECT_EQ(res->body, c.body) << c.accept;
    EXPECT_EQ(res->get_header_value("Content-Encoding"), c.coding) << c.accept;
    EXPECT_EQ(res->get_header_value("Vary"), "Accept-Encoding") << c.accept;
  }
}

TEST_F(StaticFiles, AFileWithoutACopyIsSentAsItIsNotCompressedPerRequest) {
  const auto res = get("/favicon.svg", "br, gzip");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "<svg xmlns='http://www.w3.org/2000/svg'/>");
  EXPECT_FALSE(res->has_header("Content-Encoding"));
  EXPECT_EQ(res->get_header_value("Content-Type"), "image/svg+xml");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");  // not hashed: may change
}

TEST_F(StaticFiles, IndexHtmlIsRevalidatedAndUnchangedCostsA304) {
  const auto res = get("/", "br, gzip");  // no .br of index.html here: its .gz
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "\x1f\x8bINDEX");
  EXPECT_EQ(res->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");
  const std::string etag = res->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  const auto again = get("/index.html", "br, gzip", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  // The plain file is another representation with another tag: no 304 for it.
  const auto plain = get("/index.html", "identity", {{"If-None-Match", etag}});
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 200);
  EXPECT_EQ(plain->body, kIndex);
  EXPECT_NE(plain->get_header_value("ETag"), etag);
}

TEST_F(StaticFiles, ARangeRequestGetsAConsistentAnswer) {
  // Browsers do not ask scripts in ranges, but an answer must never be a part sent as the whole.
  const auto res = get(kScript, "identity", {{"Range", "bytes=0-6"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 206);
  EXPECT_EQ(res->body, kPlain.substr(0, 7));
  EXPECT_EQ(res->get_header_value("Content-Range"), fmt::format("bytes 0-6/{}", kPlain.size()));
  const auto suffix = get(kScript, "identity", {{"Range", "bytes=-3"}});
  ASSERT_TRUE(suffix);
  EXPECT_EQ(suffix->status, 206);
  EXPECT_EQ(suffix->body, kPlain.substr(kPlain.size() - 3));
  for (const char* range : {"bytes=1000-", "bytes=0-1,3-4"}) {
    const auto refused = get(kScript, "identity", {{"Range", range}});
    ASSERT_TRUE(refused) << range;
    EXPECT_EQ(refused->status, 416) << range;
    EXPECT_EQ(refused->body.find("console"), std::string::npos) << range;
  }
}

TEST_F(StaticFiles, NoPathLeadsOutOfTheDirectory) {
  for (const char* path : {"/../geheim.txt", "/assets/../../geheim.txt", "/%2e%2e/geheim.txt", "/assets/%2E%2E/%2e%2e/geheim.txt",
                           "/assets/..%2f..%2fgeheim.txt", "/..%5cgeheim.txt", "/assets/link.txt", "/.verborgen", "/./index.html",
                           "//index.html", "/index.html%00.js", "/bestaat-niet.js"}) {
    const auto res = get(path, "identity");
    ASSERT_TRUE(res) << path;
    EXPECT_TRUE(res->status == 404 || res->status == 400) << path << " " << res->status;
    EXPECT_EQ(res->body.find("geheim"), std::string::npos) << path;
  }
}

TEST_F(StaticFiles, TheApiIsNeverAFile) {
  std::filesystem::create_directories(*dir_ / "dist" / "api");
  test::write_file(*dir_ / "dist" / "api" / "info", "een bestand");
  const auto res = get("/api/info", "identity");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_NE(res->body.find("\"fout\""), std::string::npos);
}

TEST(AcceptedCodings, WeightsAndWildcard) {
  EXPECT_TRUE(accepted_codings("gzip, deflate, br").br);
  EXPECT_TRUE(accepted_codings("gzip, deflate, br").gzip);
  EXPECT_FALSE(accepted_codings("gzip;q=0, br").gzip);
  EXPECT_TRUE(accepted_codings("gzip;q=0.001").gzip);
  EXPECT_FALSE(accepted_codings("").br);
  EXPECT_FALSE(accepted_codings("brotli").br);  // a name is matched whole
  EXPECT_TRUE(accepted_codings(" X-GZIP ").gzip);
}

}  // namespace
}  // namespace stroom
