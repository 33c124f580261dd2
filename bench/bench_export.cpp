// GeoPackage export benchmarks: reckon's DatasetWriter against ogr2ogr
// writing the same features.
//
// Features: N incident points and N incident-area polygons (48-vertex
// rings, as the resolver's uncertainty areas), every field of the
// incidents / incident_areas schemas filled (some NULLs, dates, Arabic
// text), at random places in Syria and Iraq (fixed seed).
//
// BM_GpkgExportVsOgr2ogr/N runs, in each iteration and in alternating order:
//   reckon   DatasetWriter: create, add both layers, write, commit (features
//            already built in memory; includes the spatial indexes, the
//            unique key indexes, the QGIS styles, the fsync and the rename);
//   ogr2ogr  `ogr2ogr -f GPKG -a_srs EPSG:4326 out.gpkg DIR` (one process,
//            wall time) from the same features written beforehand (untimed)
//            by reckon's CSV writer: DIR/incidents.csv and incident_areas.csv
//            with WKT geometry and .csvt types, read with
//            KEEP_GEOM_COLUMNS=NO. ogr2ogr builds the spatial indexes, not
//            the key indexes or styles, and parses CSV where reckon gets
//            OutFeatures.
//
// RECKON_BENCH_EXPORT_RUNS iterations (default 5). Counters: the median
// time of each tool, their ratio (reckon / ogr2ogr) and the median of the
// per-iteration ratios. Target (scripts/bench-export): reckon no
// slower than ogr2ogr. Output goes to RECKON_BENCH_DIR (default: the
// system temporary directory).

#include "export/layers.hpp"
#include "reckon/error.hpp"
#include "reckon/export.hpp"

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace {

using namespace reckon;

constexpr int ring_vertices = 48;

// A small deterministic generator (Knuth's MMIX LCG), so runs compare equal data.
struct Lcg {
    std::uint64_t s = 0x2545F4914F6CDD1DULL;
    double next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(s >> 11) / 9007199254740992.0;
    }
};

