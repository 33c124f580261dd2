// Safe writing: create / overwrite / append, de-duplication by key, and
// failures at every step leaving the previous output byte-identical.

#include "export_support.hpp"

#include "export/layers.hpp"
#include "export/ogr_reader.hpp"
#include "export/staged_output.hpp"
#include "reckon/error.hpp"
#include "tools/sample_layers.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

using namespace reckon;
using reckon::test::contains;
using reckon::test::ExportDir;
using reckon::test::read_file;
using reckon::test::snapshot;
namespace fs = std::filesystem;

namespace {

std::vector<OutFeature> slice(const std::vector<OutFeature>& v, std::size_t from, std::size_t to) {
    return {v.begin() + static_cast<std::ptrdiff_t>(from), v.begin() + static_cast<std::ptrdiff_t>(std::min(to, v.size()))};
}

std::vector<WriteStats> write_incidents(const std::string& path, VectorFormat f, WriteMode mode, std::size_t from,
                                        std::size_t to, const LayerSchema& schema = layers::incidents()) {
    DatasetWriter w(path, f, mode);
    w.add_layer(schema);
    w.write(schema.name, slice(sample::sample_features(layers::incidents()), from, to));
    return w.commit();
}

std::size_t feature_count(const std::string& path, const std::string& layer) {
    const auto layers = vector_io::read_layers(path, {layer});
    return layers.empty() ? 0 : layers[0].features.size();
}

// An OutFeature of incidents that fails (a string in the integer field "killed").
OutFeature bad_incident() {
    OutFeature f = sample::sample_features(layers::incidents()).at(0);
    const LayerSchema s = layers::incidents();
    for (std::size_t i = 0; i < s.fields.size(); ++i) {
        if (s.fields[i].name == "incident_id") f.values[i] = std::string("inc-bad");
        if (s.fields[i].name == "killed") f.values[i] = std::string("two");
    }
    return f;
}

bool has_temporaries(const ExportDir& wd) {
    for (const auto& e : wd.entries()) {
        if (contains(e, ".tmp-") || contains(e, ".old-") || contains(e, "-journal")) return true;
    }
    return false;
}

} // namespace

TEST_CASE("create refuses an existing output with the --overwrite hint", "[export]") {
    ExportDir wd("create");
    const std::string path = wd.file("out.gpkg");
    write_incidents(path, VectorFormat::gpkg, WriteMode::create, 0, 4);
    const auto before = snapshot(path);
    try {
        DatasetWriter w(path, VectorFormat::gpkg, WriteMode::create);
        FAIL("created over an existing file");
    } catch (const IoError& e) {
        CHECK(std::string(e.what()) == path + " exists (use --overwrite to replace it, or --append to add to it)");
    }
    CHECK(snapshot(path) == before);

    const std::string dir = wd.file("shp");
    write_incidents(dir, VectorFormat::shp, WriteMode::create, 0, 4);
    try {
        DatasetWriter w(dir, VectorFormat::shp, WriteMode::create);
        FAIL("created over an existing directory");
    } catch (const IoError& e) {
        CHECK(std::string(e.what()) == dir + " exists (use --overwrite to replace it)");
    }
    CHECK_FALSE(has_temporaries(wd));
}

TEST_CASE("overwrite replaces a GeoPackage and a directory output", "[export]") {
    ExportDir wd("overwrite");
    const std::string path = wd.file("out.gpkg");
    write_incidents(path, VectorFormat::gpkg, WriteMode::create, 0, 10);
    CHECK(feature_count(path, "incidents") == 10);
    write_incidents(path, VectorFormat::gpkg, WriteMode::overwrite, 10, 13);
    CHECK(feature_count(path, "incidents") == 3);

    const std::string dir = wd.file("geo");
    write_incidents(dir, VectorFormat::geojson, WriteMode::create, 0, 10);
    // A stale layer file of the old output disappears with it.
    { std::ofstream(dir + "/old_layer.geojson") << "{}"; }
    write_incidents(dir, VectorFormat::geojson, WriteMode::overwrite, 0, 2);
    CHECK(wd.entries("geo") == std::vector<std::string>{"incidents.geojson", "incidents.qml"});
    CHECK(feature_count(dir + "/incidents.geojson", "incidents") == 2);
    // Overwrite of a path that does not exist simply creates it.
    write_incidents(wd.file("new.gpkg"), VectorFormat::gpkg, WriteMode::overwrite, 0, 1);
    CHECK(feature_count(wd.file("new.gpkg"), "incidents") == 1);
    CHECK_FALSE(has_temporaries(wd));
}

