// Keyword rules for event types, statistics and statements; actors and
// their roles; casualty figures. The rules are documented in README
// "Report ingest" and kept in one place here.

#include "report/classify.hpp"

#include "report/dates.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace reckon::report::detail {

// A change of control outranks the fighting that brought it; then the most
// specific means of attack; then what was done to people; then the generic
// attack and the gunfire any attack has; displacement last.
const EventType type_priority[14] = {
    EventType::takeover,       EventType::suicide_attack, EventType::shoot_down,  EventType::ied,
    EventType::airstrike_shelling, EventType::mortar,     EventType::rocket_missile, EventType::sniper_fire,
    EventType::abduction,      EventType::execution,      EventType::arrest,      EventType::armed_attack,
    EventType::gunfire,        EventType::displacement};

namespace {

/// Casualty totals beyond this are not figures of one incident.
constexpr long max_casualty_count = 10'000'000;
/// "3,196 attacks" is a statistic; "three mortar shells" is an event.
constexpr long min_aggregate_count = 10;
/// How far back from a participle its auxiliary may be ("was shot at and wounded").
constexpr std::size_t max_aux_distance = 7;

int tag(EventType t) { return static_cast<int>(t); }

const PatternSet& type_patterns() {
    static const PatternSet s = [] {
        PatternSet p;
        auto add = [&](EventType t, std::initializer_list<const char*> list) {
            for (const char* w : list) p.add(w, tag(t));
        };
        add(EventType::suicide_attack,
            {"suicide bomb*", "suicide attack*", "suicide car*", "suicide vest*", "suicide belt*", "suicide truck*",
             "suicide operation*", "suicide mission*", "suicide vehicle*", "svbied*", "blew himself up",
             "blew herself up", "blew themselves up", "detonated his explosive*", "detonated his suicide*"});
        add(EventType::shoot_down, {"shot down", "shoot down", "shooting down", "downed", "brought down"});
        add(EventType::ied, {"by an ied", "by ied", "by ieds", "by a roadside bomb", "by an explosive device",
                             "ied attack*", "ied explosion*", "ied blast*"});
        add(EventType::airstrike_shelling,
            {"airstrike*", "air strike*", "air raid*", "air attack*", "aerial bombardment*", "bombed", "bombing*",
             "bombard*", "shelled", "shelling", "artillery fire", "artillery shell*", "artillery strike*",
             "drone strike*", "drone attack*", "drone struck", "drone targeted", "drone hit", "drone had struck",
             "drone had targeted", "drones struck", "drones targeted", "barrel bomb*",
             "warplanes struck", "warplanes bombed"});
        add(EventType::mortar, {"mortar*"});
        add(EventType::rocket_missile,
            {"rocket*", "missile*", "grad", "katyusha*", "rpg*", "anti-tank", "atgm*", "kornet", "projectile*"});
        add(EventType::sniper_fire, {"sniper*"});
        add(EventType::abduction,
            {"kidnap*", "abduct*", "taken prisoner", "took ~ prisoner", "taken captive", "took ~ captive",
             "taken hostage", "took ~ hostage", "held hostage", "held captive", "were captured by isis",
             "was captured by isis"});
        add(EventType::execution, {"executed", "execution*", "behead*", "decapitat*"});
        add(EventType::arrest,
            {"arrest*", "apprehend*", "detain*", "detention*", "taken into custody", "rounded up"});
        add(EventType::takeover,
            {"took over", "taken over", "take over", "takes over", "taking over", "takeover", "seized control",
             "seize control", "took control", "taken control", "take control", "gained control", "regained control",
             "assumed control", "recaptured", "retook", "retaken", "overran", "liberated"});
        add(EventType::armed_attack,
            {"attack*", "assault*", "raid*", "stormed", "storming", "ambush*", "operation against",
             "operations against", "clash*", "assassinat*", "targeted killing*", "infiltrat*"});
        add(EventType::gunfire,
            {"gunfire", "gun fire", "gunshot*", "machine gun*", "machine-gun*", "machinegun*", "shot at", "shot and",
             "shot dead", "shot him", "shot them", "opened fire", "open fire", "exchanged fire", "exchange of fire",
             "exchanges of fire", "small arms", "small-arms", "light weapons", "medium weapons", "shooting", "shots",
             "gunmen", "gunman", "bullet*"});
        // The verb, not the noun phrase: "were displaced", not "displaced persons".
        add(EventType::displacement,
            {"were displaced", "was displaced", "been displaced", "displaced from", "displacing", "displacement of",
             "fled", "flee", "fleeing", "left their homes", "forced to leave", "uprooted"});
        return p;
    }();
    return s;
}

const PatternSet& ied_nouns() {
    static const PatternSet s{"ied",          "ieds",          "improvised explosive*", "explosive device*",
                              "roadside bomb*", "car bomb*",   "vbied*",               "landmine*",
                              "land mine*",   "sticky bomb*",  "magnetic bomb*",       "booby-trap*",
                              "booby trap*",  "explosive charge*", "explosive-laden*", "mine",
                              "mines"};
    return s;
}

const PatternSet& ied_predicates() {
    static const PatternSet s{"activated", "detonated", "detonation", "exploded", "explosion*", "went off",
                              "blew up",   "blast*",    "planted",    "struck",   "hit",        "triggered",
                              "set off"};
    return s;
}

bool is_place_word(const Tok& k) {
    static constexpr std::array<std::string_view, 18> words{
        "village", "villages", "town",   "towns",     "city",      "area",     "areas",   "hill",
        "hills",   "base",     "neighborhood", "neighbourhood", "neighborhoods", "district", "airport",
        "position", "positions", "checkpoint"};
    return std::find(words.begin(), words.end(), k.key) != words.end();
}

/// "captured": a place ("captured the village of X", "captured Hajin") is a
/// takeover; anyone else ("captured two ISIS operatives") an arrest.
std::optional<EventType> captured_at(const Toks& t, std::size_t i) {
    if (!is_word(t, i, "captured") && !is_word(t, i, "capture") && !is_word(t, i, "recapture")) return std::nullopt;
    if (is_word(t, i + 1, "by")) return std::nullopt;  // "were captured by ISIS": the abduction rule
    for (std::size_t k = i + 1; k < t.size() && k <= i + 4; ++k) {
        if (t[k].kind == TokKind::punct) break;
        if (is_place_word(t[k]) || (t[k].capitalised && t[k].key != "isis")) return EventType::takeover;
    }
    return EventType::arrest;
}

bool aux_word(const Tok& k) {
    return k.kind == TokKind::word && (k.key == "was" || k.key == "were" || k.key == "been" || k.key == "being" ||
                                       k.key == "is" || k.key == "are" || k.key == "got");
}

bool clause_boundary(const Tok& k) {
    if (k.kind == TokKind::punct) {
        return k.key == "," || k.key == ";" || k.key == "." || k.key == ":" || k.key == "(" || k.key == ")" ||
               k.key == "[" || k.key == "]";
    }
    static constexpr std::array<std::string_view, 10> words{"and", "but", "while", "when", "after",
                                                            "which", "who", "that", "where", "whereas"};
    return k.kind == TokKind::word && std::find(words.begin(), words.end(), k.key) != words.end();
}

/// Where the sentence turns to background ("an operative who had taken part
/// in the abduction of ...", "a man they accused of working for ..."): what
/// follows is not this event. t.size() when it does not.
std::size_t background_start(const Toks& t) {
    static const PatternSet markers{"who had", "who has", "who have", "which had", "that had", "accused of",
                                    "wanted for", "involved in", "responsible for", "took part in",
                                    "taken part in", "charged with", "suspected of", "convicted of"};
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (markers.match(t, i)) return i;
    }
    return t.size();
}

