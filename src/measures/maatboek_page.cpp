// Markdown rendering of the registry; see maatboek_page.h.
#include "measures/maatboek_page.h"

#include <fmt/format.h>

#include "measures/measure_registry.h"

namespace stroom {
namespace {

std::string flags(const std::vector<Parameter>& parameters) {
  std::string text;
  for (Parameter p : parameters) text += (text.empty() ? "" : ", ") + fmt::format("`{}`", parameter_flag(p));
  return text.empty() ? "geen" : text;
}

}  // namespace

std::string render_maatboek_markdown() {
  std::string page =
      "# Maatboek van stroom\n\n"
      "<!-- Gegenereerd door `stroom maatboek --out docs/maatboek.md` uit het maatregister "
      "(src/measures/). Niet met de hand bewerken. -->\n\n"
      "Elke maat die stroom toont, met één definitie. Aanroepen: `stroom measure ID --db FILE "
      "[--at DATUM] [--ijkjaar JJJJ] [--peildatum DATUM] [--schooljaar JJJJ-JJJJ] "
      "[--format csv|json|table] [--publish]`. Met `--publish` worden aantallen van 1 tot en met 4 "
      "`<5`, blijft een aantal leeg dat anders uit een totaal en de andere aantallen terug te rekenen "
      "is, en blijven waarden die uit een onderdrukt aantal zijn berekend leeg.\n\n"
      "| id | naam | eenheid | bronnen |\n| --- | --- | --- | --- |\n";
  for (const auto& m : measure_registry())
    page += fmt::format("| [`{}`](#{}) | {} | {} | {} |\n", m.id, m.id, m.naam, m.eenheid, m.bronnen);
  for (const auto& m : measure_registry()) {
    page += fmt::format("\n## {}\n\n**{}.** {}\n\n", m.id, m.naam, m.definitie);
    page += fmt::format("- Eenheid: {}\n- Bronnen: {}\n- Verplichte opties: {}\n- Overige opties: {}\n",
                        m.eenheid, m.bronnen, flags(m.required), flags(m.optional));
  }
  return page;
}

}  // namespace stroom
