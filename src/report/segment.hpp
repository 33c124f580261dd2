#pragma once
/// @file segment.hpp
/// Blocks from plain text (text and PDF readers) and from the HTML reader's
/// element walk (internal to src/report). The rules are in README "Report
/// ingest" and at each function.

#include "reckon/report.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace reckon::report::detail {

/// Headings: at most this many bytes and words (the seed report's longest,
/// "Summary of ISIS’s activity in Iraq over the past two and a half years",
/// has 14 words); longer lines are prose.
inline constexpr std::size_t max_heading_bytes = 150;
inline constexpr std::size_t max_heading_words = 16;

/// The first line is the title only up to this length (the seed report's
/// title is 134 bytes); a longer first line is prose.
inline constexpr std::size_t max_title_bytes = 300;

/// A line continues the one before it (a wrapped paragraph, as PDF text and
/// hard-wrapped text files have) when that line fills at least this share of
/// the text's full line width (the 90th percentile of line lengths). Wrapped
/// lines fill the measure; headings and last lines stop short.
inline constexpr double wrap_fill_ratio = 0.8;
inline constexpr double full_width_percentile = 0.9;

/// Two adjacent captions repeat each other (a photo's caption and its
/// enlargement): a block containing a neighbour of at least this length is a
/// caption too.
inline constexpr std::size_t min_duplicate_bytes = 40;

/// What a heading is, for inferring levels in text without markup.
enum class HeadingClass {
    theatre,  ///< a whole theatre: "The Iraqi arena", "Idlib region", "The Euphrates Valley", "Syria"
    local,    ///< a province or area in it: "Diyala Province", "Al-Raqqah area", "Aleppo front", "The area of X"
    leaf,     ///< an overview that has no subsections: "Overview", "Summary ...", "Highlights ..."
    topical   ///< anything else: "ISIS activity", "Residents flee en masse from the battle zones"
};
HeadingClass classify_heading(std::string_view text);

/// Plain text (r.text set, already UTF-8 with LF line ends) into title,
/// blocks (with heading levels inferred) and period.
void segment_plain_text(ReportText& r);

/// A block found by a structured reader (HTML), before it is laid out.
struct RawBlock {
    ReportBlock::Kind kind = ReportBlock::Kind::paragraph;
    std::string text;  ///< whitespace-normalised
    int level = 0;     ///< headings: 1..6
};

/// Lay @p blocks out as r.text (one block per line, a blank line between;
/// bullets written with "• ") and set r.blocks with offsets and lines.
void assemble_blocks(ReportText& r, const std::vector<RawBlock>& blocks);

/// The report period from r.title, else from the first heading.
void set_period(ReportText& r);

/// Remove a leading bullet glyph ("•", "◦", "▪", "-", "*", "–", "1.", "1)")
/// and the spaces after it; returns the bytes removed (0 if none).
std::size_t bullet_prefix(std::string_view line) noexcept;

} // namespace reckon::report::detail
