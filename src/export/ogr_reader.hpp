#pragma once
/// @file ogr_reader.hpp
/// Reading vector layers from any OGR source (GeoPackage, Shapefile,
/// GeoJSON, TopoJSON, CSV, ...). src/export/ is the only user of GDAL/OGR, for
/// reading as for writing.

#include "reckon/export.hpp"  // FieldType, FieldValue

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace reckon::vector_io {

/// One feature: attributes as strings and typed values, and its geometry as
/// ISO WKB in EPSG:4326, lon/lat order ("" if it has none).
struct VectorFeature {
    std::int64_t fid = 0;
    /// Field name -> value as text; NULL fields are absent. Dates are ISO
    /// "YYYY-MM-DD", date-times ISO 8601 ("2020-02-16T10:20:30Z"), numbers
    /// as OGR prints them.
    std::map<std::string, std::string> attributes;
    /// One per VectorLayer::field_names, typed by VectorLayer::field_types:
    /// std::string, std::int64_t (integer, integer64), double (real), Date
    /// (date), std::string ISO 8601 (datetime); std::monostate for NULL.
    std::vector<FieldValue> values;
    std::string wkb;
};

/// One layer with its features.
struct VectorLayer {
    std::string name;
    std::vector<std::string> field_names;
    /// Parallel to field_names. OGR types without a reckon counterpart (time,
    /// binary, lists) read as FieldType::string.
    std::vector<FieldType> field_types;
    /// OGR's name of the declared geometry type ("Point", "Multi Polygon", "None", ...).
    std::string geometry_type;
    /// The source's CRS as "AUTHORITY:CODE" ("EPSG:32637"), its name when it
    /// has no authority code, or "" when the source declares none (its
    /// coordinates are then taken as EPSG:4326 lon/lat, unchanged).
    std::string source_crs;
    /// True when the geometries were transformed from source_crs to EPSG:4326.
    bool reprojected = false;
    std::vector<VectorFeature> features;

    /// Index of field @p field in field_names, or -1.
    int field_index(const std::string& field) const noexcept;
    /// The typed value of @p field in @p f; nullptr when the layer has no such field.
    const FieldValue* value(const VectorFeature& f, const std::string& field) const noexcept;
};

/// Which layers read_dataset() returns.
enum class LayerSelection {
    spatial,  ///< layers with a geometry column (skips attribute tables such as layer_styles)
    all       ///< every layer, attribute-only tables included
};

struct ReadOptions {
    std::vector<std::string> layer_names;  ///< only these layers (all when empty)
    LayerSelection selection = LayerSelection::spatial;
};

/// Read every layer (or only @p layer_names when not empty) with a geometry
/// column of the OGR source @p path, reprojected to EPSG:4326. Throws
/// reckon::IoError naming the path if it cannot be opened or read.
std::vector<VectorLayer> read_layers(const std::string& path, const std::vector<std::string>& layer_names = {});

/// As read_layers(), with the choice of attribute-only tables.
std::vector<VectorLayer> read_dataset(const std::string& path, const ReadOptions& options);

} // namespace reckon::vector_io
