// Controllers, their colours and aliases (the colours file).

#include "control/util.hpp"
#include "reckon/control.hpp"
#include "reckon/error.hpp"
#include "text/csv.hpp"

#include <cstdint>
#include <fstream>
#include <sstream>

namespace reckon {

namespace {

using control::detail::name_key;
using control::detail::trim;

// The default colours follow the weekly ITIC "Spotlight on Global Jihad"
// maps the seed report prints (red: Syrian army; green: HTS and the other
// rebel organisations; yellow: SDF), and for ISIS and Turkish forces the
// export module's defaults (src/export/layers.cpp); the rest are distinct
// ColorBrewer colours (Brewer, colorbrewer2.org: "BrBG", "PuOr", "Dark2").
// Names are the canonical actors of report ingest (src/report/classify.cpp:
// "Syrian army", "HTS", "rebels", "SDF", "ISIS", "Turkish forces", ...); for
// control, the Iraqi army and police count as Iraqi security forces.
// Aliases are the spellings reports use for the same forces.
const char* const default_colours_csv = R"(controller,colour,label,aliases
Syrian army,#e31a1c,Syrian army and allies,Syrian Arab Army|SAA|Syrian army forces|Syrian forces|regime forces|Syrian regime|Syrian regime forces|Assad regime|government forces|Syrian government forces
HTS,#1a9641,HTS (Headquarters for the Liberation of al-Sham),Hay'at Tahrir al-Sham|Hayat Tahrir al-Sham|Headquarters for the Liberation of Al-Sham|Tahrir al-Sham|Jabhat al-Nusra|Nusra Front
rebels,#a6d96a,Other rebel organizations,rebel organizations|rebel organisations|rebel forces|rebel groups|opposition forces|Free Syrian Army|FSA
National Liberation Front,#66bd63,National Liberation Front,NLF
SDF,#ffd92f,SDF (Syrian Democratic Forces),Syrian Democratic Forces|YPG|QSD
Turkish forces,#4575b4,Turkish army,Turkish army|Turkish Armed Forces|TAF|Turkey
Syrian National Army,#dfc27d,Syrian National Army (Turkish-sponsored),SNA|Turkish-sponsored rebels|Turkish-backed rebels
ISIS,#252525,ISIS,Islamic State|IS|ISIL|Daesh|Daish
Iraqi security forces,#5e3c99,Iraqi security forces,Iraqi army|Iraqi forces|ISF|Iraqi police|Iraqi Security Forces
Popular Mobilization,#b2abd2,Popular Mobilization Forces,Popular Mobilization Forces|PMF|PMU|Hashd al-Shaabi|al-Hashd al-Shaabi
Peshmerga,#e6ab02,Kurdish Peshmerga,Kurdish Peshmerga|KRG forces
unknown,#bdbdbd,No evidence,
)";

// Colours for controllers missing from the table (ColorBrewer "Set3").
const char* const palette[] = {"#8dd3c7", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69",
                               "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f", "#d9d9d9", "#ffffb3"};

bool valid_colour(const std::string& c) {
    if (c.size() != 7 || c[0] != '#') return false;
    for (std::size_t i = 1; i < 7; ++i) {
        if (!std::isxdigit(static_cast<unsigned char>(c[i]))) return false;
    }
    return true;
}

std::vector<std::string> split_aliases(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s + "|") {
        if (c == '|') {
            std::string t = trim(cur);
            if (!t.empty()) out.push_back(std::move(t));
            cur.clear();
        } else {
            cur += c;
        }
    }
    return out;
}

void parse(std::istream& in, const std::string& path, std::vector<ControllerStyle>& entries) {
    text::CsvReader csv(in, path);
    std::vector<std::string> row;
    if (!csv.next(row)) throw InputError(path, 1, "empty colours file: header controller,colour,label[,aliases] expected");
    const auto c_controller = control::detail::find_column(row, {"controller"});
    const auto c_colour = control::detail::find_column(row, {"colour", "color"});
    const auto c_label = control::detail::find_column(row, {"label"});
    const auto c_aliases = control::detail::find_column(row, {"aliases", "alias"});
    if (!c_controller || !c_colour) {
        throw InputError(path, 1, "header must name the columns controller and colour (and label, aliases)");
    }
    while (csv.next(row)) {
        if (row.empty() || (row.size() == 1 && trim(row[0]).empty())) continue;
        if (!row.empty() && trim(row[0]).rfind('#', 0) == 0) continue;  // comment line
        auto field = [&](const std::optional<std::size_t>& c) { return c && *c < row.size() ? trim(row[*c]) : std::string(); };
        ControllerStyle s;
        s.controller = field(c_controller);
        s.colour = field(c_colour);
        s.label = field(c_label);
        s.aliases = split_aliases(field(c_aliases));
        if (s.controller.empty()) throw InputError(path, csv.line(), "empty controller");
        if (!valid_colour(s.colour)) {
            throw InputError(path, csv.line(), "colour '" + s.colour + "' of " + s.controller + " is not #rrggbb");
        }
        if (s.label.empty()) s.label = s.controller;
        const std::string key = name_key(s.controller);
        for (const auto& e : entries) {
            bool clash = name_key(e.controller) == key;
            for (const auto& a : e.aliases) clash = clash || name_key(a) == key;
            if (clash) throw InputError(path, csv.line(), "controller '" + s.controller + "' is already listed (as " + e.controller + ")");
        }
        entries.push_back(std::move(s));
    }
}

} // namespace

ControllerTable ControllerTable::defaults() {
    std::istringstream in(default_colours_csv);
    ControllerTable t;
    parse(in, "<default colours>", t.m_entries);
    return t;
}

ControllerTable ControllerTable::from_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path + ": cannot open colours file");
    ControllerTable t;
    parse(in, path, t.m_entries);
    bool has_unknown = false;
    for (const auto& e : t.m_entries) has_unknown = has_unknown || e.controller == unknown_controller;
    if (!has_unknown) {
        // every map has settlements without evidence: keep their style
        for (const auto& e : defaults().m_entries) {
            if (e.controller == unknown_controller) t.m_entries.push_back(e);
        }
    }
    return t;
}

std::string ControllerTable::canonical(std::string_view name) const {
    const std::string key = name_key(name);
    if (key.empty()) return trim(name);
    for (const auto& e : m_entries) {
        if (name_key(e.controller) == key) return e.controller;
        for (const auto& a : e.aliases) {
            if (name_key(a) == key) return e.controller;
        }
    }
    return trim(name);
}

ControllerStyle ControllerTable::style(const std::string& controller) const {
    for (const auto& e : m_entries) {
        if (e.controller == controller) return e;
    }
    std::uint64_t hash = 1469598103934665603ull;  // FNV-1a: the same colour for the same name, run after run
    for (unsigned char c : name_key(controller)) hash = (hash ^ c) * 1099511628211ull;
    ControllerStyle s;
    s.controller = controller;
    s.colour = palette[hash % (sizeof palette / sizeof palette[0])];
    s.label = controller;
    return s;
}

std::string ControllerTable::to_csv() const {
    auto quote = [](const std::string& s) {
        if (s.find_first_of(",\"\n") == std::string::npos) return s;
        std::string q = "\"";
        for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    std::string out = "controller,colour,label,aliases\n";
    for (const auto& e : m_entries) {
        out += quote(e.controller) + "," + e.colour + "," + quote(e.label) + "," + quote(control::detail::join(e.aliases, "|")) + "\n";
    }
    return out;
}

} // namespace reckon
