// The phrasings the product must understand (issue 3), one group per kind,
// with every field that matters checked.

#include "reckon/phrase.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace reckon;
using Catch::Matchers::WithinAbs;

namespace {

/// The single constraint of @p text (fails the test if there is not exactly one).
Constraint only(const std::string& text) {
    const ParsedPhrase p = parse_phrase(text);
    INFO(text);
    REQUIRE(p.constraints.size() == 1);
    return p.constraints.front();
}

std::vector<std::string> names(const Constraint& c) {
    std::vector<std::string> out;
    for (const auto& a : c.anchors) out.push_back(a.name);
    return out;
}

bool has_message_containing(const ParsedPhrase& p, const std::string& needle) {
    for (const auto& m : p.messages) {
        if (m.find(needle) != std::string::npos) return true;
    }
    return false;
}

} // namespace

TEST_CASE("phrase: distance, direction and anchor", "[phrase]") {
    SECTION("14 km north of Al-Mayadeen") {
        const Constraint c = only("14 km north of Al-Mayadeen");
        CHECK(c.relation == Relation::offset);
        CHECK(names(c) == std::vector<std::string>{"Al-Mayadeen"});
        REQUIRE(c.distance);
        CHECK(c.distance->value_m == 14000.0);
        CHECK(c.distance->unit == "km");
        CHECK(c.distance->unit_m == 1000.0);
        CHECK(c.distance->qualifier == DistanceQualifier::exact);
        CHECK(c.distance->decimals == 0);
        CHECK_FALSE(c.distance->from_words);
        CHECK_FALSE(c.distance->is_range);
        CHECK(std::isnan(c.distance->min_m));
        CHECK(c.distance->text == "14 km");
        REQUIRE(c.direction);
        CHECK(c.direction->azimuth_deg == 0.0);
        CHECK(c.direction->points == 4);
        CHECK(c.direction->text == "north of");
        CHECK(c.text == "14 km north of Al-Mayadeen");
    }
    SECTION("about 100 km northeast of Baqubah") {
        const Constraint c = only("about 100 km northeast of Baqubah");
        REQUIRE(c.distance);
        CHECK(c.distance->qualifier == DistanceQualifier::approximate);
        CHECK(c.distance->text == "about 100 km");
        CHECK(c.direction->azimuth_deg == 45.0);
        CHECK(c.direction->points == 8);
    }
    SECTION("some 30 kilometers southwest of Kirkuk") {
        const Constraint c = only("some 30 kilometers southwest of Kirkuk");
        CHECK(c.distance->value_m == 30000.0);
        CHECK(c.distance->qualifier == DistanceQualifier::approximate);
        CHECK(c.direction->azimuth_deg == 225.0);
    }
    SECTION("70kms north Raqqa city (no 'of')") {
        const Constraint c = only("70kms north Raqqa city");
        CHECK(c.relation == Relation::offset);
        CHECK(c.anchors[0].name == "Raqqa");
        CHECK(c.anchors[0].feature_hint == "city");
        CHECK(c.anchors[0].text == "Raqqa city");
        CHECK(c.distance->value_m == 70000.0);
        CHECK(c.direction->azimuth_deg == 0.0);
    }
    SECTION("116 km northeast Tikrit") {
        const Constraint c = only("116 km northeast Tikrit");
        CHECK(c.anchors[0].name == "Tikrit");
        CHECK(c.distance->value_m == 116000.0);
        CHECK(c.direction->azimuth_deg == 45.0);
    }
    SECTION("10 km to the south of Baiji town") {
        const Constraint c = only("10 km to the south of Baiji town");
        CHECK(c.anchors[0].name == "Baiji");
        CHECK(c.anchors[0].feature_hint == "town");
        CHECK(c.direction->azimuth_deg == 180.0);
        CHECK(c.direction->text == "to the south of");
    }
    SECTION("14 kilometers in the northeast of al-Salam district") {
        const Constraint c = only("14 kilometers in the northeast of al-Salam district");
        CHECK(c.anchors[0].name == "al-Salam");
        CHECK(c.anchors[0].feature_hint == "district");
        CHECK(c.distance->value_m == 14000.0);
        CHECK(c.direction->azimuth_deg == 45.0);
    }
    SECTION("located in the northwest of the capital Damascus about 14 km away from it") {
        const Constraint c = only("located in the northwest of the capital Damascus about 14 km away from it");
        CHECK(c.relation == Relation::offset);
        CHECK(c.anchors[0].name == "Damascus");
        CHECK(c.anchors[0].feature_hint == "capital");
        CHECK(c.anchors[0].text == "the capital Damascus");
        REQUIRE(c.distance);
        CHECK(c.distance->value_m == 14000.0);
        CHECK(c.distance->qualifier == DistanceQualifier::approximate);
        CHECK(c.direction->azimuth_deg == 315.0);
    }
    SECTION("(25 Km northwest of Baqubah)") {
        const Constraint c = only("(25 Km northwest of Baqubah)");
        CHECK(c.anchors[0].name == "Baqubah");
        CHECK(c.distance->value_m == 25000.0);
        CHECK(c.direction->azimuth_deg == 315.0);
    }
    SECTION("located 27 km western Qamshlo") {
        const Constraint c = only("located 27 km western Qamshlo");
        CHECK(c.relation == Relation::offset);
        CHECK(c.anchors[0].name == "Qamshlo");
        CHECK(c.distance->value_m == 27000.0);
        CHECK(c.direction->azimuth_deg == 270.0);
    }
}

