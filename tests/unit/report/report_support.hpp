#pragma once
// Helpers of the report tests: fixtures, block invariants, and expected
// incidents written by hand from reading a report.

#include "../gazetteer/fixtures.hpp"
#include "reckon/report.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace reckon::test {

inline std::string report_fixture(const std::string& name) { return data_path("reports/" + name); }

/// Collapse whitespace runs (ASCII, NBSP) to one space and trim.
inline std::string squash(const std::string& s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
            if (nbsp) ++i;
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(static_cast<char>(c));
    }
    return out;
}

/// Every block points into the text: [offset, end) holds it, line is right.
inline void check_block_positions(const ReportText& r) {
    for (std::size_t i = 0; i < r.blocks.size(); ++i) {
        const ReportBlock& b = r.blocks[i];
        INFO("block " << i + 1 << ": " << b.text.substr(0, 60));
        REQUIRE(b.offset < b.end);
        REQUIRE(b.end <= r.text.size());
        CHECK(squash(r.text.substr(b.offset, b.end - b.offset)) == b.text);
        CHECK(b.line == 1 + static_cast<std::size_t>(std::count(r.text.begin(), r.text.begin() + static_cast<std::ptrdiff_t>(b.offset), '\n')));
        CHECK_FALSE(b.text.empty());
        if (i > 0) CHECK(r.blocks[i - 1].end <= b.offset);
    }
}

/// Every incident points into the text too.
inline void check_incident_positions(const ReportText& r, const std::vector<Incident>& incidents) {
    for (const Incident& inc : incidents) {
        INFO(inc.text.substr(0, 80));
        REQUIRE(inc.offset_begin < inc.offset_end);
        REQUIRE(inc.offset_end <= r.text.size());
        CHECK(squash(r.text.substr(inc.offset_begin, inc.offset_end - inc.offset_begin)) == inc.text);
        CHECK(inc.line == 1 + static_cast<std::size_t>(std::count(
                                  r.text.begin(), r.text.begin() + static_cast<std::ptrdiff_t>(inc.offset_begin), '\n')));
        REQUIRE(inc.paragraph >= 1);
        REQUIRE(inc.paragraph <= r.blocks.size());
        const ReportBlock& b = r.blocks[inc.paragraph - 1];
        CHECK(b.offset <= inc.offset_begin);
        CHECK(inc.offset_end <= b.end);
        CHECK(inc.report == r.path);
        CHECK_FALSE(inc.id.empty());
        CHECK((inc.date_basis == "explicit" || inc.date_basis == "relative" || inc.date_basis == "report_period" ||
               inc.date_basis == "none"));
        if (inc.date_basis != "none") CHECK(inc.date);
        if (inc.date_end) CHECK(*inc.date < *inc.date_end);
    }
}

/// A casualty figure as the tests write it: -1 not mentioned, -2 some
/// (nonzero, unknown), N exactly N, and at_least for "at least N".
struct Count {
    int n = -1;
    bool at_least = false;
};
inline constexpr int none = -1;
inline constexpr int some = -2;

inline void check_count(const CasualtyCount& got, Count want, const char* what) {
    INFO(what);
    if (want.n == none) {
        CHECK_FALSE(got.mentioned());
    } else if (want.n == some) {
        CHECK(got.nonzero_unknown);
        CHECK_FALSE(got.count);
    } else {
        REQUIRE(got.count);
        CHECK(*got.count == want.n);
        CHECK(got.at_least == want.at_least);
    }
}

/// One incident as an analyst reads it.
struct Expected {
    const char* starts;   ///< the incident text starts so
    const char* date;     ///< ISO
    const char* basis;
    EventType type;
    Count killed, wounded, killed_or_wounded;
    const char* anchor;   ///< the first location phrase contains it ("" none expected)
};

inline const Incident* find_incident(const std::vector<Incident>& all, const std::string& starts) {
    for (const Incident& i : all) {
        if (i.text.rfind(starts, 0) == 0) return &i;
    }
    return nullptr;
}

inline void check_expected(const std::vector<Incident>& all, const Expected& e) {
    INFO("incident: " << e.starts);
    const Incident* inc = find_incident(all, e.starts);
    REQUIRE(inc);
    INFO("text: " << inc->text);
    REQUIRE(inc->date);
    CHECK(inc->date->iso() == e.date);
    CHECK(inc->date_basis == e.basis);
    CHECK(to_string(inc->type) == std::string(to_string(e.type)));
    check_count(inc->killed, e.killed, "killed");
    check_count(inc->wounded, e.wounded, "wounded");
    check_count(inc->killed_or_wounded, e.killed_or_wounded, "killed_or_wounded");
    if (*e.anchor) {
        REQUIRE_FALSE(inc->location_phrases.empty());
        INFO("first location phrase: " << inc->location_phrases.front());
        CHECK(inc->location_phrases.front().find(e.anchor) != std::string::npos);
    }
}

inline bool has_type(const Incident& i, EventType t) {
    return std::find(i.other_types.begin(), i.other_types.end(), t) != i.other_types.end();
}

} // namespace reckon::test
