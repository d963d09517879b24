// The CLI's messages for the mistakes users make most, through the real stroom binary: each
// refused command line exits with the documented code (1 wrong usage, 2 a file that cannot be
// used), says in Dutch what is wrong, naming the command, option or value, and never lets one of
// CLI11's English phrases through. The help text is Dutch too.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace stroom {
namespace {

// Phrases CLI11 writes in its own messages and help; none may reach a user.
constexpr const char* kEnglish[] = {"is required", "not in", "The following", "Run with --help", "Could not convert",
                                    "Expected", "subcommand", "SUBCOMMAND", "REQUIRED", "OPTIONS", "Usage",
                                    "was not", "TEXT", "excludes", "requires"};

void expect_no_english(const std::string& text) {
  for (const char* phrase : kEnglish) EXPECT_EQ(text.find(phrase), std::string::npos) << "'" << phrase << "' in:\n" << text;
}

struct Mistake {
  const char* what;
  std::vector<std::string> args;  // "{dir}" is replaced by a fresh temporary folder
  int exit_code;
  std::vector<std::string> fragments;  // each must occur in the message
};

TEST(CliMessages, CommonMistakesAreRefusedInDutchNamingWhatIsWrong) {
  test::TempDir dir;
  const std::string missing_db = (dir / "bestaat-niet.db").string();
  const Mistake mistakes[] = {
      {"unknown command", {"improt"}, 1,
       {"stroom: onbekende opdracht 'improt'", "(bedoelt u 'import'?)", "kies uit: version, generate, import, measure"}},
      {"unknown command far from any", {"xyzzy"}, 1, {"onbekende opdracht 'xyzzy'; kies uit: version,"}},
      {"no command", {}, 1, {"stroom: geef een opdracht; kies uit: version, generate, import", "zie 'stroom --help'"}},
      {"unknown option before a command", {"--verbose"}, 1, {"onbekende optie '--verbose' bij 'stroom'"}},
      {"no subcommand of user", {"user"}, 1, {"'stroom user' vraagt een opdracht; kies uit: add"}},
      {"unknown option", {"measure", "leerlingen", "--formaat", "csv"}, 1,
       {"onbekende optie '--formaat' bij 'stroom measure' (bedoelt u '--format'?)", "zie 'stroom measure --help'"}},
      {"unknown option with a value", {"measure", "leerlingen", "--datum=2020-10-01"}, 1,
       {"onbekende optie '--datum' bij 'stroom measure'"}},
      {"wrong choice", {"measure", "leerlingen", "--format", "xml"}, 1,
       {"stroom: --format moet een van csv, json, table zijn, niet 'xml'"}},
      {"option without its value", {"measure", "leerlingen", "--format"}, 1, {"--format verwacht een waarde"}},
      {"missing required option", {"backup", "--db", missing_db}, 1, {"'stroom backup' vraagt --to", "zie 'stroom backup --help'"}},
      {"missing required argument", {"import"}, 1, {"'stroom import' vraagt <pad>", "Bestand of map met CSV-bestanden"}},
      {"missing argument of a nested command", {"user", "add", "--role", "analist"}, 1, {"'stroom user add' vraagt <naam>"}},
      {"non-numeric value", {"serve", "--port", "acht"}, 1, {"--port verwacht een getal, niet 'acht'", "zie 'stroom serve --help'"}},
      {"value given to a flag", {"measure", "--list=ja"}, 1, {"--list is een schakelaar; geef --list zonder waarde, niet 'ja'"}},
      {"number out of range", {"serve", "--sessie-minuten", "999"}, 1,
       {"--sessie-minuten moet een geheel getal van 1 tot en met 480 zijn, niet '999'"}},
      {"non-numeric value with a range", {"bewaartermijn", "--jaren", "tien"}, 1,
       {"--jaren moet een geheel getal van 1 tot en met 100 zijn, niet 'tien'"}},
      {"surplus argument", {"version", "extra"}, 1, {"onverwacht argument 'extra' bij 'stroom version'"}},
      {"missing --db file", {"measure", "leerlingen", "--db", missing_db}, 2, {"database " + missing_db + " bestaat niet"}},
      {"no measure id", {"measure"}, 1, {"geef een maat", "--list"}},
      {"unknown measure id", {"measure", "leerlingn", "--db", missing_db}, 1,
       {"onbekende maat 'leerlingn' (bedoelt u 'leerlingen'?)", "'stroom measure --list'"}},
      {"wrong parameter for a measure", {"measure", "leerlingen", "--ijkjaar", "2020", "--db", missing_db}, 1,
       {"maat leerlingen kent geen parameter --ijkjaar (wel: --at)"}},
      {"missing parameter of a measure", {"measure", "ontwikkeling", "--db", missing_db}, 1,
       {"maat ontwikkeling vraagt --ijkjaar"}},
      {"malformed parameter", {"measure", "ontwikkeling", "--ijkjaar", "twintig", "--db", missing_db}, 1,
       {"--ijkjaar 'twintig' is geen jaartal (verwacht JJJJ)"}},
  };
  for (const Mistake& m : mistakes) {
    SCOPED_TRACE(m.what);
    const test::RunResult run = test::run_stroom(m.args);
    EXPECT_EQ(run.exit_code, m.exit_code) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_TRUE(run.err.starts_with("stroom: ")) << run.err;
    for (const std::string& fragment : m.fragments) EXPECT_NE(run.err.find(fragment), std::string::npos) << run.err;
    expect_no_english(run.err);
  }
}

TEST(CliMessages, HelpIsDutch) {
  struct Help {
    std::vector<std::string> args;
    std::vector<std::string> fragments;
  };
  const Help helps[] = {
      {{"--help"}, {"Gebruik: stroom [OPTIES] OPDRACHT", "[OPTIES]", "OPDRACHT", "Opdrachten:", "Opties:", "-h,--help", "Toon deze hulp", "measure"}},
      {{"measure", "--help"}, {"Gebruik: stroom measure [OPTIES] [maat]", "Argumenten:", "Opties:", "--format TEKST:{csv,json,table}", "--ijkjaar TEKST"}},
      {{"backup", "-h"}, {"--to BESTAND VERPLICHT"}},
      {{"generate", "--help"}, {"--pupils AANTAL"}},
      {{"serve", "--help"}, {"--sessie-minuten GETAL:1..480"}},
  };
  for (const Help& h : helps) {
    SCOPED_TRACE(h.args.front());
    const test::RunResult run = test::run_stroom(h.args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    for (const std::string& fragment : h.fragments) EXPECT_NE(run.out.find(fragment), std::string::npos) << run.out;
    expect_no_english(run.out);
  }
}

// `stroom measure --list`: a header and one row per measure, every column starting at the same
// place on every row.
TEST(CliMessages, MeasureListIsAlignedInColumns) {
  const test::RunResult run = test::run_stroom({"measure", "--list"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> lines;
  for (size_t start = 0; start < run.out.size();) {
    const size_t end = run.out.find('\n', start);
    lines.push_back(run.out.substr(start, end - start));
    start = end + 1;
  }
  ASSERT_GT(lines.size(), 10u);
  EXPECT_TRUE(lines[0].starts_with("id ")) << lines[0];
  // Column starts from the header; each row has a non-space character right at each start and a
  // space just before it (in display columns: UTF-8 continuation bytes take none).
  auto display = [](const std::string& line) {
    std::u32string shown;
    for (char c : line)
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) shown.push_back(static_cast<unsigned char>(c));
    return shown;
  };
  std::vector<size_t> starts;
  for (const char* name : {"naam", "eenheid", "parameters"}) {
    const size_t at = lines[0].find(std::string("  ") + name);
    ASSERT_NE(at, std::string::npos) << name;
    starts.push_back(at + 2);
  }
  for (size_t i = 1; i < lines.size(); ++i) {
    SCOPED_TRACE(lines[i]);
    const std::u32string row = display(lines[i]);
    for (size_t c = 0; c < starts.size(); ++c) {
      if (c == 2 && row.size() <= starts[c]) continue;  // a measure without parameters ends after its unit
      ASSERT_GT(row.size(), starts[c]);
      EXPECT_EQ(row[starts[c] - 1], U' ');
      EXPECT_NE(row[starts[c]], U' ');
    }
  }
  EXPECT_NE(run.out.find("ontwikkeling"), std::string::npos);
  EXPECT_NE(run.out.find("--ijkjaar"), std::string::npos);
  EXPECT_NE(run.out.find("[--at]"), std::string::npos);
}

}  // namespace
}  // namespace stroom
