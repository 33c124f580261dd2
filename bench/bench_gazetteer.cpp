// Gazetteer benchmarks: full build, cold open, exact/transliterated lookup,
// typo-tolerant lookup and match-key computation.
//
// Data: the full gazetteer built from the shared test data
// ($RECKON_SHARED_DIR, else RECKON_SOURCE_DIR/../shared: data/geonames/SY.txt,
// data/geonames/IQ.txt, data/boundaries/sy_iq_admin.gpkg) plus the project's
// gazetteer/curated/*.csv. Without the shared data the lookups run on the
// default gazetteer ($RECKON_GAZETTEER or reckon::default_gazetteer_path())
// and the build benchmark is skipped.
//
// Targets (see scripts/bench): build < 5 s, cold open + one search < 50 ms,
// exact lookups > 200,000/s on one core, typo lookups < 200 us median.

#include "reckon/error.hpp"
#include "reckon/gazetteer.hpp"
#include "reckon/resolver.hpp"
#include "text/normalize.hpp"
#include "bench_support.hpp"

#include <benchmark/benchmark.h>

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace {

using namespace reckon::bench;

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

// Real spellings (tests/data/gazetteer_variants.tsv) that resolve by the fold
// key (exact) or the transliteration key.
const std::vector<std::string> exact_queries{
    "Baqubah", "Baquba", "Ba'qubah", "\xd8\xa8\xd8\xb9\xd9\x82\xd9\x88\xd8\xa8\xd8\xa9" /* بعقوبة */,
    "Al-Mayadeen", "Mayadin", "\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd8\xa7\xd8\xaf\xd9\x8a\xd9\x86" /* الميادين */,
    "Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr",
    "\xd8\xaf\xd9\x8a\xd8\xb1 \xd8\xa7\xd9\x84\xd8\xb2\xd9\x88\xd8\xb1" /* دير الزور */,
    "Raqqa", "Al-Raqqah", "Kirkuk", "Kerkuk", "\xd9\x83\xd8\xb1\xd9\x83\xd9\x88\xd9\x83" /* كركوك */,
    "Mosul", "Al Mawsil", "Aleppo", "Halab", "\xd8\xad\xd9\x84\xd8\xa8" /* حلب */,
    "Tikrit", "Hasakah", "Al-Hasakah", "Qamishli", "Kamishli", "Khanaqin", "Albukamal", "Abu Kamal",
    "Fallujah", "Ramadi", "Baghdad", "Damascus", "Homs", "Manbij", "Erbil", "Sinjar", "Samarra",
    "Idlib", "Palmyra", "Kobani", "Tal Afar", "Hawija", "Zakho",
};

// Typos (one edit or a transposition away from a real name).
const std::vector<std::string> fuzzy_queries{
    "Krikuk",  "Baqbuah",   "Mayadden", "Al-Mayaden", "Dier ez-Zor",  "Tikirt",   "Fallujha", "Ramdi",
    "Qamshlo", "Qamishil",  "Allepo",   "Hasakha",    "Idilb",        "Kahnaqin", "Muqdadyah", "Manbji",
    "Sammara", "Tal Afra",  "Plamyra",  "Damscus",    "Sulaymainyah", "Mosl",
};

// A mix of Latin (with and without diacritics) and Arabic names.
const std::vector<std::string> keys_inputs{
    "Baqubah",
    "Ba\xe2\x80\x98q\xc5\xab" "bah" /* Ba‘qūbah */,
    "Deir ez-Zor",
    "\xd8\xaf\xd9\x8a\xd8\xb1 \xd8\xa7\xd9\x84\xd8\xb2\xd9\x88\xd8\xb1" /* دير الزور */,
    "\xd8\xa8\xd9\x8e\xd8\xb9\xd9\x92\xd9\x82\xd9\x8f\xd9\x88\xd8\xa8\xd9\x8e\xd8\xa9" /* بَعْقُوبَة */,
    "Al Mayadin",
    "Qami\xc5\x9flo" /* Qamişlo */,
    "Al \xe1\xb8\xa8" "asakah" /* Al Ḩasakah */,
    "Ma\xe2\x80\x98" "arrat an Nu\xe2\x80\x98m\xc4\x81n" /* Ma‘arrat an Nu‘mān */,
    "Tuz Khurmatu",
    "Diyala Governorate",
    "al-Hol camp",
    "\xd9\x83\xd9\x81\xd8\xb1 \xd8\xaa\xd8\xae\xd8\xa7\xd8\xb1\xd9\x8a\xd9\x85" /* كفر تخاريم */,
    "Kafr Takharim",
    "Touz Khourmatou",
    "\xc4\x80l B\xc5\xab Kam\xc4\x81l" /* Āl Bū Kamāl */,
    "Hewl\xc3\xaar" /* Hewlêr */,
    "\xd8\xa7\xd9\x84\xd9\x85\xd9\x82\xd8\xaf\xd8\xa7\xd8\xaf\xd9\x8a\xd8\xa9" /* المقدادية */,
    "Sheikh Maqsood",
    "Khan Shaykhun",
};

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5));
    return v[i];
}