TEST_CASE("phrase: units", "[phrase]") {
    struct Case {
        const char* text;
        double value_m;
        const char* unit;
    };
    const Case cases[] = {
        {"5 km north of Hit", 5000.0, "km"},          {"5 kms north of Hit", 5000.0, "km"},
        {"5 KM north of Hit", 5000.0, "km"},          {"5 Km north of Hit", 5000.0, "km"},
        {"5 kilometer north of Hit", 5000.0, "km"},   {"5 kilometers north of Hit", 5000.0, "km"},
        {"5 kilometre north of Hit", 5000.0, "km"},   {"5 kilometres north of Hit", 5000.0, "km"},
        {"500 m north of Hit", 500.0, "m"},           {"500 meters north of Hit", 500.0, "m"},
        {"500 metres north of Hit", 500.0, "m"},      {"500 meter north of Hit", 500.0, "m"},
        {"5 miles north of Hit", 5.0 * 1609.344, "mi"}, {"1 mile north of Hit", 1609.344, "mi"},
        {"5 mi north of Hit", 5.0 * 1609.344, "mi"},  {"5km north of Hit", 5000.0, "km"},
        {"a kilometer north of Hit", 1000.0, "km"},   {"10-km north of Hit", 10000.0, "km"}};
    for (const auto& c : cases) {
        INFO(c.text);
        const Constraint k = only(c.text);
        REQUIRE(k.distance);
        CHECK_THAT(k.distance->value_m, WithinAbs(c.value_m, 1e-6));
        CHECK(k.distance->unit == c.unit);
    }
}

TEST_CASE("phrase: two figures for one distance", "[phrase]") {
    SECTION("50 kilometers, or 31 miles: consistent, the first is used") {
        const ParsedPhrase p = parse_phrase("50 kilometers, or 31 miles, north of Baghdad");
        REQUIRE(p.constraints.size() == 1);
        CHECK(p.constraints[0].distance->value_m == 50000.0);
        CHECK(p.constraints[0].anchors[0].name == "Baghdad");
        CHECK(p.messages.empty());
    }
    SECTION("35 kilometres (23 miles)") {
        const ParsedPhrase p = parse_phrase("35 kilometres (23 miles) northeast of Baquba");
        REQUIRE(p.constraints.size() == 1);
        CHECK(p.constraints[0].distance->value_m == 35000.0);
        CHECK(p.constraints[0].distance->text == "35 kilometres (23 miles)");
        CHECK(p.messages.empty());
    }
    SECTION("a second figure that disagrees by more than 10% gives a message") {
        const ParsedPhrase p = parse_phrase("400 km (350 miles) northwest of Baghdad");
        REQUIRE(p.constraints.size() == 1);
        CHECK(p.constraints[0].distance->value_m == 400000.0);
        CHECK(has_message_containing(p, "350 miles"));
    }
}

