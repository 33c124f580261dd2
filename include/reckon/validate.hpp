#pragma once
/// @file validate.hpp
/// Place-name validation: every place mention in reports or tables, with a
/// verdict (resolved, unknown, ambiguous, inconsistent) and the evidence,
/// so editors can fix names before a report or dataset is published.

#include "reckon/gazetteer.hpp"
#include "reckon/report.hpp"
#include "reckon/resolver.hpp"
#include "reckon/types.hpp"

#include <cstddef>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reckon {

enum class MentionVerdict {
    resolved,     ///< one gazetteer place, consistent with everything around it
    unknown,      ///< not in the gazetteer (suggestions given)
    ambiguous,    ///< several distinct places fit; the candidates and what would decide are given
    inconsistent  ///< found, but contradicted by its own phrase, its section, another statement or given coordinates
};
const char* to_string(MentionVerdict v) noexcept;
std::optional<MentionVerdict> mention_verdict_from_string(const std::string& s);

/// What an inconsistency is about.
enum class InconsistencyKind {
    none,
    relative_mismatch,    ///< the named place is far from where its own relative phrase puts it
    outside_section,      ///< the place is not in the province (or country) of its section heading
    statements_disagree,  ///< two statements about the same place put it in different places
    coordinates_far       ///< given coordinates lie far from the named place
};
const char* to_string(InconsistencyKind k) noexcept;

/// How a resolved name should be spelled.
enum class SpellingStyle {
    geonames,  ///< the gazetteer's primary name ("Al Mayādīn")
    ascii,     ///< the primary name without diacritics ("Al Mayadin")
    arabic     ///< the Arabic-script name ("الميادين"), else the primary name
};
/// "geonames" | "ascii" | "arabic"; throws UsageError.
SpellingStyle spelling_style_from_string(const std::string& s);

/// Where a mention is: 1-based line and column (in code points) of its first character.
struct SourcePosition {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
};

/// A candidate or suggestion for a mention.
struct MentionCandidate {
    std::string id;
    std::string name;
    std::string name_ar;
    std::string province;  ///< governorate/province name ("" unknown)
    std::string country;
    LatLon position;
    double score = 0.0;    ///< the gazetteer's rank score (suggestions: name similarity)
};

/// One place mention and its verdict.
struct PlaceMention {
    SourcePosition where;
    std::string text;        ///< the name as written ("Al-Mayadeen")
    std::string role;        ///< target | anchor | heading | cell
    std::string phrase;      ///< the sentence or cell it occurs in
    std::string excerpt;     ///< the source line around it (for messages), at most a few hundred bytes
    std::size_t excerpt_column = 0;  ///< 1-based column of the mention within the excerpt (0: not in it)
    std::string section;     ///< the section heading (or table context) it was read under
    MentionVerdict verdict = MentionVerdict::unknown;
    InconsistencyKind inconsistency = InconsistencyKind::none;
    std::optional<Place> place;       ///< resolved (or, when inconsistent, the place the name itself denotes)
    std::string province;             ///< the place's governorate/province name
    std::string canonical;            ///< the place's name in the chosen spelling style ("" when unresolved)
    bool respell = false;             ///< resolved, and written otherwise than canonical (generic words aside)
    std::vector<MentionCandidate> candidates;  ///< ambiguous: the candidates; unknown: the suggestions
    std::string decide;               ///< ambiguous: what would decide between them
    std::vector<std::string> evidence;  ///< inconsistent: the facts, in plain words
    std::string message;              ///< one-line summary
};

/// Counts per verdict and per inconsistency kind.
struct ValidationSummary {
    std::size_t files = 0;
    std::size_t mentions = 0;
    std::map<MentionVerdict, std::size_t> by_verdict;
    std::map<InconsistencyKind, std::size_t> by_inconsistency;
    /// Places written in more than one way: id → (spelling → count).
    std::map<std::string, std::map<std::string, std::size_t>> spellings;
};
ValidationSummary summarize(const std::vector<PlaceMention>& mentions);

struct ValidateOptions {
    SpellingStyle style = SpellingStyle::geonames;
    /// Context for mentions outside any section (a province or country), "" none.
    std::string context;
    /// Resolver settings (distance policy, reporter error).
    ResolveOptions resolve;
    /// Given coordinates farther than max(coordinate_min_tolerance_m,
    /// coordinate_extent_factor × the place's extent) from the place are inconsistent.
    double coordinate_min_tolerance_m = 5000.0;
    double coordinate_extent_factor = 2.0;
};

/// Which columns of a table to read.
struct TableOptions {
    std::string column;          ///< the place (or location phrase) column; required
    std::string lat_column;      ///< optional: given latitude (degrees)
    std::string lon_column;      ///< optional: given longitude (degrees)
    std::string context_column;  ///< optional: a province/country column used as context per row
};

/// Collects mentions from reports and tables, then checks statements against
/// each other. Not thread-safe.
class Validator {
public:
    /// @param[in] gazetteer kept by reference; must outlive the validator
    Validator(const Gazetteer& gazetteer, ValidateOptions options);
    ~Validator();
    Validator(const Validator&) = delete;
    Validator& operator=(const Validator&) = delete;

    /// Every place mention of a report: headings that name places, and the
    /// places of every sentence's location expressions.
    void add_report(const ReportText& report);

    /// Every row of a table: CSV (by extension .csv/.tsv/.txt, read with
    /// line numbers) or any OGR-readable table. Throws InputError naming file
    /// and line (ragged row, invalid UTF-8, missing column) or IoError.
    void add_table(const std::string& path, const TableOptions& table);

    /// A CSV table from @p in; @p name is used in positions and messages.
    void add_csv(std::istream& in, const std::string& name, const TableOptions& table);

    /// Compare statements about the same place across everything added, and
    /// return every mention in input order.
    std::vector<PlaceMention> finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace reckon
