#pragma once
/// @file classify.hpp
/// What one sentence of a report says (internal to src/report): event types
/// by keyword rules, whether it is a statistic or a statement, the actors it
/// names and in which role, and the casualty figures. Every function reads
/// the tokens of one sentence (citations blanked out) in linear time.

#include "reckon/report.hpp"
#include "report/words.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace reckon::report::detail {

/// A set of event types.
struct TypeSet {
    std::uint32_t bits = 0;
    /// Weapons named as the means of an assault ("attacked the checkpoint with
    /// machine guns and RPGs"): other types, never the type.
    std::uint32_t instruments = 0;
    void add(EventType t) noexcept { bits |= 1u << static_cast<unsigned>(t); }
    void add_instrument(EventType t) noexcept { instruments |= 1u << static_cast<unsigned>(t); }
    bool has(EventType t) const noexcept { return (bits & (1u << static_cast<unsigned>(t))) != 0; }
    bool has_instrument(EventType t) const noexcept { return (instruments & (1u << static_cast<unsigned>(t))) != 0; }
    bool empty() const noexcept { return bits == 0; }
    void merge(TypeSet o) noexcept {
        bits |= o.bits;
        instruments |= o.instruments;
    }
};

/// Types in priority order (README "Event types"): the first one a text
/// matches is its type, the rest are its other_types.
extern const EventType type_priority[14];

/// The event types whose keyword rules match @p t.
TypeSet event_types(const Toks& t);

/// A statistic, not an event: aggregates ("3,196 attacks", "most of the
/// attacks"), percentages, and spans of months or years ("since December 1,
/// 2019", "over the past two and a half years", "from ... to ...").
bool is_statistic(const Toks& t);

/// A statement, not an event: the sentence reports speech, publication,
/// talks or threats ("stated", "announced", "an interview", "talks").
bool is_statement(const Toks& t);

/// Modal or threat framing before the first event keyword ("threatened to",
/// "would", "will", "if"): the event did not (yet) happen.
bool is_irrealis(const Toks& t);

/// Canonical actors (README "Actors").
struct ActorMention {
    std::size_t begin = 0, end = 0;  ///< token span
    std::string actor;               ///< canonical name
};

/// Country of the context, for bare "police", "soldiers", "the army".
enum class Country { unknown, iraq, syria };

std::vector<ActorMention> find_actors(const Toks& t, Country country);

/// Perpetrator and target candidates of one sentence. Civilians are never
/// the perpetrator.
struct Roles {
    std::string perpetrator;  ///< "" none
    std::string target;       ///< "" none
    /// With no event verb in the sentence ("the Syrian army continued to
    /// advance"): the first actor named, a weaker perpetrator candidate.
    std::string subject;
    std::vector<std::string> others;  ///< other actors named, in order
};
Roles actor_roles(const Toks& t, const std::vector<ActorMention>& mentions);

/// Is @p t, whole, an actor's name ("SDF", "ISIS", "Popular Mobilization")?
bool is_actor_name(const Toks& t);

/// Country words in @p t ("Iraq", "Iraqi", "Syria", "Syrian"): the first one.
Country country_in(const Toks& t);

/// Casualty figures of one sentence, to be added over an incident.
struct Casualties {
    CasualtyCount killed, wounded, killed_or_wounded;
};
Casualties casualties(const Toks& t);

/// Add @p b to @p a: counts add; an unknown nonzero figure next to a count
/// makes it "at least" that count.
void add(CasualtyCount& a, const CasualtyCount& b);

} // namespace reckon::report::detail
