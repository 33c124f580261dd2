#pragma once
/// @file readers.hpp
/// The three readers behind reckon::read_report (internal to src/report).
/// Each throws InputError for input it cannot read as a report.

#include "reckon/report.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace reckon::report::detail {

ReportText read_text(std::string_view content, const std::string& name);
ReportText read_html(std::string_view content, const std::string& name);  // html.cpp (libxml2)
ReportText read_pdf(std::string_view content, const std::string& name);   // pdf.cpp (poppler-cpp)

/// Files are read whole; libxml2 and poppler take an int length.
inline constexpr std::size_t max_input_bytes = 1'000'000'000;

/// git's test for binary content is a NUL byte in the first 8000 bytes; we
/// look for one anywhere, and also call a file binary when more than this
/// share of its first binary_sample_bytes are control characters (text has
/// none besides tab, CR, LF and form feed).
inline constexpr std::size_t binary_sample_bytes = 8192;
inline constexpr double max_control_share = 0.10;

/// Nothing but whitespace (and a BOM).
bool is_blank(std::string_view content) noexcept;
/// NUL bytes, or mostly control characters.
bool looks_binary(std::string_view content) noexcept;
/// Byte offset of the first invalid UTF-8 sequence, or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept;
/// CRLF and lone CR to LF.
std::string normalize_newlines(std::string_view s);

} // namespace reckon::report::detail
