// Report ingest benchmarks: read + extract a weekly report, per second.
//
// Input: the seed report ($RECKON_SHARED_DIR, else RECKON_SOURCE_DIR/../shared:
// reports/spotlight-global-jihad-2020-02-13.txt, 21 KB, 35 incidents) when it
// is there, else the largest text fixture (tests/data/reports/
// weekly-euphrates-2021-03-05.txt). The HTML and PDF fixtures are measured
// too, and a 1 MB report made of the text fixture repeated, for throughput.
//
// Target (README "Report ingest"): a seed-sized report read and split into
// incidents in under 50 ms on one core (> 20 reports/s).

#include "reckon/report.hpp"

#include "bench_support.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using namespace reckon::bench;

std::string fixture(const std::string& name) { return std::string(RECKON_SOURCE_DIR) + "/tests/data/reports/" + name; }

/// The seed report when present, else the largest text fixture.
const std::string& weekly_report(std::string& label) {
    static std::string name;
    static const std::string content = [] {
        const std::string seed = shared_dir() + "/reports/spotlight-global-jihad-2020-02-13.txt";
        if (std::filesystem::exists(seed)) {
            name = "seed report";
            return read_file(seed);
        }
        name = "weekly-euphrates fixture";
        return read_file(fixture("weekly-euphrates-2021-03-05.txt"));
    }();
    label = name;
    return content;
}

void run(benchmark::State& state, const std::string& content, reckon::InputFormat format, const std::string& label) {
    if (content.empty()) {
        state.SkipWithError("input not found");
        return;
    }
    std::size_t incidents = 0;
    for (auto _ : state) {
        const reckon::ReportText r = reckon::read_report(content, "bench.txt", format);
        const auto found = reckon::extract_incidents(r);
        incidents = found.size();
        benchmark::DoNotOptimize(found.data());
    }
    state.SetLabel(label + ", " + std::to_string(incidents) + " incidents");
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * content.size()));
    state.counters["reports_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_ReportWeeklyText(benchmark::State& state) {
    std::string label;
    const std::string& content = weekly_report(label);
    run(state, content, reckon::InputFormat::text, label);
}
BENCHMARK(BM_ReportWeeklyText)->Unit(benchmark::kMillisecond);

void BM_ReportHtmlPage(benchmark::State& state) {
    static const std::string content = read_file(fixture("monitor-daily-2021-03-12.html"));
    run(state, content, reckon::InputFormat::html, "monitor page");
}
BENCHMARK(BM_ReportHtmlPage)->Unit(benchmark::kMillisecond);

void BM_ReportPdf(benchmark::State& state) {
    static const std::string content = read_file(fixture("weekly-brief-2021-03-05.pdf"));
    run(state, content, reckon::InputFormat::pdf, "two-page brief");
}
BENCHMARK(BM_ReportPdf)->Unit(benchmark::kMillisecond);

void BM_ReportOneMegabyte(benchmark::State& state) {
    static const std::string content = [] {
        const std::string one = read_file(fixture("weekly-euphrates-2021-03-05.txt"));
        std::string all;
        while (!one.empty() && all.size() < (1u << 20)) all += one + "\n";
        return all;
    }();
    run(state, content, reckon::InputFormat::text, "1 MB of weekly reports");
}
BENCHMARK(BM_ReportOneMegabyte)->Unit(benchmark::kMillisecond);

} // namespace