TEST_CASE("phrase: numbers in words, decimals and ranges", "[phrase]") {
    SECTION("number words") {
        CHECK(only("eight kilometers east of Hit").distance->value_m == 8000.0);
        CHECK(only("eight kilometers east of Hit").distance->from_words);
        CHECK(only("sixteen kilometers east of Hit").distance->value_m == 16000.0);
        CHECK(only("twenty-five kilometers east of Hit").distance->value_m == 25000.0);
        CHECK(only("twenty five kilometers east of Hit").distance->value_m == 25000.0);
        CHECK(only("a hundred kilometers east of Hit").distance->value_m == 100000.0);
        CHECK(only("one hundred and fifty km east of Hit").distance->value_m == 150000.0);
        CHECK(only("two thousand metres east of Hit").distance->value_m == 2000.0);
        CHECK(only("one and a half km east of Hit").distance->value_m == 1500.0);
        CHECK(only("half a kilometer east of Hit").distance->value_m == 500.0);
    }
    SECTION("decimals") {
        const Constraint c = only("1.5 km north of Tikrit");
        CHECK(c.distance->value_m == 1500.0);
        CHECK(c.distance->decimals == 1);
        const Constraint comma = only("1,5 km north of Tikrit");
        CHECK(comma.distance->value_m == 1500.0);
        CHECK(comma.distance->decimals == 1);
        CHECK(only("1,500 m north of Tikrit").distance->value_m == 1500.0);
        CHECK(only("1,500 m north of Tikrit").distance->decimals == 0);
        CHECK(only("2.25 km north of Tikrit").distance->decimals == 2);
    }
    SECTION("ranges") {
        const Constraint c = only("6-7 km east of Mosul");
        REQUIRE(c.distance);
        CHECK(c.distance->is_range);
        CHECK(c.distance->min_m == 6000.0);
        CHECK(c.distance->max_m == 7000.0);
        CHECK(c.distance->value_m == 6500.0);
        const Constraint dash = only("8–10 miles north of Mosul");
        CHECK(dash.distance->is_range);
        CHECK_THAT(dash.distance->min_m, WithinAbs(8 * 1609.344, 1e-6));
        CHECK_THAT(dash.distance->max_m, WithinAbs(10 * 1609.344, 1e-6));
        CHECK_THAT(dash.distance->value_m, WithinAbs(9 * 1609.344, 1e-6));
        const Constraint between = only("between 5 and 10 km north of Kirkuk");
        CHECK(between.relation == Relation::offset);
        CHECK(between.distance->is_range);
        CHECK(between.distance->value_m == 7500.0);
        CHECK(only("5 to 10 km north of Kirkuk").distance->is_range);
        CHECK(only("5 km to 10 km north of Kirkuk").distance->max_m == 10000.0);
    }
}

TEST_CASE("phrase: distance qualifiers", "[phrase]") {
    struct Case {
        const char* qualifier;
        DistanceQualifier expected;
    };
    const Case cases[] = {
        {"about", DistanceQualifier::approximate},        {"approximately", DistanceQualifier::approximate},
        {"approx.", DistanceQualifier::approximate},      {"approx", DistanceQualifier::approximate},
        {"some", DistanceQualifier::approximate},         {"roughly", DistanceQualifier::approximate},
        {"around", DistanceQualifier::approximate},       {"nearly", DistanceQualifier::approximate},
        {"almost", DistanceQualifier::approximate},       {"close to", DistanceQualifier::approximate},
        {"an estimated", DistanceQualifier::approximate}, {"over", DistanceQualifier::at_least},
        {"more than", DistanceQualifier::at_least},       {"at least", DistanceQualifier::at_least},
        {"less than", DistanceQualifier::at_most},        {"up to", DistanceQualifier::at_most},
        {"under", DistanceQualifier::at_most},            {"within", DistanceQualifier::at_most},
        {"no more than", DistanceQualifier::at_most}};
    for (const auto& c : cases) {
        const std::string text = std::string(c.qualifier) + " 20 km south of Mosul";
        INFO(text);
        const Constraint k = only(text);
        REQUIRE(k.distance);
        CHECK(k.distance->qualifier == c.expected);
        CHECK(k.distance->value_m == 20000.0);
        CHECK(k.anchors[0].name == "Mosul");
    }
    SECTION("a few / several: no number") {
        const Constraint few = only("a few kilometers north of Sinjar");
        REQUIRE(few.distance);
        CHECK(few.distance->qualifier == DistanceQualifier::few);
        CHECK(std::isnan(few.distance->value_m));
        CHECK(few.distance->unit == "km");
        const Constraint several = only("several kilometers north of Sinjar");
        CHECK(several.distance->qualifier == DistanceQualifier::several);
        CHECK(std::isnan(several.distance->value_m));
        const Constraint hundreds = only("a few hundred meters north of Sinjar");
        CHECK(hundreds.distance->qualifier == DistanceQualifier::few);
        CHECK(hundreds.distance->unit_m == 100.0);
    }
}

