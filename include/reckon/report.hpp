#pragma once
/// @file report.hpp
/// Report ingest: plain text, HTML and PDF reports read into blocks
/// (headings, paragraphs, bullets), then split into incidents with date,
/// event type, actors, casualties, cited source and location phrases.
/// No resolving here: location phrases are handed on to the resolver.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

/// A calendar date (proleptic Gregorian).
struct Date {
    int year = 0;
    int month = 0;  ///< 1..12
    int day = 0;    ///< 1..31
    /// True for a real calendar date (leap years respected).
    bool valid() const noexcept;
    /// "2020-02-16"
    std::string iso() const;
    /// Parses "YYYY-MM-DD"; nullopt when malformed or not a real date.
    static std::optional<Date> parse_iso(std::string_view s);
    /// Days since 1970-01-01 (for ordering and arithmetic).
    std::int64_t days() const noexcept;
    static Date from_days(std::int64_t days) noexcept;
    friend bool operator==(const Date& a, const Date& b) noexcept {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const Date& a, const Date& b) noexcept { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) noexcept { return a.days() < b.days(); }
};

enum class InputFormat { text, html, pdf };
const char* to_string(InputFormat f) noexcept;
/// "text" | "txt", "html" | "htm", "pdf"; nullopt otherwise.
std::optional<InputFormat> input_format_from_string(std::string_view s);
/// The reader read_report(path) would choose: PDF magic ("%PDF-" in the first
/// KiB), then HTML markup at the start, then the extension of @p name
/// (.pdf, .html/.htm/.xhtml), else text.
InputFormat detect_input_format(std::string_view content, std::string_view name = {});

/// One structural block of a report.
struct ReportBlock {
    enum class Kind { heading, paragraph, bullet, caption };
    Kind kind = Kind::paragraph;
    std::string text;          ///< UTF-8, whitespace-normalised, bullet glyph removed
    std::size_t offset = 0;    ///< byte offset of the block's first character in ReportText::text
    std::size_t line = 0;      ///< 1-based line in ReportText::text
    /// One past the block's last byte in ReportText::text: [offset, end) holds
    /// the block as written (text is that span, whitespace-normalised).
    /// 0 when unknown (a ReportText built by hand).
    std::size_t end = 0;
    /// Headings: 1 (top) .. 6, from h1..h6 in HTML, inferred in text/PDF
    /// (README "Report ingest"). 0 for other blocks and for the title line.
    int level = 0;
};
const char* to_string(ReportBlock::Kind k) noexcept;

/// A report read into plain text and blocks.
struct ReportText {
    std::string path;          ///< as given ("" for stdin / in-memory)
    InputFormat format = InputFormat::text;
    std::string title;         ///< first line / <title> / PDF title ("" when the first line is prose)
    std::string text;          ///< the whole plain text (UTF-8); blocks point into it
    std::vector<ReportBlock> blocks;
    /// The period the report covers, from its title ("February 13-19, 2020"), if stated.
    std::optional<Date> period_start;
    std::optional<Date> period_end;
};

/// Read a report file, choosing the reader by content (PDF magic, HTML
/// markup) and extension. Throws InputError ("empty file", "binary file, not
/// a report", invalid UTF-8 with the line and byte column, UTF-16 text,
/// "truncated or damaged PDF", an encrypted or image-only PDF) or IoError
/// (cannot open, a directory).
ReportText read_report(const std::string& path);

/// Read a report from memory. @p name is used in messages and as ReportText::path.
ReportText read_report(std::string_view content, const std::string& name, InputFormat format);

/// Event taxonomy (README "Event types" documents each value).
enum class EventType {
    ied, sniper_fire, gunfire, rocket_missile, mortar, armed_attack, suicide_attack,
    airstrike_shelling, arrest, abduction, execution, takeover, shoot_down, displacement, other
};
const char* to_string(EventType t) noexcept;            ///< "ied", "sniper_fire", ...
std::optional<EventType> event_type_from_string(std::string_view s);

/// A casualty figure as written: "Two soldiers" → 2; "at least 10" → 10 + at_least;
/// "several" → nonzero_unknown; not mentioned → !count && !nonzero_unknown.
struct CasualtyCount {
    std::optional<int> count;
    bool at_least = false;
    bool nonzero_unknown = false;
    bool mentioned() const noexcept { return count.has_value() || nonzero_unknown; }
};

/// One incident as an analyst reads it.
struct Incident {
    std::string id;                 ///< stable: hash of report file name + normalised text (re-runs give the same id)
    std::string report;             ///< ReportText::path
    std::size_t paragraph = 0;      ///< 1-based index of the block it came from
    std::size_t offset_begin = 0;   ///< byte offsets of `text` in ReportText::text
    std::size_t offset_end = 0;
    std::size_t line = 0;           ///< 1-based line of offset_begin
    std::string text;               ///< the incident's sentence(s)
    std::string section;            ///< nearest heading ("Diyala Province"): context for places
    /// Outer headings down to `section` ("The Iraqi arena", "ISIS activity", ..., "Diyala Province").
    std::vector<std::string> section_path;
    std::optional<Date> date;       ///< event date (first day when it spans days)
    /// Last day when the text gives a span ("February 12-14", or the report
    /// period for date_basis report_period); nullopt for a single day.
    std::optional<Date> date_end;
    std::string date_basis;         ///< explicit | relative | report_period | none
    EventType type = EventType::other;
    /// Further types the text reports, by priority: an abduction that ended in
    /// an execution is type abduction with other_types {execution}.
    std::vector<EventType> other_types;
    std::string perpetrator;        ///< canonical actor ("ISIS", "SDF", "Syrian army", ...), "" unknown
    /// "text" (named in the incident), "section" (the only actor its heading or
    /// the heading's introduction names: "ISIS activity"), "" unknown.
    std::string perpetrator_basis;
    std::string target;             ///< canonical actor or target description, "" unknown
    CasualtyCount killed;
    CasualtyCount wounded;
    CasualtyCount killed_or_wounded;  ///< "were killed or wounded" (not split by the report)
    std::string source;             ///< cited source ("Telegram")
    std::optional<Date> source_date;
    std::vector<std::string> location_phrases;  ///< best first; the resolver takes them in turn
};

/// Split a report into incidents (the rules are in README "Report ingest").
/// Never throws for odd text: a block that does not read as an incident is
/// skipped. Linear in the size of the report. A block whose offsets do not
/// fit ReportText::text (a ReportText built by hand) is read from its own
/// text, and its incidents' offsets then point at the block.
std::vector<Incident> extract_incidents(const ReportText& report);

} // namespace reckon
