// Incident extraction: what counts as an incident, dates, event types,
// actors, casualties, sources, location phrases, ids; and bad input.

#include "reckon/error.hpp"
#include "report/classify.hpp"
#include "report/words.hpp"
#include "report_support.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using namespace reckon;
using reckon::test::Count;
using reckon::test::none;
using reckon::test::some;
using reckon::test::report_fixture;

namespace {

constexpr const char* week_title = "Weekly review (March 1\xE2\x80\x93" "7, 2021)\n\n";

/// A report of one section and one bullet per entry of @p bullets.
ReportText report_of(const std::string& heading, const std::vector<std::string>& bullets,
                     const std::string& name = "synthetic.txt") {
    std::string text = week_title + heading + "\n";
    for (const auto& b : bullets) text += "  \xE2\x80\xA2 " + b + "\n";
    return read_report(text, name, InputFormat::text);
}

/// The only incident of a one-bullet report.
Incident only_incident(const std::string& bullet, const std::string& heading = "Diyala Province") {
    const ReportText r = report_of(heading, {bullet});
    const auto incidents = extract_incidents(r);
    INFO(bullet);
    REQUIRE(incidents.size() == 1);
    return incidents.front();
}

report::detail::Casualties casualties_of(const std::string& sentence) {
    return report::detail::casualties(report::detail::tokenize(sentence));
}

} // namespace

TEST_CASE("incidents: dated bullets and paragraphs are incidents, and overviews, statistics and talk are not",
          "[report][extract]") {
    const std::string text = std::string(week_title) +
        "Highlights\n"
        "  \xE2\x80\xA2 This week, ISIS attacked SDF checkpoints along the Euphrates (Telegram, March 5, 2021).\n"
        "Deir ez-Zor Province\n"
        "\n"
        "ISIS cells continued their attacks this week.\n"
        "\n"
        "  \xE2\x80\xA2 On March 2, 2021, an IED exploded near an SDF patrol in Hajin. Two fighters were killed (Telegram, March 2, 2021).\n"
        "  \xE2\x80\xA2 On March 3, 2021, SDF forces located and destroyed an ISIS hideout east of Hajin (SDF media center, March 3, 2021).\n"
        "  \xE2\x80\xA2 On March 4, 2021, the SDF spokesman stated that the operation would continue (Hawar News, March 4, 2021).\n"
        "  \xE2\x80\xA2 According to the SDF, 1,250 attacks were carried out in the province since January 2019 (Hawar News, March 5, 2021).\n"
        "  \xE2\x80\xA2 Turkey threatened to attack the SDF in Manbij if it did not withdraw (Anadolu, March 5, 2021).\n"
        "  \xE2\x80\xA2 During the week, ISIS operatives attacked an SDF checkpoint in Al-Asharah (Telegram, March 6, 2021).\n"
        "  \xE2\x80\xA2 During the week, ISIS operatives attacked SDF checkpoints in the area.\n"
        "On March 5, 2021, the SDF commander gave an interview about the fighting.\n"
        "On March 6, 2021, ISIS operatives attacked a checkpoint near Albukamal (Telegram, March 6, 2021).\n";
    const ReportText r = read_report(text, "rules.txt", InputFormat::text);
    const auto incidents = extract_incidents(r);
    test::check_incident_positions(r, incidents);
    std::vector<std::string> starts;
    for (const auto& i : incidents) starts.push_back(i.text.substr(0, 40));
    CHECK(starts == std::vector<std::string>{
                        "On March 2, 2021, an IED exploded near a",  // dated, an attack
                        "On March 3, 2021, SDF forces located and",  // dated bullet, no attack keyword: type other
                        "During the week, ISIS operatives attacke",  // undated, cited, a place: report period
                        "On March 6, 2021, ISIS operatives attack",  // a dated paragraph with an attack
                    });
    REQUIRE(incidents.size() == 4);
    CHECK(incidents[1].type == EventType::other);
    CHECK(incidents[2].date_basis == "report_period");
    CHECK(incidents[2].date->iso() == "2021-03-01");
    CHECK(incidents[2].date_end->iso() == "2021-03-07");
    CHECK(incidents[2].source == "Telegram");
    CHECK(incidents[2].source_date->iso() == "2021-03-06");
}

