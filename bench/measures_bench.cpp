// stroom's side of bench/compare.sh: how long the four peer-comparison questions take once the
// region model is in memory, and how much memory that needs.
//
// It opens a store written by `stroom import`, loads the RegionModel once (timed on its own:
// that is the price of "store -> model", paid once per process), then computes each question
// through the measure registry, exactly as `stroom measure` does, several times, and prints the
// median. Rendering to csv is left out on purpose: the peers are timed on their query too, not on
// printing it.
//
// Peak memory per question is the resident high-water mark (VmHWM) while that question ran. It
// is reset before each question by writing 5 to /proc/self/clear_refs (Linux >= 4.0), so each
// figure is "model + what that question needed"; where the reset is refused, the figure falls
// back to getrusage's ru_maxrss, the peak of the whole process so far (and says so).
//
// Usage: measures_bench --db FILE [--at YYYY-MM-DD] [--runs N] [--load-only]
// (--load-only: the load and its line only, for compare.sh's repeated load comparison)
// Output: tab-separated lines on stdout (a '#' line first), one per step:
//   load          <ms>         <peak KiB>   (store -> model)
//   <question>    <median ms>  <peak KiB>   <min ms>  <max ms>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "measures/measure_registry.h"
#include "model/calendar.h"
#include "store/migrations.h"
#include "store/model_loader.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Resets the resident high-water mark; false when the kernel does not allow it.
bool reset_peak_memory() {
  std::ofstream refs("/proc/self/clear_refs");
  refs << "5";
  refs.flush();
  return bool(refs);
}

// VmHWM in KiB from /proc/self/status, or ru_maxrss (KiB on Linux) when that is unreadable.
long peak_memory_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

int usage_error(const char* message) {
  std::fprintf(stderr,
               "measures_bench: %s\nusage: measures_bench --db FILE [--at YYYY-MM-DD] [--runs N] [--load-only]\n",
               message);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  std::string at_text;
  int runs = 5;
  bool load_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--load-only") {
      load_only = true;
      continue;
    }
    if (i + 1 >= argc) return usage_error(("missing value after " + arg).c_str());
    if (arg == "--db") db_path = argv[++i];
    else if (arg == "--at") at_text = argv[++i];
    else if (arg == "--runs") runs = std::max(1, std::atoi(argv[++i]));
    else return usage_error(("unknown argument " + arg).c_str());
  }
  if (db_path.empty()) return usage_error("--db is required");
  if (!std::filesystem::exists(db_path)) return usage_error(("no such database: " + db_path).c_str());

  stroom::MeasureParameters thuiszitters_parameters;
  if (!at_text.empty()) {
    thuiszitters_parameters.at = stroom::parse_date(at_text);
    if (!thuiszitters_parameters.at) return usage_error("--at is not a date");
  }

  const bool per_question_peak = reset_peak_memory();
  auto started = Clock::now();
  auto db = stroom::open_store(db_path);
  const stroom::RegionModel region = stroom::load_region(*db);
  const double load_ms = ms_since(started);
  const long load_peak = peak_memory_kib();

  std::printf("# measures_bench: %zu inschrijvingen, %zu leerlingen (all tables), %zu verzuim rows, %d runs; "
              "peak = %s\n",
              region.enrolments.size(), region.enrolments.pupil_count(), region.absences.size(), runs,
              per_question_peak ? "VmHWM during the step (reset per step)" : "ru_maxrss of the process so far");
  std::printf("load\t%.1f\t%ld\n", load_ms, load_peak);
  if (load_only) return 0;

  // The four questions of bench/compare.sh, with the parameters `stroom measure` would get.
  struct Question {
    const char* id;
    stroom::MeasureParameters parameters;
  };
  const std::vector<Question> questions = {
      {"leerlingen", {}}, {"stromen", {}}, {"thuiszitters", thuiszitters_parameters}, {"verblijfsduur", {}}};
  for (const Question& question : questions) {
    if (question.id == std::string("thuiszitters") && !question.parameters.at) continue;  // needs --at
    const stroom::MeasureDefinition* measure = stroom::find_measure(question.id);
    if (!measure) {
      std::fprintf(stderr, "measures_bench: measure %s is not registered\n", question.id);
      return 2;
    }
    reset_peak_memory();
    std::vector<double> times;
    size_t rows = 0;
    for (int run = 0; run < runs; ++run) {
      auto t0 = Clock::now();
      const stroom::MeasureTable table = stroom::compute_measure(*measure, region, question.parameters);
      times.push_back(ms_since(t0));
      rows = table.rows.size();
    }
    std::printf("%s\t%.2f\t%ld\t%.2f\t%.2f\t# %zu rows\n", question.id, median(times), peak_memory_kib(),
                *std::min_element(times.begin(), times.end()), *std::max_element(times.begin(), times.end()),
                rows);
  }
  return 0;
}