/// The first event keyword of @p t, or t.size().
std::size_t first_event_keyword(const Toks& t) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (type_patterns().match(t, i) || captured_at(t, i)) return i;
    }
    return t.size();
}

} // namespace

TypeSet event_types(const Toks& t) {
    TypeSet out;
    bool ied_noun = false, ied_pred = false;
    bool assault = false, instrumental = false;  // "attacked ... with"
    const PatternSet& simple = type_patterns();
    const std::size_t background = background_start(t);
    for (std::size_t i = 0; i < background; ++i) {
        if (t[i].kind == TokKind::punct && (t[i].key == "." || t[i].key == ";")) assault = instrumental = false;
        if (assault && (is_word(t, i, "with") || is_word(t, i, "using"))) instrumental = true;
        if (const auto m = simple.match(t, i)) {
            const auto type = static_cast<EventType>(m->first);
            // "suicide bombing", "car bombing": the bombing is not an air raid.
            const bool bomb_word = t[i].key.rfind("bomb", 0) == 0;
            const bool after_suicide = i > 0 && (t[i - 1].key == "suicide" || t[i - 1].key == "car");
            // The small arms and RPGs of an assault are its means.
            const bool assault_weapon = type == EventType::gunfire || type == EventType::sniper_fire ||
                                        (type == EventType::rocket_missile &&
                                         (t[i].key.rfind("rpg", 0) == 0 || t[i].key == "anti-tank"));
            if (type == EventType::airstrike_shelling && bomb_word && after_suicide) {
                // not an air raid
            } else if (instrumental && assault_weapon) {
                out.add_instrument(type);
            } else {
                out.add(type);
            }
            if (type == EventType::armed_attack) assault = true;
        }
        if (ied_nouns().match(t, i)) ied_noun = true;
        if (ied_predicates().match(t, i)) ied_pred = true;
        if (const auto c = captured_at(t, i)) out.add(*c);
    }
    if (ied_noun && ied_pred) out.add(EventType::ied);
    return out;
}

