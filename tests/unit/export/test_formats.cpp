// What each format writes on disk: Shapefile file sets (10-character names,
// .cpg, .prj, .qml), GeoJSON per RFC 7946, CSV with WKT and .csvt, and the
// GeoPackage's styles, metadata and indexes.

#include "export_support.hpp"

#include "export/layers.hpp"
#include "export/ogr_reader.hpp"
#include "reckon/error.hpp"
#include "tools/sample_layers.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace reckon;
using reckon::test::contains;
using reckon::test::ExportDir;
using reckon::test::read_file;

namespace {

void write_samples(const std::string& path, VectorFormat f, const std::vector<LayerSchema>& schemas = sample::schemas()) {
    DatasetWriter w(path, f, WriteMode::create);
    for (const LayerSchema& s : schemas) {
        w.add_layer(s);
        w.write(s.name, sample::sample_features(s));
    }
    w.commit();
}

bool valid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += n;
    }
    return true;
}

} // namespace

// ---------------------------------------------------------------------------
// Shapefile
// ---------------------------------------------------------------------------

TEST_CASE("Shapefile: one file set per layer with .cpg, .prj and .qml", "[export]") {
    ExportDir wd("shp-files");
    const std::string dir = wd.file("out");
    write_samples(dir, VectorFormat::shp);
    std::vector<std::string> expected;
    for (const LayerSchema& s : sample::schemas()) {
        for (const char* ext : {".cpg", ".dbf", ".prj", ".qml", ".shp", ".shx"}) expected.push_back(s.name + ext);
    }
    std::sort(expected.begin(), expected.end());
    CHECK(wd.entries("out") == expected);
    CHECK(wd.entries() == std::vector<std::string>{"out"});  // no temporary directory left

    CHECK(read_file(dir + "/incidents.cpg") == "UTF-8");
    const std::string prj = read_file(dir + "/incidents.prj");
    CHECK(contains(prj, "GEOGCS["));
    CHECK(contains(prj, "WGS_1984"));
    CHECK_FALSE(contains(prj, "PROJCS"));
}

TEST_CASE("Shapefile: field names are the 10-character names of the schema", "[export]") {
    ExportDir wd("shp-names");
    const std::string dir = wd.file("out");
    write_samples(dir, VectorFormat::shp);
    for (const LayerSchema& s : sample::schemas()) {
        INFO(s.name);
        const auto layers = vector_io::read_layers(dir + "/" + s.name + ".shp");
        REQUIRE(layers.size() == 1);
        std::vector<std::string> want;
        for (const FieldDef& f : s.fields) {
            CHECK(f.shp_name.size() <= 10);
            want.push_back(f.shp_name);
        }
        CHECK(layers[0].field_names == want);
    }
}

TEST_CASE("Shapefile: the .qml uses the Shapefile names and aliases the full ones", "[export]") {
    ExportDir wd("shp-qml");
    const std::string dir = wd.file("out");
    write_samples(dir, VectorFormat::shp);
    const std::string qml = read_file(dir + "/control_changes.qml");
    CHECK(contains(qml, "attr=\"ctrl_to\""));           // renderer on the renamed field
    CHECK_FALSE(contains(qml, "attr=\"controller_to\""));
    CHECK(contains(qml, "<alias field=\"ctrl_to\" index=\"2\" name=\"controller_to\"/>"));
    CHECK(contains(qml, "<alias field=\"evid_count\" index=\"8\" name=\"evidence_count\"/>"));
    const std::string inc = read_file(dir + "/incidents.qml");
    CHECK(contains(inc, "attr=\"event_type\""));
    CHECK(contains(inc, "&quot;casualties&quot;"));
}

