// DatasetWriter: usage checks and schema validation in front of one format
// backend, writing into a StagedOutput that replaces the output on commit().

#include "export/backend.hpp"
#include "export/gdal_util.hpp"
#include "export/layer_writer.hpp"
#include "export/staged_output.hpp"
#include "reckon/error.hpp"
#include "reckon/export.hpp"

#include <strings.h>

namespace reckon {

using vector_io::detail::ErrorCapture;
using vector_io::detail::OutputKind;
using vector_io::detail::StagedOutput;

const char* to_string(VectorFormat f) noexcept {
    switch (f) {
    case VectorFormat::gpkg: return "gpkg";
    case VectorFormat::shp: return "shp";
    case VectorFormat::geojson: return "geojson";
    case VectorFormat::csv: return "csv";
    }
    return "?";
}

VectorFormat vector_format_from_string(const std::string& s) {
    const auto is = [&](const char* name) { return strcasecmp(s.c_str(), name) == 0; };
    if (is("gpkg") || is("geopackage")) return VectorFormat::gpkg;
    if (is("shp") || is("shapefile") || is("esri shapefile")) return VectorFormat::shp;
    if (is("geojson") || is("json")) return VectorFormat::geojson;
    if (is("csv")) return VectorFormat::csv;
    throw UsageError("unknown vector format '" + s + "' (gpkg, shp, geojson or csv)");
}

const char* to_string(FieldType t) noexcept {
    switch (t) {
    case FieldType::string: return "string";
    case FieldType::integer: return "integer";
    case FieldType::integer64: return "integer64";
    case FieldType::real: return "real";
    case FieldType::date: return "date";
    case FieldType::datetime: return "datetime";
    }
    return "?";
}

const char* to_string(GeometryKind k) noexcept {
    switch (k) {
    case GeometryKind::none: return "none";
    case GeometryKind::point: return "point";
    case GeometryKind::polygon: return "polygon";
    case GeometryKind::multipolygon: return "multipolygon";
    }
    return "?";
}

struct DatasetWriter::Impl {
    enum class State { open, closed };

    std::string path;
    VectorFormat format;
    // Declared before the backend, destroyed after it: GDAL closes its files
    // before the temporary output is removed.
    std::unique_ptr<StagedOutput> output;
    std::unique_ptr<vector_io::detail::FormatBackend> backend;
    std::vector<std::string> layer_names;
    std::vector<WriteStats> stats;
    State state = State::open;

    void require_open(const char* what) const {
        if (state != State::open) throw UsageError(path + ": " + what + " after commit()");
    }
};

DatasetWriter::DatasetWriter(std::string path, VectorFormat format, WriteMode mode) : m_impl(std::make_unique<Impl>()) {
    ErrorCapture quiet;
    m_impl->path = std::move(path);
    m_impl->format = format;
    if (mode == WriteMode::append && format != VectorFormat::gpkg) {
        throw UsageError(std::string("--append works on GeoPackage output only, not ") + to_string(format));
    }
    const bool gpkg = format == VectorFormat::gpkg;
    const char* hint = gpkg ? "use --overwrite to replace it, or --append to add to it" : "use --overwrite to replace it";
    m_impl->output = std::make_unique<StagedOutput>(m_impl->path, gpkg ? OutputKind::file : OutputKind::directory, mode, hint);
    if (gpkg) {
        m_impl->backend = vector_io::detail::make_gpkg_backend(m_impl->output->temp_path(), m_impl->path,
                                                               m_impl->output->appending());
    } else {
        m_impl->backend = vector_io::detail::make_file_set_backend(format, m_impl->output->temp_path(), m_impl->path);
    }
}

DatasetWriter::~DatasetWriter() {
    if (!m_impl) return;
    ErrorCapture quiet;
    m_impl->backend.reset();
    m_impl->output.reset();
}

const std::string& DatasetWriter::path() const noexcept { return m_impl->path; }

void DatasetWriter::add_layer(const LayerSchema& schema) {
    ErrorCapture quiet;
    m_impl->require_open("add_layer()");
    vector_io::detail::validate_schema(schema, m_impl->format);
    for (const auto& n : m_impl->layer_names) {
        if (strcasecmp(n.c_str(), schema.name.c_str()) == 0) throw UsageError("layer " + schema.name + " added twice");
    }
    m_impl->backend->add_layer(schema);
    m_impl->layer_names.push_back(schema.name);
    WriteStats st;
    st.layer = schema.name;
    m_impl->stats.push_back(st);
}

void DatasetWriter::write(const std::string& layer, const std::vector<OutFeature>& features) {
    ErrorCapture quiet;
    m_impl->require_open("write()");
    for (std::size_t i = 0; i < m_impl->layer_names.size(); ++i) {
        if (m_impl->layer_names[i] == layer) {
            m_impl->backend->write(i, features, m_impl->stats[i]);
            return;
        }
    }
    throw UsageError(m_impl->path + ": write() to layer " + layer + ", which was not added");
}

std::vector<WriteStats> DatasetWriter::commit() {
    ErrorCapture quiet;
    m_impl->require_open("commit()");
    m_impl->state = Impl::State::closed;
    m_impl->backend->finish();
    m_impl->backend.reset();
    m_impl->output->commit();
    return m_impl->stats;
}

} // namespace reckon