TEST_CASE("phrase: every written form of a direction", "[phrase]") {
    struct Case {
        const char* direction;
        double azimuth_deg;
        int points;
    };
    const Case cases[] = {
        {"north of", 0.0, 4},           {"northeast of", 45.0, 8},        {"north-east of", 45.0, 8},
        {"north east of", 45.0, 8},     {"NE of", 45.0, 8},               {"N.E. of", 45.0, 8},
        {"northeastern of", 45.0, 8},   {"north-eastern of", 45.0, 8},    {"western of", 270.0, 4},
        {"to the north of", 0.0, 4},    {"in the north of", 0.0, 4},      {"north-northeast of", 22.5, 16},
        {"NNE of", 22.5, 16},           {"east-southeast of", 112.5, 16}, {"ESE of", 112.5, 16},
        {"south of", 180.0, 4},         {"southwest of", 225.0, 8},       {"south-west of", 225.0, 8},
        {"west of", 270.0, 4},          {"northwest of", 315.0, 8},       {"north-northwest of", 337.5, 16},
        {"SSW of", 202.5, 16},          {"to the north-east of", 45.0, 8}, {"North of", 0.0, 4},
        {"south east of", 135.0, 8},    {"east of", 90.0, 4},             {"W of", 270.0, 4}};
    for (const auto& c : cases) {
        const std::string text = std::string("12 km ") + c.direction + " Kirkuk";
        INFO(text);
        const Constraint k = only(text);
        CHECK(k.relation == Relation::offset);
        CHECK(k.anchors[0].name == "Kirkuk");
        REQUIRE(k.direction);
        CHECK(k.direction->azimuth_deg == c.azimuth_deg);
        CHECK(k.direction->points == c.points);
    }
}

TEST_CASE("phrase: direction without distance", "[phrase]") {
    for (const char* text : {"south of Kirkuk", "the region west of Kirkuk", "in southwest of Kirkuk", "southwest Kirkuk"}) {
        INFO(text);
        const Constraint c = only(text);
        CHECK(c.relation == Relation::offset);
        CHECK(c.anchors[0].name == "Kirkuk");
        CHECK_FALSE(c.distance);
        CHECK(c.direction);
    }
    CHECK(only("the region west of Aleppo").direction->azimuth_deg == 270.0);
}

TEST_CASE("phrase: distance without direction", "[phrase]") {
    const Constraint from = only("30 km from Kirkuk");
    CHECK(from.relation == Relation::offset);
    CHECK(from.distance->value_m == 30000.0);
    CHECK_FALSE(from.direction);
    const Constraint away = only("9 KM away from Damascus");
    CHECK(away.relation == Relation::offset);
    CHECK(away.anchors[0].name == "Damascus");
    CHECK(away.distance->value_m == 9000.0);
    const Constraint within = only("within 20 km of Kirkuk");
    CHECK(within.relation == Relation::within);
    CHECK(within.distance->qualifier == DistanceQualifier::at_most);
    CHECK(within.distance->value_m == 20000.0);
}

TEST_CASE("phrase: places and parts of places", "[phrase]") {
    const Constraint in = only("in Al-Hawaij");
    CHECK(in.relation == Relation::at);
    CHECK(in.anchors[0].name == "Al-Hawaij");

    const Constraint western = only("in western Mosul");
    CHECK(western.relation == Relation::part);
    CHECK(western.anchors[0].name == "Mosul");
    CHECK(western.direction->azimuth_deg == 270.0);
    CHECK(western.part.empty());

    const Constraint outskirts = only("the northern outskirts of Baqubah");
    CHECK(outskirts.relation == Relation::part);
    CHECK(outskirts.part == "outskirts");
    CHECK(outskirts.direction->azimuth_deg == 0.0);

    const Constraint entrance = only("at the northern entrance to Deir Ezzor");
    CHECK(entrance.relation == Relation::part);
    CHECK(entrance.part == "entrance");
    CHECK(entrance.anchors[0].name == "Deir Ezzor");
    CHECK(entrance.direction->azimuth_deg == 0.0);

    CHECK(only("near Albukamal").relation == Relation::near);
    CHECK(only("in the area of Amerli").relation == Relation::near);
    CHECK(only("in the area of Amerli").anchors[0].name == "Amerli");
    CHECK(only("the outskirts of Kirkuk").relation == Relation::near);

    const Constraint province = only("in the Diyala Province");
    CHECK(province.relation == Relation::region);
    CHECK(province.anchors[0].name == "Diyala");
    CHECK(province.anchors[0].feature_hint == "province");

    const Constraint valley = only("in the Euphrates Valley");
    CHECK(valley.relation == Relation::region);
    CHECK(valley.anchors[0].name == "Euphrates Valley");
    CHECK(valley.anchors[0].kind == AnchorKind::place);

    const Constraint countryside = only("the countryside east of Deir Ezzor");
    CHECK(countryside.relation == Relation::offset);
    CHECK(countryside.part == "countryside");
    CHECK(countryside.direction->azimuth_deg == 90.0);
    CHECK(countryside.anchors[0].name == "Deir Ezzor");

    for (const char* text : {"the countryside of Idlib", "Idlib countryside", "in the Idlib countryside"}) {
        INFO(text);
        const Constraint c = only(text);
        CHECK(c.relation == Relation::region);
        CHECK(c.part == "countryside");
        CHECK(c.anchors[0].name == "Idlib");
    }
}

