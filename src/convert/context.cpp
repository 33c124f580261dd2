// Section headings as resolver context: "Diyala Province" → "Diyala Province",
// "Al-Raqqah area" → its province, "The Iraqi arena" → "Iraq".

#include "reckon/convert.hpp"
#include "text/normalize.hpp"

#include <iterator>
#include <sstream>

namespace reckon {

namespace {

// Words of a section heading that say what kind of place it is, not which.
bool generic_heading_word(const std::string& folded) {
    static const char* const words[] = {"the", "area", "areas", "of", "front", "region", "regions", "countryside",
                                        "rural", "city", "arena", "sector", "surroundings", "outskirts", "vicinity",
                                        "in", "around", "western", "eastern", "northern", "southern", "east", "west",
                                        "north", "south"};
    for (const char* w : words) {
        if (folded == w) return true;
    }
    return false;
}

std::vector<std::string> split_words(const std::string& s) {
    std::istringstream in(s);
    return {std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
}

// "Aleppo front" → "Aleppo"; "The area of Al-Mayadeen and Albukamal" → {"Al-Mayadeen", "Albukamal"}.
std::vector<std::string> heading_place_names(const std::string& section) {
    std::vector<std::string> parts;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) parts.push_back(current);
        current.clear();
    };
    for (const std::string& w : split_words(section)) {
        std::string word = w;
        while (!word.empty() && (word.back() == ',' || word.back() == ':' || word.back() == ';')) word.pop_back();
        const std::string f = text::fold(word);
        if (f == "and" || f == "&") {
            flush();
            continue;
        }
        if (generic_heading_word(f)) continue;
        if (!current.empty()) current += ' ';
        current += word;
        if (w.back() == ',') flush();
    }
    flush();
    return parts;
}

bool is_admin_heading(const std::string& folded) {
    for (const char* w : {"province", "governorate", "muhafazat", "wilayat", "district"}) {
        if (folded.find(w) != std::string::npos) return true;
    }
    return false;
}

} // namespace

std::string context_for_section(const Gazetteer& gazetteer, const std::string& section) {
    const std::string folded = text::fold(section);
    if (folded.empty()) return {};
    const auto words = split_words(folded);
    // A short heading naming a country by its adjective: "The Iraqi arena".
    if (words.size() <= 4) {
        for (const auto& w : words) {
            if (w == "iraq" || w == "iraqi") return "Iraq";
            if (w == "syria" || w == "syrian") return "Syria";
        }
    }
    SearchOptions so;
    so.explain = false;
    so.limit = 1;
    // "Diyala Province": kept as written when the gazetteer knows that
    // province or district ("Eastern Provinces Monitoring Digest" is none).
    if (is_admin_heading(folded) && words.size() <= 5) {
        SearchOptions ao = so;
        ao.feature = folded.find("district") != std::string::npos ? FeatureType::admin2 : FeatureType::admin1;
        const SearchResult r = gazetteer.search(section, ao);
        if (!r.candidates.empty() && !r.ambiguous && r.candidates.front().place.feature_class == "A" &&
            (r.candidates.front().match == MatchKind::exact || r.candidates.front().match == MatchKind::transliterated)) {
            return section;
        }
    }
    for (const std::string& name : heading_place_names(section)) {
        const SearchResult r = gazetteer.search(name, so);
        if (r.candidates.empty() || r.ambiguous) continue;
        const Candidate& c = r.candidates.front();
        // Only a name the gazetteer knows as such: a heading is not a typo.
        if (c.match != MatchKind::exact && c.match != MatchKind::transliterated) continue;
        if (c.place.feature_code.rfind("ADM1", 0) == 0) return c.place.name;
        if (c.place.feature_code == "PCLI") return c.place.name;
        if (!c.admin1_name.empty()) return c.admin1_name;
    }
    return {};
}

} // namespace reckon