TEST_CASE("overwrite never replaces a directory of other data, or the other kind of output", "[export]") {
    ExportDir wd("overwrite-safety");
    const std::string dir = wd.file("data");
    fs::create_directories(dir + "/sub");
    { std::ofstream(dir + "/notes.txt") << "mine"; }
    try {
        DatasetWriter w(dir, VectorFormat::shp, WriteMode::overwrite);
        FAIL("would replace a directory of other files");
    } catch (const IoError& e) {
        INFO(e.what());
        CHECK(contains(e.what(), "refusing to replace"));
    }
    CHECK(read_file(dir + "/notes.txt") == "mine");
    CHECK_THROWS_AS(DatasetWriter(dir, VectorFormat::gpkg, WriteMode::overwrite), IoError);  // a directory, not a file
    const std::string gpkg = wd.file("out.gpkg");
    write_incidents(gpkg, VectorFormat::gpkg, WriteMode::create, 0, 1);
    CHECK_THROWS_AS(DatasetWriter(gpkg, VectorFormat::csv, WriteMode::overwrite), IoError);  // a file, not a directory
    CHECK_FALSE(has_temporaries(wd));
}

TEST_CASE("append adds only features whose key is new", "[export]") {
    ExportDir wd("append");
    const std::string path = wd.file("out.gpkg");
    auto st = write_incidents(path, VectorFormat::gpkg, WriteMode::create, 0, 10);
    REQUIRE(st.size() == 1);
    CHECK(st[0].written == 10);

    // Features 6..15: 6..9 are there already.
    st = write_incidents(path, VectorFormat::gpkg, WriteMode::append, 6, 16);
    REQUIRE(st.size() == 1);
    CHECK(st[0].layer == "incidents");
    CHECK(st[0].written == 6);
    CHECK(st[0].skipped_duplicates == 4);
    CHECK(feature_count(path, "incidents") == 16);

    // Appending the same again writes nothing.
    st = write_incidents(path, VectorFormat::gpkg, WriteMode::append, 0, 16);
    CHECK(st[0].written == 0);
    CHECK(st[0].skipped_duplicates == 16);
    CHECK(feature_count(path, "incidents") == 16);

    // Each key once, and one style row (the first run's).
    const auto layers = vector_io::read_layers(path, {"incidents"});
    std::set<std::string> keys;
    for (const auto& f : layers[0].features) keys.insert(f.attributes.at("incident_id"));
    CHECK(keys.size() == 16);
    vector_io::ReadOptions opt;
    opt.selection = vector_io::LayerSelection::all;
    opt.layer_names = {"layer_styles"};
    CHECK(vector_io::read_dataset(path, opt).at(0).features.size() == 1);
    CHECK_FALSE(has_temporaries(wd));
}

TEST_CASE("duplicate keys within one run are written once", "[export]") {
    ExportDir wd("dup-keys");
    const auto pool = sample::sample_features(layers::incidents());
    DatasetWriter w(wd.file("out.gpkg"), VectorFormat::gpkg, WriteMode::create);
    w.add_layer(layers::incidents());
    w.write("incidents", slice(pool, 0, 5));
    w.write("incidents", slice(pool, 3, 8));
    const auto st = w.commit();
    CHECK(st[0].written == 8);
    CHECK(st[0].skipped_duplicates == 2);
}

