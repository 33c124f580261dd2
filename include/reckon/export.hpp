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
enum class GeometryKind { none, point, polygon, multipolygon };

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

/// A field value; monostate is NULL.
using FieldValue = std::variant<std::monostate, std::string, std::int64_t, double, Date>;

struct OutFeature {
    std::vector<FieldValue> values;   ///< one per LayerSchema::fields, same order
    std::string wkt;                  ///< geometry in EPSG:4326 lon/lat, "" for none
};

enum class WriteMode {
    create,     ///< refuse if the output exists (IoError with the hint --overwrite)
    overwrite,  ///< replace the output on commit
    append      ///< add to an existing GeoPackage, skipping duplicate keys
};

struct WriteStats {
    std::string layer;
    std::int64_t written = 0;
    std::int64_t skipped_duplicates = 0;
};

/// Writes one dataset. For gpkg the output is one file; for shp, geojson
/// and csv it is a directory with one file (set) per layer.
class DatasetWriter {
public:
    /// Opens the temporary output. Throws IoError when the output exists
    /// (mode create), is not a GeoPackage (mode append), or its directory is
    /// not writable; UsageError for append on a non-gpkg format.
    DatasetWriter(std::string path, VectorFormat format, WriteMode mode);
    /// Without commit(), the temporary output is removed and the previous output is untouched.
    ~DatasetWriter();
    DatasetWriter(const DatasetWriter&) = delete;
    DatasetWriter& operator=(const DatasetWriter&) = delete;

    /// Create (or, in append mode, open and check) a layer.
    void add_layer(const LayerSchema& schema);
    /// Write features to a layer added before. Throws InputError naming the
    /// layer and feature on invalid geometry WKT or a value of the wrong type.
    void write(const std::string& layer, const std::vector<OutFeature>& features);
    /// Flush, write styles and metadata, and atomically move into place.
    std::vector<WriteStats> commit();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace reckon
