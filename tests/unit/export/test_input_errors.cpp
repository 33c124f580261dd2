// Bad features: InputErrors that name the layer and the feature index, for
// every kind of bad value and geometry; the writer stays usable after one.

#include "export_support.hpp"

#include "export/ogr_reader.hpp"
#include "reckon/error.hpp"

#include <catch2/catch.hpp>

using namespace reckon;
using reckon::test::contains;
using reckon::test::ExportDir;

namespace {

LayerSchema schema(GeometryKind g) {
    LayerSchema s;
    s.name = "events";
    s.geometry = g;
    s.key_field = "id";
    s.fields = {{"id", "id", FieldType::string, ""},         {"n", "n", FieldType::integer, ""},
                {"big", "big", FieldType::integer64, ""},    {"x", "x", FieldType::real, ""},
                {"day", "day", FieldType::date, ""},         {"at", "at", FieldType::datetime, ""},
                {"label", "label", FieldType::string, ""}};
    return s;
}

OutFeature good(const std::string& id, std::string wkt = "POINT (38.0 35.0)") {
    return OutFeature{{id, std::int64_t{1}, std::int64_t{1} << 40, 2.5, Date{2020, 2, 29},
                       std::string("2020-02-16T10:20:30Z"), std::string("ok")},
                      std::move(wkt)};
}

// Write [good a, bad b] and expect an InputError mentioning @p needle,
// "layer events" and "feature index 1".
void expect_error(OutFeature bad, const std::string& needle, GeometryKind g = GeometryKind::point) {
    ExportDir wd("input-error");
    DatasetWriter w(wd.file("out.gpkg"), VectorFormat::gpkg, WriteMode::create);
    w.add_layer(schema(g));
    const std::string wkt = g == GeometryKind::point ? "POINT (38 35)" : (g == GeometryKind::none ? "" : "POLYGON ((38 35, 39 35, 39 36, 38 35))");
    try {
        w.write("events", {good("a", wkt), std::move(bad)});
        FAIL("accepted the bad feature");
    } catch (const InputError& e) {
        INFO(e.what());
        CHECK(contains(e.what(), "layer events, feature index 1"));
        CHECK(contains(e.what(), needle));
        CHECK(e.file() == wd.file("out.gpkg"));
    }
    // The writer goes on: the good feature was written, more can follow.
    w.write("events", {good("c", wkt)});
    const auto st = w.commit();
    CHECK(st[0].written == 2);
}

OutFeature with(OutFeature f, std::size_t field, FieldValue v) {
    f.values.at(field) = std::move(v);
    return f;
}

} // namespace

TEST_CASE("invalid geometry WKT names the layer and the feature", "[export]") {
    expect_error(good("b", "POINT (38 35"), "invalid geometry WKT");
    expect_error(good("b", "POINT (38 35) trailing"), "unexpected text after the geometry");
    expect_error(good("b", "CIRCLE (1 2)"), "invalid geometry WKT");
    expect_error(good("b", "LINESTRING (38 35, 39 36)"), "a Point layer cannot hold a Line String");
    expect_error(good("b", "POINT (35 138)"), "outside longitude -180..180 / latitude -90..90");
    expect_error(good("b", "POINT (500000 3900000)"), "EPSG:4326 lon/lat expected");
    expect_error(good("b", "MULTIPOLYGON (((38 35, 39 35, 39 36, 38 35)), ((40 35, 41 35, 41 36, 40 35)))"),
                 "a Polygon layer cannot hold a Multi Polygon", GeometryKind::polygon);
    expect_error(good("b", "POINT (38 35)"), "a MultiPolygon layer cannot hold a Point", GeometryKind::multipolygon);
    expect_error(good("b", "POINT (38 35)"), "the layer has no geometry", GeometryKind::none);
}

