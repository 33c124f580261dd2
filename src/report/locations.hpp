#pragma once
/// @file locations.hpp
/// Location phrases of an incident (internal to src/report): the project's
/// phrase parser finds the location spans of each sentence; adjacent spans
/// are joined into compact phrases the resolver parses to the same
/// constraints ("in Al-Rasafah, 40 km southwest of Al-Raqqah"), ranked by how
/// precisely they place the event.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::report::detail {

/// The resolver tries phrases in turn; past this many they are noise.
inline constexpr std::size_t max_location_phrases = 8;

/// What the report has said about places so far: a place first given with a
/// relative description ("the village of Anjara, about 10 km west of Aleppo")
/// keeps it when named again alone ("at the village of Anjara").
class PlaceMemory {
public:
    void remember(std::string_view name, const std::string& phrase);
    const std::string* recall(std::string_view name) const;

private:
    std::map<std::string, std::string> m_described;
};

class LocationFinder {
public:
    /// @param[in] not_places lower-case names that are never places here
    ///            (the report's cited sources: "telegram", "sana")
    /// @param[in,out] memory  places described earlier in the report
    LocationFinder(const std::vector<std::string>& not_places, PlaceMemory& memory)
        : m_not_places(not_places), m_memory(memory) {}

    /// Add the phrases of one sentence (as written, with its brackets).
    void add_sentence(std::string_view sentence);

    /// Best first, without duplicates, at most max_location_phrases.
    std::vector<std::string> phrases() const;

private:
    struct Candidate {
        std::string phrase;
        int score = 0;
        std::size_t order = 0;
    };
    void add(std::string phrase, int score);
    bool not_a_place(std::string_view name) const;

    const std::vector<std::string>& m_not_places;
    PlaceMemory& m_memory;
    std::vector<Candidate> m_candidates;
    std::string m_last_anchor;  ///< the last place a constraint named ("the city" refers to it)
    std::size_t m_order = 0;
};

/// Lower-case ASCII, single spaces, no leading "in "/"at ": the key that makes
/// two spellings of one phrase the same.
std::string phrase_key(std::string_view phrase);

} // namespace reckon::report::detail
