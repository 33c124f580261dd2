// Control-area benchmarks: one snapshot over every settlement of the full
// gazetteer (~32,000 in Syria and Iraq), with evidence for all of them
// (the worst case: every cell changes and is dissolved), and with a hundred
// takeovers (a week of reports).
//
// Data: the full gazetteer built from $RECKON_SHARED_DIR (else
// RECKON_SOURCE_DIR/../shared) data/geonames/SY.txt, IQ.txt and
// data/boundaries/sy_iq_admin.gpkg, as the tests build it
// (tests/unit/gazetteer/fixtures.hpp); skipped without it.
//
// The evidence is synthetic: each settlement gets a controller from its
// position (a handful of contiguous regions, like a real front map), so the
// dissolve produces a few large areas rather than noise.

#include "reckon/control.hpp"
#include "reckon/error.hpp"
#include "reckon/gazetteer.hpp"

#include <benchmark/benchmark.h>

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string shared_dir() {
    if (const char* env = std::getenv("RECKON_SHARED_DIR"); env && *env) return env;
    return std::string(RECKON_SOURCE_DIR) + "/../shared";
}

// The full gazetteer, built once into a scratch directory (nullptr without the shared data).
reckon::Gazetteer* full_gazetteer(std::string& why) {
    static std::unique_ptr<reckon::Gazetteer> g;
    static std::string error;
    static bool done = false;
    if (!done) {
        done = true;
        const std::string d = shared_dir();
        if (!fs::exists(d + "/data/geonames/SY.txt") || !fs::exists(d + "/data/geonames/IQ.txt") ||
            !fs::exists(d + "/data/boundaries/sy_iq_admin.gpkg")) {
            error = "no shared data at " + d + "/data: control benchmarks skipped";
        } else {
            std::string tmpl = (fs::temp_directory_path() / "reckon-bench-control-XXXXXX").string();
            if (!mkdtemp(tmpl.data())) {
                error = "cannot create a scratch directory";
            } else {
                reckon::BuildOptions opt;
                opt.geonames = {d + "/data/geonames/SY.txt", d + "/data/geonames/IQ.txt"};
                opt.boundaries = {d + "/data/boundaries/sy_iq_admin.gpkg"};
                const std::string path = tmpl + "/full-gazetteer.sqlite";
                try {
                    reckon::build_gazetteer(path, opt);
                    g = std::make_unique<reckon::Gazetteer>(path);
                } catch (const reckon::Error& e) {
                    error = std::string("building the full gazetteer failed: ") + e.what();
                }
            }
        }
    }
    why = error;
    return g.get();
}

// A front map by position: SDF east of the Euphrates in Syria, HTS in the
// north-west, the Syrian army elsewhere in Syria; Peshmerga in the Kurdistan
// region, Iraqi forces elsewhere in Iraq.
const char* synthetic_controller(const reckon::Place& p) {
    const double lat = p.position.lat_deg, lon = p.position.lon_deg;
    if (p.country == "SY") {
        if (lon > 38.5 && lat > 35.3) return "SDF";
        if (lon < 36.9 && lat > 35.4) return "HTS";
        return "Syrian army";
    }
    if (lat > 36.0 && lon > 43.3) return "Peshmerga";
    return "Iraqi security forces";
}

std::vector<reckon::ControlEvidence> evidence_for(const std::vector<reckon::Place>& places, std::size_t every) {
    std::vector<reckon::ControlEvidence> out;
    for (std::size_t i = 0; i < places.size(); i += every) {
        const reckon::Place& p = places[i];
        reckon::ControlEvidence e;
        e.id = "bench-" + std::to_string(i);
        e.source = "bench";
        e.date = reckon::Date{2020, 2, 1 + static_cast<int>(i % 16)};
        e.kind = every == 1 ? reckon::EvidenceKind::statement : reckon::EvidenceKind::takeover;
        e.controller = synthetic_controller(p);
        e.place_id = p.id;
        e.place_name = p.name;
        e.point = p.position;
        out.push_back(std::move(e));
    }
    return out;
}

void run_snapshot(benchmark::State& state, std::size_t every) {
    std::string why;
    reckon::Gazetteer* gaz = full_gazetteer(why);
    if (!gaz) {
        state.SkipWithError(why.c_str());
        return;
    }
    reckon::PlaceFilter f;
    f.countries = {"SY", "IQ"};
    const std::vector<reckon::Place> places = reckon::list_places(*gaz, f);
    reckon::ControlInputs in;
    in.evidence = evidence_for(places, every);
    reckon::ControlOptions opt;
    opt.as_of = {reckon::Date{2020, 2, 17}};
    opt.clip = "country";
    std::size_t sites = 0, areas = 0;
    for (auto _ : state) {
        const reckon::ControlResult r = reckon::build_control(in, opt, *gaz);
        sites = r.settlements;
        areas = r.areas.size();
        benchmark::DoNotOptimize(r.areas.data());
    }
    state.counters["settlements"] = static_cast<double>(sites);
    state.counters["evidence"] = static_cast<double>(in.evidence.size());
    state.counters["areas"] = static_cast<double>(areas);
}

// Every settlement has evidence: all ~32,000 cells are dissolved.
void BM_ControlSnapshotAllSettlements(benchmark::State& state) { run_snapshot(state, 1); }
// A hundred-odd takeovers (every 300th settlement): the common case.
void BM_ControlSnapshotSparseEvidence(benchmark::State& state) { run_snapshot(state, 300); }

} // namespace

BENCHMARK(BM_ControlSnapshotAllSettlements)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(BM_ControlSnapshotSparseEvidence)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3)->ReportAggregatesOnly(true);
