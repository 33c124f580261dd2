// The project's own example reports (tests/data/reports, also the demo
// input): every incident listed by hand from reading them, and their
// location phrases checked with the resolver on the default gazetteer.

#include "reckon/resolver.hpp"
#include "report_support.hpp"

#include <catch2/catch.hpp>

#include <iostream>

using namespace reckon;
using reckon::test::Expected;
using reckon::test::none;
using reckon::test::report_fixture;
using reckon::test::some;

namespace {

using E = EventType;

struct Fixture {
    const char* file;
    std::vector<Expected> incidents;
};

// clang-format off
const std::vector<Fixture>& fixtures() {
    static const std::vector<Fixture> all{
        {"weekly-euphrates-2021-03-05.txt", {
            {"On March 5, 2021, an IED was activated against an SDF patrol", "2021-03-05", "explicit", E::ied, {3}, {2}, {none}, "Al-Mayadeen"},
            {"On March 6, 2021, an SDF fighter was targeted by sniper fire", "2021-03-06", "explicit", E::sniper_fire, {none}, {1}, {none}, "Subaykhan"},
            {"The next day, ISIS operatives attacked an SDF checkpoint", "2021-03-07", "relative", E::armed_attack, {2}, {1}, {none}, "Subaykhan"},
            {"On March 7, 2021, ISIS operatives abducted", "2021-03-07", "explicit", E::abduction, {1}, {none}, {none}, "Al-Asharah"},
            {"On March 8, 2021, two rockets were fired", "2021-03-08", "explicit", E::rocket_missile, {none}, {none}, {8}, "Hajin"},
            {"On March 9, 2021, a roadside bomb exploded", "2021-03-09", "explicit", E::ied, {none}, {7}, {none}, "Hajin"},
            {"During the week, the SDF took over the villages", "2021-03-05", "report_period", E::takeover, {20, true}, {none}, {none}, "Al-Susah"},
            {"On March 10, 2021, ISIS operatives shot dead a shepherd", "2021-03-10", "explicit", E::gunfire, {1}, {none}, {none}, "Al-Busayrah"},
            {"On the same day, an SDF vehicle hit a landmine", "2021-03-10", "relative", E::ied, {1}, {none}, {none}, "Albukamal"},
            {"On March 11, 2021, about 400 families fled", "2021-03-11", "explicit", E::displacement, {none}, {none}, {none}, "Hajin"},
            {"On March 6, 2021, unidentified gunmen opened fire", "2021-03-06", "explicit", E::gunfire, {none}, {1}, {none}, "Raqqa"},
            {"On March 9, 2021, an IED planted by ISIS exploded", "2021-03-09", "explicit", E::ied, {2}, {none}, {none}, "Raqqa"},
            {"On March 7, 2021, Turkish artillery shelled", "2021-03-07", "explicit", E::airstrike_shelling, {4}, {none}, {none}, "Al-Arima"},
            {"On March 8, 2021, three mortar shells", "2021-03-08", "explicit", E::mortar, {none}, {1}, {none}, "Manbij"},
            {"On March 10, 2021, a Turkish drone struck", "2021-03-10", "explicit", E::airstrike_shelling, {2}, {none}, {none}, "Tadif"},
        }},
        {"weekly-iraq-2021-02-26.txt", {
            {"On February 26, 2021, ISIS operatives attacked a Popular Mobilization position", "2021-02-26", "explicit", E::armed_attack, {2}, {3}, {none}, "Muqdadiya"},
            {"On February 27, 2021, an IED exploded near a vehicle", "2021-02-27", "explicit", E::ied, {1}, {2}, {none}, "Baqubah"},
            {"On February 28, 2021, ISIS operatives kidnapped two shepherds", "2021-02-28", "explicit", E::abduction, {2}, {none}, {none}, "Khanaqin"},
            {"On March 2, 2021, an Iraqi police checkpoint", "2021-03-02", "explicit", E::sniper_fire, {none}, {1}, {none}, "Mandali"},
            {"On February 27, 2021, ISIS operatives fired mortar shells", "2021-02-27", "explicit", E::mortar, {none}, {2}, {none}, "Al-Riyadh"},
            {"On March 1, 2021, a suicide bomber", "2021-03-01", "explicit", E::suicide_attack, {4}, {6}, {none}, "Dibis"},
            {"On February 28, 2021, ISIS operatives attacked the homes", "2021-02-28", "explicit", E::armed_attack, {1}, {none}, {none}, "Al-Abbasi"},
            {"On March 3, 2021, ISIS operatives set up a fake checkpoint", "2021-03-03", "explicit", E::abduction, {none}, {none}, {none}, "Kirkuk"},
            {"On March 2, 2021, two Katyusha rockets", "2021-03-02", "explicit", E::rocket_missile, {none}, {none}, {none}, "Balad"},
            {"On March 4, 2021, an IED exploded next to a patrol", "2021-03-04", "explicit", E::ied, {none}, {3}, {none}, "Baiji"},
            {"On March 1, 2021, ISIS operatives executed a man", "2021-03-01", "explicit", E::execution, {1}, {none}, {none}, "Al-Hadar"},
            {"On March 3, 2021, a car bomb exploded", "2021-03-03", "explicit", E::ied, {none}, {none}, {9}, "Mosul"},
            {"On February 28, 2021, an IED was activated against a vehicle of the Iraqi police", "2021-02-28", "explicit", E::ied, {none}, {2}, {none}, "Hit"},
            {"On March 3, 2021, ISIS operatives attacked a shepherd", "2021-03-03", "explicit", E::armed_attack, {1}, {none}, {none}, "Rawah"},
            {"On February 27, 2021, Iraqi aircraft carried out airstrikes", "2021-02-27", "explicit", E::airstrike_shelling, {8}, {none}, {none}, "Muqdadiya"},
            {"On March 1, 2021, Iraqi army forces apprehended", "2021-03-01", "explicit", E::arrest, {none}, {none}, {none}, "Samarra"},
            {"On March 2, 2021, the International Coalition carried out an airstrike", "2021-03-02", "explicit", E::airstrike_shelling, {6}, {none}, {none}, "Samarra"},
            {"On March 3, 2021, Iraqi police arrested", "2021-03-03", "explicit", E::arrest, {none}, {none}, {none}, "Tal Afar"},
            {"During the week, Iraqi security forces took over ISIS hideouts", "2021-02-26", "report_period", E::takeover, {none}, {none}, {none}, "Ramadi"},
        }},
        {"weekly-north-2020-12-28.txt", {
            {"On December 28, 2020, Turkish artillery shelled", "2020-12-28", "explicit", E::airstrike_shelling, {2}, {5}, {none}, "Ain Issa"},
            {"On December 30, 2020, fighters of the Syrian National Army", "2020-12-30", "explicit", E::armed_attack, {11}, {none}, {none}, "Saida"},
            {"The day before, a Turkish drone had struck", "2020-12-29", "relative", E::airstrike_shelling, {2}, {none}, {none}, "Ain Issa"},
            {"On Sunday, January 3, 2021, the Russian military police", "2021-01-03", "explicit", E::other, {none}, {none}, {none}, "Ain Issa"},
            {"On December 29, 2020, ISIS operatives shot and killed", "2020-12-29", "explicit", E::gunfire, {1}, {none}, {none}, "Al-Sabkhah"},
            // The parser drops "market" from "the entrance to the Tal Abyad market", so the
            // named place and the distance are not one phrase (see the check below).
            {"On January 1, 2021, an IED exploded at the entrance", "2021-01-01", "explicit", E::ied, {3}, {12, true}, {none}, "Raqqa"},
            {"On January 2, 2021, SDF security forces arrested", "2021-01-02", "explicit", E::arrest, {none}, {none}, {none}, "Manbij"},
            {"On Thursday night, unidentified gunmen killed", "2020-12-31", "relative", E::gunfire, {1}, {none}, {none}, "Jarabulus"},
        }},
        {"monitor-daily-2021-03-12.html", {
            {"On March 12, 2021, ISIS operatives attacked an SDF checkpoint in Hajin", "2021-03-12", "explicit", E::armed_attack, {2}, {1}, {none}, "Hajin"},
            {"On March 12, 2021, an IED was activated against an SDF vehicle", "2021-03-12", "explicit", E::ied, {none}, {none}, {some}, "Al-Mayadeen"},
            {"On March 13, 2021, a civilian was killed by sniper fire", "2021-03-13", "explicit", E::sniper_fire, {1}, {none}, {none}, "Al-Asharah"},
            {"On March 12, 2021, ISIS operatives fired three mortar shells", "2021-03-12", "explicit", E::mortar, {none}, {1}, {none}, "Hawija"},
            {"On March 13, 2021, Iraqi security forces arrested two ISIS operatives", "2021-03-13", "explicit", E::arrest, {none}, {none}, {none}, "Hawija"},
            {"On March 13, 2021, an IED exploded next to a Popular Mobilization vehicle", "2021-03-13", "explicit", E::ied, {none}, {3}, {none}, "Al-Shirqat"},
        }},
        {"weekly-brief-2021-03-05.pdf", {
            {"On March 5, 2021, an IED was activated against an SDF vehicle", "2021-03-05", "explicit", E::ied, {2}, {none}, {none}, "Hajin"},
            {"On March 7, 2021, ISIS operatives attacked an SDF checkpoint in Al-Asharah", "2021-03-07", "explicit", E::armed_attack, {1}, {2}, {none}, "Al-Asharah"},
            {"On March 8, 2021, a mortar shell hit a house in Albukamal", "2021-03-08", "explicit", E::mortar, {none}, {3}, {none}, "Albukamal"},
            {"On March 9, 2021, ISIS operatives abducted three truffle hunters", "2021-03-09", "explicit", E::abduction, {2}, {none}, {none}, "Rawah"},
            {"On March 10, 2021, an IED exploded next to an Iraqi army patrol", "2021-03-10", "explicit", E::ied, {none}, {3}, {none}, "Hit"},
            {"On March 11, 2021, Iraqi security forces arrested four ISIS operatives", "2021-03-11", "explicit", E::arrest, {none}, {none}, {none}, "Fallujah"},
        }},
    };
    return all;
}
// clang-format on

} // namespace

