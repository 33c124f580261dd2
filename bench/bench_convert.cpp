// The main job at archive scale: 1,000 reports of the seed report's size
// read, split into incidents, resolved (with polygons) and written to a
// GeoPackage, on 2 worker threads.
//
// The archive is synthetic: the seed report (../shared/reports, when
// present; else the project's weekly text fixtures joined to the same size)
// copied 1,000 times with the dates and distances of each copy shifted, so
// every report has its own incidents and ids. Figures: reports/s and
// incidents/s for convert_files (jobs = 2) and for the whole job including
// the GeoPackage.

#include "bench_support.hpp"
#include "reckon/convert.hpp"

#include <fstream>
#include <regex>
#include <sstream>

namespace {

using namespace reckon::bench;

constexpr std::size_t archive_reports = 1000;
constexpr unsigned archive_jobs = 2;

std::string seed_text() {
    const std::string seed = shared_dir() + "/reports/spotlight-global-jihad-2020-02-13.txt";
    if (fs::exists(seed)) return read_file(seed);
    std::string text;
    const std::string dir = std::string(RECKON_SOURCE_DIR) + "/tests/data/reports/";
    for (const char* f : {"weekly-euphrates-2021-03-05.txt", "weekly-iraq-2021-02-26.txt", "weekly-north-2020-12-28.txt"}) {
        text += read_file(dir + f) + "\n\n";
    }
    return text;
}

// The archive directory, written once per run.
const std::string& archive_dir() {
    static const std::string dir = [] {
        const std::string d = scratch_dir() + "/archive";
        fs::create_directories(d);
        const std::string seed = seed_text();
        const std::regex day(R"((January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}),)");
        const std::regex km(R"((\d+) km)");
        for (std::size_t i = 0; i < archive_reports; ++i) {
            // a different day of the month and distance per copy: distinct text, distinct ids
            std::string text = std::regex_replace(seed, day, "$1 " + std::to_string(1 + i % 28) + ",");
            text = std::regex_replace(text, km, std::to_string(2 + i % 40) + " km");
            std::ofstream(d + "/report-" + std::to_string(i) + ".txt", std::ios::binary) << text;
        }
        return d;
    }();
    return dir;
}

void BM_ConvertArchive(benchmark::State& state) {
    std::string why;
    const std::string gazetteer = lookup_gazetteer(why);
    if (gazetteer.empty()) {
        state.SkipWithError(why.c_str());
        return;
    }
    const bool write = state.range(0) == 1;
    const auto files = reckon::expand_inputs({archive_dir()});
    reckon::ConvertOptions opt;
    opt.jobs = archive_jobs;
    std::size_t incidents = 0, reports = 0;
    for (auto _ : state) {
        const auto results = reckon::convert_files(files, gazetteer, opt);
        if (write) {
            reckon::Gazetteer g(gazetteer);
            reckon::DatasetWriter writer(scratch_dir() + "/archive.gpkg", reckon::VectorFormat::gpkg,
                                         reckon::WriteMode::overwrite);
            reckon::write_incident_layers(writer, results, g);
            writer.commit();
        }
        const auto s = reckon::summarize(results);
        incidents += s.incidents;
        reports += s.reports;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(reports));
    state.counters["incidents_per_second"] =
        benchmark::Counter(static_cast<double>(incidents), benchmark::Counter::kIsRate);
    state.counters["reports"] = static_cast<double>(reports) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ConvertArchive)
    ->ArgName("gpkg")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->UseRealTime()
    ->ReportAggregatesOnly(true);

} // namespace