TEST_CASE("Shapefile: long text is cut at 254 bytes on a character boundary", "[export]") {
    ExportDir wd("shp-long");
    LayerSchema s;
    s.name = "notes";
    s.geometry = GeometryKind::point;
    s.fields = {{"note", "note", FieldType::string, ""}};
    std::string arabic;
    while (arabic.size() < 400) arabic += "\xd8\xa8\xd8\xb9\xd9\x82\xd9\x88\xd8\xa8\xd8\xa9 ";  // "بعقوبة " (13 bytes)
    const std::string ascii(300, 'x');
    std::vector<WriteStats> st;
    {
        DatasetWriter w(wd.file("out"), VectorFormat::shp, WriteMode::create);
        w.add_layer(s);
        w.write("notes", {{{arabic}, "POINT (44.6 33.7)"}, {{ascii}, "POINT (44.7 33.8)"}, {{std::string("short")}, ""}});
        st = w.commit();
    }
    REQUIRE(st.size() == 1);
    CHECK(st[0].written == 3);
    CHECK(st[0].truncated_values == 2);
    const auto layers = vector_io::read_layers(wd.file("out/notes.shp"));
    REQUIRE(layers.size() == 1);
    REQUIRE(layers[0].features.size() == 3);
    const std::string a = layers[0].features[0].attributes.at("note");
    CHECK(a.size() <= 254);
    CHECK(a.size() > 254 - 4);
    CHECK(valid_utf8(a));
    CHECK(arabic.compare(0, a.size(), a) == 0);
    CHECK(layers[0].features[1].attributes.at("note") == std::string(254, 'x'));
}

TEST_CASE("Shapefile: schemas with bad Shapefile names are refused, naming the field", "[export]") {
    ExportDir wd("shp-bad");
    LayerSchema s;
    s.name = "t";
    s.geometry = GeometryKind::point;
    const auto refuse = [&](const std::vector<FieldDef>& fields, const std::string& needle) {
        s.fields = fields;
        DatasetWriter w(wd.file("out"), VectorFormat::shp, WriteMode::overwrite);
        try {
            w.add_layer(s);
            FAIL("accepted");
        } catch (const UsageError& e) {
            INFO(e.what());
            CHECK(contains(e.what(), needle));
        }
    };
    refuse({{"killed_or_wounded", "killed_or_wo", FieldType::integer, ""}}, "field killed_or_wounded");
    refuse({{"killed_or_wounded", "killed_or_wo", FieldType::integer, ""}}, "longer than 10");
    refuse({{"killed_or_wounded", "", FieldType::integer, ""}}, "field killed_or_wounded has no Shapefile name");
    refuse({{"location_phrase", "loc", FieldType::string, ""}, {"location_status", "LOC", FieldType::string, ""}},
           "field location_status");
    refuse({{"place", "pl ace", FieldType::string, ""}}, "field place");
    // A short name serves as its own Shapefile name.
    s.fields = {{"killed", "", FieldType::integer, ""}};
    DatasetWriter w(wd.file("ok"), VectorFormat::shp, WriteMode::create);
    CHECK_NOTHROW(w.add_layer(s));
    // The same long names are fine in formats without the limit.
    s.fields = {{"killed_or_wounded", "", FieldType::integer, ""}};
    DatasetWriter g(wd.file("ok.gpkg"), VectorFormat::gpkg, WriteMode::create);
    CHECK_NOTHROW(g.add_layer(s));
}

TEST_CASE("Schema errors: layer and field names, keys, repeated layers", "[export]") {
    ExportDir wd("schema-bad");
    DatasetWriter w(wd.file("out.gpkg"), VectorFormat::gpkg, WriteMode::create);
    LayerSchema s;
    s.geometry = GeometryKind::point;
    s.fields = {{"id", "id", FieldType::string, ""}, {"when", "when", FieldType::date, ""}};
    const auto refuse = [&](const LayerSchema& bad, const std::string& needle) {
        try {
            w.add_layer(bad);
            FAIL("accepted");
        } catch (const UsageError& e) {
            INFO(e.what());
            CHECK(contains(e.what(), needle));
        }
    };
    s.name = "bad name";
    refuse(s, "layer name 'bad name'");
    s.name = "gpkg_contents";
    refuse(s, "reserved");
    s.name = "layer_styles";
    refuse(s, "reserved");
    s.name = "ok";
    s.key_field = "missing";
    refuse(s, "key field missing");
    s.key_field = "when";
    refuse(s, "must be a string or integer");
    s.key_field = "id";
    LayerSchema dup = s;
    dup.fields.push_back({"ID", "id2", FieldType::string, ""});
    refuse(dup, "field ID appears twice");
    LayerSchema geom = s;
    geom.fields.push_back({"geom", "geom", FieldType::string, ""});
    refuse(geom, "fid/geometry column");
    w.add_layer(s);
    refuse(s, "added twice");
    CHECK_THROWS_AS(w.write("nope", {}), UsageError);
    w.commit();
    CHECK_THROWS_AS(w.write("ok", {}), UsageError);
    CHECK_THROWS_AS(w.commit(), UsageError);
}

