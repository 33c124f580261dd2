#pragma once
// What every benchmark needs: the shared test data (when present), a scratch
// directory, and the gazetteer the lookups run on — the full one built from
// ../shared/data once per run, else the default gazetteer.

#include "reckon/error.hpp"
#include "reckon/gazetteer.hpp"

#include <benchmark/benchmark.h>

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <memory>
#include <string>
#include <system_error>

namespace reckon::bench {

namespace fs = std::filesystem;

/// The whole content of @p path ("" when it cannot be read).
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string shared_dir() {
    if (const char* env = std::getenv("RECKON_SHARED_DIR"); env && *env) return env;
    return std::string(RECKON_SOURCE_DIR) + "/../shared";
}

inline bool have_shared_data() {
    const std::string d = shared_dir();
    return fs::exists(d + "/data/geonames/SY.txt") && fs::exists(d + "/data/geonames/IQ.txt") &&
           fs::exists(d + "/data/boundaries/sy_iq_admin.gpkg");
}

inline reckon::BuildOptions full_build_options() {
    const std::string d = shared_dir();
    reckon::BuildOptions opt;
    opt.geonames = {d + "/data/geonames/SY.txt", d + "/data/geonames/IQ.txt"};
    opt.boundaries = {d + "/data/boundaries/sy_iq_admin.gpkg"};
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(std::string(RECKON_SOURCE_DIR) + "/gazetteer/curated", ec)) {
        if (e.path().extension() == ".csv") opt.curated.push_back(e.path().string());
    }
    std::sort(opt.curated.begin(), opt.curated.end());
    return opt;
}

// Scratch directory for built gazetteers, removed at exit.
inline const std::string& scratch_dir() {
    static const std::string dir = [] {
        std::string tmpl = (fs::temp_directory_path() / "reckon-bench-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) {
            std::perror("reckon_bench: mkdtemp");
            std::exit(1);
        }
        return tmpl;
    }();
    return dir;
}

inline std::string fixture_file() { return scratch_dir() + "/full-gazetteer.sqlite"; }

// The gazetteer the lookup benchmarks use: the full one (built once, or left
// by BM_BuildFullGazetteer), else the default one. "" with @p why if neither.
inline std::string lookup_gazetteer(std::string& why) {
    static std::string path;
    static std::string error;
    static bool done = false;
    if (!done) {
        done = true;
        if (have_shared_data()) {
            if (!fs::exists(fixture_file())) {
                try {
                    const auto t0 = std::chrono::steady_clock::now();
                    const auto report = reckon::build_gazetteer(fixture_file(), full_build_options());
                    std::fprintf(stderr, "reckon_bench: built the full gazetteer (%zu places, %zu names) in %.1f s\n",
                                 report.places, report.names,
                                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
                } catch (const reckon::Error& e) {
                    error = std::string("building the full gazetteer failed: ") + e.what();
                }
            }
            if (error.empty()) path = fixture_file();
        } else {
            const std::string p = reckon::default_gazetteer_path();
            if (fs::exists(p)) {
                std::fprintf(stderr, "reckon_bench: %s/data absent: lookups use the default gazetteer %s\n",
                             shared_dir().c_str(), p.c_str());
                path = p;
            } else {
                error = "no shared data (" + shared_dir() + "/data) and no gazetteer at " + p;
            }
        }
    }
    why = error;
    return path;
}

// One open gazetteer shared by the lookup benchmarks.
inline reckon::Gazetteer* lookup_handle(benchmark::State& state) {
    static std::unique_ptr<reckon::Gazetteer> g;
    static std::string error;
    if (!g && error.empty()) {
        const std::string path = lookup_gazetteer(error);
        if (!path.empty()) {
            try {
                g = std::make_unique<reckon::Gazetteer>(path);
            } catch (const reckon::Error& e) {
                error = e.what();
            }
        }
    }
    if (!g) state.SkipWithError(error.c_str());
    return g.get();
}

} // namespace reckon::bench