TEST_CASE("values of the wrong type name the field", "[export]") {
    expect_error(with(good("b"), 1, std::string("two")), "field n: integer expected, got a string");
    expect_error(with(good("b"), 1, 2.0), "field n: integer expected, got a real number");
    expect_error(with(good("b"), 1, std::int64_t{1} << 33), "out of the 32-bit integer range");
    expect_error(with(good("b"), 3, std::string("2.5")), "field x: real expected, got a string");
    expect_error(with(good("b"), 4, std::string("2020-02-16")), "field day: date expected, got a string");
    expect_error(with(good("b"), 4, Date{2021, 2, 29}), "is not a calendar date");
    expect_error(with(good("b"), 4, Date{2020, 13, 1}), "is not a calendar date");
    expect_error(with(good("b"), 5, std::string("yesterday")), "is not an ISO 8601 date-time");
    expect_error(with(good("b"), 5, std::int64_t{5}), "field at: datetime expected, got an integer");
    expect_error(with(good("b"), 6, std::int64_t{5}), "field label: string expected, got an integer");
    expect_error(with(good("b"), 6, std::string("bad \xff\xfe utf-8")), "not valid UTF-8");
    expect_error(with(good("b"), 6, std::string("nul\0inside", 10)), "NUL byte");
    OutFeature short_row = good("b");
    short_row.values.pop_back();
    expect_error(short_row, "6 values for 7 fields");
}

TEST_CASE("keys must be set", "[export]") {
    expect_error(with(good("b"), 0, FieldValue{}), "key field id is NULL");
    expect_error(with(good("b"), 0, std::string()), "key field id is empty");
    expect_error(with(good("b"), 0, 3.5), "key field id holds a real number");
}

TEST_CASE("lenient conversions: integers into reals, NaN as NULL, dates into date-times, promotion", "[export]") {
    ExportDir wd("lenient");
    const std::string path = wd.file("out.gpkg");
    {
        DatasetWriter w(path, VectorFormat::gpkg, WriteMode::create);
        w.add_layer(schema(GeometryKind::point));
        LayerSchema multi = schema(GeometryKind::multipolygon);
        multi.name = "areas";
        w.add_layer(multi);
        w.write("events", {with(good("int-real"), 3, std::int64_t{7}),
                           with(good("nan"), 3, std::nan("")),
                           with(good("date-dt"), 5, Date{2020, 2, 16}),
                           with(good("zoned"), 5, std::string("2020-02-16 13:20:30+03:00")),
                           good("no-geom", ""),
                           good("empty-geom", "POINT EMPTY"),
                           good("z", "POINT Z (38.5 35.5 100)")});
        w.write("areas", {good("poly", "POLYGON ((38 35, 39 35, 39 36, 38 35))")});
        w.commit();
    }
    const auto layers = vector_io::read_layers(path);
    const auto* l = test::find_layer(layers, "events");
    REQUIRE(l != nullptr);
    std::map<std::string, const vector_io::VectorFeature*> by_id;
    for (const auto& f : l->features) by_id[f.attributes.at("id")] = &f;
    REQUIRE(by_id.size() == 7);
    CHECK(std::get<double>(*l->value(*by_id["int-real"], "x")) == 7.0);
    CHECK(std::holds_alternative<std::monostate>(*l->value(*by_id["nan"], "x")));
    CHECK(by_id["date-dt"]->attributes.at("at") == "2020-02-16T00:00:00");
    CHECK(by_id["zoned"]->attributes.at("at") == "2020-02-16T13:20:30+03:00");
    CHECK(by_id["int-real"]->attributes.at("at") == "2020-02-16T10:20:30Z");
    CHECK(by_id["no-geom"]->wkb.empty());
    CHECK(by_id["empty-geom"]->wkb.empty());
    CHECK(geometry::Geometry::from_wkb(by_id["z"]->wkb).to_wkt(1) == "POINT (38.5 35.5)");
    CHECK(std::get<std::int64_t>(*l->value(*by_id["z"], "big")) == (std::int64_t{1} << 40));
    const auto* a = test::find_layer(layers, "areas");
    REQUIRE(a != nullptr);
    REQUIRE(a->features.size() == 1);
    CHECK(test::wkt_type(geometry::Geometry::from_wkb(a->features[0].wkb).to_wkt()) == "MULTIPOLYGON");
}
