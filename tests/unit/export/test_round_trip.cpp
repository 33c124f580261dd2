// Round trips: every layer schema with the sample features, written in each
// format and read back through ogr_reader: values, NULLs, real dates,
// Arabic text, geometry (polygons with holes, multipolygons, no geometry).

#include "export_support.hpp"

#include "export/layers.hpp"
#include "export/ogr_reader.hpp"
#include "reckon/error.hpp"
#include "tools/sample_layers.hpp"

#include <catch2/catch.hpp>

using namespace reckon;
using reckon::test::ExportDir;

namespace {

// Write all layers with their sample features; returns what was written.
std::vector<std::pair<LayerSchema, std::vector<OutFeature>>> write_all(const std::string& path, VectorFormat format) {
    std::vector<std::pair<LayerSchema, std::vector<OutFeature>>> out;
    DatasetWriter w(path, format, WriteMode::create);
    for (const LayerSchema& s : sample::schemas()) {
        w.add_layer(s);
        auto features = sample::sample_features(s);
        REQUIRE_FALSE(features.empty());
        w.write(s.name, features);
        out.emplace_back(s, std::move(features));
    }
    const std::vector<WriteStats> stats = w.commit();
    REQUIRE(stats.size() == out.size());
    for (std::size_t i = 0; i < stats.size(); ++i) {
        CHECK(stats[i].layer == out[i].first.name);
        CHECK(stats[i].written == static_cast<std::int64_t>(out[i].second.size()));
        CHECK(stats[i].skipped_duplicates == 0);
    }
    return out;
}

std::string layer_file(const std::string& dir, const std::string& layer, VectorFormat f) {
    switch (f) {
    case VectorFormat::shp: return dir + "/" + layer + ".shp";
    case VectorFormat::geojson: return dir + "/" + layer + ".geojson";
    case VectorFormat::csv: return dir + "/" + layer + ".csv";
    case VectorFormat::gpkg: break;
    }
    return dir;
}

} // namespace

TEST_CASE("GeoPackage round trip of every layer", "[export]") {
    ExportDir wd("rt-gpkg");
    const std::string path = wd.file("out.gpkg");
    const auto written = write_all(path, VectorFormat::gpkg);
    CHECK(wd.entries() == std::vector<std::string>{"out.gpkg"});  // no temporary left behind

    const auto layers = vector_io::read_layers(path);
    REQUIRE(layers.size() == written.size());  // layer_styles is an attribute table: skipped
    test::RoundTrip rt;
    for (const auto& [schema, features] : written) {
        const auto* l = test::find_layer(layers, schema.name);
        REQUIRE(l != nullptr);
        CHECK(l->source_crs == "EPSG:4326");
        CHECK_FALSE(l->reprojected);
        test::check_round_trip(schema, features, *l, rt);
        // Field order and names as in the schema.
        std::vector<std::string> names;
        for (const auto& f : schema.fields) names.push_back(f.name);
        CHECK(l->field_names == names);
    }
    CHECK(test::find_layer(layers, "incidents")->geometry_type == "Point");
    CHECK(test::find_layer(layers, "incident_areas")->geometry_type == "Polygon");
    CHECK(test::find_layer(layers, "control_areas")->geometry_type == "Multi Polygon");
}

namespace {

// Round trip of a directory format: one file per layer, each read back alone.
void check_file_set(VectorFormat f, const test::RoundTrip& rt) {
    ExportDir wd(std::string("rt-") + to_string(f));
    const std::string dir = wd.file("out");
    const auto written = write_all(dir, f);
    for (const auto& [schema, features] : written) {
        const auto layers = vector_io::read_layers(layer_file(dir, schema.name, f));
        REQUIRE(layers.size() == 1);
        // Shapefile: from the .prj; CSV: from the .prj reckon writes beside it.
        CHECK(layers[0].source_crs == "EPSG:4326");
        CHECK_FALSE(layers[0].reprojected);
        test::check_round_trip(schema, features, layers[0], rt);
    }
}

} // namespace

TEST_CASE("Shapefile round trip of every layer", "[export]") {
    test::RoundTrip rt;
    rt.format = VectorFormat::shp;
    rt.max_string_bytes = 254;
    rt.real_tolerance = 1e-10;  // dBASE reals keep 10 decimals
    check_file_set(rt.format, rt);
}

TEST_CASE("GeoJSON round trip of every layer", "[export]") {
    test::RoundTrip rt;
    rt.format = VectorFormat::geojson;
    rt.coordinate_tolerance = 1e-6;  // COORDINATE_PRECISION=6; the samples have 6 decimals
    rt.types_inferred = true;
    check_file_set(rt.format, rt);
}

TEST_CASE("CSV round trip of every layer", "[export]") {
    test::RoundTrip rt;
    rt.format = VectorFormat::csv;
    check_file_set(rt.format, rt);
}

