// The table of phrasings: tests/data/phrases/parse_cases.tsv (phrase, target,
// relations, anchors, anchor_kinds, distance_m, qualifier, azimuth_deg, points,
// part). Every column of every row must match; numbers to 1e-6 relative.

#include "phrase_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

using namespace reckon;

namespace {

const std::string cases_path = RECKON_SOURCE_DIR "/tests/data/phrases/parse_cases.tsv";
constexpr std::size_t column_count = 10;
constexpr std::size_t minimum_rows = 170;
constexpr double relative_tolerance = 1e-6;

bool same_number(const std::string& expected, const std::string& got) {
    if (expected == got) return true;
    if (expected.empty() || got.empty()) return false;
    char* end = nullptr;
    const double e = std::strtod(expected.c_str(), &end);
    if (*end != '\0') return false;
    const double g = std::strtod(got.c_str(), &end);
    if (*end != '\0') return false;
    if (std::isnan(e) || std::isnan(g)) return std::isnan(e) && std::isnan(g);
    return std::fabs(e - g) <= relative_tolerance * std::max(1.0, std::fabs(e));
}

} // namespace

TEST_CASE("phrase: every row of parse_cases.tsv parses as written", "[phrase]") {
    const auto rows = test::read_tsv(cases_path);
    REQUIRE(rows.size() >= minimum_rows);
    std::size_t passed = 0;
    for (const auto& row : rows) {
        REQUIRE(row.cols.size() == column_count);
        const std::string& phrase = row.cols[0];
        const test::PhraseSummary s = test::summarise(parse_phrase(phrase));
        const bool ok = s.target == row.cols[1] && s.relations == row.cols[2] && s.anchors == row.cols[3] &&
                        s.anchor_kinds == row.cols[4] && same_number(row.cols[5], s.distance_m) &&
                        s.qualifier == row.cols[6] && same_number(row.cols[7], s.azimuth_deg) &&
                        s.points == row.cols[8] && s.part == row.cols[9];
        if (ok) {
            ++passed;
            continue;
        }
        INFO("line " << row.line << ": " << phrase);
        CHECK(s.target == row.cols[1]);
        CHECK(s.relations == row.cols[2]);
        CHECK(s.anchors == row.cols[3]);
        CHECK(s.anchor_kinds == row.cols[4]);
        CHECK(same_number(row.cols[5], s.distance_m));
        CHECK(s.qualifier == row.cols[6]);
        CHECK(same_number(row.cols[7], s.azimuth_deg));
        CHECK(s.points == row.cols[8]);
        CHECK(s.part == row.cols[9]);
    }
    WARN("parse_cases.tsv: " << passed << " of " << rows.size() << " rows pass");
    CHECK(passed == rows.size());
}