// ---------------------------------------------------------------------------
// GeoJSON
// ---------------------------------------------------------------------------

TEST_CASE("GeoJSON follows RFC 7946: no crs member, lon/lat, counter-clockwise exteriors", "[export]") {
    ExportDir wd("geojson-rfc");
    const std::string dir = wd.file("out");
    write_samples(dir, VectorFormat::geojson);
    std::vector<std::string> files;
    for (const LayerSchema& s : sample::schemas()) {
        files.push_back(s.name + ".geojson");
        files.push_back(s.name + ".qml");
    }
    std::sort(files.begin(), files.end());
    CHECK(wd.entries("out") == files);

    const std::string places = read_file(dir + "/places.geojson");
    CHECK_FALSE(contains(places, "\"crs\""));
    CHECK(contains(places, "\"type\": \"FeatureCollection\""));
    // Al Mayadin at longitude 40.4518, latitude 35.0196: longitude first.
    CHECK(contains(places, "\"coordinates\": [ 40.4518, 35.0196 ]"));
    CHECK(contains(places, "\"name_ar\": \"\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd8\xa7\xd8\xaf\xd9\x8a\xd9\x86\""));
    CHECK(contains(places, "\"population\": null"));  // NULL is JSON null

    // No coordinate with more than 6 decimals (COORDINATE_PRECISION=6).
    const std::string areas = read_file(dir + "/incident_areas.geojson");
    std::size_t n = 0;
    for (std::size_t p = areas.find("\"coordinates\""); p != std::string::npos; p = areas.find("\"coordinates\"", p + 1)) {
        const std::string coords = areas.substr(p, areas.find('}', p) - p);
        CHECK_FALSE(std::regex_search(coords, std::regex("[0-9]\\.[0-9]{7,}")));
        ++n;
    }
    CHECK(n == 14);
    CHECK(contains(areas, "\"event_date\": \"2020-02-13\""));  // dates as ISO text

    // Exterior rings counter-clockwise (RFC 7946 section 3.1.6): the box of
    // ca-003 starts at its south-west corner and runs east.
    const std::string control = read_file(dir + "/control_areas.geojson");
    CHECK(contains(control, "[ [ [ 36.2, 35.6 ], [ 36.9, 35.6 ], [ 36.9, 36.2 ], [ 36.2, 36.2 ], [ 36.2, 35.6 ] ] ]"));
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

TEST_CASE("CSV: WKT geometry first, ISO dates, column types in .csvt", "[export]") {
    ExportDir wd("csv-files");
    const std::string dir = wd.file("out");
    write_samples(dir, VectorFormat::csv);
    const std::string csv = read_file(dir + "/places.csv");
    const std::string header = csv.substr(0, csv.find('\n'));
    CHECK(header == "WKT,place_id,name,name_ar,feature_code,country,admin1,population,incident_count");
    CHECK(contains(csv, "\"POINT (40.4518 35.0196)\",geonames:170794,Al Mayadin,"));
    CHECK(read_file(dir + "/places.csvt") == "WKT,String,String,String,String,String,String,Integer64,Integer\n");
    CHECK(contains(read_file(dir + "/places.prj"), "AUTHORITY[\"EPSG\",\"4326\"]"));
    const std::string inc = read_file(dir + "/incidents.csv");
    CHECK(contains(inc, ",2020-02-13,"));
    CHECK_FALSE(contains(inc, "2020/02/13"));
    CHECK(read_file(dir + "/incidents.csvt").rfind("WKT,String,Date,", 0) == 0);
}

// ---------------------------------------------------------------------------
// GeoPackage
// ---------------------------------------------------------------------------

TEST_CASE("GeoPackage: QGIS styles, descriptions, identifiers", "[export]") {
    ExportDir wd("gpkg-meta");
    const std::string path = wd.file("out.gpkg");
    write_samples(path, VectorFormat::gpkg);
    vector_io::ReadOptions opt;
    opt.selection = vector_io::LayerSelection::all;
    const auto all = vector_io::read_dataset(path, opt);
    const auto* styles = test::find_layer(all, "layer_styles");
    REQUIRE(styles != nullptr);
    CHECK(styles->field_names ==
          std::vector<std::string>{"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                                   "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"});
    REQUIRE(styles->features.size() == sample::schemas().size());
    for (const LayerSchema& s : sample::schemas()) {
        INFO(s.name);
        int rows = 0;
        for (const auto& f : styles->features) {
            if (f.attributes.at("f_table_name") != s.name) continue;
            ++rows;
            CHECK(f.attributes.at("f_geometry_column") == "geom");
            CHECK(f.attributes.at("useAsDefault") == "1");
            CHECK(f.attributes.at("styleQML") == s.style_qml);
            CHECK(f.attributes.at("f_table_schema").empty());
        }
        CHECK(rows == 1);
    }
    const std::string bytes = read_file(path);
    CHECK(contains(bytes, layers::incidents().description));
    CHECK(contains(bytes, "CREATE UNIQUE INDEX \"incidents_incident_id_key\""));
    CHECK(contains(bytes, "rtree_incidents_geom"));
}

TEST_CASE("Layer names and format names", "[export]") {
    CHECK(vector_format_from_string("gpkg") == VectorFormat::gpkg);
    CHECK(vector_format_from_string("GPKG") == VectorFormat::gpkg);
    CHECK(vector_format_from_string("shapefile") == VectorFormat::shp);
    CHECK(vector_format_from_string("shp") == VectorFormat::shp);
    CHECK(vector_format_from_string("json") == VectorFormat::geojson);
    CHECK(vector_format_from_string("GeoJSON") == VectorFormat::geojson);
    CHECK(vector_format_from_string("csv") == VectorFormat::csv);
    CHECK_THROWS_AS(vector_format_from_string("kml"), UsageError);
    for (const VectorFormat f : {VectorFormat::gpkg, VectorFormat::shp, VectorFormat::geojson, VectorFormat::csv}) {
        CHECK(vector_format_from_string(to_string(f)) == f);
    }
    CHECK(std::string(to_string(FieldType::integer64)) == "integer64");
    CHECK(std::string(to_string(GeometryKind::multipolygon)) == "multipolygon");
}

TEST_CASE("Shapefile: numbers of the whole 32/64-bit range survive the dBASE widths", "[export]") {
    ExportDir wd("shp-numbers");
    LayerSchema s;
    s.name = "numbers";
    s.geometry = GeometryKind::point;
    s.key_field = "id";
    s.fields = {{"id", "id", FieldType::string, ""},
                {"i32", "i32", FieldType::integer, ""},
                {"i64", "i64", FieldType::integer64, ""},
                {"real", "real", FieldType::real, ""}};
    const std::vector<OutFeature> features{
        {{std::string("max"), std::int64_t{2147483647}, std::int64_t{999999999999999999}, 123456789012.5}, "POINT (40 35)"},
        {{std::string("min"), std::int64_t{-2147483647 - 1}, std::int64_t{-99999999999999999}, -0.0000015}, "POINT (41 35)"},
        {{std::string("nul"), FieldValue{}, FieldValue{}, FieldValue{}}, "POINT (42 35)"},
    };
    {
        DatasetWriter w(wd.file("out"), VectorFormat::shp, WriteMode::create);
        w.add_layer(s);
        w.write("numbers", features);
        w.commit();
    }
    const auto layers = vector_io::read_layers(wd.file("out/numbers.shp"));
    REQUIRE(layers.size() == 1);
    test::RoundTrip rt;
    rt.format = VectorFormat::shp;
    rt.real_tolerance = 1e-10;
    test::check_round_trip(s, features, layers[0], rt);
    // Beyond 18 digits a Shapefile cannot hold the integer: an InputError, not a silent Real.
    DatasetWriter w(wd.file("big"), VectorFormat::shp, WriteMode::create);
    w.add_layer(s);
    CHECK_THROWS_WITH(w.write("numbers", {{{std::string("x"), FieldValue{}, std::int64_t{9007199254740993000}, FieldValue{}},
                                           "POINT (40 35)"}}),
                      Catch::Contains("has more digits than a Shapefile integer field holds"));
}
