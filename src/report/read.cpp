// read_report: format detection, the plain-text reader and the names of the
// report enums.

#include "reckon/error.hpp"
#include "reckon/report.hpp"
#include "report/readers.hpp"
#include "report/segment.hpp"
#include "report/words.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace reckon {

namespace {

using report::detail::lower_ascii;

/// The PDF header may follow some junk; readers look this far for it
/// (PDF 1.7, ISO 32000-1, annex H.3, implementation note 13: within 1024 bytes).
constexpr std::size_t pdf_header_window = 1024;
/// HTML markup is looked for in the first bytes only.
constexpr std::size_t html_sniff_bytes = 4096;

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

bool looks_html(std::string_view content) {
    std::string_view s = content.substr(0, html_sniff_bytes);
    if (s.substr(0, utf8_bom.size()) == utf8_bom) s.remove_prefix(utf8_bom.size());
    while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n')) s.remove_prefix(1);
    const std::string head = lower_ascii(s);
    if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0) return true;
    if (head.find("<html") != std::string::npos || head.find("<body") != std::string::npos) return true;
    if (head.empty() || head[0] != '<') return false;
    for (const char* tag : {"<head", "<meta", "<title", "<div", "<p>", "<p ", "<h1", "<h2", "<ul", "<table", "<article"}) {
        if (head.find(tag) != std::string::npos) return true;
    }
    return false;
}

std::string extension_of(std::string_view name) {
    const std::size_t slash = name.find_last_of('/');
    const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
    const std::size_t dot = base.find_last_of('.');
    if (dot == std::string_view::npos) return {};
    return lower_ascii(base.substr(dot));
}

} // namespace

const char* to_string(InputFormat f) noexcept {
    switch (f) {
    case InputFormat::text: return "text";
    case InputFormat::html: return "html";
    case InputFormat::pdf: return "pdf";
    }
    return "text";
}

std::optional<InputFormat> input_format_from_string(std::string_view s) {
    if (s == "text" || s == "txt") return InputFormat::text;
    if (s == "html" || s == "htm") return InputFormat::html;
    if (s == "pdf") return InputFormat::pdf;
    return std::nullopt;
}

const char* to_string(ReportBlock::Kind k) noexcept {
    switch (k) {
    case ReportBlock::Kind::heading: return "heading";
    case ReportBlock::Kind::paragraph: return "paragraph";
    case ReportBlock::Kind::bullet: return "bullet";
    case ReportBlock::Kind::caption: return "caption";
    }
    return "paragraph";
}

namespace {
constexpr std::pair<EventType, const char*> event_type_names[] = {
    {EventType::ied, "ied"},
    {EventType::sniper_fire, "sniper_fire"},
    {EventType::gunfire, "gunfire"},
    {EventType::rocket_missile, "rocket_missile"},
    {EventType::mortar, "mortar"},
    {EventType::armed_attack, "armed_attack"},
    {EventType::suicide_attack, "suicide_attack"},
    {EventType::airstrike_shelling, "airstrike_shelling"},
    {EventType::arrest, "arrest"},
    {EventType::abduction, "abduction"},
    {EventType::execution, "execution"},
    {EventType::takeover, "takeover"},
    {EventType::shoot_down, "shoot_down"},
    {EventType::displacement, "displacement"},
    {EventType::other, "other"},
};
} // namespace

const char* to_string(EventType t) noexcept {
    for (const auto& [type, name] : event_type_names) {
        if (type == t) return name;
    }
    return "other";
}

std::optional<EventType> event_type_from_string(std::string_view s) {
    for (const auto& [type, name] : event_type_names) {
        if (s == name) return type;
    }
    return std::nullopt;
}

InputFormat detect_input_format(std::string_view content, std::string_view name) {
    if (content.substr(0, pdf_header_window).find("%PDF-") != std::string_view::npos) return InputFormat::pdf;
    if (looks_html(content)) return InputFormat::html;
    const std::string ext = extension_of(name);
    if (ext == ".pdf") return InputFormat::pdf;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml") return InputFormat::html;
    return InputFormat::text;
}

ReportText read_report(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw IoError(path + ": is a directory, not a report file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path + ": cannot open");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw IoError(path + ": read error");
    const std::string content = std::move(ss).str();
    return read_report(content, path, detect_input_format(content, path));
}

ReportText read_report(std::string_view content, const std::string& name, InputFormat format) {
    if (content.size() > report::detail::max_input_bytes) {
        throw InputError(name, 0, "file too large (" + std::to_string(content.size()) + " bytes; at most " +
                                      std::to_string(report::detail::max_input_bytes) + ")");
    }
    ReportText r;
    switch (format) {
    case InputFormat::text: r = report::detail::read_text(content, name); break;
    case InputFormat::html: r = report::detail::read_html(content, name); break;
    case InputFormat::pdf: r = report::detail::read_pdf(content, name); break;
    }
    r.path = name;
    r.format = format;
    return r;
}

} // namespace reckon

namespace reckon::report::detail {

bool is_blank(std::string_view s) noexcept {
    if (s.substr(0, utf8_bom.size()) == utf8_bom) s.remove_prefix(utf8_bom.size());
    for (char c : s) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
    }
    return true;
}

bool looks_binary(std::string_view s) noexcept {
    if (std::memchr(s.data(), '\0', s.size()) != nullptr) return true;
    const std::string_view sample = s.substr(0, binary_sample_bytes);
    std::size_t control = 0;
    for (char ch : sample) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F) ++control;
    }
    return !sample.empty() && static_cast<double>(control) > max_control_share * static_cast<double>(sample.size());
}

std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;  // no overlong forms
            if (c == 0xED) hi = 0x9F;  // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
        }
        i += len;
    }
    return std::nullopt;
}

std::string normalize_newlines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

ReportText read_text(std::string_view content, const std::string& name) {
    if (content.substr(0, 2) == "\xFF\xFE" || content.substr(0, 2) == "\xFE\xFF") {
        throw InputError(name, 1, "UTF-16 text: save the report as UTF-8");
    }
    if (is_blank(content)) throw InputError(name, 0, "empty file");
    if (looks_binary(content)) throw InputError(name, 0, "binary file, not a report");
    if (const auto bad = first_invalid_utf8(content)) {
        std::size_t line = 1, line_start = 0;
        for (std::size_t i = 0; i < *bad; ++i) {
            const char c = content[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= content.size() || content[i + 1] != '\n'))) {
                ++line;
                line_start = i + 1;
            }
        }
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(content[*bad]));
        throw InputError(name, line,
                         "invalid UTF-8 at byte column " + std::to_string(*bad - line_start + 1) + " (byte " + hex +
                             "): save the report as UTF-8");
    }
    if (content.substr(0, utf8_bom.size()) == utf8_bom) content.remove_prefix(utf8_bom.size());
    ReportText r;
    r.text = normalize_newlines(content);
    segment_plain_text(r);
    return r;
}

} // namespace reckon::report::detail
