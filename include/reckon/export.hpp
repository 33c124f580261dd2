#pragma once
/// @file export.hpp
/// Writing vector layers through GDAL/OGR: GeoPackage (with QGIS default
/// styles in `layer_styles`), Shapefile (a file set per layer, UTF-8 .cpg,
/// .qml style beside it), GeoJSON (RFC 7946) and CSV (WKT geometry).
/// All layers are EPSG:4326. Writing is atomic: everything goes to a
/// temporary file (or directory) that replaces the output only on commit().

#include "reckon/report.hpp"  // Date

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace reckon {

enum class VectorFormat { gpkg, shp, geojson, csv };
const char* to_string(VectorFormat f) noexcept;
/// "gpkg" | "shp" | "geojson" | "csv" (also "GPKG", "shapefile", "json"); throws UsageError.
VectorFormat vector_format_from_string(const std::string& s);

enum class FieldType { string, integer, integer64, real, date, datetime };
const char* to_string(FieldType t) noexcept;      ///< "string", "integer", "integer64", "real", "date", "datetime"
enum class GeometryKind { none, point, polygon, multipolygon };
const char* to_string(GeometryKind k) noexcept;   ///< "none", "point", "polygon", "multipolygon"

struct FieldDef {
    std::string name;        ///< full name (GeoPackage, GeoJSON, CSV)
    std::string shp_name;    ///< ≤10 characters, unique in its layer (Shapefile)
    FieldType type = FieldType::string;
    std::string doc;         ///< one line for the README / layer metadata
};

struct LayerSchema {
    std::string name;                 ///< "incidents", "incident_areas", "places", "control_areas", ...
    GeometryKind geometry = GeometryKind::point;
    std::vector<FieldDef> fields;
    std::string key_field;            ///< unique key; append skips features whose key is already present
    std::string style_qml;            ///< QGIS style (QML document), "" for none
    std::string description;          ///< layer description (gpkg_contents.description)
};

/// A field value; monostate is NULL. What each FieldType takes:
///   string    std::string (valid UTF-8, no NUL byte)
///   integer   std::int64_t within the 32-bit range;  integer64: std::int64_t
///   real      double (NaN/infinity are written as NULL) or std::int64_t
///   date      Date (a calendar date, year 1..9999)
///   datetime  std::string ISO 8601 ("2020-02-16T10:20:30Z", "2020-02-16 10:20"), or Date (midnight)
/// Anything else is an InputError.
using FieldValue = std::variant<std::monostate, std::string, std::int64_t, double, Date>;

struct OutFeature {
    std::vector<FieldValue> values;   ///< one per LayerSchema::fields, same order
    /// Geometry in EPSG:4326 lon/lat, "" (or an EMPTY geometry) for NULL. It
    /// must match the layer: POINT on point layers; POLYGON on polygon layers
    /// (a one-part MULTIPOLYGON is accepted); POLYGON or MULTIPOLYGON on
    /// multipolygon layers (polygons are promoted). Z/M values are dropped.
    std::string wkt;
};

enum class WriteMode {
    create,     ///< refuse if the output exists (IoError with the hint --overwrite)
    overwrite,  ///< replace the output on commit
    append      ///< add to an existing GeoPackage, skipping duplicate keys
};

struct WriteStats {
    std::string layer;
    std::int64_t written = 0;
    /// Features not written because a feature with the same key was written
    /// before in this run or (append) was already in the file.
    std::int64_t skipped_duplicates = 0;
    /// Shapefile only: text values cut to the dBASE limit of 254 bytes (at a
    /// UTF-8 character boundary).
    std::int64_t truncated_values = 0;
};

/// Writes one dataset. For gpkg the output is one file; for shp, geojson
/// and csv it is a directory with one file (set) per layer:
///   shp      NAME.shp .shx .dbf .prj .cpg (UTF-8) and NAME.qml (attribute-only layers: NAME.dbf .cpg)
///   geojson  NAME.geojson (RFC 7946) and NAME.qml
///   csv      NAME.csv (geometry as WKT in the first column, "WKT"), NAME.csvt (column types), NAME.qml
/// A feature with a key (LayerSchema::key_field) already written is skipped
/// (WriteStats::skipped_duplicates), in every mode, without further checks.
/// What the formats cannot hold: Shapefile text is cut to 254 bytes
/// (WriteStats::truncated_values), integer64 values need at most 18 digits
/// (else InputError), reals keep 10 decimals, date-times are ISO 8601 text;
/// CSV date-times are ISO text and a NULL text reads back as ""; GDAL's
/// RFC 7946 writer turns a one-part MultiPolygon into a Polygon.
class DatasetWriter {
public:
    /// Opens the temporary output beside @p path. Throws IoError when the
    /// output exists (mode create), is not a GeoPackage (mode append), its
    /// directory is missing or not writable, or (mode overwrite) it is of
    /// the other kind (a directory for gpkg, a file for shp/geojson/csv) or
    /// a directory holding anything but layer files; UsageError for append
    /// on a non-gpkg format. Append to a path that does not exist creates it.
    DatasetWriter(std::string path, VectorFormat format, WriteMode mode);
    /// Without commit(), the temporary output is removed and the previous output is untouched.
    ~DatasetWriter();
    DatasetWriter(const DatasetWriter&) = delete;
    DatasetWriter& operator=(const DatasetWriter&) = delete;

    /// Create (or, in append mode, open and check) a layer. Throws
    /// UsageError for a schema validation failure (layer or field name,
    /// key field, Shapefile names longer than 10 characters or not unique,
    /// a layer added twice); IoError when appending to a layer whose
    /// geometry type, CRS or field types differ (fields the schema added
    /// are added to the layer).
    void add_layer(const LayerSchema& schema);
    /// Write features to a layer added before. Throws InputError naming the
    /// layer and feature index on invalid geometry WKT or a value of the
    /// wrong type; the features before it have been written and the writer
    /// stays usable. UsageError for an unknown layer.
    void write(const std::string& layer, const std::vector<OutFeature>& features);
    /// Flush, write styles and metadata, and atomically move into place.
    /// Returns one WriteStats per layer, in the order they were added.
    /// After it (or after it threw) the writer accepts no more calls.
    std::vector<WriteStats> commit();
    /// The output path given to the constructor.
    const std::string& path() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace reckon
