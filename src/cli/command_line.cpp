#include "cli/command_line.hpp"

#include "reckon/version.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>

namespace reckon::cli {

namespace {

bool is_upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool is_lower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }

// "File does not exist" → "file does not exist", "A subcommand" → "a
// subcommand"; "ISO code" stays.
void lower_first_word(std::string& s, std::size_t at) {
    if (at + 1 < s.size() && is_upper(s[at]) && (is_lower(s[at + 1]) || s[at + 1] == ' ')) {
        s[at] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[at])));
    }
}

std::vector<CLI::App*> subcommands_of(CLI::App* app) {
    return app->get_subcommands([](CLI::App*) { return true; });
}

std::string join_names(const std::vector<CLI::App*>& apps) {
    std::string s;
    for (std::size_t i = 0; i < apps.size(); ++i) {
        if (i > 0) s += i + 1 == apps.size() ? " or " : ", ";
        s += apps[i]->get_name();
    }
    return s;
}

} // namespace

CommandLine::CommandLine() : CommandLine(make_commands()) {}

CommandLine::CommandLine(std::vector<std::unique_ptr<Command>> commands)
    : m_app("reckon: place phrases in conflict reports on Syria and Iraq, turned into geometry", "reckon"),
      m_commands(std::move(commands)) {
    m_app.set_version_flag("--version", std::string("reckon ") + version_string);
    m_app.require_subcommand(1);
    for (auto& c : m_commands) m_registered.emplace_back(c->setup(m_app), c.get());
}

Command* CommandLine::parse(const std::vector<std::string>& args, std::ostream& out) {
    // Unknown command words first: CLI11 would report them as "a subcommand
    // is required", which hides the typo.
    CLI::App* at = &m_app;
    m_path = "reckon";
    for (const std::string& arg : args) {
        const std::vector<CLI::App*> subs = subcommands_of(at);
        if (subs.empty() || arg.empty()) break;
        if (arg[0] == '-') {
            // the levels above the commands know only --help and --version
            if (arg == "--" || at->get_option_no_throw(arg.substr(0, arg.find('='))) != nullptr) break;
            throw CommandLineError(m_path, "unknown option " + arg);
        }
        const auto it = std::find_if(subs.begin(), subs.end(), [&](CLI::App* s) { return s->check_name(arg); });
        if (it == subs.end()) {
            throw CommandLineError(m_path, "'" + arg + "' is not a command; the commands are " + join_names(subs));
        }
        at = *it;
        m_path += " " + at->get_name();
    }

    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    try {
        m_app.parse(reversed);
    } catch (const CLI::CallForHelp& e) {
        m_app.exit(e, out, out);
        return nullptr;
    } catch (const CLI::CallForAllHelp& e) {
        m_app.exit(e, out, out);
        return nullptr;
    } catch (const CLI::CallForVersion& e) {
        m_app.exit(e, out, out);
        return nullptr;
    } catch (const CLI::ParseError& e) {
        throw CommandLineError(m_path, usage_message(e, m_path));
    }

    for (auto& [sub, cmd] : m_registered) {
        if (!sub->parsed()) continue;
        try {
            cmd->validate();
        } catch (const CommandLineError&) {
            throw;
        } catch (const UsageError& e) {
            throw CommandLineError(m_path, e.what());
        }
        return cmd;
    }
    throw CommandLineError(m_path, "a subcommand is required");  // require_subcommand(1) makes this unreachable
}

std::string usage_message(const CLI::Error& e, const std::string& command_path) {
    std::string m = e.what();
    // CLI11 prefixes some messages with the subcommand's name ("resolve: The
    // following argument was not expected"); the command path says it already.
    std::size_t word = 0;
    while (word < command_path.size()) {
        const std::size_t end = std::min(command_path.find(' ', word), command_path.size());
        const std::string name = command_path.substr(word, end - word);
        if (m.rfind(name + ": ", 0) == 0) m.erase(0, name.size() + 2);
        word = end + 1;
    }
    lower_first_word(m, 0);
    // "--geonames: File does not exist: x.txt"
    if (m.rfind("-", 0) == 0) {
        const std::size_t colon = m.find(": ");
        if (colon != std::string::npos) lower_first_word(m, colon + 2);
    }
    return m;
}

int run_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommandLine command_line;
    try {
        Command* command = command_line.parse(args, out);
        return command ? command->run() : exit_ok;
    } catch (const UsageError& e) {
        const std::string& path = command_line.command_path();
        err << path << ": " << e.what() << " (try " << (path == "reckon" ? "--help" : "'" + path + " --help'")
            << ")\n";
        return exit_usage;
    } catch (const Error& e) {
        err << "reckon: " << e.what() << "\n";
        return exit_input_failed;
    } catch (const std::exception& e) {
        err << "reckon: internal error: " << e.what() << "\n";
        return exit_input_failed;
    }
}

} // namespace reckon::cli
