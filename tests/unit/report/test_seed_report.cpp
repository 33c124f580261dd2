// The seed report (../shared/reports, read at run time; skipped with a WARN
// when absent). Every dated bullet, listed by hand from reading the report,
// with its date, type, casualty figures and the anchor its first location
// phrase must contain; the undated Aleppo-front takeover; the Anjara
// cluster-bomb strike; and what must not be an incident.

#include "report_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

using namespace reckon;
using reckon::test::Count;
using reckon::test::Expected;
using reckon::test::none;
using reckon::test::some;

namespace {

std::string seed_path() { return test::shared_dir() + "/reports/spotlight-global-jihad-2020-02-13.txt"; }

const ReportText* seed() {
    static const std::optional<ReportText> r = []() -> std::optional<ReportText> {
        if (!std::filesystem::exists(seed_path())) return std::nullopt;
        return read_report(seed_path());
    }();
    return r ? &*r : nullptr;
}

const std::vector<Incident>& seed_incidents() {
    static const std::vector<Incident> all = seed() ? extract_incidents(*seed()) : std::vector<Incident>{};
    return all;
}

using E = EventType;

// clang-format off
const Expected expected[] = {
    // Aleppo front
    {"During the week, the Syrian army took over Aleppo", "2020-02-13", "report_period", E::takeover, {none}, {none}, {none}, "Jam\xE2\x80\x99iyyat al-Zahra"},
    {"On February 17, 2020, the Syrian army continued to advance", "2020-02-17", "explicit", E::takeover, {none}, {none}, {none}, "Anjara"},
    {"One of the local media outlets reported that a day earlier", "2020-02-16", "explicit", E::rocket_missile, {none}, {none}, {none}, "Anjara"},
    // Syrian helicopter shot down
    {"On February 14, 2020, operatives of the National Liberation Front", "2020-02-14", "explicit", E::shoot_down, {2}, {none}, {none}, "Aleppo"},
    // Residents flee
    {"On February 14, 2020, the office of the UN secretary-general", "2020-02-14", "explicit", E::displacement, {none}, {none}, {none}, "Idlib"},
    // Al-Raqqah area
    {"On February 16, 2020, an IED planted by ISIS in an SDF gas station", "2020-02-16", "explicit", E::ied, {none}, {none}, {none}, "Al-Raqqah"},
    {"On February 16, 2020, ISIS operatives attacked a liquor store", "2020-02-16", "explicit", E::armed_attack, {5}, {some}, {none}, "Al-Rasafah"},
    // The area of Al-Mayadeen and Albukamal
    {"On February 18, 2020, an IED was activated against an SDF vehicle 14 km", "2020-02-18", "explicit", E::ied, {none}, {none}, {some}, "Al-Mayadeen"},
    {"On February 17, 2020, an SDF fighter was shot at and wounded", "2020-02-17", "explicit", E::gunfire, {none}, {1}, {none}, "Deir ez-Zor"},
    {"On February 16, 2020, an International Coalition", "2020-02-16", "explicit", E::gunfire, {1}, {none}, {none}, "Al-Mayadeen"},
    {"On February 15, 2020, a rocket was fired at an SDF vehicle in Al-Hawaij", "2020-02-15", "explicit", E::rocket_missile, {2}, {1}, {none}, "Al-Hawaij"},
    {"On February 14, 2020, an SDF fighter was targeted by gunfire in Diban", "2020-02-14", "explicit", E::gunfire, {1}, {none}, {none}, "Diban"},
    {"In addition, an SDF vehicle was targeted by machine gun fire", "2020-02-14", "explicit", E::gunfire, {none}, {none}, {some}, "Diban"},
    {"On February 14, 2020, an IED was activated against an SDF vehicle in Al-Tiyanah", "2020-02-14", "explicit", E::ied, {none}, {none}, {5}, "Al-Tiyanah"},
    {"On February 14, 2020, several IEDs planted in an SDF command post", "2020-02-14", "explicit", E::ied, {none}, {none}, {none}, "Al-Hawaij"},
    {"On February 10, 2020, an SDF vehicle was targeted by machine gun fire", "2020-02-10", "explicit", E::gunfire, {none}, {some}, {none}, "Al-Omar"},
    {"On February 10, 2020, an SDF fighter was taken prisoner", "2020-02-10", "explicit", E::abduction, {1}, {none}, {none}, "Deir ez-Zor"},
    // The Iraqi arena: Diyala Province
    {"On February 17, 2020, an Iraqi army camp", "2020-02-17", "explicit", E::sniper_fire, {1}, {1}, {none}, "Baqubah"},
    {"On February 15, 2020, ISIS operatives attacked an Iraqi police checkpoint", "2020-02-15", "explicit", E::armed_attack, {2}, {none}, {none}, "Baqubah"},
    {"On February 14, 2020, ISIS operatives took a Popular Mobilization fighter prisoner", "2020-02-14", "explicit", E::abduction, {2}, {none}, {none}, "Baqubah"},
    {"On February 14, 2020, an Iraqi police camp", "2020-02-14", "explicit", E::sniper_fire, {3}, {none}, {none}, "Baqubah"},
    {"On February 12, 2020, a member of the Kaka", "2020-02-12", "explicit", E::sniper_fire, {1}, {none}, {10, true}, "Khanaqin"},
    {"On February 12, 2020, an IED was activated against an Iraqi army vehicle", "2020-02-12", "explicit", E::ied, {none}, {2}, {none}, "Khanaqin"},
    // Kirkuk Province
    {"On February 16, 2020, ISIS operatives attacked a police station", "2020-02-16", "explicit", E::armed_attack, {1}, {none}, {none}, "Kirkuk"},
    {"On February 14, 2020, two Grad rockets", "2020-02-14", "explicit", E::rocket_missile, {none}, {none}, {none}, "Amerli"},
    {"On February 11, 2020, three mortar shells", "2020-02-11", "explicit", E::mortar, {none}, {none}, {none}, "Daquq"},
    {"In addition, five mortar shells", "2020-02-11", "explicit", E::mortar, {none}, {none}, {none}, "Daquq"},
    // Salah al-Din and Al-Anbar
    {"On February 16, 2020, ISIS operatives planted IEDs", "2020-02-16", "explicit", E::ied, {none}, {none}, {none}, "Baghdad"},
    {"On February 17, 2020, a National Security Service", "2020-02-17", "explicit", E::gunfire, {1}, {none}, {none}, "Al-Fawjah"},
    // Counterterrorist activities
    {"On February 15, 2020, an Iraqi counterterrorism force", "2020-02-15", "explicit", E::armed_attack, {10}, {none}, {none}, "Baqubah"},
    {"On February 16, 2020, Iraqi counterterrorism forces apprehended", "2020-02-16", "explicit", E::arrest, {none}, {none}, {none}, "Al-Baghdadi"},
    {"On February 17, 2020, Iraqi Military Intelligence", "2020-02-17", "explicit", E::arrest, {none}, {none}, {none}, "Mosul"},
    {"On February 16, 2020, Nineveh Province police", "2020-02-16", "explicit", E::arrest, {none}, {none}, {none}, "Nineveh"},
    {"On February 15, 2020, Iraqi security forces apprehended", "2020-02-15", "explicit", E::arrest, {none}, {none}, {none}, "Mosul"},
    {"On February 16, 2020, a Popular Mobilization force", "2020-02-16", "explicit", E::other, {none}, {none}, {none}, "Baghdad"},
};
// clang-format on

} // namespace