bool is_statistic(const Toks& t) {
    static const PatternSet aggregates{"attacks",  "operations", "incidents", "casualties", "battles",
                                       "raids",    "bombings",   "strikes",   "assaults",   "ambushes"};
    static const PatternSet spans{"during this period", "in this period", "during that period", "so far this year",
                                  "since the beginning", "since the start", "most of the attacks",
                                  "majority of the attacks", "percent", "per cent", "%"};
    static const PatternSet past{"over the past", "in the past", "during the past", "over the last", "in the last",
                                 "during the last", "for the past"};
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (spans.match(t, i)) return true;
        if (is_word(t, i, "since")) {
            for (std::size_t k = i + 1; k < t.size() && k <= i + 3; ++k) {
                if ((t[k].capitalised && month_from_key(t[k].key)) ||
                    (t[k].kind == TokKind::number && t[k].key.size() == 4)) {
                    return true;
                }
            }
        }
        if (const auto m = past.match(t, i)) {
            for (std::size_t k = m->second; k < t.size() && k <= m->second + 5; ++k) {
                const std::string& w = t[k].key;
                if (w == "year" || w == "years" || w == "month" || w == "months" || w == "decade") return true;
                if (t[k].kind == TokKind::punct) break;
            }
        }
        std::size_t e = 0;
        if (const auto n = count_at(t, i, e); n && *n >= min_aggregate_count) {
            if (aggregates.match(t, e) || (e + 1 < t.size() && aggregates.match(t, e + 1))) return true;
        }
    }
    for (const DateMention& m : find_dates(t)) {
        if (!m.range()) continue;
        if (const auto c = complete(m, m.year2 ? m.year2 : 2000); c && c->second &&
                                                                  c->second->days() - c->first.days() > max_event_span_days) {
            return true;
        }
    }
    return false;
}

bool is_statement(const Toks& t) {
    static const PatternSet words{"stated",  "said",   "says",     "announced", "noted",   "published", "interview",
                                  "statement", "declared", "threatened", "warned", "urged", "called for", "met",
                                  "visited", "talks",  "negotiations", "meeting", "conference", "summit", "signed",
                                  "agreed",  "denied", "denies",   "condemned", "accused", "claims",   "infographic"};
    return words.any(t);
}

bool is_irrealis(const Toks& t) {
    static const PatternSet framing{"threatened", "threaten", "threatens", "would",    "will",    "if",
                                    "unless",     "promised", "promise",   "promises", "plans to", "plan to",
                                    "intends",    "intend",   "intended",  "expected", "may",     "might",
                                    "could",      "should",   "vowed",     "vows",     "warned",  "aims to",
                                    "seeks to",   "campaign for"};
    const std::size_t first = first_event_keyword(t);
    return framing.any(t, 0, first);
}

// ---------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------

