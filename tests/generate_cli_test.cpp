// `stroom generate` through the binary: the summary on stdout, no progress line when stderr is
// not a terminal, and Dutch messages naming the option for every kind of wrong argument, with
// exit code 1 for usage errors and 2 when the output folder cannot be written.
#include <gtest/gtest.h>

#include "test_support.h"

namespace stroom {
namespace {

using test::run_stroom;

std::vector<std::string> arguments(const std::string& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"generate", "--out", out, "--pupils", "400", "--from", "2019", "--to", "2021", "--seed", "5"};
  for (auto& e : extra) args.push_back(std::move(e));
  return args;
}

// Replaces the value of one option in an argument list.
std::vector<std::string> with(std::vector<std::string> args, const std::string& option, const std::string& value) {
  for (size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == option) args[i + 1] = value;
  return args;
}

TEST(GenerateCli, WritesAllFilesAndPrintsADutchSummary) {
  test::TempDir dir;
  const auto result = run_stroom(arguments((dir / "regio").string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "") << "no progress line when stderr is not a terminal";
  EXPECT_NE(result.out.find("Demoregio geschreven naar"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("PO9901 en VO9901"), std::string::npos) << result.out;
  for (const char* file : {"vestigingen", "voorzieningen", "inschrijvingen", "ondersteuning", "verzuim", "wachtlijst", "tellingen"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / "regio" / (std::string(file) + ".csv"))) << file;
    EXPECT_NE(result.out.find(std::string(file) + ".csv"), std::string::npos) << result.out;
  }
  EXPECT_NE(result.out.find("regels"), std::string::npos);
}

TEST(GenerateCli, OtherSwvCodeAndDirtyDataAreReported) {
  test::TempDir dir;
  const auto result = run_stroom(arguments((dir / "r").string(), {"--swv", "VO2401", "--vuil", "7,5"}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("PO2401 en VO2401"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("--vuil 7.5"), std::string::npos) << result.out;
  EXPECT_NE(test::read_file(dir / "r" / "vestigingen.csv").find(";PO2402;"), std::string::npos) << "the neighbour's schools";
}

struct BadArguments {
  std::string option;
  std::string value;
};

TEST(GenerateCli, BadArgumentsGiveAMessageNamingTheOptionAndExitCode1) {
  test::TempDir dir;
  const auto base = arguments((dir / "x").string());
  const std::vector<BadArguments> cases = {
      {"--pupils", "0"}, {"--pupils", "-5"}, {"--pupils", "veel"}, {"--pupils", "99000000"},
      {"--to", "2017"},  {"--to", "twintig"}, {"--from", "1800"},   {"--seed", "-1"},
      {"--swv", "XX2401"}, {"--vuil", "150"}, {"--vuil", "-1"},    {"--vuil", "veel"}};
  for (const auto& bad : cases) {
    auto args = bad.option == "--swv" || bad.option == "--vuil" ? arguments((dir / "x").string(), {bad.option, bad.value})
                                                                 : with(base, bad.option, bad.value);
    const auto result = run_stroom(args);
    EXPECT_EQ(result.exit_code, 1) << bad.option << " " << bad.value;
    EXPECT_NE(result.err.find("fout: " + bad.option), std::string::npos) << bad.option << " " << bad.value << ": " << result.err;
    EXPECT_EQ(result.out, "");
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "x")) << "nothing is written for wrong arguments";
}

TEST(GenerateCli, MissingOptionsAreNamed) {
  test::TempDir dir;
  for (const char* option : {"--out", "--pupils", "--from", "--to", "--seed"}) {
    auto args = arguments((dir / "m").string());
    const auto at = std::find(args.begin(), args.end(), option);
    args.erase(at, at + 2);
    const auto result = run_stroom(args);
    EXPECT_EQ(result.exit_code, 1) << option;
    EXPECT_NE(result.err.find(std::string("fout: ") + option + " ontbreekt"), std::string::npos) << result.err;
  }
}

TEST(GenerateCli, AnUnwritableOutputFolderGivesExitCode2) {
  test::TempDir dir;
  test::write_file(dir / "bestand", "geen map");
  const auto result = run_stroom(arguments((dir / "bestand" / "regio").string()));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("fout: --out"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
}

}  // namespace
}  // namespace stroom