TEST_CASE("phrase: two or more anchors", "[phrase]") {
    const Constraint between = only("between Hasakah and Deir ez-Zor");
    CHECK(between.relation == Relation::between);
    CHECK(names(between) == std::vector<std::string>{"Hasakah", "Deir ez-Zor"});
    CHECK_FALSE(between.midway);

    const Constraint midway = only("midway between Baghdad and Mosul");
    CHECK(midway.relation == Relation::between);
    CHECK(midway.midway);
    CHECK(names(midway) == std::vector<std::string>{"Baghdad", "Mosul"});

    const Constraint road = only("on the road between Aleppo and Azaz");
    CHECK(road.relation == Relation::road);
    CHECK(names(road) == std::vector<std::string>{"Aleppo", "Azaz"});

    for (const char* text : {"on the Daquq – Tuz Khurmatu road", "on the Daquq - Tuz Khurmatu road",
                             "on the Daquq-Tuz Khurmatu road", "on the road from Daquq to Tuz Khurmatu"}) {
        INFO(text);
        const Constraint c = only(text);
        CHECK(c.relation == Relation::road);
        CHECK(names(c) == std::vector<std::string>{"Daquq", "Tuz Khurmatu"});
    }

    const Constraint towns = only("east of the towns of Nubl and al-Zahraa");
    CHECK(towns.relation == Relation::offset);
    CHECK(names(towns) == std::vector<std::string>{"Nubl", "al-Zahraa"});
    CHECK(towns.anchors[0].feature_hint == "town");
    CHECK(towns.anchors[1].feature_hint == "town");
    CHECK(towns.direction->azimuth_deg == 90.0);

    const Constraint three = only("the area separating Manbej, Al-Bab and Jarablus");
    CHECK(three.relation == Relation::between);
    CHECK(names(three) == std::vector<std::string>{"Manbej", "Al-Bab", "Jarablus"});
}

TEST_CASE("phrase: borders and rivers", "[phrase]") {
    const Constraint sy_tr = only("about 10 km east of the Syrian-Turkish border");
    CHECK(sy_tr.relation == Relation::offset);
    REQUIRE(sy_tr.anchors.size() == 1);
    CHECK(sy_tr.anchors[0].kind == AnchorKind::border);
    CHECK(sy_tr.anchors[0].countries == std::vector<std::string>{"SY", "TR"});
    CHECK(sy_tr.distance->value_m == 10000.0);
    CHECK(sy_tr.direction->azimuth_deg == 90.0);

    const Constraint tr_sy = only("35 km south of the Turkish-Syrian border");
    CHECK(tr_sy.anchors[0].kind == AnchorKind::border);
    CHECK(tr_sy.anchors[0].countries == std::vector<std::string>{"TR", "SY"});

    const Constraint iranian = only("near the Iranian border (8 km)");
    CHECK(iranian.relation == Relation::offset);
    CHECK(iranian.anchors[0].kind == AnchorKind::border);
    CHECK(iranian.anchors[0].countries == std::vector<std::string>{"IR"});
    REQUIRE(iranian.distance);
    CHECK(iranian.distance->value_m == 8000.0);

    const Constraint iq_tr = only("the Iraq–Turkey border");
    CHECK(iq_tr.anchors[0].kind == AnchorKind::border);
    CHECK(iq_tr.anchors[0].countries == std::vector<std::string>{"IQ", "TR"});

    const Constraint immediately = only("immediately south of the Syrian-Turkish border");
    CHECK(immediately.relation == Relation::offset);
    CHECK(immediately.direction->azimuth_deg == 180.0);
    CHECK(immediately.anchors[0].kind == AnchorKind::border);

    const Constraint river = only("30 kilometers west of the Euphrates");
    CHECK(river.anchors[0].kind == AnchorKind::river);
    CHECK(river.anchors[0].name == "Euphrates");

    struct CountryCase {
        const char* word;
        const char* code;
    };
    const CountryCase countries[] = {{"Syrian", "SY"},    {"Syria", "SY"},  {"Iraqi", "IQ"},   {"Iraq", "IQ"},
                                     {"Turkish", "TR"},   {"Turkey", "TR"}, {"Iranian", "IR"}, {"Iran", "IR"},
                                     {"Jordanian", "JO"}, {"Jordan", "JO"}, {"Lebanese", "LB"}, {"Lebanon", "LB"},
                                     {"Saudi", "SA"},     {"Kuwaiti", "KW"}, {"Israeli", "IL"}};
    for (const auto& c : countries) {
        const std::string text = std::string("5 km from the ") + c.word + " border";
        INFO(text);
        const Constraint k = only(text);
        CHECK(k.anchors[0].kind == AnchorKind::border);
        CHECK(k.anchors[0].countries == std::vector<std::string>{c.code});
    }
}