TEST_CASE("incidents: a second, differently dated event in a bullet", "[report][extract]") {
    const ReportText r = report_of(
        "Aleppo front",
        {"On March 5, 2021, the Syrian army took over the village of Anjara, about 10 km west of Aleppo (Khotwa, March 5, "
         "2021). A local media outlet reported that a day earlier, on March 4, 2021, missiles were launched from Russian "
         "warships at the village of Anjara (EMC, March 4, 2021). The report was not confirmed.",
         "On March 6, 2021, ISIS operatives attacked a checkpoint in Hajin (Telegram, March 6, 2021). The next day, an "
         "IED exploded at the same checkpoint. One fighter was killed (Telegram, March 7, 2021).",
         "On March 6, 2021, an SDF fighter was targeted by gunfire in Diban. The fighter was killed (Telegram, March 6, "
         "2021). In addition, an SDF vehicle was targeted by machine gun fire. The passengers were wounded (Telegram, "
         "March 6, 2021)."});
    const auto incidents = extract_incidents(r);
    test::check_incident_positions(r, incidents);
    REQUIRE(incidents.size() == 6);
    CHECK(incidents[0].type == EventType::takeover);
    CHECK(incidents[0].date->iso() == "2021-03-05");
    CHECK(incidents[1].text.rfind("A local media outlet reported that a day earlier", 0) == 0);
    CHECK(incidents[1].text.find("The report was not confirmed.") != std::string::npos);
    CHECK(incidents[1].date->iso() == "2021-03-04");
    CHECK(incidents[1].date_basis == "explicit");  // the written date beats "a day earlier"
    CHECK(incidents[1].type == EventType::rocket_missile);
    CHECK(incidents[1].perpetrator == "Russian forces");
    CHECK(incidents[1].source == "EMC");
    // The place named again alone keeps its earlier description.
    REQUIRE_FALSE(incidents[1].location_phrases.empty());
    CHECK(incidents[1].location_phrases.front() == "the village of Anjara, about 10 km west of Aleppo");
    CHECK(incidents[0].paragraph == incidents[1].paragraph);

    CHECK(incidents[3].text.rfind("The next day, an IED exploded", 0) == 0);
    CHECK(incidents[3].date->iso() == "2021-03-07");
    CHECK(incidents[3].date_basis == "relative");
    CHECK(incidents[3].type == EventType::ied);
    test::check_count(incidents[3].killed, {1}, "killed");
    test::check_count(incidents[2].killed, {none}, "killed");

    CHECK(incidents[5].text.rfind("In addition, an SDF vehicle", 0) == 0);
    CHECK(incidents[5].date->iso() == "2021-03-06");
    test::check_count(incidents[4].killed, {1}, "killed");
    test::check_count(incidents[5].wounded, {some}, "wounded");
    // A follow-on event with no place of its own happened where the one before did.
    CHECK(incidents[5].location_phrases == incidents[4].location_phrases);
}

TEST_CASE("incidents: dates written and relative", "[report][extract][date]") {
    struct Case {
        const char* bullet;
        const char* date;
        const char* basis;
    };
    const Case cases[] = {
        {"On March 2, 2021, ISIS operatives attacked a checkpoint in Hajin.", "2021-03-02", "explicit"},
        {"On March 2, ISIS operatives attacked a checkpoint in Hajin.", "2021-03-02", "explicit"},
        {"On 2 March 2021, ISIS operatives attacked a checkpoint in Hajin.", "2021-03-02", "explicit"},
        {"On Tuesday, ISIS operatives attacked a checkpoint in Hajin.", "2021-03-02", "relative"},
        {"Between March 2-4, 2021, ISIS operatives attacked checkpoints in Hajin.", "2021-03-02", "explicit"},
        {"ISIS operatives attacked a checkpoint in Hajin on March 3, 2021 (Telegram, March 4, 2021).", "2021-03-03",
         "explicit"},
    };
    for (const auto& c : cases) {
        const Incident i = only_incident(c.bullet);
        INFO(c.bullet);
        REQUIRE(i.date);
        CHECK(i.date->iso() == c.date);
        CHECK(i.date_basis == c.basis);
    }
    const Incident range = only_incident("Between March 2-4, 2021, ISIS operatives attacked checkpoints in Hajin.");
    REQUIRE(range.date_end);
    CHECK(range.date_end->iso() == "2021-03-04");

    // A year for a date written without one: the one nearest the report period.
    const ReportText r = read_report(
        "Northern Syria Weekly (December 28, 2020 \xE2\x80\x93 January 3, 2021)\n\nRaqqa area\n"
        "  \xE2\x80\xA2 On December 30, ISIS operatives attacked a checkpoint in Raqqa (Telegram, January 1).\n"
        "  \xE2\x80\xA2 On January 2, ISIS operatives attacked a checkpoint in Raqqa.\n",
        "years.txt", InputFormat::text);
    const auto inc = extract_incidents(r);
    REQUIRE(inc.size() == 2);
    CHECK(inc[0].date->iso() == "2020-12-30");
    CHECK(inc[0].source_date->iso() == "2021-01-01");
    CHECK(inc[1].date->iso() == "2021-01-02");
}