TEST_CASE("append adds missing layers and fields, and checks the existing ones", "[export]") {
    ExportDir wd("append-schema");
    const std::string path = wd.file("out.gpkg");
    LayerSchema small = layers::incidents();
    small.fields.resize(5);  // incident_id .. event_type
    {
        DatasetWriter w(path, VectorFormat::gpkg, WriteMode::create);
        w.add_layer(small);
        std::vector<OutFeature> fs = slice(sample::sample_features(layers::incidents()), 0, 3);
        for (auto& f : fs) f.values.resize(5);
        w.write("incidents", fs);
        w.commit();
    }
    {
        // The schema grew (all incident fields) and a layer is new.
        DatasetWriter w(path, VectorFormat::gpkg, WriteMode::append);
        w.add_layer(layers::incidents());
        w.add_layer(layers::places());
        w.write("incidents", slice(sample::sample_features(layers::incidents()), 2, 6));
        w.write("places", sample::sample_features(layers::places()));
        const auto st = w.commit();
        CHECK(st[0].written == 3);
        CHECK(st[0].skipped_duplicates == 1);
        CHECK(st[1].written == static_cast<std::int64_t>(sample::sample_places().size()));
    }
    const auto layers = vector_io::read_layers(path);
    const auto* inc = test::find_layer(layers, "incidents");
    REQUIRE(inc != nullptr);
    CHECK(inc->field_names.size() == layers::incidents().fields.size());
    CHECK(inc->features.size() == 6);
    // The new field is NULL in old features, set in new ones.
    for (const auto& f : inc->features) {
        const bool old = f.attributes.at("incident_id") <= "inc-0003";
        CHECK(f.attributes.count("location_phrase") == (old ? 0u : 1u));
    }
    CHECK(test::find_layer(layers, "places") != nullptr);

    // A field whose type changed is refused.
    LayerSchema changed = layers::incidents();
    for (auto& f : changed.fields) {
        if (f.name == "killed") f.type = FieldType::string;
    }
    const auto before = snapshot(path);
    {
        DatasetWriter w(path, VectorFormat::gpkg, WriteMode::append);
        try {
            w.add_layer(changed);
            FAIL("accepted a changed field type");
        } catch (const IoError& e) {
            INFO(e.what());
            CHECK(contains(e.what(), "field killed is Integer in the file"));
        }
        LayerSchema as_polygons = layers::places();
        as_polygons.geometry = GeometryKind::polygon;
        CHECK_THROWS_AS(w.add_layer(as_polygons), IoError);
    }
    CHECK(snapshot(path) == before);
    CHECK_FALSE(has_temporaries(wd));
}

TEST_CASE("append needs a GeoPackage", "[export]") {
    ExportDir wd("append-bad");
    const std::string text = wd.file("notes.gpkg");
    { std::ofstream(text) << "not a database"; }
    try {
        DatasetWriter w(text, VectorFormat::gpkg, WriteMode::append);
        FAIL("appended to a text file");
    } catch (const IoError& e) {
        CHECK(std::string(e.what()) == text + " is not a GeoPackage");
    }
    // An SQLite database that is not a GeoPackage (no GPKG application_id).
    const std::string sqlite = wd.file("plain.sqlite");
    {
        std::string header(100, '\0');
        std::memcpy(&header[0], "SQLite format 3", 16);
        std::ofstream(sqlite, std::ios::binary) << header;
    }
    CHECK_THROWS_WITH(DatasetWriter(sqlite, VectorFormat::gpkg, WriteMode::append), sqlite + " is not a GeoPackage");
    CHECK_THROWS_AS(DatasetWriter(wd.file("dir"), VectorFormat::shp, WriteMode::append), UsageError);
    CHECK_THROWS_AS(DatasetWriter(wd.file("dir"), VectorFormat::geojson, WriteMode::append), UsageError);
    CHECK_THROWS_AS(DatasetWriter(wd.file("dir"), VectorFormat::csv, WriteMode::append), UsageError);
    // Append to a GeoPackage that does not exist yet creates it.
    write_incidents(wd.file("new.gpkg"), VectorFormat::gpkg, WriteMode::append, 0, 2);
    CHECK(feature_count(wd.file("new.gpkg"), "incidents") == 2);
    CHECK(read_file(text) == "not a database");
}