TEST_CASE("phrase: chains and named targets", "[phrase]") {
    SECTION("west of Khanaqin, about 100 km northeast of Baqubah") {
        const ParsedPhrase p = parse_phrase("west of Khanaqin, about 100 km northeast of Baqubah");
        CHECK_FALSE(p.target);
        REQUIRE(p.constraints.size() == 2);
        CHECK(p.constraints[0].relation == Relation::offset);
        CHECK(p.constraints[0].anchors[0].name == "Khanaqin");
        CHECK(p.constraints[1].anchors[0].name == "Baqubah");
        CHECK(p.constraints[1].distance->value_m == 100000.0);
    }
    SECTION("in Al-Hawaij, 4 km northeast of Al-Mayadeen") {
        const ParsedPhrase p = parse_phrase("in Al-Hawaij, 4 km northeast of Al-Mayadeen");
        REQUIRE(p.target);
        CHECK(p.target->name == "Al-Hawaij");
        REQUIRE(p.constraints.size() == 1);
        CHECK(p.constraints[0].anchors[0].name == "Al-Mayadeen");
    }
    SECTION("Babilan village, north of Muqdadiya northeast of Baquba") {
        const ParsedPhrase p = parse_phrase("Babilan village, north of Muqdadiya northeast of Baquba");
        REQUIRE(p.target);
        CHECK(p.target->name == "Babilan");
        CHECK(p.target->feature_hint == "village");
        REQUIRE(p.constraints.size() == 2);
        CHECK(p.constraints[0].anchors[0].name == "Muqdadiya");
        CHECK(p.constraints[0].direction->azimuth_deg == 0.0);
        CHECK(p.constraints[1].anchors[0].name == "Baquba");
        CHECK(p.constraints[1].direction->azimuth_deg == 45.0);
    }
    SECTION("the Syrian army took over Anjara, about 10 km west of Aleppo") {
        const ParsedPhrase p = parse_phrase("the Syrian army took over Anjara, about 10 km west of Aleppo");
        REQUIRE(p.target);
        CHECK(p.target->name == "Anjara");
        REQUIRE(p.constraints.size() == 1);
        CHECK(p.constraints[0].anchors[0].name == "Aleppo");
    }
    SECTION("in Al-Rasafah, 40 km southwest of Al-Raqqah") {
        const ParsedPhrase p = parse_phrase("in Al-Rasafah, 40 km southwest of Al-Raqqah");
        REQUIRE(p.target);
        CHECK(p.target->name == "Al-Rasafah");
        REQUIRE(p.constraints.size() == 1);
        CHECK(p.constraints[0].anchors[0].name == "Al-Raqqah");
    }
    SECTION("a report sentence: non-location capitalised words are ignored") {
        const ParsedPhrase p = parse_phrase("an IED was activated against an SDF vehicle 14 km north of Al-Mayadeen");
        CHECK_FALSE(p.target);
        REQUIRE(p.constraints.size() == 1);
        CHECK(p.constraints[0].anchors[0].name == "Al-Mayadeen");
        CHECK(p.constraints[0].text == "14 km north of Al-Mayadeen");
    }
}