TEST_CASE("event types: keyword rules and their priority", "[report][extract][type]") {
    struct Case {
        const char* bullet;
        EventType type;
        std::vector<EventType> others;
    };
    using E = EventType;
    const Case cases[] = {
        {"On March 2, 2021, an IED exploded near an Iraqi army patrol, killing two soldiers.", E::ied, {}},
        {"On March 2, 2021, an IED was activated against an SDF vehicle 14 km north of Al-Mayadeen.", E::ied, {}},
        {"On March 2, 2021, ISIS operatives planted IEDs at the home of a police officer in Hit. The house was destroyed.",
         E::ied, {}},
        {"On March 2, 2021, a suicide bomber blew himself up at a checkpoint near Dibis.", E::suicide_attack, {}},
        {"On March 2, 2021, rebels shot down a Syrian army helicopter west of Aleppo with a missile.", E::shoot_down,
         {E::rocket_missile}},
        {"On March 2, 2021, Turkish warplanes bombed the village of Al-Arima.", E::airstrike_shelling, {}},
        {"On March 2, 2021, Turkish artillery shelled the outskirts of Manbij.", E::airstrike_shelling, {}},
        {"On March 2, 2021, three mortar shells were fired at the Iraqi police headquarters south of Daquq.", E::mortar, {}},
        {"On March 2, 2021, two Grad rockets were launched at a group of Shiites near Amerli.", E::rocket_missile, {}},
        {"On March 2, 2021, an Iraqi army camp was targeted by sniper fire.", E::sniper_fire, {}},
        {"On March 2, 2021, ISIS operatives kidnapped two shepherds west of Khanaqin.", E::abduction, {}},
        {"On March 2, 2021, an SDF fighter was taken prisoner near Hajin. He was interrogated and then executed.",
         E::abduction, {E::execution}},
        {"On March 2, 2021, ISIS operatives executed a man near Al-Hadar.", E::execution, {}},
        {"On March 2, 2021, Iraqi police arrested three ISIS operatives in Mosul.", E::arrest, {}},
        {"On March 2, 2021, Iraqi counterterrorism forces apprehended three ISIS operatives near Kirkuk.", E::arrest, {}},
        {"On March 2, 2021, the SDF took over the villages of Al-Jalaa and Al-Susah after heavy shelling.", E::takeover,
         {E::airstrike_shelling}},
        {"On March 2, 2021, the Syrian army captured the town of Saraqib.", E::takeover, {}},
        {"On March 2, 2021, ISIS operatives attacked an Iraqi police checkpoint southeast of Baqubah.", E::armed_attack, {}},
        {"On March 2, 2021, ISIS operatives attacked an SDF checkpoint with machine guns and RPGs.", E::armed_attack,
         {E::rocket_missile, E::gunfire}},
        {"On March 2, 2021, an SDF fighter was shot at and wounded east of Deir ez-Zor.", E::gunfire, {}},
        {"On March 2, 2021, an SDF vehicle was targeted by machine gun fire near Diban.", E::gunfire, {}},
        {"On March 2, 2021, about 400 families fled from the villages east of Hajin.", E::displacement, {}},
        {"On March 2, 2021, a Popular Mobilization force located ISIS guesthouses containing IEDs.", E::other, {}},
        {"On March 2, 2021, Iraqi police arrested an ISIS operative who had taken part in the abduction of Yazidi women.",
         E::arrest, {}},
    };
    for (const auto& c : cases) {
        const Incident i = only_incident(c.bullet);
        INFO(c.bullet);
        CHECK(std::string(to_string(i.type)) == to_string(c.type));
        std::vector<std::string> got, want;
        for (EventType t : i.other_types) got.emplace_back(to_string(t));
        for (EventType t : c.others) want.emplace_back(to_string(t));
        CHECK(got == want);
    }
    for (EventType t : {E::ied, E::sniper_fire, E::gunfire, E::rocket_missile, E::mortar, E::armed_attack,
                        E::suicide_attack, E::airstrike_shelling, E::arrest, E::abduction, E::execution, E::takeover,
                        E::shoot_down, E::displacement, E::other}) {
        CHECK(event_type_from_string(to_string(t)) == t);
    }
    CHECK_FALSE(event_type_from_string("bombing"));
}