namespace {

enum GenericActor : int { generic_police = -1, generic_army = -2, generic_security = -3 };

struct ActorDef {
    const char* name;
    std::vector<const char*> patterns;
};

const std::vector<ActorDef>& actor_defs() {
    static const std::vector<ActorDef> defs{
        {"ISIS", {"isis", "isil", "daesh", "da'esh", "islamic state", "the islamic state"}},
        {"HTS",
         {"hts", "hay'at tahrir al-sham", "hayat tahrir al-sham", "hay'at tahrir al sham", "tahrir al-sham",
          "headquarters for the liberation of al-sham", "headquarters for the liberation of al sham"}},
        {"SDF", {"sdf", "syrian democratic forces", "ypg"}},
        {"National Liberation Front", {"national liberation front", "nlf"}},
        {"Syrian National Army", {"syrian national army", "turkish-backed syrian national army"}},
        {"Syrian army",
         {"syrian army", "syrian arab army", "saa", "syrian regime", "regime forces", "syrian forces",
          "syrian soldier*", "assad regime", "assad forces", "syrian military", "syrian troops", "regime troops",
          "the regime", "syrian government forces", "government forces"}},
        {"rebels", {"rebel*", "opposition forces", "armed opposition", "free syrian army", "fsa"}},
        {"Turkish forces",
         {"turkish army", "turkish forces", "turkish force", "turkish soldier*", "turkish troops", "turkish military",
          "turkish drone*", "turkish artillery", "turkish aircraft", "turkish warplanes", "turkish observation post*"}},
        {"Russian forces",
         {"russian forces", "russian army", "russian troops", "russian aircraft", "russian warplanes", "russian jets",
          "russian warship*", "russian helicopter*", "russian military", "russian air force", "russian soldier*",
          "russians", "russian fighter jets"}},
        {"International Coalition",
         {"international coalition", "us-led coalition", "global coalition", "coalition forces", "coalition"}},
        {"US forces", {"us forces", "u.s. forces", "american forces", "us troops", "american troops"}},
        {"Iraqi army", {"iraqi army", "iraqi soldier*", "iraqi troops", "iraqi military"}},
        {"Iraqi police", {"iraqi police", "iraqi policemen", "federal police", "iraqi federal police"}},
        {"Iraqi security forces",
         {"iraqi security forces", "isf", "iraqi counterterrorism force*", "iraqi counter-terrorism force*",
          "counter-terrorism service", "counterterrorism service", "cts", "iraqi military intelligence",
          "national security service", "iraqi intelligence", "iraqi forces", "iraqi security force",
          "iraqi aircraft", "iraqi air force", "iraqi warplanes", "iraqi f-16*"}},
        {"Popular Mobilization",
         {"popular mobilization*", "popular mobilisation*", "pmf", "pmu", "hashd", "al-hashd", "hashd al-shaabi",
          "al-hashd al-sha'bi"}},
        {"Peshmerga", {"peshmerga"}},
        {"PKK", {"pkk"}},
        {"Hezbollah", {"hezbollah", "hizballah", "hizbullah"}},
        {"Iranian-backed militias",
         {"iranian militia*", "iranian-backed militia*", "pro-iranian militia*", "irgc", "revolutionary guard*"}},
        {"Taliban", {"taliban"}},
        {"civilians",
         {"civilian*", "residents", "shiite*", "shia", "shi'ite*", "kaka'i", "yazidi*", "christians", "shepherd*",
          "farmer*", "truffle hunter*", "villagers", "displaced persons", "children", "women", "a local resident",
          "local residents", "families", "woman", "child", "boy", "girl"}},
    };
    return defs;
}

const PatternSet& actor_patterns() {
    static const PatternSet s = [] {
        PatternSet p;
        const auto& defs = actor_defs();
        for (std::size_t i = 0; i < defs.size(); ++i) {
            for (const char* w : defs[i].patterns) p.add(w, static_cast<int>(i));
        }
        for (const char* w : {"police", "policemen", "policeman", "police officer*", "police station*",
                              "police checkpoint*", "police headquarters"}) {
            p.add(w, generic_police);
        }
        for (const char* w : {"soldier", "soldiers", "army", "troops"}) p.add(w, generic_army);
        for (const char* w : {"security forces", "counterterrorism force*", "counter-terrorism force*",
                              "military intelligence"}) {
            p.add(w, generic_security);
        }
        return p;
    }();
    return s;
}

const PatternSet& event_verbs() {
    static const PatternSet s{
        "attacked",  "fired",     "launched",  "planted",   "took",      "shot",      "targeted",  "detonated",
        "activated", "apprehended", "arrested", "detained", "kidnapped", "abducted",  "executed",  "killed",
        "captured",  "stormed",   "ambushed",  "carried",   "seized",    "located",   "destroyed", "raided",
        "clashed",   "shelled",   "bombed",    "struck",    "hit",       "downed",    "opened",    "exchanged",
        "infiltrated", "assassinated", "overran", "recaptured", "retook",  "liberated", "entered",   "advanced",
        "wounded",   "injured",   "blew",      "set",       "dismantled", "arrest",   "attack", "taken",
        "kidnap*",   "abduct*",   "exploded",  "went"};
    return s;
}

} // namespace