double stat_max(const std::vector<double>& v) { return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()); }

// ---------------------------------------------------------------------------
// Benchmarks
// ---------------------------------------------------------------------------

void BM_BuildFullGazetteer(benchmark::State& state) {
    if (!have_shared_data()) {
        state.SkipWithError(("no shared data at " + shared_dir() + "/data: build benchmark skipped").c_str());
        return;
    }
    const reckon::BuildOptions opt = full_build_options();
    std::vector<double> seconds;
    std::size_t places = 0, names = 0, n = 0;
    std::string last;
    for (auto _ : state) {
        const std::string out = scratch_dir() + "/build-" + std::to_string(n++) + ".sqlite";
        const auto t0 = std::chrono::steady_clock::now();
        try {
            const reckon::BuildReport r = reckon::build_gazetteer(out, opt);
            places = r.places;
            names = r.names;
        } catch (const reckon::Error& e) {
            state.SkipWithError(e.what());
            break;
        }
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        state.PauseTiming();
        std::error_code ec;
        if (!last.empty()) fs::remove(last, ec);
        last = out;
        state.ResumeTiming();
    }
    // Keep the last build as the lookup fixture (saves building it again).
    if (!last.empty()) {
        std::error_code ec;
        if (!fs::exists(fixture_file())) fs::rename(last, fixture_file(), ec);
        fs::remove(last, ec);
    }
    state.counters["places"] = static_cast<double>(places);
    state.counters["names"] = static_cast<double>(names);
    state.counters["median_ms"] = percentile(seconds, 0.5) * 1e3;
    state.counters["max_ms"] = stat_max(seconds) * 1e3;
}
BENCHMARK(BM_BuildFullGazetteer)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