TEST_CASE("phrase: anchor names without generic words", "[phrase]") {
    struct Case {
        const char* phrase;
        const char* name;
        const char* hint;
    };
    const Case cases[] = {
        {"10 km north of the capital Damascus", "Damascus", "capital"},
        {"10 km north of Kirkuk City", "Kirkuk", "city"},
        {"10 km north of the city of Aleppo", "Aleppo", "city"},
        {"10 km north of Baiji town", "Baiji", "town"},
        {"10 km north of al-Salam district", "al-Salam", "district"},
        {"10 km north of the multi-ethnic province of Kirkuk", "Kirkuk", "province"},
        {"10 km north of the Kurdistan Region capital Erbil", "Erbil", "capital"},
        {"10 km north of Deir ez-Zor", "Deir ez-Zor", ""},
        {"10 km north of Ras al-Ain", "Ras al-Ain", ""},
        {"10 km north of Abu Kamal", "Abu Kamal", ""},
        {"10 km north of Tal Abyad", "Tal Abyad", ""},
        {"10 km north of al-Boukamal", "al-Boukamal", ""},
        {"10 km north of Ras al Ain", "Ras al Ain", ""},
        {"10 km north of Jabal al-Zawiya", "Jabal al-Zawiya", ""},
        {"10 km north of the village of Kafr Nabl", "Kafr Nabl", "village"},
        {"10 km north of Hasakah Governorate", "Hasakah", "province"},
        {"10 km north of the Syrian city of Aleppo", "Aleppo", "city"},
        {"10 km north of the provincial capital, Baquba", "Baquba", "capital"}};
    for (const auto& c : cases) {
        INFO(c.phrase);
        const Constraint k = only(c.phrase);
        CHECK(k.anchors[0].name == c.name);
        CHECK(k.anchors[0].feature_hint == c.hint);
    }
}

TEST_CASE("phrase: Arabic script", "[phrase]") {
    const Constraint north = only("شمال الميادين");
    CHECK(north.relation == Relation::offset);
    CHECK(north.anchors[0].name == "الميادين");
    CHECK(north.direction->azimuth_deg == 0.0);
    const Constraint km = only("14 كم شمال الميادين");
    CHECK(km.distance->value_m == 14000.0);
    CHECK(km.anchors[0].name == "الميادين");
    const Constraint indic = only("١٤ كم شمال شرق الميادين");
    CHECK(indic.distance->value_m == 14000.0);
    CHECK(indic.direction->azimuth_deg == 45.0);
}

TEST_CASE("phrase: what is not understood is reported", "[phrase]") {
    const ParsedPhrase drive = parse_phrase("less than 10 minutes’ drive from Aleppo");
    REQUIRE(drive.unparsed.size() == 1);
    CHECK(drive.unparsed[0] == "less than 10 minutes’ drive");
    CHECK_FALSE(drive.messages.empty());
    REQUIRE(drive.constraints.size() == 1);
    CHECK(drive.constraints[0].relation == Relation::near);
    CHECK(drive.constraints[0].anchors[0].name == "Aleppo");

    const ParsedPhrase no_anchor = parse_phrase("in the south of the city");
    CHECK(no_anchor.constraints.empty());
    CHECK(no_anchor.unparsed == std::vector<std::string>{"in the south of the city"});
    CHECK_FALSE(no_anchor.messages.empty());

    const ParsedPhrase away = parse_phrase("less than 30 miles away");
    CHECK(away.constraints.empty());
    CHECK(away.unparsed.size() == 1);
}

TEST_CASE("phrase: absurd values parse, with a message", "[phrase]") {
    const ParsedPhrase far = parse_phrase("99999 km north of Baghdad");
    REQUIRE(far.constraints.size() == 1);
    CHECK(far.constraints[0].distance->value_m == 99999000.0);
    CHECK(far.constraints[0].anchors[0].name == "Baghdad");
    CHECK(has_message_containing(far, "99999 km"));

    const ParsedPhrase negative = parse_phrase("-5 km north of X");
    REQUIRE(negative.constraints.size() == 1);
    CHECK(negative.constraints[0].distance->value_m == -5000.0);
    CHECK(has_message_containing(negative, "negative"));

    const ParsedPhrase zero = parse_phrase("0 km north of Baghdad");
    REQUIRE(zero.constraints.size() == 1);
    CHECK(has_message_containing(zero, "zero"));

    const ParsedPhrase large = parse_phrase("2500 km north of Baghdad");
    CHECK(has_message_containing(large, "implausibly large"));

    CHECK(parse_phrase("").constraints.empty());
}

