// Shapefile, GeoJSON and CSV writers: a directory with one file (set) per
// layer, each with a QGIS style (NAME.qml) beside it, which QGIS loads as the
// layer's default style when the file is opened.

#include "export/backend.hpp"
#include "export/gdal_util.hpp"
#include "export/layer_writer.hpp"
#include "export/qml.hpp"
#include "reckon/error.hpp"

#include <cpl_conv.h>

#include <fstream>

namespace reckon::vector_io::detail {

namespace {

// dBASE character fields hold at most 254 bytes (dBASE III file format; GDAL
// Shapefile driver documentation).
constexpr std::size_t dbf_max_string_bytes = 254;

// RFC 7946 section 11.2: six decimal places of a degree (about 10 cm) are
// more than enough; reckon's positions are uncertain by kilometres.
constexpr const char* geojson_coordinate_precision = "6";


void write_text_file(const std::string& path, const std::string& text, const std::string& output) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw IoError(output + ": cannot write " + path);
}

// The .csvt GDAL reads beside a CSV file: one type per column, the WKT
// geometry column first (GDAL CSV driver documentation).
std::string csvt_for(const LayerSchema& schema) {
    std::string s;
    if (schema.geometry != GeometryKind::none) s = "WKT";
    for (const FieldDef& f : schema.fields) {
        if (!s.empty()) s += ',';
        switch (f.type) {
        case FieldType::string: s += "String"; break;
        case FieldType::integer: s += "Integer"; break;
        case FieldType::integer64: s += "Integer64"; break;
        case FieldType::real: s += "Real"; break;
        case FieldType::date: s += "Date"; break;
        case FieldType::datetime: s += "DateTime"; break;
        }
    }
    return s + "\n";
}

// WKT 1 with the EPSG code, so readers report EPSG:4326 (an ESRI-style
// .prj without codes makes QGIS report OGC:CRS84).
std::string wgs84_wkt() {
    const SrsPtr s = wgs84();
    char* wkt = nullptr;
    OSRExportToWkt(srs(s), &wkt);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

class FileSetBackend final : public FormatBackend {
public:
    FileSetBackend(VectorFormat format, std::string dir, std::string output)
        : m_format(format), m_dir(std::move(dir)), m_output(std::move(output)) {
        register_gdal_once();
        switch (format) {
        case VectorFormat::shp:
            m_driver = "ESRI Shapefile";
            m_extension = ".shp";
            m_rules.shapefile_names = true;
            m_rules.max_string_bytes = dbf_max_string_bytes;
            m_rules.datetime_as_text = true;  // dBASE has dates but no date-times
            m_rules.fixed_width_numbers = true;
            break;
        case VectorFormat::geojson:
            m_driver = "GeoJSON";
            m_extension = ".geojson";
            break;
        case VectorFormat::csv:
            m_driver = "CSV";
            m_extension = ".csv";
            m_rules.date_as_text = true;  // ISO dates; the CSV driver would write 2020/02/16
            m_rules.datetime_as_text = true;
            break;
        case VectorFormat::gpkg:
            throw UsageError("a GeoPackage is not a file set");
        }
        m_drv = GDALGetDriverByName(m_driver);
        if (!m_drv) throw IoError(m_output + ": this GDAL has no " + m_driver + " driver");
    }

    void add_layer(const LayerSchema& schema) override {
        Layer l;
        l.base = m_dir + "/" + schema.name;
        const std::string file = l.base + m_extension;
        CPLErrorReset();
        l.ds.reset(GDALCreate(m_drv, file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!l.ds) throw IoError(m_output + ": cannot create " + schema.name + m_extension + last_cpl_error());
        Options opt;
        switch (m_format) {
        case VectorFormat::shp:
            opt.set("ENCODING", "UTF-8").set("RESIZE", "YES");  // .cpg "UTF-8"; fields shrunk to fit on close
            break;
        case VectorFormat::geojson:
            opt.set("RFC7946", "YES").set("COORDINATE_PRECISION", geojson_coordinate_precision);
            if (!schema.description.empty()) opt.set("DESCRIPTION", schema.description);
            break;
        case VectorFormat::csv:
            // Types go to a .csvt written on finish (dates declared Date, written ISO).
            opt.set("CREATE_CSVT", "NO").set("LINEFORMAT", "LF");
            if (schema.geometry != GeometryKind::none) opt.set("GEOMETRY", "AS_WKT");
            break;
        case VectorFormat::gpkg: break;
        }
        const SrsPtr wgs = wgs84();
        OGRLayerH layer = GDALDatasetCreateLayer(l.ds.get(), schema.name.c_str(),
                                                 schema.geometry == GeometryKind::none ? nullptr : srs(wgs),
                                                 ogr_geometry_type(schema.geometry), opt.get());
        if (!layer) throw IoError(m_output + ": cannot create layer " + schema.name + last_cpl_error());
        l.writer = std::make_unique<LayerWriter>(layer, schema, m_rules, m_output);
        l.writer->create_fields();
        m_layers.push_back(std::move(l));
    }

    void write(std::size_t layer, const std::vector<OutFeature>& features, WriteStats& stats) override {
        m_layers.at(layer).writer->write(features, 0, features.size(), stats);
    }

    void finish() override {
        for (Layer& l : m_layers) {
            const LayerSchema schema = l.writer->schema();
            l.writer.reset();
            CPLErrorReset();
            l.ds.reset();  // GDALClose flushes the file (and resizes .dbf fields)
            if (CPLGetLastErrorType() >= CE_Failure) {
                throw IoError(m_output + ": cannot finish " + schema.name + m_extension + last_cpl_error());
            }
            if (m_format == VectorFormat::csv) {
                write_text_file(l.base + ".csvt", csvt_for(schema), m_output);
                // GDAL's CSV driver (and so QGIS) reads the CRS from a .prj beside the file.
                if (schema.geometry != GeometryKind::none) write_text_file(l.base + ".prj", wgs84_wkt(), m_output);
            }
            if (!schema.style_qml.empty()) {
                const std::string qml = m_rules.shapefile_names ? qml_for_shapefile(schema.style_qml, schema)
                                                                : schema.style_qml;
                write_text_file(l.base + ".qml", qml, m_output);
            }
        }
        m_layers.clear();
    }

private:
    struct Layer {
        std::string base;  ///< directory/NAME
        DatasetPtr ds;
        std::unique_ptr<LayerWriter> writer;
    };

    VectorFormat m_format;
    std::string m_dir;
    std::string m_output;
    const char* m_driver = "";
    std::string m_extension;
    GDALDriverH m_drv = nullptr;
    FormatRules m_rules;
    std::vector<Layer> m_layers;
};

} // namespace

std::unique_ptr<FormatBackend> make_file_set_backend(VectorFormat format, const std::string& temp_dir,
                                                     const std::string& output) {
    return std::make_unique<FileSetBackend>(format, temp_dir, output);
}

} // namespace reckon::vector_io::detail