std::vector<ActorMention> find_actors(const Toks& t, Country country) {
    std::vector<ActorMention> out;
    const auto& defs = actor_defs();
    for (std::size_t i = 0; i < t.size();) {
        const auto m = actor_patterns().match(t, i);
        if (!m) {
            ++i;
            continue;
        }
        std::string name;
        if (m->first >= 0) {
            name = defs[static_cast<std::size_t>(m->first)].name;
        } else if (m->first == generic_police) {
            if (country == Country::iraq) name = "Iraqi police";
        } else if (m->first == generic_army) {
            if (country == Country::iraq) name = "Iraqi army";
            if (country == Country::syria) name = "Syrian army";
        } else if (m->first == generic_security) {
            if (country == Country::iraq) name = "Iraqi security forces";
        }
        if (!name.empty()) out.push_back({i, m->second, std::move(name)});
        i = m->second;
    }
    return out;
}

bool is_actor_name(const Toks& t) {
    if (t.empty()) return false;
    const auto m = actor_patterns().match(t, 0);
    return m && m->second == t.size();
}

Country country_in(const Toks& t) {
    for (const Tok& k : t) {
        if (k.kind != TokKind::word) continue;
        if (k.key == "iraq" || k.key == "iraqi" || k.key == "iraqis") return Country::iraq;
        if (k.key == "syria" || k.key == "syrian" || k.key == "syrians") return Country::syria;
    }
    return Country::unknown;
}