TEST_CASE("actors: canonical perpetrator and target", "[report][extract][actor]") {
    struct Case {
        const char* heading;
        const char* bullet;
        const char* perpetrator;
        const char* basis;
        const char* target;
    };
    const Case cases[] = {
        {"Idlib region", "On March 2, 2021, fighters of the Headquarters for the Liberation of Al-Sham attacked Syrian army positions near Saraqib.",
         "HTS", "text", "Syrian army"},
        {"Idlib region", "On March 2, 2021, operatives of the National Liberation Front shot down a Syrian army helicopter west of Aleppo.",
         "National Liberation Front", "text", "Syrian army"},
        {"Al-Raqqah area", "On March 2, 2021, an IED planted by ISIS in an SDF gas station south of Raqqa was activated.",
         "ISIS", "text", "SDF"},
        {"Diyala Province", "On March 2, 2021, ISIS operatives took a Popular Mobilization fighter prisoner near Baqubah.",
         "ISIS", "text", "Popular Mobilization"},
        {"Manbij area", "On March 2, 2021, a Turkish drone struck an SDF vehicle near Manbij.", "Turkish forces", "text", "SDF"},
        {"Salah al-Din Province", "On March 2, 2021, the International Coalition carried out an airstrike against an ISIS cell near Samarra.",
         "International Coalition", "text", "ISIS"},
        {"Aleppo front", "On March 2, 2021, missiles were launched from Russian warships at the village of Anjara.",
         "Russian forces", "text", ""},
        {"Nineveh Province", "On March 2, 2021, Iraqi security forces apprehended an ISIS operative in western Mosul.",
         "Iraqi security forces", "text", "ISIS"},
        {"Kirkuk Province", "On March 2, 2021, ISIS operatives attacked the homes of PMF fighters in Hawija.",
         "ISIS", "text", "Popular Mobilization"},
        // Nobody named: the section's actor, from its heading.
        {"ISIS activity in Iraq", "On March 2, 2021, an Iraqi army camp near Baqubah was targeted by sniper fire.",
         "ISIS", "section", "Iraqi army"},
        {"ISIS activity in Iraq", "On March 2, 2021, two rockets were fired at a group of Shiites near Amerli.",
         "ISIS", "section", "civilians"},
        // Bare "police" in an Iraqi section is the Iraqi police.
        {"The Iraqi arena", "On March 2, 2021, gunmen attacked a police station south of Kirkuk.", "", "", "Iraqi police"},
        {"Deir ez-Zor Province", "On March 2, 2021, an SDF vehicle hit a landmine west of Albukamal.", "", "", "SDF"},
    };
    for (const auto& c : cases) {
        const Incident i = only_incident(c.bullet, c.heading);
        INFO(c.heading << " | " << c.bullet);
        CHECK(i.perpetrator == c.perpetrator);
        CHECK(i.perpetrator_basis == c.basis);
        CHECK(i.target == c.target);
    }
}