std::string coord(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

struct Features {
    std::vector<OutFeature> points;
    std::vector<OutFeature> areas;
};

std::vector<FieldValue> values(const LayerSchema& s, const std::map<std::string, FieldValue>& v) {
    std::vector<FieldValue> out(s.fields.size());
    for (std::size_t i = 0; i < s.fields.size(); ++i) {
        const auto it = v.find(s.fields[i].name);
        if (it != v.end()) out[i] = it->second;
    }
    return out;
}

const Features& features(int n) {
    static std::map<int, Features> cache;
    auto it = cache.find(n);
    if (it != cache.end()) return it->second;
    Features f;
    const LayerSchema inc = layers::incidents(), area = layers::incident_areas();
    static const char* types[] = {"ied", "sniper_fire", "gunfire", "rocket_missile", "mortar", "armed_attack",
                                  "airstrike_shelling", "arrest", "takeover", "other"};
    const std::string name_ar = "\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd8\xa7\xd8\xaf\xd9\x8a\xd9\x86";  // الميادين
    Lcg rng;
    const double pi = 3.14159265358979323846;
    for (int i = 0; i < n; ++i) {
        // Syria and Iraq: longitude 36..48, latitude 30..37.
        const double lon = 36.0 + 12.0 * rng.next(), lat = 30.0 + 7.0 * rng.next();
        const double unc_m = 500.0 + 20000.0 * rng.next();
        const std::string id = "inc-" + std::to_string(1000000 + i);
        const std::string type = types[i % 10];
        const Date day{2020, 1 + i % 12, 1 + i % 28};
        const std::int64_t killed = i % 5, wounded = i % 7;
        const std::string phrase = std::to_string(i % 40) + " km north of Al-Mayadeen";
        f.points.push_back(OutFeature{
            values(inc, {{"incident_id", id},
                         {"event_date", day},
                         {"date_basis", std::string("explicit")},
                         {"event_type", type},
                         {"perpetrator", std::string(i % 2 ? "ISIS" : "Syrian army")},
                         {"target", std::string("SDF")},
                         {"killed", killed},
                         {"wounded", wounded},
                         {"killed_or_wounded", FieldValue{}},
                         {"casualties", killed + wounded},
                         {"casualty_note", i % 9 == 0 ? FieldValue(std::string("at least")) : FieldValue{}},
                         {"location_phrase", phrase},
                         {"location_status", std::string("ok")},
                         {"section", std::string("Deir ez-Zor Province")},
                         {"source", std::string("Telegram")},
                         {"source_date", day},
                         {"report", std::string("reports/weekly-2020-02-19.pdf")},
                         {"paragraph", std::int64_t{i % 300}},
                         {"offset_begin", std::int64_t{i * 200}},
                         {"offset_end", std::int64_t{i * 200 + 180}},
                         {"line", std::int64_t{i % 5000}},
                         {"text", "On February 16, an IED exploded " + phrase +
                                      ", killing two soldiers and wounding three others, according to local sources."},
                         {"messages", FieldValue{}},
                         {"place_id", std::string("geonames:170794")},
                         {"place_name", std::string("Al Mayadin")},
                         {"place_name_ar", name_ar},
                         {"uncertainty_m", unc_m},
                         {"ucdp_where_prec", std::int64_t{2}},
                         {"acled_geo_precision", std::int64_t{2}}}),
            "POINT (" + coord(lon) + " " + coord(lat) + ")"});
        std::string ring;
        const double r_deg = unc_m / 110574.0;
        for (int k = 0; k <= ring_vertices; ++k) {
            const double a = 2 * pi * (k % ring_vertices) / ring_vertices;
            if (k) ring += ", ";
            ring += coord(lon + r_deg * std::cos(a) / std::cos(lat * pi / 180)) + " " + coord(lat + r_deg * std::sin(a));
        }
        f.areas.push_back(OutFeature{values(area, {{"incident_id", id},
                                                   {"event_date", day},
                                                   {"event_type", type},
                                                   {"location_phrase", phrase},
                                                   {"location_status", std::string("ok")},
                                                   {"uncertainty_m", unc_m},
                                                   {"area_km2", pi * unc_m * unc_m / 1e6}}),
                                     "POLYGON ((" + ring + "))"});
    }
    return cache.emplace(n, std::move(f)).first->second;
}

fs::path work_dir() {
    const char* env = std::getenv("RECKON_BENCH_DIR");
    fs::path d = env && *env ? fs::path(env) : fs::temp_directory_path() / ("reckon-bench-export-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

int runs() {
    const char* env = std::getenv("RECKON_BENCH_EXPORT_RUNS");
    const int n = env ? std::atoi(env) : 0;
    return n > 0 ? n : 5;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void write_gpkg(const std::string& path, const Features& f) {
    DatasetWriter w(path, VectorFormat::gpkg, WriteMode::overwrite);
    w.add_layer(layers::incidents());
    w.add_layer(layers::incident_areas());
    w.write("incidents", f.points);
    w.write("incident_areas", f.areas);
    w.commit();
}

// Writes the features as CSV for ogr2ogr (untimed) and returns the command
// that converts them into @p out.
std::string prepare_ogr2ogr(const Features& f, const fs::path& csv, const fs::path& out) {
    // GDAL opens a directory as one CSV dataset only if it holds nothing but
    // .csv and .csvt files: no styles, and the .prj removed (the CRS is given
    // with -a_srs instead).
    LayerSchema inc = layers::incidents(), area = layers::incident_areas();
    inc.style_qml.clear();
    area.style_qml.clear();
    DatasetWriter w(csv.string(), VectorFormat::csv, WriteMode::overwrite);
    w.add_layer(inc);
    w.add_layer(area);
    w.write("incidents", f.points);
    w.write("incident_areas", f.areas);
    w.commit();
    fs::remove(csv / "incidents.prj");
    fs::remove(csv / "incident_areas.prj");
    return "ogr2ogr -f GPKG -a_srs EPSG:4326 -oo KEEP_GEOM_COLUMNS=NO '" + out.string() + "' '" + csv.string() + "'";
}

template <class F>
double seconds_of(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// One iteration = one reckon run and one ogr2ogr run on the same features,
// alternating which goes first, so that both see the same machine load
// (the benchmark machines are shared). The iteration time is reckon's.
void BM_GpkgExportVsOgr2ogr(benchmark::State& state) {
    const int n = static_cast<int>(state.range(0));
    if (std::system("ogr2ogr --version >/dev/null 2>&1") != 0) {
        state.SkipWithError("ogr2ogr not found (install gdal-bin)");
        return;
    }
    const Features& f = features(n);
    const fs::path dir = work_dir();
    const fs::path ours = dir / ("reckon-" + std::to_string(n) + ".gpkg");
    const fs::path theirs = dir / ("ogr2ogr-" + std::to_string(n) + ".gpkg");
    const fs::path csv = dir / ("csv-" + std::to_string(n));
    const std::string cmd = prepare_ogr2ogr(f, csv, theirs);
    std::vector<double> reckon_s, ogr_s, ratio;
    bool reckon_first = true;
    for (auto _ : state) {
        std::error_code ec;
        fs::remove(ours, ec);
        fs::remove(theirs, ec);
        double r = 0, o = 0;
        bool ok = true;
        const auto run_reckon = [&] { r = seconds_of([&] { write_gpkg(ours.string(), f); }); };
        const auto run_ogr = [&] { o = seconds_of([&] { ok = std::system(cmd.c_str()) == 0; }); };
        try {
            if (reckon_first) {
                run_reckon();
                run_ogr();
            } else {
                run_ogr();
                run_reckon();
            }
        } catch (const std::exception& e) {
            state.SkipWithError(e.what());
            return;
        }
        if (!ok) {
            state.SkipWithError(("failed: " + cmd).c_str());
            return;
        }
        reckon_first = !reckon_first;
        reckon_s.push_back(r);
        ogr_s.push_back(o);
        ratio.push_back(r / o);
        state.SetIterationTime(r);
    }
    state.counters["features"] = 2.0 * n;
    state.counters["reckon_median_ms"] = median(reckon_s) * 1e3;
    state.counters["ogr2ogr_median_ms"] = median(ogr_s) * 1e3;
    state.counters["ratio_of_medians"] = median(reckon_s) / median(ogr_s);
    state.counters["median_ratio"] = median(ratio);
    state.counters["reckon_mb"] = static_cast<double>(fs::file_size(ours)) / 1e6;
    state.counters["ogr2ogr_mb"] = static_cast<double>(fs::file_size(theirs)) / 1e6;
    std::error_code ec;
    fs::remove(ours, ec);
    fs::remove(theirs, ec);
    fs::remove_all(csv, ec);
}
BENCHMARK(BM_GpkgExportVsOgr2ogr)
    ->Arg(10000)
    ->Arg(100000)
    ->Iterations(runs())
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

} // namespace
