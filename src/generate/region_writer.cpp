// The seven generated files; see region_writer.h.
#include "generate/region_writer.h"

#include <memory>
#include <optional>

#include <fmt/format.h>

#include "generate/csv_output.h"
#include "generate/dirty_data.h"
#include "generate/pupil_ids.h"

namespace stroom {
namespace {

constexpr size_t kProgressEvery = 1 << 16;

class RegionFiles {
 public:
  RegionFiles(const GeneratedRegion& region, const std::filesystem::path& dir,
              const std::function<void(std::string_view, double)>& progress)
      : region_(region), dir_(dir), progress_(progress) {}

  std::vector<WrittenFile> write_all() {
    write(FileKind::vestigingen, [this](CsvFileWriter& out) { vestigingen(out); });
    write(FileKind::voorzieningen, [this](CsvFileWriter& out) { voorzieningen(out); });
    write(FileKind::inschrijvingen, [this](CsvFileWriter& out) { inschrijvingen(out); });
    write(FileKind::ondersteuning, [this](CsvFileWriter& out) { ondersteuning(out); });
    write(FileKind::verzuim, [this](CsvFileWriter& out) { verzuim(out); });
    write(FileKind::wachtlijst, [this](CsvFileWriter& out) { wachtlijst(out); });
    write(FileKind::tellingen, [this](CsvFileWriter& out) { tellingen(out); });
    return written_;
  }

 private:
  template <typename Rows>
  void write(FileKind kind, Rows&& rows) {
    const FileSchema& schema = file_schema(kind);
    const std::string name = std::string(schema.name) + ".csv";
    current_ = name;
    std::optional<DirtyMixer> dirty;
    if (region_.options.vuil > 0) {
      const GenerationWindow& w = region_.window;
      dirty.emplace(schema, region_.options.vuil, region_.options.seed,
                    school_year_start(w.from_year + (w.to_year - w.from_year + 1) / 2));
    }
    CsvFileWriter out(dir_ / name, schema, dirty ? &*dirty : nullptr);
    report(0);
    rows(out);
    out.finish();
    written_.push_back({name, out.rows(), dirty ? dirty->invalid_rows() : 0, dirty ? dirty->silent_rows() : 0});
  }

  void report(double done) {
    if (progress_) progress_(current_, done);
  }
  void tick(size_t done, size_t total) {
    if (done % kProgressEvery == 0 && total > 0) report(double(done) / double(total));
  }

  void pupil_id(CsvRow& row, uint32_t pupil) {
    char text[16];
    const GeneratedPupil& p = region_.pupils[pupil];
    row.add_text({text, format_pupil_id(p.has_bsn, p.number, text)});
  }
  void school_id(CsvRow& row, int64_t school) {
    if (school < 0) row.add_empty();
    else row.add_text(region_.plan.schools()[size_t(school)].id);
  }

  void vestigingen(CsvFileWriter& out) {
    for (const School& school : region_.plan.schools()) {
      CsvRow& row = out.row();
      row.add_text(school.id);
      row.add_text(school.naam);
      row.add_text(school.bestuur);
      row.add_text(region_.plan.gemeenten()[school.gemeente]);
      row.add_text(region_.plan.swv_of(school));
      row.add_text(setting_sector(school.setting) == Sector::po ? "po" : "vo");
      out.commit();
    }
  }

  void voorzieningen(CsvFileWriter& out) {
    for (const ProvisionSchedule& provision : region_.provisions) {
      for (const ProvisionPeriod& period : provision.periods) {
        CsvRow& row = out.row();
        row.add_text(provision.id);
        row.add_text(provision.naam);
        row.add_text(setting_code(provision.setting));
        row.add_integer(period.places);
        row.add_cents(period.tariff_cents);
        row.add_date(period.valid_from);
        row.add_date(period.valid_to);
        out.commit();
      }
    }
  }

  // Spells that started before the window are written as starting on its first day: the
  // export holds the registrations from that day on.
  void inschrijvingen(CsvFileWriter& out) {
    const auto& spells = region_.spells;
    for (size_t i = 0; i < spells.size(); ++i) {
      tick(i, spells.size());
      const GeneratedSpell& spell = spells[i];
      CsvRow& row = out.row();
      pupil_id(row, spell.pupil);
      row.add_date(region_.pupils[spell.pupil].birth);
      school_id(row, spell.school);
      row.add_text(setting_code(spell.setting));
      if (spell.cluster) row.add_integer(spell.cluster);
      else row.add_empty();
      row.add_text(niveau_code(spell.niveau));
      row.add_date(std::max(spell.start, region_.window.first_day));
      row.add_date(spell.end);
      out.commit();
    }
  }

  void ondersteuning(CsvFileWriter& out) {
    const auto& decisions = region_.decisions;
    for (size_t i = 0; i < decisions.size(); ++i) {
      tick(i, decisions.size());
      const GeneratedDecision& d = decisions[i];
      CsvRow& row = out.row();
      row.add_text(decision_id(i));
      pupil_id(row, d.pupil);
      row.add_text(decision_kind_code(d.kind));
      row.add_text(tlv_category_code(d.category));
      if (d.provision >= 0) row.add_text(region_.provisions[size_t(d.provision)].id);
      else row.add_empty();
      row.add_date(d.requested);
      row.add_date(d.decided);
      row.add_date(d.start);
      row.add_date(d.end);
      row.add_text(decision_outcome_code(d.outcome));
      out.commit();
    }
  }

  void verzuim(CsvFileWriter& out) {
    const auto& absences = region_.absences;
    for (size_t i = 0; i < absences.size(); ++i) {
      tick(i, absences.size());
      const GeneratedAbsence& a = absences[i];
      CsvRow& row = out.row();
      row.add_text(absence_id(i));
      pupil_id(row, a.pupil);
      school_id(row, a.school);
      row.add_text(absence_kind_code(a.kind));
      row.add_text(a.thuiszitter ? "ja" : "nee");
      row.add_date(a.start);
      row.add_date(a.end);
      row.add_text(absence_reason_code(a.reason));
      out.commit();
    }
  }

  void wachtlijst(CsvFileWriter& out) {
    for (const GeneratedWaitingEntry& entry : region_.waiting) {
      CsvRow& row = out.row();
      pupil_id(row, entry.pupil);
      row.add_text(region_.provisions[entry.provision].id);
      row.add_date(entry.registered);
      row.add_date(entry.placed);
      row.add_date(entry.withdrawn);
      out.commit();
    }
  }

  void tellingen(CsvFileWriter& out) {
    for (const PublicCount& count : region_.public_counts) {
      CsvRow& row = out.row();
      row.add_date(count.teldatum.days());
      row.add_text(count.area);
      row.add_text(count.setting);
      if (count.cluster) row.add_integer(*count.cluster);
      else row.add_empty();
      row.add_integer(count.count);
      out.commit();
    }
  }

  const GeneratedRegion& region_;
  const std::filesystem::path& dir_;
  const std::function<void(std::string_view, double)>& progress_;
  std::string current_;
  std::vector<WrittenFile> written_;
};

}  // namespace

std::vector<WrittenFile> write_region(const GeneratedRegion& region, const std::filesystem::path& dir,
                                      const std::function<void(std::string_view, double)>& progress) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error || !std::filesystem::is_directory(dir))
    throw GenerateWriteError(fmt::format("kan map {} niet aanmaken: {}", dir.string(),
                                         error ? error.message() : "er staat een bestand met die naam"));
  return RegionFiles(region, dir, progress).write_all();
}

}  // namespace stroom