Roles actor_roles(const Toks& t, const std::vector<ActorMention>& all) {
    Roles r;
    const std::size_t background = background_start(t);
    std::vector<ActorMention> mentions;
    for (const auto& m : all) {
        if (m.begin < background) mentions.push_back(m);
    }
    if (mentions.empty()) return r;
    std::size_t verb = t.size();
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (event_verbs().match(t, i)) {
            // A verb inside an actor's name ("took" never is; guard anyway).
            bool inside = false;
            for (const auto& m : mentions) inside = inside || (i >= m.begin && i < m.end);
            if (!inside) {
                verb = i;
                break;
            }
        }
    }
    bool passive = false;
    for (std::size_t k = verb >= 3 ? verb - 3 : 0; k < verb; ++k) passive = passive || aux_word(t[k]);
    // "an SDF vehicle hit a landmine": who hits a mine is its victim.
    if (verb < t.size() && (is_word(t, verb, "hit") || is_word(t, verb, "struck") || is_word(t, verb, "stepped"))) {
        for (std::size_t k = verb + 1; k < t.size() && k <= verb + 4; ++k) {
            if (ied_nouns().match(t, k)) passive = true;
        }
    }
    auto mention_at = [&](std::size_t k) -> const ActorMention* {
        // Skip a determiner ("by the SDF", "by an ISIS cell").
        for (std::size_t j = k; j < t.size() && j <= k + 1; ++j) {
            for (const auto& m : mentions) {
                if (m.begin == j) return &m;
            }
            if (!(is_word(t, j, "the") || is_word(t, j, "a") || is_word(t, j, "an") || is_word(t, j, "its"))) break;
        }
        return nullptr;
    };
    const std::string civilians = "civilians";
    if (verb < t.size() && !passive) {
        for (const auto& m : mentions) {
            if (m.end <= verb && m.actor != civilians) {
                r.perpetrator = m.actor;
                break;
            }
        }
    }
    if (verb == t.size()) {
        for (const auto& m : mentions) {
            // "an SDF fighter was ..." is not the subject of an act, nor is
            // "a vehicle of the Iraqi army": the subject starts its clause.
            bool before_aux = false;
            for (std::size_t k = m.end; k < t.size() && k < m.end + 3; ++k) before_aux = before_aux || aux_word(t[k]);
            std::size_t b = m.begin;
            while (b > 0 && (is_word(t, b - 1, "the") || is_word(t, b - 1, "a") || is_word(t, b - 1, "an"))) --b;
            const bool clause_start = b == 0 || is_punct(t, b - 1, ",") || is_punct(t, b - 1, ";");
            if (m.actor != civilians && !before_aux && clause_start) {
                r.subject = m.actor;
                break;
            }
        }
    }
    if (r.perpetrator.empty()) {
        // The agent of a passive verb: "planted by ISIS", "shot down by ...".
        for (std::size_t k = 1; k < t.size(); ++k) {
            if (!is_word(t, k, "by")) continue;
            const bool after_verb = event_verbs().match(t, k - 1) ||
                                    (k >= 2 && (is_word(t, k - 1, "down") || is_word(t, k - 1, "out") ||
                                                is_word(t, k - 1, "up")) &&
                                     event_verbs().match(t, k - 2));
            if (!after_verb) continue;
            if (const ActorMention* m = mention_at(k + 1); m && m->actor != civilians) {
                r.perpetrator = m->actor;
                break;
            }
        }
    }
    if (r.perpetrator.empty()) {
        // "launched from Russian warships"
        for (std::size_t k = 0; k + 1 < t.size(); ++k) {
            if (!is_word(t, k, "from")) continue;
            if (const ActorMention* m = mention_at(k + 1); m && m->actor != civilians) {
                r.perpetrator = m->actor;
                break;
            }
        }
    }
    if (r.perpetrator.empty()) {
        for (std::size_t k = 0; k + 1 < t.size(); ++k) {
            if (is_word(t, k, "claimed") && is_word(t, k + 1, "responsibility")) {
                for (const auto& m : mentions) {
                    if (m.end <= k && m.actor != civilians) {
                        r.perpetrator = m.actor;
                        break;
                    }
                }
                break;
            }
        }
    }
    // Target: the object of an active verb, the subject of a passive one.
    for (const auto& m : mentions) {
        if (m.actor == r.perpetrator) continue;
        const bool object_side = passive ? m.end <= verb : m.begin > verb;
        if (verb < t.size() && object_side) {
            r.target = m.actor;
            break;
        }
    }
    if (r.target.empty()) {
        for (const auto& m : mentions) {
            if (m.actor != r.perpetrator) {
                r.target = m.actor;
                break;
            }
        }
    }
    for (const auto& m : mentions) {
        if (m.actor != r.perpetrator && m.actor != r.target &&
            std::find(r.others.begin(), r.others.end(), m.actor) == r.others.end()) {
            r.others.push_back(m.actor);
        }
    }
    return r;
}

// ---------------------------------------------------------------------------
// Casualties
// ---------------------------------------------------------------------------

void add(CasualtyCount& a, const CasualtyCount& b) {
    if (!b.mentioned()) return;
    if (b.count) {
        a.count = std::min(a.count.value_or(0) + *b.count, static_cast<int>(max_casualty_count));
        a.at_least = a.at_least || b.at_least || a.nonzero_unknown;
        a.nonzero_unknown = false;
    } else if (a.count) {
        a.at_least = true;
    } else {
        a.nonzero_unknown = true;
    }
}