TEST_CASE("fixtures: every incident of the example reports", "[report][fixtures]") {
    for (const Fixture& f : fixtures()) {
        INFO(f.file);
        const ReportText r = read_report(report_fixture(f.file));
        const auto all = extract_incidents(r);
        test::check_incident_positions(r, all);
        for (const Expected& e : f.incidents) test::check_expected(all, e);
        for (const Incident& inc : all) {
            INFO(inc.text.substr(0, 80));
            bool listed = false;
            for (const Expected& e : f.incidents) listed = listed || inc.text.rfind(e.starts, 0) == 0;
            CHECK(listed);
        }
        CHECK(all.size() == f.incidents.size());
    }
}

TEST_CASE("fixtures: named places of a takeover, and a place the parser splits", "[report][fixtures]") {
    const auto euphrates = extract_incidents(read_report(report_fixture("weekly-euphrates-2021-03-05.txt")));
    const Incident* takeover = test::find_incident(euphrates, "During the week, the SDF took over the villages");
    REQUIRE(takeover);
    CHECK(takeover->perpetrator == "SDF");
    CHECK(takeover->location_phrases ==
          std::vector<std::string>{"Al-Susah, south and southeast of Hajin", "Al-Jalaa"});
    CHECK(takeover->source == "SDF media center");

    const auto north = extract_incidents(read_report(report_fixture("weekly-north-2020-12-28.txt")));
    const Incident* market = test::find_incident(north, "On January 1, 2021, an IED exploded at the entrance");
    REQUIRE(market);
    CHECK(market->location_phrases ==
          std::vector<std::string>{"about 85 km north of Raqqa", "at the entrance to the Tal Abyad"});
    const Incident* raids = test::find_incident(north, "On January 2, 2021, SDF security forces arrested");
    REQUIRE(raids);
    CHECK(raids->location_phrases ==
          std::vector<std::string>{"Al-Khafsah, south and southeast of Manbij", "Abu Qalqal"});
}