TEST_CASE("casualties: digits, words and the forms reports use", "[report][extract][casualties]") {
    struct Case {
        const char* sentence;
        Count killed, wounded, kow;
    };
    const Case cases[] = {
        {"Two SDF fighters were killed and another was wounded.", {2}, {1}, {none}},
        {"One soldier was killed and another was wounded.", {1}, {1}, {none}},
        {"Five passengers were killed or wounded.", {none}, {none}, {5}},
        {"At least 10 of them were killed or wounded.", {none}, {none}, {10, true}},
        {"Five soldiers were killed and several others were wounded.", {5}, {some}, {none}},
        {"The fighter was killed.", {1}, {none}, {none}},
        {"The \xE2\x80\x9C" "agent\xE2\x80\x9D was killed.", {1}, {none}, {none}},
        {"A total of 10 ISIS operatives were killed.", {10}, {none}, {none}},
        {"Iraqi forces apprehended three operatives.", {none}, {none}, {none}},
        {"The passengers were killed or wounded.", {none}, {none}, {some}},
        {"He was interrogated and then executed.", {1}, {none}, {none}},
        {"He was executed. A Shiite was taken prisoner in the same place and was also executed.", {2}, {none}, {none}},
        {"A woman and her son were wounded.", {none}, {2}, {none}},
        {"A drone struck the car, killing two fighters.", {2}, {none}, {none}},
        {"Three people were killed and at least twelve were wounded.", {3}, {12, true}, {none}},
        {"The two passengers, SDF commanders, were killed.", {2}, {none}, {none}},
        {"Two bodies had been found.", {2}, {none}, {none}},
        {"The bodies of the two shepherds were found the next day.", {2}, {none}, {none}},
        {"Eleven fighters were killed in the clashes.", {11}, {none}, {none}},
        {"Twenty-five civilians were wounded.", {none}, {25}, {none}},
        {"ISIS operatives shot dead a shepherd.", {1}, {none}, {none}},
        {"He was shot and killed.", {1}, {none}, {none}},
        {"No casualties were reported.", {none}, {none}, {none}},
        {"The station was damaged and the command post was destroyed.", {none}, {none}, {none}},
        {"On March 10, 2021, SDF fighters were killed.", {some}, {none}, {none}},
        {"The attack left 3 dead and 7 wounded.", {3}, {7}, {none}},
    };
    for (const auto& c : cases) {
        INFO(c.sentence);
        const auto got = casualties_of(c.sentence);
        test::check_count(got.killed, c.killed, "killed");
        test::check_count(got.wounded, c.wounded, "wounded");
        test::check_count(got.killed_or_wounded, c.kow, "killed_or_wounded");
    }
    // Summed over an incident's sentences.
    const Incident i = only_incident(
        "On March 2, 2021, a member of the Kaka\xE2\x80\x99i community was targeted by sniper fire west of Khanaqin. "
        "He was killed and his vehicle was set on fire. When a force arrived, it was targeted by machine gun fire. At "
        "least 10 of them were killed or wounded (Telegram, March 3, 2021).");
    test::check_count(i.killed, {1}, "killed");
    test::check_count(i.killed_or_wounded, {10, true}, "killed_or_wounded");
    CHECK(i.target == "civilians");
}

TEST_CASE("sources: the first citation of the incident", "[report][extract][source]") {
    const Incident a = only_incident("On March 2, 2021, ISIS attacked Hajin (Telegram, March 2, 2021).");
    CHECK(a.source == "Telegram");
    CHECK(a.source_date->iso() == "2021-03-02");
    const Incident b = only_incident(
        "On March 2, 2021, the NLF shot down a helicopter (Twitter account of the National Liberation Front, "
        "@alwataniaTahrer, March 2, 2021). The army confirmed it (Syrian Observatory for Human Rights, March 3, 2021).");
    CHECK(b.source == "Twitter account of the National Liberation Front, @alwataniaTahrer");
    CHECK(b.source_date->iso() == "2021-03-02");
    const Incident c = only_incident("On March 2, 2021, ISIS attacked Hajin (Reuters; Sputnik, March 3, 2021).");
    CHECK(c.source == "Reuters; Sputnik");
    const Incident d = only_incident("On March 2, 2021, ISIS attacked Hajin (February 28 \xE2\x80\x93 March 2, 2021).");
    CHECK(d.source.empty());  // a date aside, not a citation
    const Incident e = only_incident("On March 2, 2021, ISIS attacked Hajin.");
    CHECK(e.source.empty());
    CHECK_FALSE(e.source_date);
}