namespace {

enum class Category { killed, wounded, killed_or_wounded };

CasualtyCount exact(long n, bool at_least = false) {
    CasualtyCount c;
    c.count = static_cast<int>(std::min(n, max_casualty_count));
    c.at_least = at_least;
    return c;
}

CasualtyCount unknown_nonzero() {
    CasualtyCount c;
    c.nonzero_unknown = true;
    return c;
}

/// A quantity at @p i: "two", "10", "a total of 10", "at least 10", "another",
/// "a", "he", "several", "dozens". Sets @p found false when none.
CasualtyCount quantity_at(const Toks& t, std::size_t i, std::size_t end, bool& found) {
    static const PatternSet at_least{"at least", "more than", "over", "no fewer than", "upwards of", "no less than"};
    static const PatternSet vague{"several", "many", "some", "dozens", "scores", "hundreds", "numerous", "others",
                                  "they", "a number of", "a few", "a group of", "all of them", "thousands"};
    static const PatternSet skip{"the", "a total of", "about", "approximately", "nearly", "around", "roughly",
                                 "up to", "all", "total", "some of"};
    found = true;
    bool least = false;
    while (i < end) {
        if (const auto m = at_least.match(t, i); m && m->second <= end) {
            least = true;
            i = m->second;
            continue;
        }
        if (const auto m = skip.match(t, i); m && m->second <= end) {
            i = m->second;
            continue;
        }
        break;
    }
    if (i >= end) {
        found = false;
        return {};
    }
    std::size_t e = 0;
    if (const auto n = count_at(t, i, e); n && *n > 0) return exact(*n, least);
    if (vague.match(t, i)) return unknown_nonzero();
    if (is_word(t, i, "another") || is_word(t, i, "a") || is_word(t, i, "an") || is_word(t, i, "he") ||
        is_word(t, i, "she") || is_word(t, i, "him") || is_word(t, i, "her")) {
        return exact(1, least);
    }
    if (is_word(t, i, "both")) return exact(2, least);
    found = false;
    return {};
}

bool is_aux(const Tok& k) { return aux_word(k) || k.key == "been"; }

/// The subject of the auxiliary at @p aux: its quantity, or one from the verb's number.
CasualtyCount subject_count(const Toks& t, std::size_t aux, int depth = 0) {
    std::size_t stop = aux;
    // An apposition: "The two passengers, SDF commanders, were killed".
    if (stop > 0 && is_punct(t, stop - 1, ",")) {
        std::size_t a = stop - 1;
        while (a > 0 && !clause_boundary(t[a - 1])) --a;
        if (a >= 1 && a < stop - 1 && is_punct(t, a - 1, ",")) stop = a - 1;
    }
    std::size_t start = stop;
    while (start > 0 && !clause_boundary(t[start - 1])) --start;
    if (start == aux && depth == 0 && aux > 0 && is_word(t, aux - 1, "and")) {
        // "A Shiite was taken prisoner ... and was also executed": the subject
        // of the clause before.
        for (std::size_t k = aux - 1; k-- > 0;) {
            if (is_punct(t, k, ".") || is_punct(t, k, ";")) break;
            if (aux_word(t[k])) return subject_count(t, k, depth + 1);
        }
    }
    bool found = false;
    for (std::size_t i = start; i < stop; ++i) {
        CasualtyCount c = quantity_at(t, i, stop, found);
        if (!found) {
            if (t[i].kind == TokKind::word && t[i].key != "the" && t[i].key != "of") break;
            continue;
        }
        // "A woman and her son were wounded": both parts of the subject count.
        if (depth == 0 && start >= 2 && is_word(t, start - 1, "and")) {
            std::size_t p = start - 1;
            while (p > 0 && !clause_boundary(t[p - 1])) --p;
            bool verb = false;
            for (std::size_t k = p; k + 1 < start; ++k) verb = verb || aux_word(t[k]) || event_verbs().match(t, k);
            if (!verb && p + 1 < start) {
                bool f2 = false;
                const CasualtyCount c2 = quantity_at(t, p, start - 1, f2);
                if (f2) add(c, c2);
            }
        }
        return c;
    }
    // "The fighter was killed" (one), "The passengers were killed" (some).
    const std::string& a = t[aux].key;
    if (a == "was" || a == "is") return exact(1);
    if (a == "been" && aux > 0 && is_word(t, aux - 1, "has")) return exact(1);
    if (a == "been" && aux > 0 && is_word(t, aux - 1, "had")) return unknown_nonzero();
    return unknown_nonzero();
}

} // namespace

