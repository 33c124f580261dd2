// The convert pipeline on the project's example reports (tests/data/reports):
// input expansion, section context, resolution per incident, parallel runs,
// the written layers and the diagnostics file.

#include "../gazetteer/fixtures.hpp"
#include "export/ogr_reader.hpp"
#include "reckon/convert.hpp"
#include "reckon/error.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace reckon;
namespace fs = std::filesystem;

namespace {

using test::WorkDir;

std::string reports_dir() { return test::data_path("reports"); }

// The example reports that read (the bad/ ones fail on purpose).
std::vector<std::string> good_reports() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(reports_dir())) {
        const std::string ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".txt" || ext == ".html" || ext == ".pdf")) out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("convert: inputs expand to files in a stable order", "[convert]") {
    WorkDir w("convert-inputs");
    w.write("a/2.txt", "x");
    w.write("a/1.txt", "x");
    w.write("a/sub/3.html", "x");
    w.write("a/.hidden/4.txt", "x");
    w.write("a/.5.txt", "x");
    w.write("a/photo.png", "x");
    w.write("a/make_pdf.py", "x");
    w.write("b.pdf", "x");
    w.write("list.txt", "# reports\n\na/1.txt\n  b.pdf  \n");

    std::vector<std::string> skipped;
    const auto dir = expand_inputs({w.file("a")}, &skipped);
    CHECK(dir == std::vector<std::string>{w.file("a/1.txt"), w.file("a/2.txt"), w.file("a/sub/3.html")});
    std::sort(skipped.begin(), skipped.end());
    CHECK(skipped == std::vector<std::string>{w.file("a/make_pdf.py"), w.file("a/photo.png")});
    // a file named on the command line is read whatever its name
    CHECK(expand_inputs({w.file("a/photo.png")}) == std::vector<std::string>{w.file("a/photo.png")});
    const auto glob = expand_inputs({w.file("a/*.txt"), w.file("b.pdf")});
    CHECK(glob == std::vector<std::string>{w.file("a/1.txt"), w.file("a/2.txt"), w.file("b.pdf")});
    const auto list = expand_inputs({"@" + w.file("list.txt")});
    CHECK(list == std::vector<std::string>{w.file("a/1.txt"), w.file("b.pdf")});
    CHECK(expand_inputs({"-"}) == std::vector<std::string>{"-"});

    CHECK_THROWS_AS(expand_inputs({w.file("missing.txt")}), IoError);
    CHECK_THROWS_AS(expand_inputs({w.file("a/*.docx")}), UsageError);
    w.write("bad-list.txt", "a/1.txt\nnope.txt\n");
    try {
        expand_inputs({"@" + w.file("bad-list.txt")});
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()).find("nope.txt") != std::string::npos);
    }
}

TEST_CASE("convert: section headings become resolver context", "[convert]") {
    Gazetteer* gaz = test::default_gazetteer();
    if (!gaz) {
        WARN("default gazetteer not built: skipped");
        return;
    }
    CHECK(context_for_section(*gaz, "Diyala Province") == "Diyala Province");
    CHECK(context_for_section(*gaz, "The Iraqi arena") == "Iraq");
    CHECK_FALSE(context_for_section(*gaz, "Al-Raqqah area").empty());
    CHECK_FALSE(context_for_section(*gaz, "Aleppo front").empty());
    // headings that name no place, or only look like a province
    CHECK(context_for_section(*gaz, "Overview").empty());
    CHECK(context_for_section(*gaz, "Eastern Provinces Monitoring Digest").empty());
    CHECK(context_for_section(*gaz, "").empty());
}

TEST_CASE("convert: every incident of the example reports is kept, most located", "[convert]") {
    Gazetteer* gaz = test::default_gazetteer();
    if (!gaz) {
        WARN("default gazetteer not built: skipped");
        return;
    }
    Resolver resolver(*gaz);
    ConvertOptions opt;
    std::size_t incidents = 0, located = 0;
    for (const std::string& path : good_reports()) {
        const ReportText report = read_report(path);
        const ReportResult r = convert_report(report, resolver, *gaz, opt);
        INFO(path);
        CHECK(r.error.empty());
        CHECK(r.incidents.size() == extract_incidents(report).size());
        for (const ResolvedIncident& ri : r.incidents) {
            ++incidents;
            INFO(ri.incident.text);
            if (ri.has_location) {
                CHECK_FALSE(ri.phrase.empty());
                CHECK(std::find(ri.incident.location_phrases.begin(), ri.incident.location_phrases.end(), ri.phrase) !=
                      ri.incident.location_phrases.end());
            } else {
                CHECK(ri.resolution.status == ResolveStatus::unresolved);
                CHECK_FALSE(ri.resolution.messages.empty());
            }
            if (ri.resolution.status == ResolveStatus::ok) {
                ++located;
                CHECK(ri.resolution.point.valid());
                CHECK_FALSE(ri.resolution.uncertainty_wkt.empty());
            }
        }
    }
    CHECK(incidents >= 40);
    CHECK(located * 10 >= incidents * 8);  // the example reports are written to be locatable
}