TEST_CASE("location phrases: compact phrases, best first, no false places", "[report][extract][location]") {
    struct Case {
        const char* bullet;
        std::vector<std::string> phrases;
    };
    const Case cases[] = {
        {"On March 2, 2021, ISIS operatives attacked a liquor store in Al-Rasafah, 40 km southwest of Al-Raqqah. The "
         "ISIS operatives exchanged fire with the Syrian army (Telegram, March 2, 2021).",
         {"in Al-Rasafah, 40 km southwest of Al-Raqqah"}},
        {"On March 2, 2021, a member of the Kaka\xE2\x80\x99i community (an ancient community whose believers live in "
         "northern Iraq) was targeted by sniper fire. The shots were fired from west of Khanaqin, about 100 km "
         "northeast of Baqubah (Telegram, March 3, 2021).",
         {"west of Khanaqin, about 100 km northeast of Baqubah"}},
        {"On March 2, 2021, an SDF vehicle was targeted by machine gun fire on the road leading to the Al-Omar oil "
         "field, about 20 km northeast of Al-Mayadeen (Telegram, March 3, 2021).",
         {"on the road leading to the Al-Omar oil field, about 20 km northeast of Al-Mayadeen"}},
        {"On March 2, 2021, Iraqi counterterrorism forces apprehended three operatives in the Al-Baghdadi region, about "
         "10 km southeast of Kirkuk (SecMedCell Facebook page, March 2, 2021).",
         {"in the Al-Baghdadi region, about 10 km southeast of Kirkuk"}},
        {"On March 2, 2021, Iraqi security forces apprehended an ISIS operative in western Mosul.", {"in western Mosul"}},
        {"On March 9, 2021, ISIS operatives attacked an SDF checkpoint near Hajin, while talks between Russia and "
         "Turkey continued in Ankara (Telegram, March 9, 2021).",
         {"near Hajin"}},
        {"On March 2, 2021, the Syrian army took over Jam\xE2\x80\x99iyyat al-Zahra, Anjara and dozens of villages west "
         "and northwest of Aleppo (SANA, March 2, 2021).",
         {"Jam\xE2\x80\x99iyyat al-Zahra", "Anjara", "west and northwest of Aleppo"}},
        {"On March 2, 2021, the Syrian army took over Aleppo\xE2\x80\x99s western neighborhoods. The army also took over "
         "dozens of villages in the area west and northwest of the city.",
         {"Aleppo\xE2\x80\x99s western neighborhoods", "west and northwest of Aleppo"}},
    };
    for (const auto& c : cases) {
        const Incident i = only_incident(c.bullet, "Some area");
        INFO(c.bullet);
        CHECK(i.location_phrases == c.phrases);
        for (const auto& p : i.location_phrases) {
            CHECK(p.find("Telegram") == std::string::npos);
            CHECK(p.find("SDF") == std::string::npos);
            CHECK(p.find("Russia") == std::string::npos);
        }
    }
    // Nothing but the section heading places it: the heading, when it names an area.
    const Incident h = only_incident("On March 2, 2021, police apprehended seven ISIS operatives.", "Nineveh Province");
    CHECK(h.location_phrases == std::vector<std::string>{"Nineveh Province"});
    const Incident t = only_incident("On March 2, 2021, police apprehended seven ISIS operatives.", "Arrests this week");
    CHECK(t.location_phrases.empty());
}

TEST_CASE("incidents: sections and their hierarchy", "[report][extract]") {
    const ReportText r = read_report(report_fixture("weekly-iraq-2021-02-26.txt"));
    const auto incidents = extract_incidents(r);
    const Incident* sniper = test::find_incident(incidents, "On March 2, 2021, an Iraqi police checkpoint");
    REQUIRE(sniper);
    CHECK(sniper->section == "Diyala Province");
    CHECK(sniper->section_path ==
          std::vector<std::string>{"The Iraqi arena", "ISIS activity", "Diyala Province"});
    CHECK(sniper->perpetrator == "ISIS");
    CHECK(sniper->perpetrator_basis == "section");
    const Incident* arrest = test::find_incident(incidents, "On March 1, 2021, Iraqi army forces apprehended");
    REQUIRE(arrest);
    CHECK(arrest->section_path == std::vector<std::string>{"The Iraqi arena",
                                                           "Counterterrorist activities by the Iraqi security forces",
                                                           "Salah al-Din Province"});
}

