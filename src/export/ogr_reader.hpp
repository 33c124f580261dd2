#pragma once
/// @file ogr_reader.hpp
/// Reading vector layers from any OGR source (GeoPackage, Shapefile,
/// GeoJSON, TopoJSON, ...). src/export/ is the only user of GDAL/OGR, for
/// reading as for writing.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace reckon::vector_io {

/// One feature: attributes as strings (null fields absent) and its geometry
/// as ISO WKB in EPSG:4326, lon/lat order ("" if it has none).
struct VectorFeature {
    std::int64_t fid = 0;
    std::map<std::string, std::string> attributes;
    std::string wkb;
};

/// One layer with its features.
struct VectorLayer {
    std::string name;
    std::vector<std::string> field_names;
    std::vector<VectorFeature> features;
};

/// Read every layer (or only @p layer_names when not empty) of the OGR source
/// @p path, reprojected to EPSG:4326. Throws reckon::IoError naming the path if
/// it cannot be opened or read.
std::vector<VectorLayer> read_layers(const std::string& path, const std::vector<std::string>& layer_names = {});

} // namespace reckon::vector_io