// Open the file and answer one question: what a one-shot CLI call pays.
void BM_ColdOpen(benchmark::State& state) {
    std::string why;
    const std::string path = lookup_gazetteer(why);
    if (path.empty()) {
        state.SkipWithError(why.c_str());
        return;
    }
    std::size_t found = 0;
    for (auto _ : state) {
        reckon::Gazetteer g(path);
        reckon::SearchResult r = g.search("Baqubah");
        found += r.candidates.empty() ? 0 : 1;
        benchmark::DoNotOptimize(r);
    }
    if (found != static_cast<std::size_t>(state.iterations())) state.SkipWithError("'Baqubah' not found in the gazetteer");
}
BENCHMARK(BM_ColdOpen)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(0.2)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// Arg 0: with reasons (what `gazetteer search` prints); arg 1: without
// (SearchOptions::explain = false, what batch resolution uses).
void BM_ExactLookup(benchmark::State& state) {
    reckon::SearchOptions opt;
    opt.explain = state.range(0) == 0;
    reckon::Gazetteer* g = lookup_handle(state);
    if (!g) return;
    // Which queries really match exactly or by transliteration (reported once).
    static const double hit_rate = [&] {
        std::size_t hits = 0;
        for (const auto& q : exact_queries) {
            const auto r = g->search(q);
            const bool ok = !r.candidates.empty() && (r.candidates.front().match == reckon::MatchKind::exact ||
                                                      r.candidates.front().match == reckon::MatchKind::transliterated);
            if (ok) ++hits;
            else std::fprintf(stderr, "reckon_bench: exact query '%s' did not match exactly/by transliteration\n", q.c_str());
        }
        return static_cast<double>(hits) / static_cast<double>(exact_queries.size());
    }();
    std::size_t i = 0;
    for (auto _ : state) {
        reckon::SearchResult r = g->search(exact_queries[i], opt);
        benchmark::DoNotOptimize(r);
        if (++i == exact_queries.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["hit_rate"] = hit_rate;
}
BENCHMARK(BM_ExactLookup)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond)
    ->MinTime(0.2)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

void BM_FuzzyLookup(benchmark::State& state) {
    reckon::Gazetteer* g = lookup_handle(state);
    if (!g) return;
    static const double resolved = [&] {
        std::size_t hits = 0;
        for (const auto& q : fuzzy_queries) {
            if (!g->search(q).candidates.empty()) ++hits;
            else std::fprintf(stderr, "reckon_bench: typo '%s' resolved to nothing\n", q.c_str());
        }
        return static_cast<double>(hits) / static_cast<double>(fuzzy_queries.size());
    }();
    // Per-lookup times, for the median and tail over the query mix.
    std::vector<double> us;
    us.reserve(1 << 14);
    std::size_t i = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        reckon::SearchResult r = g->search(fuzzy_queries[i]);
        benchmark::DoNotOptimize(r);
        us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
        if (++i == fuzzy_queries.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["lookup_p50_us"] = percentile(us, 0.5);
    state.counters["lookup_p90_us"] = percentile(us, 0.9);
    state.counters["lookup_max_us"] = stat_max(us);
    state.counters["resolved"] = resolved;
}
BENCHMARK(BM_FuzzyLookup)
    ->Unit(benchmark::kMicrosecond)
    ->MinTime(0.2)
    ->Repetitions(5)
    ->ComputeStatistics("max", stat_max)
    ->ReportAggregatesOnly(true);

// Every spelling of tests/data/gazetteer_variants.tsv (732 spellings of 128
// places: exact, transliterated, Arabic, typos), so the place cache and the
// query mix are those of a real report rather than a few repeated names.
void BM_VariantTableLookup(benchmark::State& state) {
    reckon::Gazetteer* g = lookup_handle(state);
    if (!g) return;
    static const std::vector<std::string> queries = [] {
        std::vector<std::string> out;
        std::ifstream in(std::string(RECKON_SOURCE_DIR) + "/tests/data/gazetteer_variants.tsv");
        std::string line;
        std::getline(in, line);  // header
        while (std::getline(in, line)) {
            const auto tab = line.find('\t');
            if (tab != std::string::npos) out.push_back(line.substr(0, tab));
        }
        return out;
    }();
    if (queries.empty()) {
        state.SkipWithError("tests/data/gazetteer_variants.tsv not found");
        return;
    }
    reckon::SearchOptions opt;
    opt.explain = false;
    std::size_t i = 0;
    for (auto _ : state) {
        reckon::SearchResult r = g->search(queries[i], opt);
        benchmark::DoNotOptimize(r);
        if (++i == queries.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VariantTableLookup)->Unit(benchmark::kMicrosecond)->MinTime(0.2)->Repetitions(5)->ReportAggregatesOnly(true);

// Phrases resolved per second on one core, with the uncertainty polygon (WKT)
// (arg 1) or point and radius only (arg 0). A mix of report phrasings.
// Resolve @p phrases in turn, one per iteration; "located" is the share with a point.
void resolve_cycle(benchmark::State& state, const reckon::Gazetteer& g, const std::vector<std::string>& phrases,
                   const reckon::ResolveOptions& opt) {
    reckon::Resolver resolver(g);
    std::size_t i = 0, located = 0;
    for (auto _ : state) {
        reckon::Resolution r = resolver.resolve(phrases[i], opt);
        located += r.point.valid() ? 1 : 0;
        benchmark::DoNotOptimize(r);
        if (++i == phrases.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["located"] = static_cast<double>(located) / static_cast<double>(state.iterations());
}

void BM_Resolve(benchmark::State& state) {
    reckon::Gazetteer* g = lookup_handle(state);
    if (!g) return;
    static const std::vector<std::string> phrases{
        "14 km north of Al-Mayadeen",
        "in Al-Hawaij, 4 km northeast of Al-Mayadeen",
        "west of Khanaqin, about 100 km northeast of Baqubah",
        "in western Mosul",
        "the Syrian army took over Anjara, about 10 km west of Aleppo",
        "about 30 kilometers southwest of Kirkuk",
        "70kms north Raqqa city",
        "10 km to the south of Baiji town",
        "south of Kirkuk",
        "30 km from Kirkuk",
        "near Albukamal",
        "in the Diyala Province",
        "between Hasakah and Deir ez-Zor",
        "on the road between Aleppo and Azaz",
        "the northern outskirts of Baqubah",
        "an IED was activated against an SDF vehicle 14 km north of Al-Mayadeen",
        "(25 Km northwest of Baqubah)",
        "eight kilometers east of Tikrit",
        "6-7 km south of Samarra",
        "in the countryside east of Deir Ezzor",
    };
    reckon::ResolveOptions opt;
    opt.polygon = state.range(0) == 1;
    resolve_cycle(state, *g, phrases, opt);
}
BENCHMARK(BM_Resolve)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond)->MinTime(0.3)->Repetitions(5)->ReportAggregatesOnly(true);

// River anchors (bands and corridors along the curated courses), polygons on:
// a separate figure, so that BM_Resolve stays comparable across versions.
void BM_ResolveRivers(benchmark::State& state) {
    reckon::Gazetteer* g = lookup_handle(state);
    if (!g) return;
    static const std::vector<std::string> phrases{
        "30 kilometers west of the Euphrates",
        "east of the Euphrates",
        "on the banks of the Tigris",
        "along the Khabur river",
        "the Euphrates Valley",
        "north of the Great Zab",
        "on the banks of the Tigris near Tikrit",
        "in the Euphrates valley near Hajin",
    };
    resolve_cycle(state, *g, phrases, reckon::ResolveOptions{});
}
BENCHMARK(BM_ResolveRivers)->Unit(benchmark::kMicrosecond)->MinTime(0.3)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_MatchKeys(benchmark::State& state) {
    std::size_t i = 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        reckon::text::MatchKeys k = reckon::text::match_keys(keys_inputs[i]);
        benchmark::DoNotOptimize(k);
        bytes += keys_inputs[i].size();
        if (++i == keys_inputs.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_MatchKeys)
    ->Unit(benchmark::kNanosecond)
    ->MinTime(0.2)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::error_code ec;
    fs::remove_all(scratch_dir(), ec);
    return 0;
}