TEST_CASE("incidents: ids are stable and depend on the file name and the text", "[report][extract][id]") {
    const std::string text = test::read_file(report_fixture("weekly-euphrates-2021-03-05.txt"));
    const auto a = extract_incidents(read_report(text, "/data/a/weekly.txt", InputFormat::text));
    const auto b = extract_incidents(read_report(text, "/other/dir/weekly.txt", InputFormat::text));
    const auto c = extract_incidents(read_report(text, "/data/a/renamed.txt", InputFormat::text));
    REQUIRE_FALSE(a.empty());
    REQUIRE(a.size() == b.size());
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].id == b[i].id);  // re-runs and other directories: the same ids
        CHECK(a[i].id != c[i].id);  // another report file: other ids
        ids.push_back(a[i].id);
    }
    std::sort(ids.begin(), ids.end());
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());  // unique in the report
    // Whitespace does not change an id; the words do.
    const auto one = only_incident("On March 2, 2021, ISIS attacked   Hajin.");
    const auto two = only_incident("On March 2, 2021, ISIS attacked Hajin.");
    const auto three = only_incident("On March 2, 2021, ISIS attacked Albukamal.");
    CHECK(one.id == two.id);
    CHECK(one.id != three.id);
    // The same bullet twice: distinct ids.
    const auto twice = extract_incidents(report_of("Diyala Province", {"On March 2, 2021, ISIS attacked Hajin.",
                                                                        "On March 2, 2021, ISIS attacked Hajin."}));
    REQUIRE(twice.size() == 2);
    CHECK(twice[0].id != twice[1].id);
}

TEST_CASE("extract_incidents: odd text never throws", "[report][extract][robust]") {
    SECTION("a ReportText built by hand, with offsets that do not fit") {
        ReportText r;
        r.path = "hand.txt";
        r.text = "short";
        ReportBlock b;
        b.kind = ReportBlock::Kind::bullet;
        b.text = "On March 2, 2021, ISIS operatives attacked a checkpoint in Hajin (Telegram, March 2, 2021).";
        b.offset = 1000;
        b.end = 5;
        r.blocks.push_back(b);
        ReportBlock empty;
        r.blocks.push_back(empty);
        ReportBlock heading;
        heading.kind = ReportBlock::Kind::heading;
        heading.level = 99;
        heading.text = "Diyala Province";
        r.blocks.push_back(heading);
        std::vector<Incident> got;
        CHECK_NOTHROW(got = extract_incidents(r));
        REQUIRE(got.size() == 1);
        CHECK(got[0].text == b.text);
        CHECK(got[0].type == EventType::armed_attack);
    }
    SECTION("random words, brackets and dates") {
        std::mt19937 rng(20210305);
        const std::vector<std::string> words{
            "On", "March", "2,", "2021,", "ISIS", "attacked", "(", ")", "[", "]", "killed", "wounded", "of", "the", "and",
            "Hajin", "km", "north", "14", "\xE2\x80\xA2", "\n", ".", "\xE2\x80\x9C", "\xC3", "two", "a day earlier", "In addition,",
            "Telegram,", "at least", "were", "was", "IED", "village", "took over", "including", "the city", "\xF0\x9F\x92\xA3"};
        for (int round = 0; round < 200; ++round) {
            std::string text;
            const int n = static_cast<int>(rng() % 400);
            for (int k = 0; k < n; ++k) text += words[rng() % words.size()] + " ";
            const std::string sanitized = reckon::test::squash(text);
            ReportText r;
            try {
                r = read_report(text, "random.txt", InputFormat::text);
            } catch (const InputError&) {
                continue;  // empty or invalid UTF-8: the reader says so
            }
            std::vector<Incident> got;
            REQUIRE_NOTHROW(got = extract_incidents(r));
            test::check_incident_positions(r, got);
        }
    }
    SECTION("a long dated paragraph without sentence ends") {
        std::string text = "On March 2, 2021, ISIS operatives attacked a checkpoint in Hajin";
        while (text.size() < (2u << 20)) text += " and then moved on along the river road toward Albukamal (Telegram";
        const ReportText r = read_report(text, "long.txt", InputFormat::text);
        std::vector<Incident> got;
        REQUIRE_NOTHROW(got = extract_incidents(r));
        REQUIRE(got.size() == 1);
        CHECK(got[0].location_phrases.size() <= 8);
    }
}