TEST_CASE("phrase: to_string names every enumerator", "[phrase]") {
    CHECK(std::string(to_string(DistanceQualifier::at_least)) == "at_least");
    CHECK(std::string(to_string(DistanceQualifier::several)) == "several");
    CHECK(std::string(to_string(AnchorKind::border)) == "border");
    CHECK(std::string(to_string(Relation::between)) == "between");
    CHECK(std::string(to_string(Relation::region)) == "region");
}

TEST_CASE("phrase: parties between countries are not a location", "[phrase][between]") {
    for (const char* text : {"talks between Russia and Turkey", "talks between Turkey and Iran",
                             "relations between Iraq and Syria", "the ceasefire between Turkey and Syria"}) {
        INFO(text);
        const ParsedPhrase p = parse_phrase(text);
        CHECK(p.constraints.empty());
        CHECK_FALSE(p.target);
    }
    CHECK(has_message_containing(parse_phrase("talks between Turkey and Iran"), "not a location"));
    // places between which something happened still are
    const Constraint c = only("between Hasakah and Deir ez-Zor");
    CHECK(c.relation == Relation::between);
    CHECK(names(c) == std::vector<std::string>{"Hasakah", "Deir ez-Zor"});
    CHECK(only("clashes between Hasakah and Deir ez-Zor").relation == Relation::between);
    CHECK(only("midway between Raqqa and Deir ez-Zor").midway);
    // "Russia" is no anchor in this region: no fuzzy village for it
    CHECK(parse_phrase("in Russia").constraints.empty());
}

TEST_CASE("phrase: a capitalised generic word may belong to the name", "[phrase][names]") {
    const Constraint sadr = only("Sadr City");
    REQUIRE(sadr.anchors.size() == 1);
    CHECK(sadr.anchors[0].name == "Sadr");
    CHECK(sadr.anchors[0].feature_hint == "city");
    CHECK(sadr.anchors[0].full_name == "Sadr City");
    CHECK(only("5 km north of Sadr City").anchors[0].full_name == "Sadr City");
    // lower case: the generic word only
    CHECK(only("70kms north Raqqa city").anchors[0].full_name.empty());
    CHECK(only("in Baiji town").anchors[0].full_name.empty());
    // "the city of X": the generic word comes first, no full name
    CHECK(only("the City of Samarra").anchors[0].full_name.empty());
}

TEST_CASE("phrase: a named part of a place keeps its place", "[phrase][names]") {
    for (const char* text : {"the Al-Tamim neighborhood of Ramadi", "in the Al-Tamim neighbourhood of Ramadi",
                             "the Hay al-Askari area of Fallujah"}) {
        INFO(text);
        const ParsedPhrase p = parse_phrase(text);
        REQUIRE(p.target);
        CHECK(p.target->feature_hint == (std::string(text).find("area") != std::string::npos ? "area" : "neighbourhood"));
        REQUIRE(p.constraints.size() == 1);
        CHECK(p.constraints[0].relation == Relation::at);
        REQUIRE(p.constraints[0].anchors.size() == 1);
    }
    const ParsedPhrase p = parse_phrase("the Al-Tamim neighborhood of Ramadi");
    CHECK(p.target->name == "Al-Tamim");
    CHECK(p.constraints[0].anchors[0].name == "Ramadi");
    // a neighbourhood with no "of": a place by itself
    const Constraint c = only("in the Adhamiyah neighborhood");
    CHECK(c.relation == Relation::at);
    CHECK(c.anchors[0].name == "Adhamiyah");
}

TEST_CASE("phrase: rivers", "[phrase][river]") {
    const Constraint on = only("on the Euphrates");
    CHECK(on.relation == Relation::part);
    CHECK(on.part == "bank");
    CHECK(on.anchors[0].kind == AnchorKind::river);
    // "on" is only for rivers: "on Kirkuk" is nothing
    CHECK(parse_phrase("on Kirkuk").constraints.empty());
    const Constraint west = only("30 kilometers west of the Euphrates");
    CHECK(west.relation == Relation::offset);
    CHECK(west.anchors[0].kind == AnchorKind::river);
    const Constraint valley = only("the Euphrates Valley");
    CHECK(valley.relation == Relation::region);
    CHECK(valley.anchors[0].kind == AnchorKind::place);
    CHECK(valley.anchors[0].feature_hint == "valley");
}