TEST_CASE("convert: parallel runs give the same results, in input order, and bad files do not stop the rest",
          "[convert]") {
    if (!test::default_gazetteer()) {
        WARN("default gazetteer not built: skipped");
        return;
    }
    const std::string gaz = test::binary_dir() + "/default-gazetteer.sqlite";
    std::vector<std::string> files = good_reports();
    files.insert(files.begin() + 1, test::data_path("reports/bad/empty.txt"));
    files.push_back(test::data_path("reports/bad/truncated.pdf"));
    ConvertOptions one;
    one.jobs = 1;
    ConvertOptions two;
    two.jobs = 2;
    std::size_t progress_calls = 0;
    const auto a = convert_files(files, gaz, one);
    const auto b = convert_files(files, gaz, two, [&](std::size_t done, std::size_t total) {
        CHECK(done <= total);
        ++progress_calls;
    });
    CHECK(progress_calls == files.size());
    REQUIRE(a.size() == files.size());
    REQUIRE(b.size() == files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        INFO(files[i]);
        CHECK(a[i].path == files[i]);
        CHECK(b[i].path == files[i]);
        CHECK(a[i].error == b[i].error);
        REQUIRE(a[i].incidents.size() == b[i].incidents.size());
        for (std::size_t k = 0; k < a[i].incidents.size(); ++k) {
            CHECK(a[i].incidents[k].incident.id == b[i].incidents[k].incident.id);
            CHECK(a[i].incidents[k].resolution.uncertainty_wkt == b[i].incidents[k].resolution.uncertainty_wkt);
        }
    }
    CHECK(a[1].error.find("empty file") != std::string::npos);
    CHECK(a.back().error.find("PDF") != std::string::npos);
    const ConvertSummary s = summarize(a);
    CHECK(s.reports == files.size());
    CHECK(s.failed_reports == 2);
    CHECK(s.incidents == s.resolved + s.unresolved + s.ambiguous + s.inconsistent);

    // ids are stable: the same report converted again gives the same ids
    const auto again = convert_files({files[0]}, gaz, one);
    REQUIRE(again[0].incidents.size() == a[0].incidents.size());
    for (std::size_t k = 0; k < again[0].incidents.size(); ++k) {
        CHECK(again[0].incidents[k].incident.id == a[0].incidents[k].incident.id);
    }
}

TEST_CASE("convert: layers written, appended without duplicates, and the diagnostics file", "[convert]") {
    if (!test::default_gazetteer()) {
        WARN("default gazetteer not built: skipped");
        return;
    }
    const std::string gaz_path = test::binary_dir() + "/default-gazetteer.sqlite";
    Gazetteer gaz(gaz_path);
    WorkDir w("convert-layers");
    const auto files = good_reports();
    const auto results = convert_files(files, gaz_path, ConvertOptions{});
    const ConvertSummary s = summarize(results);
    const std::string out = w.file("incidents.gpkg");
    {
        DatasetWriter writer(out, VectorFormat::gpkg, WriteMode::create);
        write_incident_layers(writer, results, gaz);
        writer.commit();
    }
    const auto layers = vector_io::read_layers(out);
    std::map<std::string, const vector_io::VectorLayer*> by_name;
    for (const auto& l : layers) by_name[l.name] = &l;
    REQUIRE(by_name.count("incidents"));
    REQUIRE(by_name.count("incident_areas"));
    REQUIRE(by_name.count("places"));
    const auto& inc = *by_name["incidents"];
    CHECK(inc.features.size() == s.incidents);
    std::set<std::string> ids;
    std::size_t with_point = 0;
    for (const auto& f : inc.features) {
        ids.insert(f.attributes.at("incident_id"));
        if (!f.wkb.empty()) ++with_point;
        const std::string status = f.attributes.at("location_status");
        if (status == "ok") CHECK_FALSE(f.wkb.empty());
        // event dates are real dates
        if (f.attributes.count("event_date")) CHECK(Date::parse_iso(f.attributes.at("event_date")));
    }
    CHECK(ids.size() == s.incidents);  // unique ids
    CHECK(with_point >= s.resolved);
    CHECK(by_name["incident_areas"]->features.size() <= s.incidents);
    CHECK_FALSE(by_name["places"]->features.empty());

    // a second run of the same reports appends nothing new
    {
        DatasetWriter writer(out, VectorFormat::gpkg, WriteMode::append);
        write_incident_layers(writer, results, gaz);
        const auto stats = writer.commit();
        for (const WriteStats& st : stats) {
            INFO(st.layer);
            CHECK(st.written == 0);
            CHECK(st.skipped_duplicates > 0);
        }
    }
    CHECK(vector_io::read_layers(out, {"incidents"}).front().features.size() == s.incidents);

    // diagnostics: one row per incident (CSV) / one object (JSON)
    write_diagnostics(w.file("diag.csv"), results);
    write_diagnostics(w.file("diag.json"), results);
    const std::string csv = test::read_file(w.file("diag.csv"));
    CHECK(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')) >= s.incidents + 1);
    CHECK(csv.rfind("incident_id,report,line,", 0) == 0);
    const std::string json = test::read_file(w.file("diag.json"));
    CHECK(json.find("\"incident_id\"") != std::string::npos);
    CHECK_THROWS_AS(write_diagnostics(w.file("no/such/dir/diag.csv"), results), IoError);
}