Casualties casualties(const Toks& t) {
    Casualties out;
    auto slot = [&](Category c) -> CasualtyCount& {
        switch (c) {
        case Category::killed: return out.killed;
        case Category::wounded: return out.wounded;
        case Category::killed_or_wounded: return out.killed_or_wounded;
        }
        return out.killed;
    };
    auto category_of = [](const std::string& k) -> std::optional<Category> {
        if (k == "killed" || k == "executed" || k == "dead") return Category::killed;
        if (k == "wounded" || k == "injured" || k == "hurt") return Category::wounded;
        return std::nullopt;
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        const Tok& k = t[i];
        if (k.kind != TokKind::word) continue;
        std::optional<Category> cat = category_of(k.key);
        std::size_t end = i + 1;
        if (cat && (is_word(t, i + 1, "or") || is_word(t, i + 1, "and")) && i + 2 < t.size()) {
            const auto other = category_of(t[i + 2].key);
            if (other && *other != *cat) {
                cat = Category::killed_or_wounded;
                end = i + 3;
            }
        }
        if (cat) {
            // Passive: "Two SDF fighters were killed", "He was interrogated and then executed".
            std::optional<std::size_t> aux;
            for (std::size_t d = 1; d <= max_aux_distance && d <= i; ++d) {
                const Tok& b = t[i - d];
                if (b.kind == TokKind::punct && b.key != "\xE2\x80\x9C" && b.key != "\xE2\x80\x9D" && b.key != "\"") break;
                if (is_aux(b)) {
                    aux = i - d;
                    break;
                }
            }
            if (aux) {
                add(slot(*cat), subject_count(t, *aux));
                i = end - 1;
                continue;
            }
            // "3 killed", "two dead", "leaving 5 wounded".
            if (i > 0 && (t[i - 1].kind == TokKind::number || k.key == "dead")) {
                std::size_t e = 0;
                if (const auto n = count_at(t, i - 1, e); n && e == i && *n > 0) {
                    add(slot(*cat), exact(*n));
                    i = end - 1;
                    continue;
                }
            }
            // Active: "killed two shepherds".
            if (k.key == "killed" || k.key == "wounded" || k.key == "injured" || k.key == "executed") {
                if (!is_word(t, end, "by")) {
                    bool found = false;
                    const CasualtyCount c = quantity_at(t, end, std::min(t.size(), end + 4), found);
                    if (found && !is_word(t, end, "they")) add(slot(*cat), c);
                }
            }
            i = end - 1;
            continue;
        }
        // "shot dead a shepherd", "shot and killed two soldiers"
        if (k.key == "shot" && (is_word(t, i + 1, "dead") || (is_word(t, i + 1, "and") && is_word(t, i + 2, "killed")))) {
            const std::size_t from = is_word(t, i + 1, "dead") ? i + 2 : i + 3;
            bool passive_form = i > 0 && aux_word(t[i - 1]);
            if (!passive_form) {
                bool found = false;
                const CasualtyCount q = quantity_at(t, from, std::min(t.size(), from + 4), found);
                if (found) {
                    add(out.killed, q);
                    i = from - 1;
                    continue;
                }
            }
        }
        if (k.key == "killing" || k.key == "wounding" || k.key == "injuring") {
            const Category c = k.key == "killing" ? Category::killed : Category::wounded;
            std::size_t from = i + 1;
            if (is_word(t, from, "of")) ++from;  // "the killing of a senior officer"
            bool found = false;
            const CasualtyCount q = quantity_at(t, from, std::min(t.size(), from + 4), found);
            if (found && !is_word(t, from, "they")) add(slot(c), q);
            continue;
        }
        if (k.key == "died") {
            add(out.killed, subject_count(t, i));
            continue;
        }
        if (k.key == "bodies") {
            std::size_t e = 0;
            if (i > 0) {
                if (const auto n = count_at(t, i - 1, e); n && e == i && *n > 0) {
                    add(out.killed, exact(*n));
                    continue;
                }
            }
            if (is_word(t, i + 1, "of")) {
                const std::size_t q = is_word(t, i + 2, "the") ? i + 3 : i + 2;
                if (const auto n = count_at(t, q, e); n && *n > 0) add(out.killed, exact(*n));
            }
            continue;
        }
        if (k.key == "casualties") {
            std::size_t e = 0;
            if (i > 0) {
                if (const auto n = count_at(t, i - 1, e); n && e == i && *n > 0) add(out.killed_or_wounded, exact(*n));
            }
            continue;
        }
    }
    return out;
}

} // namespace reckon::report::detail