TEST_CASE("seed report: blocks, headings and period", "[report][seed][shared]") {
    const ReportText* r = seed();
    if (!r) {
        WARN("../shared/reports not present: skipped");
        return;
    }
    test::check_block_positions(*r);
    REQUIRE(r->period_start);
    CHECK(r->period_start->iso() == "2020-02-13");
    CHECK(r->period_end->iso() == "2020-02-19");
    CHECK(r->title.find("Spotlight on Global Jihad (February 13-19, 2020)") != std::string::npos);
    auto level_of = [&](const std::string& text) {
        for (const auto& b : r->blocks) {
            if (b.kind == ReportBlock::Kind::heading && b.text == text) return b.level;
        }
        return -1;
    };
    // The arena holds ISIS activity; provinces sit under the activity headings.
    CHECK(level_of("The Iraqi arena") == 1);
    CHECK(level_of("ISIS activity") == 2);
    CHECK(level_of("Idlib region") == 1);
    CHECK(level_of("The Euphrates Valley") == 1);
    CHECK(level_of("Aleppo front") == 2);
    CHECK(level_of("Al-Raqqah area") == 2);
    CHECK(level_of("Counterterrorist activities by the Iraqi security forces") > level_of("The Iraqi arena"));
    CHECK(level_of("Diyala Province") > level_of("ISIS activity"));
    // Repeated photo captions are captions.
    std::size_t captions = 0;
    for (const auto& b : r->blocks) {
        if (b.kind == ReportBlock::Kind::caption && b.text.find("(SANA, February 16, 2020)") != std::string::npos) ++captions;
    }
    CHECK(captions == 2);
}