TEST_CASE("a failure mid-way leaves the previous output byte-identical", "[export]") {
    for (const WriteMode mode : {WriteMode::overwrite, WriteMode::append}) {
        INFO((mode == WriteMode::append ? "append" : "overwrite"));
        ExportDir wd(mode == WriteMode::append ? "fail-append" : "fail-overwrite");
        const std::string path = wd.file("out.gpkg");
        write_incidents(path, VectorFormat::gpkg, WriteMode::create, 0, 8);
        const auto before = snapshot(path);
        REQUIRE(before.size() == 1);
        try {
            DatasetWriter w(path, VectorFormat::gpkg, mode);
            w.add_layer(layers::incidents());
            w.add_layer(layers::places());
            w.write("incidents", slice(sample::sample_features(layers::incidents()), 4, 16));
            w.write("incidents", {bad_incident()});
            FAIL("the bad feature was accepted");
        } catch (const InputError&) {
        }
        CHECK(snapshot(path) == before);
        CHECK_FALSE(has_temporaries(wd));
    }
    // Directory outputs too.
    ExportDir wd("fail-dir");
    const std::string dir = wd.file("shp");
    write_incidents(dir, VectorFormat::shp, WriteMode::create, 0, 8);
    const auto before = snapshot(dir);
    try {
        DatasetWriter w(dir, VectorFormat::shp, WriteMode::overwrite);
        w.add_layer(layers::incidents());
        w.write("incidents", {bad_incident()});
        FAIL("the bad feature was accepted");
    } catch (const InputError&) {
    }
    CHECK(snapshot(dir) == before);
    CHECK_FALSE(has_temporaries(wd));
}

namespace {
int g_renames = 0;
int g_fail_at = -1;
int failing_rename(const char* from, const char* to) {
    if (g_renames++ == g_fail_at) {
        errno = EACCES;
        return -1;
    }
    return std::rename(from, to);
}
struct RenameHookGuard {
    explicit RenameHookGuard(int fail_at) {
        g_renames = 0;
        g_fail_at = fail_at;
        old = vector_io::detail::testing::set_rename_hook(&failing_rename);
    }
    ~RenameHookGuard() { vector_io::detail::testing::set_rename_hook(old); }
    vector_io::detail::RenameHook old;
};
} // namespace

TEST_CASE("a commit whose rename fails leaves the previous output in place", "[export]") {
    // Directory output: rename 0 moves the old one aside, rename 1 moves the new one in.
    for (const int step : {0, 1}) {
        INFO("failing rename " << step);
        ExportDir wd("commit-fail-" + std::to_string(step));
        const std::string dir = wd.file("csv");
        write_incidents(dir, VectorFormat::csv, WriteMode::create, 0, 8);
        const auto before = snapshot(dir);
        {
            RenameHookGuard guard(step);
            DatasetWriter w(dir, VectorFormat::csv, WriteMode::overwrite);
            w.add_layer(layers::incidents());
            w.write("incidents", slice(sample::sample_features(layers::incidents()), 0, 2));
            CHECK_THROWS_AS(w.commit(), IoError);
        }
        CHECK(snapshot(dir) == before);
        CHECK_FALSE(has_temporaries(wd));
    }
    // GeoPackage: one rename over the old file.
    ExportDir wd("commit-fail-gpkg");
    const std::string path = wd.file("out.gpkg");
    write_incidents(path, VectorFormat::gpkg, WriteMode::create, 0, 8);
    const auto before = snapshot(path);
    {
        RenameHookGuard guard(0);
        DatasetWriter w(path, VectorFormat::gpkg, WriteMode::overwrite);
        w.add_layer(layers::incidents());
        CHECK_THROWS_AS(w.commit(), IoError);
    }
    CHECK(snapshot(path) == before);
    CHECK_FALSE(has_temporaries(wd));
}

