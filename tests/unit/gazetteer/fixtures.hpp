#pragma once
// Shared test fixtures: the full gazetteer from ../shared (built once per test
// run, when ../shared/data is there) and the project's own small fixtures.

#include "reckon/gazetteer.hpp"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace reckon::test {

inline std::string source_dir() { return RECKON_SOURCE_DIR; }
inline std::string binary_dir() { return RECKON_BINARY_DIR; }
inline std::string data_path(const std::string& rel) { return source_dir() + "/tests/data/" + rel; }

/// The whole content of @p path ("" when it cannot be read).
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string shared_dir() {
    if (const char* env = std::getenv("RECKON_SHARED_DIR"); env && *env) return env;
    return source_dir() + "/../shared";
}

inline bool have_shared_data() {
    return std::filesystem::exists(shared_dir() + "/data/geonames/SY.txt") &&
           std::filesystem::exists(shared_dir() + "/data/geonames/IQ.txt");
}

inline std::vector<std::string> curated_files() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(source_dir() + "/gazetteer/curated")) {
        if (e.path().extension() == ".csv") out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// The full gazetteer built from ../shared/data (nullptr when absent).
inline Gazetteer* full_gazetteer() {
    static std::unique_ptr<Gazetteer> g = []() -> std::unique_ptr<Gazetteer> {
        if (!have_shared_data()) return nullptr;
        const std::string path = binary_dir() + "/test-full-gazetteer.sqlite";
        BuildOptions opt;
        opt.geonames = {shared_dir() + "/data/geonames/SY.txt", shared_dir() + "/data/geonames/IQ.txt"};
        opt.boundaries = {shared_dir() + "/data/boundaries/sy_iq_admin.gpkg"};
        opt.curated = curated_files();
        build_gazetteer(path, opt);
        return std::make_unique<Gazetteer>(path);
    }();
    return g.get();
}

/// The default gazetteer as scripts/setup builds it (nullptr when absent).
inline Gazetteer* default_gazetteer() {
    static std::unique_ptr<Gazetteer> g = []() -> std::unique_ptr<Gazetteer> {
        const std::string path = binary_dir() + "/default-gazetteer.sqlite";
        if (!std::filesystem::exists(path)) return nullptr;
        return std::make_unique<Gazetteer>(path);
    }();
    return g.get();
}

/// A fresh directory for one test case's outputs (pid-unique: ctest may run
/// test cases of one binary in parallel), removed when the case ends.
struct WorkDir {
    std::filesystem::path dir;
    explicit WorkDir(const std::string& name)
        : dir(std::filesystem::path(binary_dir()) / "test-work" / (name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    ~WorkDir() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    WorkDir(const WorkDir&) = delete;
    WorkDir& operator=(const WorkDir&) = delete;
    std::string file(const std::string& name) const { return (dir / name).string(); }
    /// Write @p content to @p name (directories created).
    void write(const std::string& name, const std::string& content) const {
        std::filesystem::create_directories((dir / name).parent_path());
        std::ofstream(dir / name, std::ios::binary) << content;
    }
    /// Files other than @p keep in the directory (leftover temporaries).
    std::vector<std::string> others(const std::string& keep = "") const {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(dir)) {
            if (e.path().filename() != keep) out.push_back(e.path().filename().string());
        }
        return out;
    }
};

struct TsvRow {
    std::size_t line;
    std::vector<std::string> cols;
};

/// Rows of a tab-separated file without its header line (empty fields kept,
/// CR stripped, blank lines skipped); empty if the file is missing.
inline std::vector<TsvRow> read_tsv(const std::string& path) {
    std::vector<TsvRow> rows;
    std::ifstream in(path);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (n == 1) continue;  // header
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        TsvRow row{n, {}};
        std::size_t start = 0;
        while (true) {
            const auto tab = line.find('\t', start);
            row.cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace reckon::test