TEST_CASE("seed report: every incident an analyst reads, and nothing else", "[report][seed][shared]") {
    const ReportText* r = seed();
    if (!r) {
        WARN("../shared/reports not present: skipped");
        return;
    }
    const auto& all = seed_incidents();
    test::check_incident_positions(*r, all);
    for (const Expected& e : expected) test::check_expected(all, e);

    // Nothing else: each incident is one of the expected ones.
    std::set<std::string> seen;
    for (const Incident& inc : all) {
        INFO(inc.text.substr(0, 100));
        bool listed = false;
        for (const Expected& e : expected) listed = listed || inc.text.rfind(e.starts, 0) == 0;
        CHECK(listed);
        CHECK(seen.insert(inc.id).second);
    }
    CHECK(all.size() == std::size(expected));

    // Summaries, statistics, statements and diplomatic talk are not incidents.
    for (const Incident& inc : all) {
        INFO(inc.text.substr(0, 100));
        CHECK(inc.text.find("3,196 attacks") == std::string::npos);
        CHECK(inc.text.find("Mark Lowcock") == std::string::npos);
        CHECK(inc.text.find("Sochi Conference") == std::string::npos);
        CHECK(inc.text.find("interview") == std::string::npos);
        CHECK(inc.section != "Highlights of the events");
        for (const auto& p : inc.location_phrases) {
            CHECK(p.find("Russia and Turkey") == std::string::npos);
            CHECK(p.find("Telegram") == std::string::npos);
        }
    }
}

TEST_CASE("seed report: the Aleppo-front takeover and the Anjara strike", "[report][seed][shared]") {
    if (!seed()) {
        WARN("../shared/reports not present: skipped");
        return;
    }
    const auto& all = seed_incidents();
    const Incident* takeover = test::find_incident(all, "During the week, the Syrian army took over Aleppo");
    REQUIRE(takeover);
    CHECK(takeover->section == "Aleppo front");
    CHECK(takeover->perpetrator == "Syrian army");
    CHECK(takeover->target == "HTS");
    REQUIRE(takeover->date_end);
    CHECK(takeover->date_end->iso() == "2020-02-19");
    CHECK(takeover->source == "SANA");
    CHECK(takeover->source_date->iso() == "2020-02-16");
    // Each named place and the area phrase.
    const auto& p = takeover->location_phrases;
    CHECK(std::find(p.begin(), p.end(), "Jam\xE2\x80\x99iyyat al-Zahra") != p.end());
    CHECK(std::find(p.begin(), p.end(), "Aleppo\xE2\x80\x99s western neighborhoods") != p.end());
    CHECK(std::find(p.begin(), p.end(), "west and northwest of Aleppo") != p.end());

    const Incident* advance = test::find_incident(all, "On February 17, 2020, the Syrian army continued to advance");
    REQUIRE(advance);
    CHECK(advance->perpetrator == "Syrian army");
    REQUIRE_FALSE(advance->location_phrases.empty());
    CHECK(advance->location_phrases.front() == "the village of Anjara, about 10 km west of Aleppo");

    const Incident* strike = test::find_incident(all, "One of the local media outlets reported that a day earlier");
    REQUIRE(strike);
    CHECK(strike->paragraph == advance->paragraph);  // the second event of the same bullet
    CHECK(strike->perpetrator == "Russian forces");
    CHECK(strike->source == "Edlib Media Center \xE2\x80\x93 EMC");
    CHECK(strike->text.find("The report was still not confirmed.") != std::string::npos);
    CHECK(strike->location_phrases.front() == "the village of Anjara, about 10 km west of Aleppo");
}