TEST_CASE("fixtures: location phrases resolve on the default gazetteer", "[report][fixtures][resolver]") {
    Gazetteer* gaz = test::default_gazetteer();
    if (!gaz) {
        WARN("build/default-gazetteer.sqlite not present (scripts/build-default-gazetteer): skipped");
        return;
    }
    Resolver resolver(*gaz);
    std::size_t phrases = 0, located = 0;
    for (const Fixture& f : fixtures()) {
        const auto all = extract_incidents(read_report(report_fixture(f.file)));
        for (const Incident& inc : all) {
            for (std::size_t k = 0; k < inc.location_phrases.size(); ++k) {
                const std::string& p = inc.location_phrases[k];
                INFO(f.file << ": " << p << " [" << inc.section << "]");
                // Each phrase reads as a location: the parser finds a place in it ...
                const ParsedPhrase parsed = parse_phrase(p);
                CHECK((parsed.target || !parsed.constraints.empty()));
                CHECK(parsed.unparsed.empty());
                if (k > 0) continue;
                // ... and the first one is what the resolver is handed first.
                ResolveOptions opt;
                opt.context = inc.section;
                opt.polygon = false;
                const Resolution res = resolver.resolve(p, opt);
                ++phrases;
                CHECK(res.status != ResolveStatus::error);
                if (res.status == ResolveStatus::ok) {
                    ++located;
                } else {
                    std::cout << "fixture phrase not located: '" << p << "': " << to_string(res.status) << "\n";
                }
            }
        }
    }
    std::cout << "fixtures: " << located << " of " << phrases << " first location phrases located (status ok)\n";
    CHECK(located * 10 >= phrases * 9);
}
