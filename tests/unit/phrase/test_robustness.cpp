// Bad input never crashes or throws: empty, blank, huge, invalid UTF-8,
// numbers only, absurd values, and random bytes.

#include "reckon/phrase.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <random>
#include <string>

using namespace reckon;

namespace {

/// The invariants every parse keeps, whatever the input.
void check_invariants(const ParsedPhrase& p) {
    for (const auto& c : p.constraints) {
        CHECK_FALSE(c.anchors.empty());
        for (const auto& a : c.anchors) CHECK_FALSE(a.name.empty());
        if (c.direction) {
            CHECK(c.direction->azimuth_deg >= 0.0);
            CHECK(c.direction->azimuth_deg < 360.0);
            CHECK((c.direction->points == 4 || c.direction->points == 8 || c.direction->points == 16));
        }
        if (c.distance && c.distance->is_range) CHECK(c.distance->min_m <= c.distance->max_m);
        if (c.relation == Relation::between || c.relation == Relation::road) CHECK_FALSE(c.anchors.empty());
    }
    if (p.target) CHECK_FALSE(p.target->name.empty());
}

} // namespace

TEST_CASE("phrase: empty and blank input", "[phrase]") {
    for (const char* text : {"", " ", "\t\n  \r\n", ".", ",,,", "()", "–", "the", "of of of"}) {
        INFO("'" << text << "'");
        const ParsedPhrase p = parse_phrase(text);
        CHECK(p.constraints.empty());
        CHECK_FALSE(p.target);
    }
}

TEST_CASE("phrase: only numbers", "[phrase]") {
    for (const char* text : {"14", "14 15 16", "1,234,567.89", "-5", "6-7", "3.14159 2.71828", "0", "١٢٣"}) {
        INFO(text);
        const ParsedPhrase p = parse_phrase(text);
        CHECK(p.constraints.empty());
        check_invariants(p);
    }
}

TEST_CASE("phrase: input longer than max_phrase_bytes is not parsed", "[phrase]") {
    std::string text;
    while (text.size() < 1'000'000) text += "14 km north of Al-Mayadeen, about 10 km east of Deir ez-Zor. ";
    const ParsedPhrase p = parse_phrase(text);
    CHECK(p.constraints.empty());
    REQUIRE(p.messages.size() == 1);
    CHECK(p.messages[0].find("4096") != std::string::npos);

    const std::string at_limit(max_phrase_bytes, 'a');
    CHECK(parse_phrase(at_limit).messages.empty());
    const std::string over_limit(max_phrase_bytes + 1, 'a');
    CHECK_FALSE(parse_phrase(over_limit).messages.empty());
}

TEST_CASE("phrase: a phrase at the size limit parses quickly", "[phrase]") {
    std::string text;
    while (text.size() + 40 < max_phrase_bytes) text += "14 km north of Al-Mayadeen in Al-Hawaij, ";
    const auto t0 = std::chrono::steady_clock::now();
    const ParsedPhrase p = parse_phrase(text);
    const auto elapsed = std::chrono::steady_clock::now() - t0;
    CHECK(p.constraints.size() > 50);
    check_invariants(p);
    CHECK(elapsed < std::chrono::milliseconds(50));
}

TEST_CASE("phrase: invalid UTF-8", "[phrase]") {
    const std::string cases[] = {
        std::string("14 km north of Al-Mayadeen\xff\xfe"),
        std::string("14 km north of Al-\xc3Mayadeen"),
        std::string("\xe2\x80 14 km \xed\xa0\x80 north of Kirkuk"),  // truncated sequence, surrogate
        std::string("\xc0\xaf\xf8\x88\x80\x80\x80"),                  // overlong, 5-byte
        std::string("north of \xd8\xa7\xd9", 11),
        std::string("\x00\x01 south of Kirkuk", 18)};
    for (const auto& text : cases) {
        const ParsedPhrase p = parse_phrase(text);
        check_invariants(p);
        for (const auto& c : p.constraints) {
            for (const auto& a : c.anchors) CHECK(a.name.find('\xff') == std::string::npos);
        }
    }
    const ParsedPhrase p = parse_phrase("14 km north of Kirkuk\xff");
    REQUIRE(p.constraints.size() == 1);
    CHECK(p.constraints[0].anchors[0].name == "Kirkuk");
    CHECK_FALSE(p.messages.empty());
}

TEST_CASE("phrase: absurd and negative distances", "[phrase]") {
    const ParsedPhrase negative = parse_phrase("-5 km north of X");
    REQUIRE(negative.constraints.size() == 1);
    CHECK(negative.constraints[0].anchors[0].name == "X");
    CHECK(negative.constraints[0].distance->value_m < 0.0);
    CHECK_FALSE(negative.messages.empty());

    const ParsedPhrase far = parse_phrase("99999 km north of Baghdad");
    REQUIRE(far.constraints.size() == 1);
    CHECK_FALSE(far.messages.empty());

    const ParsedPhrase digits = parse_phrase(std::string(400, '9') + " km north of Baghdad");
    check_invariants(digits);
    CHECK_FALSE(digits.messages.empty());

    const ParsedPhrase decimals = parse_phrase("0." + std::string(300, '1') + " km north of Baghdad");
    check_invariants(decimals);
}

TEST_CASE("phrase: random bytes and token soup never break the parser", "[phrase]") {
    std::mt19937 rng(20200213);
    const char* words[] = {"14",    "km",    "north", "of",   "Al-Mayadeen", "the",   "between", "and",
                           "road",  "in",    "near",  "(",    ")",           ",",     "–",       "-",
                           "about", "miles", "NE",    "N.E.", "border",      "Syrian", "Turkish", "countryside",
                           "a",     "few",   "شمال",  "كم",   "\xff",        "of",    "capital", "Euphrates"};
    std::uniform_int_distribution<std::size_t> pick(0, std::size(words) - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const int n = round % 40;
        for (int i = 0; i < n; ++i) {
            if (round % 3 == 0) {
                text += static_cast<char>(byte(rng));
            } else {
                text += words[pick(rng)];
                text += ' ';
            }
        }
        const ParsedPhrase p = parse_phrase(text);
        check_invariants(p);
    }
}