TEST_CASE("seed report: actors, sections and the executions", "[report][seed][shared]") {
    if (!seed()) {
        WARN("../shared/reports not present: skipped");
        return;
    }
    const auto& all = seed_incidents();
    const Incident* heli = test::find_incident(all, "On February 14, 2020, operatives of the National Liberation Front");
    REQUIRE(heli);
    CHECK(heli->perpetrator == "National Liberation Front");
    CHECK(heli->target == "Syrian army");
    CHECK(heli->source == "Twitter account of the National Liberation Front, @alwataniaTahrer");

    const Incident* ied = test::find_incident(all, "On February 16, 2020, an IED planted by ISIS in an SDF gas station");
    REQUIRE(ied);
    CHECK(ied->perpetrator == "ISIS");
    CHECK(ied->perpetrator_basis == "text");
    CHECK(ied->target == "SDF");
    CHECK(ied->location_phrases.front() == "about 3 km south of Al-Raqqah");

    const Incident* rocket = test::find_incident(all, "On February 15, 2020, a rocket was fired at an SDF vehicle");
    REQUIRE(rocket);
    CHECK(rocket->perpetrator == "ISIS");             // "according to ISIS's claims of responsibility"
    CHECK(rocket->perpetrator_basis == "section");
    CHECK(rocket->location_phrases.front() == "in Al-Hawaij, 4 km northeast of Al-Mayadeen");

    const Incident* pmf = test::find_incident(all, "On February 14, 2020, ISIS operatives took a Popular Mobilization");
    REQUIRE(pmf);
    CHECK(pmf->target == "Popular Mobilization");
    CHECK(test::has_type(*pmf, EventType::execution));
    CHECK(pmf->section == "Diyala Province");
    REQUIRE(pmf->section_path.size() >= 3);
    CHECK(pmf->section_path.front() == "The Iraqi arena");
    CHECK(std::find(pmf->section_path.begin(), pmf->section_path.end(), "ISIS activity") != pmf->section_path.end());

    const Incident* kakai = test::find_incident(all, "On February 12, 2020, a member of the Kaka");
    REQUIRE(kakai);
    CHECK(kakai->target == "civilians");
    CHECK(kakai->location_phrases.front() == "west of Khanaqin, about 100 km northeast of Baqubah");

    const Incident* ct = test::find_incident(all, "On February 15, 2020, an Iraqi counterterrorism force");
    REQUIRE(ct);
    CHECK(ct->perpetrator == "Iraqi security forces");
    CHECK(ct->target == "ISIS");
    CHECK(ct->source == "Al-Sumaria");

    const Incident* baghdadi = test::find_incident(all, "On February 16, 2020, Iraqi counterterrorism forces apprehended");
    REQUIRE(baghdadi);
    CHECK(baghdadi->location_phrases.front() == "in the Al-Baghdadi region, about 10 km southeast of Kirkuk");
    CHECK(baghdadi->target == "ISIS");  // "[implicitly ISIS operatives]"

    const Incident* omar = test::find_incident(all, "On February 10, 2020, an SDF vehicle was targeted by machine gun");
    REQUIRE(omar);
    CHECK(omar->location_phrases.front() ==
          "on the road leading to the Al-Omar oil field, about 20 km northeast of Al-Mayadeen");
    CHECK(omar->source_date->iso() == "2020-02-12");
}