TEST_CASE("output directories that are missing or not writable are IoErrors naming them", "[export]") {
    ExportDir wd("unwritable");
    try {
        DatasetWriter w(wd.file("missing/out.gpkg"), VectorFormat::gpkg, WriteMode::create);
        FAIL("wrote into a missing directory");
    } catch (const IoError& e) {
        CHECK(contains(e.what(), "directory " + wd.file("missing") + " does not exist"));
    }
    const std::string ro = wd.file("ro");
    fs::create_directories(ro);
    ::chmod(ro.c_str(), 0555);
    if (::access(ro.c_str(), W_OK) == 0) {
        WARN("running as root (or similar): chmod does not make a directory unwritable; skipping that part");
    } else {
        for (const VectorFormat f : {VectorFormat::gpkg, VectorFormat::shp}) {
            try {
                DatasetWriter w(ro + "/out", f, WriteMode::create);
                FAIL("wrote into a read-only directory");
            } catch (const IoError& e) {
                INFO(e.what());
                CHECK(contains(e.what(), "cannot write in directory " + ro));
            }
        }
    }
    ::chmod(ro.c_str(), 0755);
}

TEST_CASE("GeoPackage detection by header", "[export]") {
    ExportDir wd("gpkg-detect");
    write_incidents(wd.file("a.gpkg"), VectorFormat::gpkg, WriteMode::create, 0, 1);
    CHECK(vector_io::detail::is_geopackage_file(wd.file("a.gpkg")));
    { std::ofstream(wd.file("short")) << "SQLite"; }
    CHECK_FALSE(vector_io::detail::is_geopackage_file(wd.file("short")));
    CHECK_FALSE(vector_io::detail::is_geopackage_file(wd.file("none")));
}

TEST_CASE("more features than one transaction holds (grouped commits, deferred R-tree)", "[export]") {
    // 100,001 points: the writer commits after 100,000 and GDAL builds the
    // R-tree in a temporary database that must be merged back at the end.
    ExportDir wd("many");
    LayerSchema s;
    s.name = "many";
    s.geometry = GeometryKind::point;
    s.key_field = "id";
    s.fields = {{"id", "id", FieldType::integer64, ""}};
    constexpr std::int64_t n = 100001;
    std::vector<OutFeature> fs;
    fs.reserve(n);
    for (std::int64_t i = 0; i < n; ++i) {
        fs.push_back(OutFeature{{i}, "POINT (" + std::to_string(36 + (i % 1200) / 100.0) + " " +
                                         std::to_string(30 + (i / 1200) / 20.0) + ")"});
    }
    const std::string path = wd.file("many.gpkg");
    {
        DatasetWriter w(path, VectorFormat::gpkg, WriteMode::create);
        w.add_layer(s);
        w.write("many", fs);
        const auto st = w.commit();
        CHECK(st[0].written == n);
    }
    CHECK(feature_count(path, "many") == static_cast<std::size_t>(n));
    // Appending one more of them is a duplicate.
    DatasetWriter w(path, VectorFormat::gpkg, WriteMode::append);
    w.add_layer(s);
    w.write("many", {fs[n - 1]});
    CHECK(w.commit()[0].skipped_duplicates == 1);
}

TEST_CASE("output paths: a trailing slash names the directory, and . and .. are refused", "[export]") {
    ExportDir wd("paths");
    write_incidents(wd.file("geo") + "/", VectorFormat::geojson, WriteMode::create, 0, 2);
    CHECK(wd.entries() == std::vector<std::string>{"geo"});
    CHECK(wd.entries("geo") == std::vector<std::string>{"incidents.geojson", "incidents.qml"});
    CHECK_THROWS_AS(DatasetWriter(wd.file("."), VectorFormat::shp, WriteMode::overwrite), UsageError);
    CHECK_THROWS_AS(DatasetWriter(wd.file(".."), VectorFormat::csv, WriteMode::overwrite), UsageError);
    CHECK_THROWS_AS(DatasetWriter("", VectorFormat::gpkg, WriteMode::create), UsageError);
}
