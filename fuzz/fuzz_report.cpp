// libFuzzer target: reckon::read_report from memory as text, HTML and PDF,
// then reckon::extract_incidents. Seed corpus: fuzz/corpus/fuzz_report/.
//
// Bad input may be refused with reckon::InputError (the reader says what is
// wrong); anything else thrown, a crash or a sanitizer report is a finding.
// It also traps when a result breaks what report.hpp promises: blocks and
// incidents point into ReportText::text, lines match offsets, dates are real
// dates, location phrases stay within their cap.

#include "reckon/error.hpp"
#include "reckon/report.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

void require(bool ok) {
    if (!ok) __builtin_trap();
}

/// Phrases an incident may carry (report/locations.hpp, max_location_phrases).
constexpr std::size_t max_phrases = 8;

std::size_t line_of(const std::string& text, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

void check(const reckon::ReportText& r) {
    std::size_t previous_end = 0;
    for (const auto& b : r.blocks) {
        require(b.offset < b.end && b.end <= r.text.size());
        require(b.offset >= previous_end);
        require(!b.text.empty());
        require(b.line == line_of(r.text, b.offset));
        require(b.level >= 0 && b.level <= 6);
        previous_end = b.end;
    }
    if (r.period_start || r.period_end) {
        require(r.period_start && r.period_end && r.period_start->valid() && r.period_end->valid());
        require(*r.period_start < *r.period_end);
    }
    const auto incidents = reckon::extract_incidents(r);
    for (const auto& i : incidents) {
        require(i.offset_begin < i.offset_end && i.offset_end <= r.text.size());
        require(i.line == line_of(r.text, i.offset_begin));
        require(i.paragraph >= 1 && i.paragraph <= r.blocks.size());
        const auto& b = r.blocks[i.paragraph - 1];
        require(b.offset <= i.offset_begin && i.offset_end <= b.end);
        require(!i.id.empty() && !i.text.empty());
        if (i.date) require(i.date->valid());
        if (i.date_end) require(i.date && i.date_end->valid() && *i.date < *i.date_end);
        if (i.source_date) require(i.source_date->valid());
        require(i.date_basis == "explicit" || i.date_basis == "relative" || i.date_basis == "report_period" ||
                i.date_basis == "none");
        require(i.location_phrases.size() <= max_phrases);
        for (const auto& c : {i.killed, i.wounded, i.killed_or_wounded}) require(!c.count || *c.count >= 0);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    for (reckon::InputFormat f : {reckon::InputFormat::text, reckon::InputFormat::html, reckon::InputFormat::pdf}) {
        try {
            check(reckon::read_report(content, "fuzz", f));
        } catch (const reckon::InputError&) {
            // refused with a reason: fine
        }
    }
    return 0;
}
