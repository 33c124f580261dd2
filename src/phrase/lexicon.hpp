#pragma once
/// @file lexicon.hpp
/// The word tables of the phrase grammar. Each table is a named list of
/// words as reports write them; lookup() merges them into one sorted index
/// (built once, on first use) keyed by Token::key (ASCII lower case, hyphens
/// and apostrophes unified, Arabic alef forms unified).
///
/// Feature hints (Anchor::feature_hint) come from a closed set: city, town,
/// village, capital, province, district, subdistrict, region, area, camp,
/// neighbourhood, airport, base, oilfield, crossing, valley, desert, plain,
/// mountain, dam, lake.
/// Parts (Constraint::part) come from: outskirts, entrance, countryside,
/// side, bank, neighbourhoods, centre.

#include "reckon/phrase.hpp"

#include <cstdint>
#include <string_view>

namespace reckon::phrase {

/// Word classes (WordInfo::classes bits); a word may have several ("over" is a
/// qualifier, "capital" a generic word).
namespace word_class {
inline constexpr std::uint32_t direction = 1U << 0;    ///< "north", "NE", "north-eastern", "شمال"
inline constexpr std::uint32_t unit = 1U << 1;         ///< "km", "miles"
inline constexpr std::uint32_t time_unit = 1U << 2;    ///< "minutes", "hours" (travel times)
inline constexpr std::uint32_t number_word = 1U << 3;  ///< "eight", "twenty", "hundred"
inline constexpr std::uint32_t qualifier = 1U << 4;    ///< first word of a qualifier phrase ("about", "more")
inline constexpr std::uint32_t generic = 1U << 5;      ///< generic feature word ("city", "province")
inline constexpr std::uint32_t name_head = 1U << 6;    ///< generic word kept in the name ("Valley", "Dam")
inline constexpr std::uint32_t part = 1U << 7;         ///< part of a place ("outskirts", "countryside")
inline constexpr std::uint32_t country = 1U << 8;      ///< country name or adjective ("Syria", "Turkish")
inline constexpr std::uint32_t river = 1U << 9;        ///< a river known by its bare name ("Euphrates")
inline constexpr std::uint32_t particle = 1U << 10;    ///< free-standing name particle ("al", "bin")
inline constexpr std::uint32_t stop = 1U << 11;        ///< function words, months, weekdays: never in a name
inline constexpr std::uint32_t non_place = 1U << 12;   ///< capitalised words that are not places ("ISIS", "Kurdish")
inline constexpr std::uint32_t road = 1U << 13;        ///< "road", "highway"
inline constexpr std::uint32_t interaction = 1U << 14; ///< talks/relations between parties ("talks", "tensions")
} // namespace word_class

enum class DirectionForm : std::uint8_t {
    noun,         ///< "north", "northeast", "north-east", "شمال"
    adjective,    ///< "northern", "north-eastern"
    abbreviation  ///< "N", "NE", "N.E.", "NNE"
};

/// What the lexicon knows about one word.
struct WordInfo {
    std::uint32_t classes = 0;
    std::int8_t compass_point = -1;  ///< direction: 0..15 clockwise from north, 22.5° apart
    DirectionForm direction_form = DirectionForm::noun;
    std::int8_t unit = -1;           ///< unit: index into unit_words
    std::int8_t generic = -1;        ///< generic: index into generic_words
    std::int8_t name_head = -1;      ///< name_head: index into name_head_words
    std::int8_t part = -1;           ///< part: index into part_words
    std::int8_t country = -1;        ///< country: index into countries
    bool country_adjective = false;  ///< "Syrian" rather than "Syria"
    std::int16_t number = -1;        ///< number_word: its value
};

/// The merged index entry of @p key, or nullptr.
const WordInfo* lookup(std::string_view key);

// ---------------------------------------------------------------------------
// Directions
// ---------------------------------------------------------------------------

struct CompassPoint {
    std::string_view name;          ///< "north-northeast"
    std::string_view abbreviation;  ///< "nne"
};

/// The 16 compass points clockwise from north; point i lies at i × compass_step_deg.
/// Other written forms ("north-east", "northeastern", "N.E.", "north-north-east")
/// are derived from these when the index is built.
inline constexpr CompassPoint compass_points[16] = {
    {"north", "n"},           {"north-northeast", "nne"}, {"northeast", "ne"}, {"east-northeast", "ene"},
    {"east", "e"},            {"east-southeast", "ese"},  {"southeast", "se"}, {"south-southeast", "sse"},
    {"south", "s"},           {"south-southwest", "ssw"}, {"southwest", "sw"}, {"west-southwest", "wsw"},
    {"west", "w"},            {"west-northwest", "wnw"},  {"northwest", "nw"}, {"north-northwest", "nnw"}};
inline constexpr double compass_step_deg = 22.5;

/// Arabic direction words (all noun-like: "شمال الميادين" = north of al-Mayadeen).
struct ArabicDirection {
    std::string_view word;
    int compass_point;
};
inline constexpr ArabicDirection arabic_directions[] = {
    {"شمال", 0}, {"شمالي", 0}, {"شرق", 4}, {"شرقي", 4},
    {"جنوب", 8}, {"جنوبي", 8}, {"غرب", 12}, {"غربي", 12}};

// ---------------------------------------------------------------------------
// Distances
// ---------------------------------------------------------------------------

inline constexpr double metres_per_km = 1000.0;
inline constexpr double metres_per_mile = 1609.344;          ///< international mile (1959)
inline constexpr double metres_per_nautical_mile = 1852.0;   ///< international nautical mile
inline constexpr double metres_per_yard = 0.9144;
inline constexpr double metres_per_foot = 0.3048;

struct UnitWord {
    std::string_view word;    ///< as keyed ("kilometres")
    std::string_view symbol;  ///< normalised ("km")
    double metres;            ///< metres per unit
};
inline constexpr UnitWord unit_words[] = {
    {"km", "km", metres_per_km},          {"kms", "km", metres_per_km},
    {"k.m.", "km", metres_per_km},        {"klm", "km", metres_per_km},
    {"klms", "km", metres_per_km},        {"kilometer", "km", metres_per_km},
    {"kilometers", "km", metres_per_km},  {"kilometre", "km", metres_per_km},
    {"kilometres", "km", metres_per_km},  {"kilo-meters", "km", metres_per_km},
    {"m", "m", 1.0},                      {"meter", "m", 1.0},
    {"meters", "m", 1.0},                 {"metre", "m", 1.0},
    {"metres", "m", 1.0},                 {"mtr", "m", 1.0},
    {"mtrs", "m", 1.0},                   {"mi", "mi", metres_per_mile},
    {"mile", "mi", metres_per_mile},      {"miles", "mi", metres_per_mile},
    {"yd", "yd", metres_per_yard},        {"yds", "yd", metres_per_yard},
    {"yard", "yd", metres_per_yard},      {"yards", "yd", metres_per_yard},
    {"ft", "ft", metres_per_foot},        {"foot", "ft", metres_per_foot},
    {"feet", "ft", metres_per_foot},
    // Arabic (keys have alef forms unified)
    {"كم", "km", metres_per_km},          {"كلم", "km", metres_per_km},
    {"كيلومتر", "km", metres_per_km},     {"كيلومترا", "km", metres_per_km},
    {"كيلومترات", "km", metres_per_km},   {"متر", "m", 1.0},
    {"مترا", "m", 1.0},                   {"امتار", "m", 1.0},
    {"ميل", "mi", metres_per_mile},       {"اميال", "mi", metres_per_mile}};

/// "nautical miles": the only two-word unit.
inline constexpr UnitWord nautical_mile = {"nautical", "nmi", metres_per_nautical_mile};

/// Travel-time units: "10 minutes' drive from X" carries meaning the parser
/// does not turn into a distance.
inline constexpr std::string_view time_unit_words[] = {
    "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days",
    "دقيقة", "دقائق", "ساعة", "ساعات"};

struct NumberWord {
    std::string_view word;
    int value;  ///< 100 and 1000 multiply what comes before
};
inline constexpr NumberWord number_words[] = {
    {"zero", 0},      {"one", 1},        {"two", 2},          {"three", 3},      {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},        {"eight", 8},      {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},      {"thirteen", 13},  {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17},   {"eighteen", 18},  {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},       {"fourty", 40},    {"fifty", 50},
    {"sixty", 60},    {"seventy", 70},   {"eighty", 80},      {"ninety", 90},    {"hundred", 100},
    {"thousand", 1000}};

/// A qualifier phrase of up to three words before a distance.
struct QualifierPhrase {
    std::string_view words[3];  ///< unused trailing words are empty
    DistanceQualifier qualifier;
};
inline constexpr QualifierPhrase qualifier_phrases[] = {
    {{"about"}, DistanceQualifier::approximate},
    {{"approximately"}, DistanceQualifier::approximate},
    {{"approx"}, DistanceQualifier::approximate},
    {{"appr"}, DistanceQualifier::approximate},
    {{"some"}, DistanceQualifier::approximate},
    {{"roughly"}, DistanceQualifier::approximate},
    {{"around"}, DistanceQualifier::approximate},
    {{"nearly"}, DistanceQualifier::approximate},
    {{"almost"}, DistanceQualifier::approximate},
    {{"close", "to"}, DistanceQualifier::approximate},
    {{"estimated"}, DistanceQualifier::approximate},
    {{"an", "estimated"}, DistanceQualifier::approximate},
    {{"circa"}, DistanceQualifier::approximate},
    {{"ca"}, DistanceQualifier::approximate},
    {{"just", "about"}, DistanceQualifier::approximate},
    {{"around", "about"}, DistanceQualifier::approximate},
    {{"over"}, DistanceQualifier::at_least},
    {{"more", "than"}, DistanceQualifier::at_least},
    {{"at", "least"}, DistanceQualifier::at_least},
    {{"no", "less", "than"}, DistanceQualifier::at_least},
    {{"not", "less", "than"}, DistanceQualifier::at_least},
    {{"upwards", "of"}, DistanceQualifier::at_least},
    {{"in", "excess", "of"}, DistanceQualifier::at_least},
    {{"just", "over"}, DistanceQualifier::at_least},
    {{"beyond"}, DistanceQualifier::at_least},
    {{"less", "than"}, DistanceQualifier::at_most},
    {{"up", "to"}, DistanceQualifier::at_most},
    {{"under"}, DistanceQualifier::at_most},
    {{"within"}, DistanceQualifier::at_most},
    {{"no", "more", "than"}, DistanceQualifier::at_most},
    {{"not", "more", "than"}, DistanceQualifier::at_most},
    {{"no", "farther", "than"}, DistanceQualifier::at_most},
    {{"no", "further", "than"}, DistanceQualifier::at_most},
    {{"fewer", "than"}, DistanceQualifier::at_most},
    {{"just", "under"}, DistanceQualifier::at_most},
    {{"at", "most"}, DistanceQualifier::at_most},
    {{"a", "few"}, DistanceQualifier::few},
    {{"few"}, DistanceQualifier::few},
    {{"a", "couple", "of"}, DistanceQualifier::few},
    {{"several"}, DistanceQualifier::several},
    {{"tens", "of"}, DistanceQualifier::several},
    {{"dozens", "of"}, DistanceQualifier::several},
    {{"حوالي"}, DistanceQualifier::approximate},
    {{"حوالى"}, DistanceQualifier::approximate},
    {{"نحو"}, DistanceQualifier::approximate},
    {{"قرابة"}, DistanceQualifier::approximate},
    {{"اكثر", "من"}, DistanceQualifier::at_least},
    {{"اقل", "من"}, DistanceQualifier::at_most}};

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------

/// Generic feature words: dropped from the name, kept as Anchor::feature_hint.
struct GenericWord {
    std::string_view word;
    std::string_view hint;
    bool plural;  ///< "the towns of X and Y" introduces a list
};
inline constexpr GenericWord generic_words[] = {
    {"city", "city", false},           {"cities", "city", true},
    {"town", "town", false},           {"towns", "town", true},
    {"township", "town", false},       {"village", "village", false},
    {"villages", "village", true},     {"hamlet", "village", false},
    {"hamlets", "village", true},      {"capital", "capital", false},
    {"province", "province", false},   {"provinces", "province", true},
    {"governorate", "province", false},{"governorates", "province", true},
    {"wilayat", "province", false},    {"muhafazat", "province", false},
    {"district", "district", false},   {"districts", "district", true},
    {"qada", "district", false},       {"qadha", "district", false},
    {"sub-district", "subdistrict", false}, {"subdistrict", "subdistrict", false},
    {"sub-districts", "subdistrict", true}, {"nahiya", "subdistrict", false},
    {"nahia", "subdistrict", false},   {"region", "region", false},
    {"regions", "region", true},       {"area", "area", false},
    {"areas", "area", true},           {"county", "district", false},
    {"municipality", "town", false},   {"camp", "camp", false},
    {"camps", "camp", true},           {"neighborhood", "neighbourhood", false},
    {"neighbourhood", "neighbourhood", false}, {"quarter", "neighbourhood", false},
    {"airport", "airport", false},     {"airbase", "base", false},
    {"airfield", "airport", false},    {"base", "base", false},
    {"oilfield", "oilfield", false},   {"crossing", "crossing", false}};

/// Two-word generic words ("Kweres military airport", "Al-Omar oil field").
struct GenericPair {
    std::string_view first;
    std::string_view second;
    std::string_view hint;
};
inline constexpr GenericPair generic_pairs[] = {
    {"military", "airport", "airport"}, {"military", "airbase", "base"},
    {"air", "base", "base"},            {"military", "base", "base"},
    {"oil", "field", "oilfield"},       {"gas", "field", "oilfield"},
    {"refugee", "camp", "camp"},        {"displacement", "camp", "camp"},
    {"idp", "camp", "camp"},            {"border", "crossing", "crossing"},
    {"sub", "district", "subdistrict"}};

/// Generic words that stay part of the name: "the Euphrates Valley" is not the
/// Euphrates, "Mosul Dam" is not Mosul.
struct NameHead {
    std::string_view word;
    std::string_view hint;
    bool region;  ///< "in the X Valley" is somewhere in an area
};
inline constexpr NameHead name_head_words[] = {
    {"valley", "valley", true},   {"desert", "desert", true},    {"plain", "plain", true},
    {"plains", "plain", true},    {"basin", "region", true},     {"mountains", "mountain", true},
    {"mountain", "mountain", false}, {"mount", "mountain", false}, {"hills", "mountain", true},
    {"heights", "mountain", true},{"dam", "dam", false},         {"lake", "lake", false},
    {"island", "region", false},  {"bridge", "", false}};

/// How a part word relates the location to its place.
enum class PartKind : std::uint8_t {
    outskirts,    ///< without a direction: near ("the outskirts of X")
    countryside,  ///< without a direction: region; with one: offset ("the countryside east of X")
    inner         ///< part of the place ("the northern entrance to X", "the centre of X")
};
struct PartWord {
    std::string_view word;
    std::string_view part;  ///< normalised Constraint::part
    PartKind kind;
};
inline constexpr PartWord part_words[] = {
    {"outskirts", "outskirts", PartKind::outskirts},   {"outskirt", "outskirts", PartKind::outskirts},
    {"suburbs", "outskirts", PartKind::outskirts},     {"suburb", "outskirts", PartKind::outskirts},
    {"periphery", "outskirts", PartKind::outskirts},   {"edge", "outskirts", PartKind::outskirts},
    {"edges", "outskirts", PartKind::outskirts},       {"fringes", "outskirts", PartKind::outskirts},
    {"countryside", "countryside", PartKind::countryside}, {"rural", "countryside", PartKind::countryside},
    {"hinterland", "countryside", PartKind::countryside},
    {"entrance", "entrance", PartKind::inner},         {"entrances", "entrance", PartKind::inner},
    {"gate", "entrance", PartKind::inner},             {"gates", "entrance", PartKind::inner},
    {"approaches", "entrance", PartKind::inner},       {"side", "side", PartKind::inner},
    {"sides", "side", PartKind::inner},                {"part", "side", PartKind::inner},
    {"parts", "side", PartKind::inner},                {"sector", "side", PartKind::inner},
    {"section", "side", PartKind::inner},              {"flank", "side", PartKind::inner},
    {"bank", "bank", PartKind::inner},                 {"banks", "bank", PartKind::inner},
    {"shore", "bank", PartKind::inner},                {"neighborhoods", "neighbourhoods", PartKind::inner},
    {"neighbourhoods", "neighbourhoods", PartKind::inner}, {"districts", "neighbourhoods", PartKind::inner},
    {"quarters", "neighbourhoods", PartKind::inner},   {"centre", "centre", PartKind::inner},
    {"center", "centre", PartKind::inner},             {"heart", "centre", PartKind::inner},
    {"middle", "centre", PartKind::inner},             {"downtown", "centre", PartKind::inner}};

/// Countries that border anchors name ("the Syrian-Turkish border").
struct Country {
    std::string_view code;       ///< ISO 3166-1 alpha-2
    std::string_view names[2];   ///< nouns ("turkey", "turkiye")
    std::string_view adjective;  ///< "turkish"
};
inline constexpr Country countries[] = {
    {"SY", {"syria", ""}, "syrian"},     {"IQ", {"iraq", ""}, "iraqi"},
    {"TR", {"turkey", "türkiye"}, "turkish"}, {"IR", {"iran", ""}, "iranian"},
    {"JO", {"jordan", ""}, "jordanian"}, {"LB", {"lebanon", ""}, "lebanese"},
    {"SA", {"saudi", ""}, "saudi"},      {"KW", {"kuwait", ""}, "kuwaiti"},
    {"IL", {"israel", ""}, "israeli"}};

/// Rivers known by their bare name ("30 kilometers west of the Euphrates");
/// any name followed by "river" is a river too.
inline constexpr std::string_view known_rivers[] = {
    "euphrates", "tigris", "khabur", "khabour", "khabor", "balikh", "belikh", "orontes",
    "zab", "yarmouk", "yarmuk", "litani", "sajur", "sajour", "queiq", "jaghjagh", "sirwan",
    "adhaim", "udhaim"};

/// Free-standing lower-case particles inside Arabic names ("Ras al Ain").
inline constexpr std::string_view name_particles[] = {
    "al", "el", "ul", "ad", "ar", "ash", "az", "ez", "es", "ed", "er", "bin", "ibn",
    "bani", "beni", "abu", "umm", "um"};

/// Lower-case prefixes that make a word a name ("al-Zahraa", "ez-Zor", "ash-Shaddadi").
inline constexpr std::string_view name_particle_prefixes[] = {
    "al-", "el-", "ul-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "ez-", "es-", "ed-",
    "er-", "en-", "an-", "ath-", "adh-", "aj-", "ag-", "bil-", "abu-", "um-", "umm-",
    "bani-", "beni-", "bin-", "ibn-", "deir-", "tal-", "tell-", "ras-", "ain-", "kafr-"};

/// Words that never belong to a name: function words, months, weekdays.
inline constexpr std::string_view stop_words[] = {
    "the", "a", "an", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "from", "by",
    "with", "for", "as", "into", "onto", "upon", "via", "is", "are", "was", "were", "be",
    "been", "being", "has", "have", "had", "this", "that", "these", "those", "it", "its",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "who",
    "whom", "whose", "which", "what", "where", "when", "while", "after", "before", "during",
    "since", "until", "according", "also", "however", "meanwhile", "moreover", "there",
    "here", "then", "than", "not", "no", "yes", "all", "most", "many", "much", "both",
    "each", "every", "other", "another", "such", "including", "following", "near", "nearby",
    "between", "located", "situated", "lies", "lying", "close", "next", "outside", "inside",
    "along", "towards", "toward", "away", "if", "so", "because", "although", "though",
    "today", "yesterday", "tomorrow", "tonight", "morning", "evening", "night", "week",
    "weekend", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "right",
    "left", "photo", "source", "via", "midway", "halfway", "separating", "immediately",
    "just", "directly", "due", "further", "farther", "slightly", "located", "roughly",
    "في", "من", "الى", "إلى", "على", "بعد", "قرب", "بين", "و", "عن"};

/// Capitalised words that are not places: organisations, peoples, titles,
/// sources. They are skipped where a name could start.
inline constexpr std::string_view non_place_words[] = {
    "isis", "isil", "is", "daesh", "daish", "sdf", "ypg", "ypj", "pkk", "pyd", "pmf", "pmu",
    "hts", "fsa", "sna", "saa", "nlf", "ied", "ieds", "vbied", "vbieds", "svbied", "u.s.",
    "us", "usa", "un", "u.n.", "uk", "eu", "nato", "irgc", "kdp", "puk", "isf", "cts", "idf",
    "hezbollah", "hizballah", "hashd", "peshmerga", "coalition", "telegram", "twitter",
    "facebook", "youtube", "reuters", "afp", "ap", "sana", "sohr", "ocha", "amaq", "army",
    "police", "forces", "force", "ministry", "government", "regime", "president", "minister",
    "commander", "general", "brigadier", "colonel", "captain", "sheikh", "emir", "islamic",
    "kurdish", "kurds", "kurd", "arab", "arabs", "arabic", "russian", "russians", "american",
    "americans", "turkmen", "yazidi", "yazidis", "shiite", "shiites", "shia", "sunni",
    "sunnis", "christian", "christians", "assyrian", "egyptian", "afghan", "french",
    "british", "german", "muslim", "muslims", "headquarters", "liberation", "front",
    "brigade", "brigades", "battalion", "division", "operatives", "fighters", "popular",
    "mobilization", "national", "security", "service", "international", "observatory",
    "council", "office", "media", "news", "agency", "press", "committee", "movement",
    "party", "al-qaeda", "al-qaida", "al-nusra", "nusra", "jabhat", "ahrar", "jaish",
    "state", "caliphate", "katyusha", "grad", "humvee", "vehicle", "checkpoint",
    // countries that are parties to talks, never anchors in this region's
    // gazetteer (a fuzzy match would find an Iraqi village: "Russia" → Rawst)
    "russia", "america", "china", "france", "britain", "england", "germany", "egypt", "qatar",
    "ukraine", "europe", "washington", "moscow", "ankara", "tehran"};

/// Nouns of talks and conflicts between parties: "talks between Russia and
/// Turkey", "relations between Iraq and Iran" name no location when a party
/// is a country.
inline constexpr std::string_view interaction_words[] = {
    "talks", "negotiations", "negotiation", "agreement", "agreements", "deal", "deals", "accord",
    "relations", "ties", "tensions", "tension", "meeting", "meetings", "summit", "cooperation",
    "coordination", "dispute", "disputes", "rapprochement", "war", "conflict", "rivalry",
    "understanding", "understandings", "contacts", "dialogue", "exchange", "exchanges", "truce",
    "ceasefire", "cease-fire"};

inline constexpr std::string_view road_words[] = {
    "road", "roads", "highway", "highways", "motorway", "expressway", "route", "freeway"};

/// Hint of a generic word that makes "in the X <word>" a region rather than a place.
bool hint_is_region(std::string_view hint) noexcept;

} // namespace reckon::phrase
