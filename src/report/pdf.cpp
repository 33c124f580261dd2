// The PDF reader: poppler-cpp's text of each page, then the plain-text
// segmentation. The only user of poppler.

#include "reckon/error.hpp"
#include "report/readers.hpp"
#include "report/segment.hpp"
#include "report/words.hpp"
#include "text/normalize.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>

namespace reckon::report::detail {

namespace {

/// A complete PDF ends with "%%EOF" (ISO 32000-1, 7.5.5); some writers
/// append a little junk after it, so the last KiB is searched.
constexpr std::size_t eof_marker_window = 1024;
constexpr std::size_t header_window = 1024;

void quiet(const std::string&, void*) {}

void ensure_poppler_quiet() {
    // poppler prints its parse errors to stderr; damaged input is reported
    // through InputError instead.
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(quiet, nullptr); });
}

std::string utf8(const poppler::ustring& u) {
    const poppler::byte_array b = u.to_utf8();
    std::string s(b.begin(), b.end());
    return text::valid_utf8(s) ? s : text::sanitize_utf8(s);
}

[[noreturn]] void damaged(const std::string& name, const std::string& why) {
    throw InputError(name, 0, "truncated or damaged PDF (" + why + ")");
}

} // namespace

ReportText read_pdf(std::string_view content, const std::string& name) {
    if (is_blank(content)) throw InputError(name, 0, "empty file");
    if (content.substr(0, header_window).find("%PDF-") == std::string_view::npos) {
        throw InputError(name, 0, "not a PDF: no %PDF- header");
    }
    const std::size_t tail = content.size() > eof_marker_window ? content.size() - eof_marker_window : 0;
    if (content.substr(tail).find("%%EOF") == std::string_view::npos) damaged(name, "no %%EOF at the end");
    ensure_poppler_quiet();
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(content.data(), static_cast<int>(content.size())));
    if (!doc) damaged(name, "poppler cannot load it");
    if (doc->is_locked()) throw InputError(name, 0, "encrypted PDF: its text cannot be read");
    const int pages = doc->pages();
    if (pages <= 0) damaged(name, "no pages");
    std::string text;
    for (int i = 0; i < pages; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) damaged(name, "page " + std::to_string(i + 1) + " cannot be read");
        text += utf8(page->text(poppler::rectf(), poppler::page::physical_layout));
        if (!text.empty() && text.back() != '\n') text.push_back('\n');
    }
    if (is_blank(text)) throw InputError(name, 0, "no text in the PDF (a scanned PDF needs OCR first)");
    ReportText r;
    r.text = normalize_newlines(text);
    segment_plain_text(r);
    const std::string info_title = normalize_space(utf8(doc->get_title()));
    if (!info_title.empty()) {
        r.title = info_title;
        set_period(r);
    }
    return r;
}

} // namespace reckon::report::detail