TEST_CASE("Date fields are stored as dates, not text", "[export]") {
    for (const VectorFormat f : {VectorFormat::gpkg, VectorFormat::shp, VectorFormat::csv}) {
        INFO(to_string(f));
        ExportDir wd(std::string("dates-") + to_string(f));
        const std::string path = wd.file(f == VectorFormat::gpkg ? "out.gpkg" : "out");
        write_all(path, f);
        const auto layers = vector_io::read_layers(layer_file(path, "incidents", f));
        const auto* l = test::find_layer(layers, "incidents");
        REQUIRE(l != nullptr);
        const std::string date_field = f == VectorFormat::shp ? "src_date" : "source_date";
        const int i = l->field_index(date_field);
        REQUIRE(i >= 0);
        CHECK(l->field_types[static_cast<std::size_t>(i)] == FieldType::date);
        CHECK(l->field_types[static_cast<std::size_t>(l->field_index("event_date"))] == FieldType::date);
        // The text form is ISO, whatever OGR's own formatting.
        bool seen = false;
        for (const auto& feat : l->features) {
            const auto it = feat.attributes.find("event_date");
            if (it == feat.attributes.end()) continue;
            seen = true;
            CHECK(it->second.size() == 10);
            CHECK(it->second.substr(0, 8) == "2020-02-");
        }
        CHECK(seen);
    }
    // In the GeoPackage the column is declared DATE (GeoPackage 1.3 table 5).
    ExportDir wd("dates-decl");
    write_all(wd.file("out.gpkg"), VectorFormat::gpkg);
    const std::string bytes = test::read_file(wd.file("out.gpkg"));
    CHECK(test::contains(bytes, "\"event_date\" DATE"));
}

TEST_CASE("Arabic text survives every format byte for byte", "[export]") {
    const std::string baqubah = "\xd8\xa8\xd8\xb9\xd9\x82\xd9\x88\xd8\xa8\xd8\xa9";  // بعقوبة
    for (const VectorFormat f : {VectorFormat::gpkg, VectorFormat::shp, VectorFormat::geojson, VectorFormat::csv}) {
        INFO(to_string(f));
        ExportDir wd(std::string("arabic-") + to_string(f));
        const std::string path = wd.file(f == VectorFormat::gpkg ? "out.gpkg" : "out");
        write_all(path, f);
        const auto layers = vector_io::read_layers(layer_file(path, "places", f));
        const auto* l = test::find_layer(layers, "places");
        REQUIRE(l != nullptr);
        bool found = false;
        for (const auto& feat : l->features) {
            const auto it = feat.attributes.find("name_ar");
            if (it != feat.attributes.end() && it->second == baqubah) found = true;
        }
        CHECK(found);
    }
}

TEST_CASE("Attribute-only layers are written without geometry", "[export]") {
    LayerSchema s;
    s.name = "report_index";
    s.geometry = GeometryKind::none;
    s.key_field = "report";
    s.fields = {{"report", "report", FieldType::string, "report file"},
                {"incident_count", "inc_count", FieldType::integer, "incidents read"},
                {"period_start", "per_start", FieldType::date, "first day covered"}};
    const std::vector<OutFeature> features{
        {{std::string("a.txt"), std::int64_t{3}, Date{2020, 2, 13}}, ""},
        {{std::string("b.txt"), FieldValue{}, FieldValue{}}, ""},
    };
    for (const VectorFormat f : {VectorFormat::gpkg, VectorFormat::shp, VectorFormat::geojson, VectorFormat::csv}) {
        INFO(to_string(f));
        ExportDir wd(std::string("none-") + to_string(f));
        const std::string path = wd.file(f == VectorFormat::gpkg ? "out.gpkg" : "out");
        {
            DatasetWriter w(path, f, WriteMode::create);
            w.add_layer(s);
            w.write(s.name, features);
            w.commit();
        }
        std::string file = path;
        if (f == VectorFormat::shp) {
            CHECK(wd.entries("out") == std::vector<std::string>{"report_index.cpg", "report_index.dbf"});
            file = path + "/report_index.dbf";
        } else if (f == VectorFormat::geojson) {
            file = path + "/report_index.geojson";
        } else if (f == VectorFormat::csv) {
            file = path + "/report_index.csv";
            CHECK(test::read_file(path + "/report_index.csvt") == "String,Integer,Date\n");
        }
        vector_io::ReadOptions opt;
        opt.selection = vector_io::LayerSelection::all;
        const auto layers = vector_io::read_dataset(file, opt);
        const auto* l = test::find_layer(layers, "report_index");
        REQUIRE(l != nullptr);
        test::RoundTrip rt;
        rt.format = f;
        rt.types_inferred = f == VectorFormat::geojson;
        test::check_round_trip(s, features, *l, rt);
        // read_layers (spatial layers only) leaves attribute tables out.
        if (f == VectorFormat::gpkg) CHECK(test::find_layer(vector_io::read_layers(file), "report_index") == nullptr);
    }
}
