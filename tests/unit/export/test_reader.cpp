// ogr_reader: source CRS and reprojection report, field types, typed values
// (dates), attribute tables on request.

#include "export_support.hpp"

#include "export/layers.hpp"
#include "export/ogr_reader.hpp"
#include "reckon/error.hpp"
#include "tools/sample_layers.hpp"

#include <catch2/catch.hpp>

using namespace reckon;
using reckon::test::ExportDir;

TEST_CASE("reader reports a projected source CRS and reprojects to EPSG:4326", "[export]") {
    const std::string path = std::string(RECKON_SOURCE_DIR) + "/tests/data/export/utm37n_baseline.geojson";
    const auto layers = vector_io::read_layers(path);
    REQUIRE(layers.size() == 1);
    const auto& l = layers[0];
    CHECK(l.name == "baseline");
    CHECK(l.source_crs == "EPSG:32637");
    CHECK(l.reprojected);
    CHECK(l.geometry_type == "Polygon");
    CHECK(l.field_names == std::vector<std::string>{"controller", "as_of", "note"});
    CHECK(l.field_types == std::vector<FieldType>{FieldType::string, FieldType::date, FieldType::string});
    REQUIRE(l.features.size() == 2);

    // UTM zone 37N has its central meridian at 39 degrees east, so easting
    // 500 000 m is longitude 39 exactly. On the central meridian northing
    // 3 900 000 m (scale factor 0.9996) is a WGS84 meridian arc of
    // 3 901 561 m, reached at latitude 35.24308 degrees (the arc integrated
    // numerically from the ellipsoid's meridian radius and solved by bisection).
    const auto v = geometry::Geometry::from_wkb(l.features[0].wkb).vertices();
    REQUIRE(v.size() >= 4);  // (vertices() may leave out the closing one)
    CHECK(v[0].lon_deg == Approx(39.0).margin(1e-9));
    CHECK(v[0].lat_deg == Approx(35.24308).margin(1e-5));
    CHECK(v[1].lon_deg > 39.1);  // 10 km east
    CHECK(v[1].lon_deg < 39.12);

    // Dates are typed: Date values and ISO text.
    CHECK(std::get<Date>(*l.value(l.features[0], "as_of")) == Date{2020, 1, 1});
    CHECK(l.features[0].attributes.at("as_of") == "2020-01-01");
    CHECK(std::holds_alternative<std::monostate>(*l.value(l.features[1], "as_of")));
    CHECK(l.features[1].attributes.count("as_of") == 0);
    CHECK(l.value(l.features[0], "missing") == nullptr);
    CHECK(l.field_index("note") == 2);
    CHECK(l.field_index("missing") == -1);
}

TEST_CASE("reader: EPSG:4326 sources are not reprojected, and attribute tables on request", "[export]") {
    ExportDir wd("reader");
    const std::string path = wd.file("out.gpkg");
    {
        DatasetWriter w(path, VectorFormat::gpkg, WriteMode::create);
        w.add_layer(layers::places());
        w.write("places", sample::sample_features(layers::places()));
        w.commit();
    }
    const auto spatial = vector_io::read_layers(path);
    REQUIRE(spatial.size() == 1);
    CHECK(spatial[0].source_crs == "EPSG:4326");
    CHECK_FALSE(spatial[0].reprojected);
    CHECK(spatial[0].field_types.at(static_cast<std::size_t>(spatial[0].field_index("population"))) == FieldType::integer64);

    vector_io::ReadOptions opt;
    opt.selection = vector_io::LayerSelection::all;
    const auto all = vector_io::read_dataset(path, opt);
    REQUIRE(all.size() == 2);
    const auto* styles = test::find_layer(all, "layer_styles");
    REQUIRE(styles != nullptr);
    CHECK(styles->geometry_type == "None");
    CHECK(styles->source_crs.empty());
    CHECK(styles->field_types.at(static_cast<std::size_t>(styles->field_index("update_time"))) == FieldType::datetime);
    // update_time is an ISO 8601 UTC date-time.
    const std::string t = styles->features.at(0).attributes.at("update_time");
    CHECK(t.size() == 20);
    CHECK(t.back() == 'Z');
    CHECK(t[10] == 'T');

    opt.layer_names = {"places"};
    CHECK(vector_io::read_dataset(path, opt).size() == 1);
    CHECK_THROWS_AS(vector_io::read_layers(wd.file("missing.gpkg")), IoError);
}
