// Readers: plain text, HTML and PDF into blocks, title and period; format
// detection; what bad input says.

#include "reckon/error.hpp"
#include "report_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace reckon;
using reckon::test::report_fixture;

namespace {

std::vector<const ReportBlock*> of_kind(const ReportText& r, ReportBlock::Kind k) {
    std::vector<const ReportBlock*> out;
    for (const auto& b : r.blocks) {
        if (b.kind == k) out.push_back(&b);
    }
    return out;
}

const ReportBlock* block_starting(const ReportText& r, const std::string& start) {
    for (const auto& b : r.blocks) {
        if (b.text.rfind(start, 0) == 0) return &b;
    }
    return nullptr;
}

/// The InputError that reading @p path throws.
InputError read_error(const std::string& path) {
    try {
        read_report(path);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("no InputError for " << path);
    return InputError("", 0, "");
}

InputError memory_error(const std::string& content, InputFormat f) {
    try {
        read_report(content, "memory.txt", f);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("no InputError");
    return InputError("", 0, "");
}

} // namespace

TEST_CASE("text reader: a weekly report's title, period, headings, bullets and captions", "[report][reader]") {
    const std::string path = report_fixture("weekly-euphrates-2021-03-05.txt");
    const ReportText r = read_report(path);
    CHECK(r.path == path);
    CHECK(r.format == InputFormat::text);
    CHECK(r.title == "Levant Security Digest \xE2\x80\x93 Euphrates Valley and Northern Syria (March 5\xE2\x80\x93" "11, 2021)");
    REQUIRE(r.period_start);
    REQUIRE(r.period_end);
    CHECK(r.period_start->iso() == "2021-03-05");
    CHECK(r.period_end->iso() == "2021-03-11");
    test::check_block_positions(r);

    REQUIRE_FALSE(r.blocks.empty());
    CHECK(r.blocks[0].kind == ReportBlock::Kind::heading);  // the title line
    CHECK(r.blocks[0].level == 0);
    CHECK(r.blocks[0].line == 1);

    struct Heading {
        const char* text;
        int level;
        std::size_t line;
    };
    for (const Heading& h : {Heading{"Main points", 1, 9}, Heading{"The Syrian arena", 1, 13}, Heading{"Overview", 2, 14},
                             Heading{"The area of Al-Mayadeen and Albukamal", 2, 18}, Heading{"Al-Raqqah area", 2, 31},
                             Heading{"The area of Manbij and Al-Bab", 2, 35},
                             Heading{"Diplomatic talks between Russia and Turkey", 2, 40}}) {
        INFO(h.text);
        const ReportBlock* b = block_starting(r, h.text);
        REQUIRE(b);
        CHECK(b->kind == ReportBlock::Kind::heading);
        CHECK(b->text == h.text);
        CHECK(b->level == h.level);
        CHECK(b->line == h.line);
    }
    // The share-button remnant is prose, not a heading.
    const ReportBlock* share = block_starting(r, "share");
    REQUIRE(share);
    CHECK(share->kind == ReportBlock::Kind::paragraph);

    const auto bullets = of_kind(r, ReportBlock::Kind::bullet);
    CHECK(bullets.size() == 17);
    for (const auto* b : bullets) {
        CHECK(b->text.rfind("\xE2\x80\xA2", 0) != 0);  // the glyph is removed
        CHECK(r.text.compare(b->offset, 2, b->text.substr(0, 2)) == 0);
    }
    const ReportBlock* first_bullet = block_starting(r, "On March 5, 2021, an IED");
    REQUIRE(first_bullet);
    CHECK(first_bullet->line == 19);

    // A photo caption and its repetition; a caption ending in its citation.
    const auto captions = of_kind(r, ReportBlock::Kind::caption);
    REQUIRE(captions.size() == 4);
    CHECK(captions[0]->text == "SDF fighters at a checkpoint east of Hajin (North Press, March 8, 2021)");
    CHECK(captions[1]->text == captions[0]->text);
    CHECK(captions[2]->text.rfind("ISIS \xE2\x80\x9Cguesthouse\xE2\x80\x9D found by the SDF near Al-Jalaa", 0) == 0);
}

TEST_CASE("text reader: BOM, CRLF and hard-wrapped paragraphs", "[report][reader]") {
    const std::string path = report_fixture("weekly-north-2020-12-28.txt");
    const std::string raw = test::read_file(path);
    REQUIRE(raw.rfind("\xEF\xBB\xBF", 0) == 0);          // the fixture has a BOM ...
    REQUIRE(raw.find("\r\n") != std::string::npos);       // ... and CRLF line ends
    const ReportText r = read_report(path);
    CHECK(r.text.find('\r') == std::string::npos);
    CHECK(r.text.rfind("Northern Syria Weekly", 0) == 0);
    CHECK(r.title == "Northern Syria Weekly (December 28, 2020 \xE2\x80\x93 January 3, 2021)");
    REQUIRE(r.period_start);
    CHECK(r.period_start->iso() == "2020-12-28");
    CHECK(r.period_end->iso() == "2021-01-03");
    test::check_block_positions(r);

    // Three wrapped lines are one bullet.
    const ReportBlock* b = block_starting(r, "On December 28, 2020, Turkish artillery shelled the town of Ain Issa,");
    REQUIRE(b);
    CHECK(b->kind == ReportBlock::Kind::bullet);
    CHECK(b->line == 10);
    CHECK(b->text == "On December 28, 2020, Turkish artillery shelled the town of Ain Issa, about 50 km north of "
                     "Raqqa. Two civilians were killed and five others were wounded (North Press, December 28, 2020).");
    for (const char* h : {"Summary", "Ain Issa front", "The area of Raqqa and Tal Abyad", "Manbij countryside"}) {
        INFO(h);
        const ReportBlock* hb = block_starting(r, h);
        REQUIRE(hb);
        CHECK(hb->kind == ReportBlock::Kind::heading);
        CHECK(hb->level == 1);
    }
    CHECK(of_kind(r, ReportBlock::Kind::bullet).size() == 7);
}

TEST_CASE("text reader: heading levels without markup", "[report][reader]") {
    // The shape of the weekly reports: a theatre, topics in it, provinces
    // under the topics; overview headings without subsections.
    const std::string text =
        "Weekly review (March 1-7, 2021)\n"
        "\n"
        "Highlights of the week\n"
        "  \xE2\x80\xA2 A quiet week.\n"
        "The Iraqi arena\n"
        "ISIS activity\n"
        "\n"
        "Summary of the past year\n"
        "\n"
        "  \xE2\x80\xA2 Statistics.\n"
        "ISIS activity during the past week\n"
        "  \xE2\x80\xA2 Mostly in Diyala.\n"
        "Diyala Province\n"
        "  \xE2\x80\xA2 One.\n"
        "\n"
        "Kirkuk Province\n"
        "\n"
        "  \xE2\x80\xA2 Two.\n"
        "Counterterrorist activities by the Iraqi security forces\n"
        "  \xE2\x80\xA2 Three.\n"
        "Diyala Province\n"
        "  \xE2\x80\xA2 Four.\n"
        "The Euphrates Valley\n"
        "\n"
        "An introduction.\n"
        "\n"
        "Al-Raqqah area\n"
        "  \xE2\x80\xA2 Five.\n"
        "The area of Al-Mayadeen and Albukamal\n"
        "  \xE2\x80\xA2 Six.\n";
    const ReportText r = read_report(text, "levels.txt", InputFormat::text);
    std::vector<std::pair<std::string, int>> got;
    for (const auto& b : r.blocks) {
        if (b.kind == ReportBlock::Kind::heading) got.emplace_back(b.text, b.level);
    }
    const std::vector<std::pair<std::string, int>> want{
        {"Weekly review (March 1-7, 2021)", 0},
        {"Highlights of the week", 1},
        {"The Iraqi arena", 1},
        {"ISIS activity", 2},
        {"Summary of the past year", 3},
        {"ISIS activity during the past week", 3},
        {"Diyala Province", 4},
        {"Kirkuk Province", 4},
        {"Counterterrorist activities by the Iraqi security forces", 3},
        {"Diyala Province", 4},
        {"The Euphrates Valley", 1},
        {"Al-Raqqah area", 2},
        {"The area of Al-Mayadeen and Albukamal", 2},
    };
    CHECK(got == want);
}

TEST_CASE("text reader: captions", "[report][reader]") {
    const std::string text =
        "Title\n"
        "\n"
        "Syrian army convoy west of Aleppo (SANA, February 16, 2020)\n"
        "\n"
        "Right: Vehicles with displaced persons. Left: A school in Kafr Takharim (SY Plus, February 15, 2020).\n"
        "\n"
        "Children in a school (SY Plus, February 15, 2020).   Vehicles on the road (SY Plus, February 17, 2020).\n"
        "\n"
        "On February 16, 2020, ISIS attacked a checkpoint near Hajin (Telegram, February 16, 2020)\n"
        "\n"
        "A long caption that is printed twice, under the photo and in the gallery view\n"
        "A long caption that is printed twice, under the photo and in the gallery view\n";
    const ReportText r = read_report(text, "captions.txt", InputFormat::text);
    test::check_block_positions(r);
    auto kind_of = [&](const std::string& start) {
        const ReportBlock* b = block_starting(r, start);
        REQUIRE(b);
        return b->kind;
    };
    CHECK(kind_of("Syrian army convoy") == ReportBlock::Kind::caption);
    CHECK(kind_of("Right: Vehicles") == ReportBlock::Kind::caption);
    CHECK(kind_of("Children in a school") == ReportBlock::Kind::caption);
    // A dated report line missing its final period is still prose.
    CHECK(kind_of("On February 16, 2020, ISIS attacked") == ReportBlock::Kind::paragraph);
    CHECK(of_kind(r, ReportBlock::Kind::caption).size() == 5);
}

TEST_CASE("text reader: bullets glyphs and numbered lists", "[report][reader]") {
    const std::string text =
        "Title\n\n"
        "\xE2\x80\xA2 bullet one.\n"
        "  - bullet two.\n"
        "* bullet three.\n"
        "1. bullet four.\n"
        "2) bullet five.\n"
        "\xE2\x97\xA6 bullet six.\n"
        "-5 degrees at night is not a bullet.\n";
    const ReportText r = read_report(text, "bullets.txt", InputFormat::text);
    const auto bullets = of_kind(r, ReportBlock::Kind::bullet);
    REQUIRE(bullets.size() == 6);
    const char* want[] = {"bullet one.", "bullet two.", "bullet three.", "bullet four.", "bullet five.", "bullet six."};
    for (std::size_t i = 0; i < 6; ++i) CHECK(bullets[i]->text == want[i]);
    const ReportBlock* last = block_starting(r, "-5 degrees");
    REQUIRE(last);
    CHECK(last->kind == ReportBlock::Kind::paragraph);
}

TEST_CASE("HTML reader: a saved monitoring page without its furniture", "[report][reader][html]") {
    const std::string path = report_fixture("monitor-daily-2021-03-12.html");
    const ReportText r = read_report(path);
    CHECK(r.format == InputFormat::html);
    CHECK(r.title == "Daily Monitor: ISIS attacks in Deir ez-Zor and Iraq (March 12\xE2\x80\x93" "13, 2021) | Levant Conflict Monitor");
    REQUIRE(r.period_start);
    CHECK(r.period_start->iso() == "2021-03-12");
    CHECK(r.period_end->iso() == "2021-03-13");
    test::check_block_positions(r);
    // Scripts, styles, menus, cookie banner, share buttons, search and
    // newsletter forms, related links and the footer are gone.
    for (const char* furniture : {"dataLayer", "gtag", "font-family", "cookies", "Maps & Data", "Search incidents",
                                  "Share on Twitter", "Related", "On March 11, 2021", "Newsletter", "Terms",
                                  "Posted March 13", "Daily Monitor \xE2\x80\xBA"}) {
        INFO(furniture);
        CHECK(r.text.find(furniture) == std::string::npos);
    }
    struct Heading {
        const char* text;
        int level;
    };
    for (const Heading& h : {Heading{"ISIS attacks in Deir ez-Zor and Iraq (March 12\xE2\x80\x93" "13, 2021)", 1},
                             Heading{"Deir ez-Zor Province", 2}, Heading{"Iraq", 2},
                             Heading{"Kirkuk Province", 3},  // <p><strong>..</strong></p>
                             Heading{"Salah al-Din Province", 3}}) {
        INFO(h.text);
        const ReportBlock* b = block_starting(r, h.text);
        REQUIRE(b);
        CHECK(b->kind == ReportBlock::Kind::heading);
        CHECK(b->text == h.text);
        CHECK(b->level == h.level);
    }
    const auto bullets = of_kind(r, ReportBlock::Kind::bullet);
    REQUIRE(bullets.size() == 6);
    // Entities decoded, &nbsp; a space, inline markup joined.
    CHECK(bullets[0]->text ==
          "On March 12, 2021, ISIS operatives attacked an SDF checkpoint in Hajin, about 30 km north of Albukamal. "
          "Two SDF fighters were killed and another was wounded (Telegram, March 12, 2021).");
    CHECK(bullets[1]->text.find("an SDF vehicle on the road between Al-Mayadeen and Deir ez-Zor, about 15 km") !=
          std::string::npos);
    CHECK(bullets[3]->text.rfind("On March 12, 2021, ISIS operatives fired three mortar shells", 0) == 0);  // <li><p>
    CHECK(bullets[4]->text.find("Hawija \xE2\x80\x94 one of them a local \xE2\x80\x9C" "emir\xE2\x80\x9D") != std::string::npos);
    const auto captions = of_kind(r, ReportBlock::Kind::caption);
    REQUIRE(captions.size() == 2);
    CHECK(captions[0]->text == "An SDF checkpoint on the road between Hajin and Albukamal (North Press, March 12, 2021)");
    CHECK(captions[1]->text == "Attacks claimed by ISIS, March 12\xE2\x80\x93" "13, 2021");
    CHECK(block_starting(r, "Deir ez-Zor | 3"));  // a table row is one block
}

TEST_CASE("HTML reader: markup edge cases", "[report][reader][html]") {
    SECTION("no title element: the first heading") {
        const ReportText r = read_report("<html><body><h2>Diyala Province</h2><p>Text.</p></body></html>", "a.html",
                                         InputFormat::html);
        CHECK(r.title == "Diyala Province");
    }
    SECTION("text around nested blocks") {
        const ReportText r =
            read_report("<div>Before <p>inside</p> after</div><ul><li>one <ul><li>nested</li></ul></li></ul>", "b.html",
                        InputFormat::html);
        std::vector<std::string> texts;
        for (const auto& b : r.blocks) texts.push_back(std::string(to_string(b.kind)) + ":" + b.text);
        CHECK(texts == std::vector<std::string>{"paragraph:Before", "paragraph:inside", "paragraph:after",
                                                "bullet:one", "bullet:nested"});
        test::check_block_positions(r);
    }
    SECTION("broken markup is recovered") {
        const ReportText r = read_report("<p>On March 1, 2021, <b>ISIS attacked<p>Hajin</i></div></table>", "c.html",
                                         InputFormat::html);
        REQUIRE(r.blocks.size() == 2);
        CHECK(r.blocks[0].text == "On March 1, 2021, ISIS attacked");
        CHECK(r.blocks[1].text == "Hajin");
    }
    SECTION("a declared charset for bytes that are not UTF-8") {
        const std::string page = "<html><head><meta charset=\"windows-1252\"><title>Caf\xE9</title></head>"
                                 "<body><p>Caf\xE9 \x93" "bombing\x94</p></body></html>";
        const ReportText r = read_report(page, "d.html", InputFormat::html);
        CHECK(r.title == "Caf\xC3\xA9");
        REQUIRE(r.blocks.size() == 1);
        CHECK(r.blocks[0].text == "Caf\xC3\xA9 \xE2\x80\x9C" "bombing\xE2\x80\x9D");
    }
    SECTION("deep nesting") {
        // Read within libxml2's nesting limit (256 elements); deeper content is
        // dropped by the parser, and neither the parser nor the walk recurses.
        std::string page;
        for (int i = 0; i < 250; ++i) page += "<div>";
        page += "<p>deep</p>";
        const ReportText r = read_report(page, "e.html", InputFormat::html);
        REQUIRE(r.blocks.size() == 1);
        CHECK(r.blocks[0].text == "deep");
        std::string deeper;
        for (int i = 0; i < 20000; ++i) deeper += "<div><span>";
        deeper += "<p>deeper</p>";
        CHECK_NOTHROW(read_report(deeper, "f.html", InputFormat::html));
    }
}

TEST_CASE("HTML reader: a page without incidents", "[report][reader][html]") {
    const ReportText r = read_report(report_fixture("analysis-no-incidents.html"));
    CHECK(r.format == InputFormat::html);
    CHECK(r.title == "Analysis: Russia, Turkey and the future of Idlib (March 2021) | Levant Conflict Monitor");
    CHECK_FALSE(r.period_start);
    test::check_block_positions(r);
    CHECK(of_kind(r, ReportBlock::Kind::bullet).size() == 3);
    CHECK(extract_incidents(r).empty());
}

TEST_CASE("PDF reader: a two-page brief", "[report][reader][pdf]") {
    const std::string path = report_fixture("weekly-brief-2021-03-05.pdf");
    const ReportText r = read_report(path);
    CHECK(r.format == InputFormat::pdf);
    CHECK(r.title == "Weekly Brief: Hajin and Albukamal (March 5\xE2\x80\x93" "11, 2021)");  // the Info title
    REQUIRE(r.period_start);
    CHECK(r.period_start->iso() == "2021-03-05");
    CHECK(r.period_end->iso() == "2021-03-11");
    test::check_block_positions(r);
    for (const char* h : {"Deir ez-Zor Province", "Al-Anbar Province"}) {
        INFO(h);
        const ReportBlock* b = block_starting(r, h);
        REQUIRE(b);
        CHECK(b->kind == ReportBlock::Kind::heading);
        CHECK(b->level == 1);
    }
    const auto bullets = of_kind(r, ReportBlock::Kind::bullet);
    REQUIRE(bullets.size() == 6);
    // Printed over three lines, read as one bullet.
    CHECK(bullets[1]->text ==
          "On March 7, 2021, ISIS operatives attacked an SDF checkpoint in Al-Asharah, about 15 km southeast of "
          "Al-Mayadeen, with machine guns. One fighter was killed and two others were wounded (Telegram, March 7, 2021).");
    const ReportBlock* intro = block_starting(r, "This brief covers ISIS activity");
    REQUIRE(intro);
    CHECK(intro->kind == ReportBlock::Kind::paragraph);
    CHECK(intro->text.find("near Albukamal and Al-Qaim.") != std::string::npos);
}

TEST_CASE("read_report: format by content and extension", "[report][reader]") {
    CHECK(detect_input_format("%PDF-1.7\n...", "report.txt") == InputFormat::pdf);
    CHECK(detect_input_format("junk\n%PDF-1.4\n", "") == InputFormat::pdf);
    CHECK(detect_input_format("\xEF\xBB\xBF  <!DOCTYPE html><html>", "x.txt") == InputFormat::html);
    CHECK(detect_input_format("<p>On March 1, 2021, ...</p>", "") == InputFormat::html);
    CHECK(detect_input_format("saved page <html><body>", "") == InputFormat::html);
    CHECK(detect_input_format("On March 1, 2021, ISIS attacked <b>", "") == InputFormat::text);
    CHECK(detect_input_format("Weekly report", "week.HTM") == InputFormat::html);
    CHECK(detect_input_format("Weekly report", "dir/week.pdf") == InputFormat::pdf);
    CHECK(detect_input_format("Weekly report", "week.txt") == InputFormat::text);
    CHECK(detect_input_format("", "") == InputFormat::text);
    CHECK(input_format_from_string("text") == InputFormat::text);
    CHECK(input_format_from_string("txt") == InputFormat::text);
    CHECK(input_format_from_string("html") == InputFormat::html);
    CHECK(input_format_from_string("pdf") == InputFormat::pdf);
    CHECK_FALSE(input_format_from_string("docx"));
    CHECK(std::string(to_string(InputFormat::html)) == "html");
    CHECK(std::string(to_string(ReportBlock::Kind::caption)) == "caption");

    // read_report(path) follows the content: the PDF fixture under another name.
    const std::string pdf = test::read_file(report_fixture("weekly-brief-2021-03-05.pdf"));
    const ReportText r = read_report(pdf, "renamed.txt", detect_input_format(pdf, "renamed.txt"));
    CHECK(r.format == InputFormat::pdf);
    CHECK(r.path == "renamed.txt");
}

TEST_CASE("read_report: bad input says what is wrong, in which file and line", "[report][reader][bad]") {
    SECTION("empty file") {
        const std::string path = report_fixture("bad/empty.txt");
        const InputError e = read_error(path);
        CHECK(e.file() == path);
        CHECK(e.line() == 0);
        CHECK(e.detail() == "empty file");
        CHECK(memory_error("  \n\t\r\n", InputFormat::text).detail() == "empty file");
        CHECK(memory_error("\xEF\xBB\xBF\n", InputFormat::text).detail() == "empty file");
        CHECK(memory_error("", InputFormat::html).detail() == "empty file");
        CHECK(memory_error("", InputFormat::pdf).detail() == "empty file");
    }
    SECTION("binary file") {
        const std::string path = report_fixture("bad/photo.png");
        const InputError e = read_error(path);
        CHECK(e.file() == path);
        CHECK(e.detail() == "binary file, not a report");
        CHECK(memory_error(std::string("text\0more", 9), InputFormat::text).detail() == "binary file, not a report");
        CHECK(memory_error(std::string("<p>text\0more</p>", 16), InputFormat::html).detail() == "binary file, not a report");
        std::string controls(200, '\x01');
        controls += "some text";
        CHECK(memory_error(controls, InputFormat::text).detail() == "binary file, not a report");
    }
    SECTION("invalid UTF-8: file, line and byte column") {
        const std::string path = report_fixture("bad/latin1.txt");
        const InputError e = read_error(path);
        CHECK(e.file() == path);
        CHECK(e.line() == 3);
        CHECK(e.detail().find("invalid UTF-8 at byte column 51") != std::string::npos);
        CHECK(e.detail().find("save the report as UTF-8") != std::string::npos);
        CHECK(std::string(e.what()).rfind(path + ":3: ", 0) == 0);
        // CR-only line ends count as lines; the BOM counts as bytes of line 1.
        CHECK(memory_error("a\rb\r\xC3(", InputFormat::text).line() == 3);
        const InputError bom = memory_error("\xEF\xBB\xBF" "ab\xFF", InputFormat::text);
        CHECK(bom.line() == 1);
        CHECK(bom.detail().find("byte column 6") != std::string::npos);
        for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80"}) {
            INFO(bad);
            CHECK(memory_error(std::string("ok ") + bad, InputFormat::text).detail().find("invalid UTF-8") !=
                  std::string::npos);
        }
    }
    SECTION("UTF-16 text") {
        CHECK(read_error(report_fixture("bad/utf16.txt")).detail() == "UTF-16 text: save the report as UTF-8");
    }
    SECTION("truncated or damaged PDF") {
        const std::string path = report_fixture("bad/truncated.pdf");
        const InputError e = read_error(path);
        CHECK(e.file() == path);
        CHECK(e.detail().find("truncated or damaged PDF") != std::string::npos);
        CHECK(memory_error("%PDF-1.4\n1 0 obj garbage\n%%EOF\n", InputFormat::pdf).detail().find(
                  "truncated or damaged PDF") != std::string::npos);
        CHECK(memory_error("Weekly report", InputFormat::pdf).detail() == "not a PDF: no %PDF- header");
    }
    SECTION("files that cannot be opened") {
        CHECK_THROWS_AS(read_report(report_fixture("bad/no-such-file.txt")), IoError);
        CHECK_THROWS_AS(read_report(report_fixture("bad")), IoError);
    }
}

TEST_CASE("text reader: a 50 MB single-line file", "[report][reader][large]") {
    // Generated here, never committed. A line with no sentence end at all
    // is cut into max_phrase_bytes pieces; reading and extraction stay linear.
    const std::string unit = "ISIS operatives moved along the river road near Hajin and the farms of Al-Susah ";
    std::string line;
    line.reserve(50u << 20);
    while (line.size() < (50u << 20)) line += unit;
    const ReportText r = read_report(line, "huge.txt", InputFormat::text);
    REQUIRE(r.blocks.size() == 1);
    CHECK(r.blocks[0].kind == ReportBlock::Kind::paragraph);
    CHECK(r.blocks[0].end == line.size() - 1);  // the trailing space is not part of the block
    const std::vector<Incident> incidents = extract_incidents(r);
    CHECK(incidents.empty());  // no date, no citation: no incident
}
