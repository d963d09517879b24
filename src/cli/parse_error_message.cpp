// Dutch messages for refused command lines; see parse_error_message.h.
//
// A ParseError carries only its English text, so the option's name is taken from that text where
// CLI11 puts it (always first: "--format: ...", "--to is required") and everything else (the
// command reached, the arguments left over, the commands and options it knows) from the app.
#include "cli/parse_error_message.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <ranges>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace stroom::cli {
namespace {

// The deepest subcommand the parse reached: where the error belongs.
const CLI::App& reached(const CLI::App& app) {
  const CLI::App* command = &app;
  while (!command->get_subcommands().empty()) command = command->get_subcommands().front();
  return *command;
}

// "stroom measure", "stroom user add".
std::string command_line(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* c = &command; c->get_parent() != nullptr; c = c->get_parent()) names.push_back(c->get_name());
  names.emplace_back("stroom");
  std::ranges::reverse(names);
  return fmt::format("{}", fmt::join(names, " "));
}

std::string see_help(const CLI::App& command) { return fmt::format("zie '{} --help'", command_line(command)); }

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string did_you_mean(std::string_view given, const std::vector<std::string>& known) {
  std::optional<std::string> best;
  size_t best_distance = std::min<size_t>(2, given.size() / 2);
  for (const std::string& name : known) {
    const size_t distance = edit_distance(given, name);
    if (distance <= best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best ? fmt::format(" (bedoelt u '{}'?)", *best) : "";
}

namespace {

std::vector<std::string> command_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* sub : command.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options())
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  return names;
}

std::string choose_from(const CLI::App& command) {
  return fmt::format("kies uit: {}", fmt::join(command_names(command), ", "));
}

// One argument the command did not expect: an unknown option, an unknown command (where the
// command takes subcommands) or a surplus argument.
std::string unexpected(const CLI::App& command, const std::string& argument) {
  if (argument.starts_with("-")) {
    const std::string name = argument.substr(0, argument.find('='));
    return fmt::format("onbekende optie '{}' bij '{}'{}; {}", name, command_line(command),
                       did_you_mean(name, option_names(command)), see_help(command));
  }
  if (!command.get_subcommands({}).empty())
    return fmt::format("onbekende opdracht '{}'{}; {}", argument, did_you_mean(argument, command_names(command)),
                       choose_from(command));
  return fmt::format("onverwacht argument '{}' bij '{}'; {}", argument, command_line(command), see_help(command));
}

// The option's name at the start of CLI11's text, up to `end` ("--format" of "--format: ...").
std::string leading_name(const std::string& what, std::string_view end) { return what.substr(0, what.find(end)); }

// How a message names an option or argument: "--to" as is, a positional "pad" as <pad>.
std::string shown(const CLI::App& command, const std::string& name) {
  const CLI::Option* option = command.get_option_no_throw(name);
  if (option && option->get_lnames().empty() && option->get_snames().empty()) return fmt::format("<{}>", name);
  return name;
}

std::string missing(const CLI::App& command, const std::string& name) {
  const CLI::Option* option = command.get_option_no_throw(name);
  const std::string about = option && !option->get_description().empty() ? fmt::format(" ({})", option->get_description()) : "";
  return fmt::format("'{}' vraagt {}{}; {}", command_line(command), shown(command, name), about, see_help(command));
}

// A CLI11 validator's English refusal, for the checks that do not use dutch_validators.
std::string dutch_refusal(const std::string& reason) {
  if (const size_t in = reason.find(" not in {"); in != std::string::npos && reason.ends_with("}")) {
    std::string choices = reason.substr(in + 9, reason.size() - in - 10);
    std::ranges::replace(choices, ',', ' ');
    std::vector<std::string> list;
    for (auto part : std::views::split(choices, ' '))
      if (!std::ranges::empty(part)) list.emplace_back(part.begin(), part.end());
    return fmt::format("moet een van {} zijn, niet '{}'", fmt::join(list, ", "), reason.substr(0, in));
  }
  if (reason.starts_with("moet ")) return reason;  // from dutch_validators
  return "heeft een ongeldige waarde";
}

}  // namespace

std::string dutch_parse_error(const CLI::App& app, const CLI::ParseError& error) {
  const CLI::App& command = reached(app);
  const std::string what = error.what();
  if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    if (what.starts_with("A subcommand") || what.starts_with("Requires at least")) {
      const std::vector<std::string> left = command.remaining();
      if (!left.empty()) return unexpected(command, left.front());
      if (&command == &app) return fmt::format("geef een opdracht; {}; {}", choose_from(command), see_help(command));
      return fmt::format("'{}' vraagt een opdracht; {}", command_line(command), choose_from(command));
    }
    return missing(command, leading_name(what, " is required"));
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    const std::vector<std::string> left = command.remaining();
    return unexpected(command, left.empty() ? what.substr(what.rfind(' ') + 1) : left.front());
  }
  if (dynamic_cast<const CLI::ValidationError*>(&error)) {
    const std::string name = leading_name(what, ": ");
    return fmt::format("{} {}", shown(command, name), dutch_refusal(what.substr(std::min(what.size(), name.size() + 2))));
  }
  if (dynamic_cast<const CLI::ConversionError*>(&error)) {
    if (what.starts_with("Could not convert: ")) {
      const std::string rest = what.substr(19);
      const std::string name = leading_name(rest, " = ");
      const std::string value = rest.substr(std::min(rest.size(), name.size() + 3));
      const CLI::Option* option = command.get_option_no_throw(name);
      if (option && option->get_expected_max() == 0)  // a flag given a value it cannot read as yes or no
        return fmt::format("{} is een schakelaar; geef {} zonder waarde, niet '{}'", name, name, value);
      return fmt::format("{} verwacht een getal, niet '{}'; {}", shown(command, name), value, see_help(command));
    }
    if (what.find("for a flag") != std::string::npos || what.find("true/false") != std::string::npos)
      return fmt::format("{} is een schakelaar; geef {} zonder waarde", leading_name(what, ": "), leading_name(what, ": "));
    return fmt::format("ongeldige waarde; {}", see_help(command));
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
    const std::string name = what.starts_with("Expected") ? what.substr(what.find(" to ") + 4, what.find(',') - what.find(" to ") - 4)
                                                           : leading_name(what, what.find(':') != std::string::npos ? ":" : " ");
    if (what.find("At Most") != std::string::npos || what.find("flag override") != std::string::npos)
      return fmt::format("{} krijgt te veel waarden; {}", shown(command, name), see_help(command));
    return fmt::format("{} verwacht een waarde; {}", shown(command, name), see_help(command));
  }
  if (dynamic_cast<const CLI::RequiresError*>(&error)) {
    const size_t at = what.find(" requires ");
    return fmt::format("{} vraagt ook {}; {}", what.substr(0, at), what.substr(at + 10), see_help(command));
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
    const size_t at = what.find(" excludes ");
    return fmt::format("{} gaat niet samen met {}; {}", what.substr(0, at), what.substr(at + 10), see_help(command));
  }
  if (dynamic_cast<const CLI::FileError*>(&error))
    return fmt::format("bestand {} is niet te lezen", leading_name(what, " was not readable"));
  return fmt::format("deze opdrachtregel is niet te begrijpen; {}", see_help(command));
}

}  // namespace stroom::cli
