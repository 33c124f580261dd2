// GeoPackage writer: one file, EPSG:4326 layers with a spatial index, a
// unique index on each layer's key, grouped transactions, and QGIS default
// styles in the layer_styles table.

#include "export/backend.hpp"
#include "export/gdal_util.hpp"
#include "export/layer_writer.hpp"
#include "reckon/error.hpp"

#include <cpl_conv.h>

#include <algorithm>
#include <ctime>
#include <set>

namespace reckon::vector_io::detail {

namespace {

// Features per transaction: ogr2ogr's default group size (-gt, "default
// 100 000", ogr2ogr documentation). Fewer commits make bulk inserts fast;
// the group bounds the rollback journal of an append.
constexpr std::int64_t features_per_transaction = 100000;

// Geometry and feature id columns, the names GDAL and QGIS use by default.
constexpr const char* geometry_column = "geom";
constexpr const char* fid_column = "fid";

// The QGIS style table (QgsOgrProviderMetadata::saveStyle, QGIS 3.22): the
// same columns, types and widths, so QGIS reads it and can add its own rows.
constexpr const char* styles_table = "layer_styles";
constexpr int style_name_width = 256, style_short_width = 30;

// OGR's TZFlag for UTC.
constexpr int ogr_tz_utc = 100;

std::string quote_identifier(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}


class GpkgBackend final : public FormatBackend {
public:
    GpkgBackend(const std::string& temp_path, std::string output, bool existing)
        : m_output(std::move(output)), m_existing(existing) {
        register_gdal_once();
        // The file is fsync'ed once before it is renamed into place
        // (StagedOutput::commit), so SQLite need not sync every commit.
        ScopedConfigOption sync("OGR_SQLITE_SYNCHRONOUS", "OFF");
        CPLErrorReset();
        if (existing) {
            const char* drivers[] = {"GPKG", nullptr};
            m_ds.reset(GDALOpenEx(temp_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
            if (!m_ds) throw IoError(m_output + " is not a GeoPackage" + last_cpl_error());
        } else {
            GDALDriverH drv = GDALGetDriverByName("GPKG");
            if (!drv) throw IoError(m_output + ": this GDAL has no GPKG driver");
            m_ds.reset(GDALCreate(drv, temp_path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!m_ds) throw IoError(m_output + ": cannot create GeoPackage" + last_cpl_error());
        }
    }

    ~GpkgBackend() override {
        if (m_in_transaction && m_ds) GDALDatasetRollbackTransaction(m_ds.get());
    }

    void add_layer(const LayerSchema& schema) override {
        end_transaction();
        OGRLayerH layer = m_existing ? GDALDatasetGetLayerByName(m_ds.get(), schema.name.c_str()) : nullptr;
        if (layer) {
            auto writer = std::make_unique<LayerWriter>(layer, schema, FormatRules{}, m_output);
            writer->open_existing();
            m_layers.push_back(std::move(writer));
            return;
        }
        {
            Options opt;
            opt.set("FID", fid_column).set("IDENTIFIER", schema.name);
            if (!schema.description.empty()) opt.set("DESCRIPTION", schema.description);
            if (schema.geometry != GeometryKind::none) {
                opt.set("GEOMETRY_NAME", geometry_column).set("SPATIAL_INDEX", "YES").set("GEOMETRY_NULLABLE", "YES");
            }
            const SrsPtr wgs = wgs84();
            CPLErrorReset();
            layer = GDALDatasetCreateLayer(m_ds.get(), schema.name.c_str(),
                                           schema.geometry == GeometryKind::none ? nullptr : srs(wgs),
                                           ogr_geometry_type(schema.geometry), opt.get());
            if (!layer) throw IoError(m_output + ": cannot create layer " + schema.name + last_cpl_error());
            auto writer = std::make_unique<LayerWriter>(layer, schema, FormatRules{}, m_output);
            writer->create_fields();
            m_layers.push_back(std::move(writer));
        }
    }

    void write(std::size_t layer, const std::vector<OutFeature>& features, WriteStats& stats) override {
        LayerWriter& w = *m_layers.at(layer);
        std::size_t begin = 0;
        while (begin < features.size()) {
            begin_transaction();
            const auto room = static_cast<std::size_t>(features_per_transaction - m_in_group);
            const std::size_t end = std::min(features.size(), begin + room);
            const std::int64_t before = stats.written + stats.skipped_duplicates;
            try {
                w.write(features, begin, end, stats);
            } catch (...) {
                m_in_group += stats.written + stats.skipped_duplicates - before;
                throw;
            }
            m_in_group += static_cast<std::int64_t>(end - begin);
            if (m_in_group >= features_per_transaction) end_transaction();
            begin = end;
        }
    }

    void finish() override {
        begin_transaction();
        write_styles();
        end_transaction();
        // Outside a transaction: GDAL finishes a deferred R-tree (built in an
        // attached temporary database) before the next statement, and cannot
        // detach that database inside an open transaction.
        for (const auto& w : m_layers) {
            const LayerSchema& s = w->schema();
            if (s.key_field.empty()) continue;
            // Created after the bulk insert: one index build instead of an update per row.
            execute("CREATE UNIQUE INDEX IF NOT EXISTS " + quote_identifier(s.name + "_" + s.key_field + "_key") +
                        " ON " + quote_identifier(s.name) + " (" + quote_identifier(s.key_field) + ")",
                    "cannot create the unique index on " + s.name + "." + s.key_field +
                        " (are keys repeated in the file?)");
        }
        m_layers.clear();
        CPLErrorReset();
        m_ds.reset();  // GDALClose: the spatial indexes are finished and the file is flushed here
        if (CPLGetLastErrorType() >= CE_Failure) throw IoError(m_output + ": cannot finish the GeoPackage" + last_cpl_error());
    }

private:
    void begin_transaction() {
        if (m_in_transaction) return;
        CPLErrorReset();
        if (GDALDatasetStartTransaction(m_ds.get(), FALSE) != OGRERR_NONE) {
            throw IoError(m_output + ": cannot start a transaction" + last_cpl_error());
        }
        m_in_transaction = true;
        m_in_group = 0;
    }

    void end_transaction() {
        if (!m_in_transaction) return;
        m_in_transaction = false;
        CPLErrorReset();
        if (GDALDatasetCommitTransaction(m_ds.get()) != OGRERR_NONE) {
            throw IoError(m_output + ": cannot commit" + last_cpl_error());
        }
    }

    void execute(const std::string& sql, const std::string& what) {
        CPLErrorReset();
        OGRLayerH rs = GDALDatasetExecuteSQL(m_ds.get(), sql.c_str(), nullptr, nullptr);
        if (rs) GDALDatasetReleaseResultSet(m_ds.get(), rs);
        if (CPLGetLastErrorType() >= CE_Failure) throw IoError(m_output + ": " + what + last_cpl_error());
    }

    static void add_style_field(OGRLayerH layer, const char* name, OGRFieldType type, int width,
                                OGRFieldSubType subtype = OFSTNone, const char* default_value = nullptr) {
        FieldDefnPtr fd(OGR_Fld_Create(name, type));
        auto* h = static_cast<OGRFieldDefnH>(fd.get());
        if (width > 0) OGR_Fld_SetWidth(h, width);
        if (subtype != OFSTNone) OGR_Fld_SetSubType(h, subtype);
        if (default_value) OGR_Fld_SetDefault(h, default_value);
        OGR_L_CreateField(layer, h, FALSE);
    }

    OGRLayerH styles_layer() {
        if (OGRLayerH l = GDALDatasetGetLayerByName(m_ds.get(), styles_table)) return l;
        Options opt;
        opt.set("FID", "id");
        CPLErrorReset();
        OGRLayerH l = GDALDatasetCreateLayer(m_ds.get(), styles_table, nullptr, wkbNone, opt.get());
        if (!l) throw IoError(m_output + ": cannot create " + styles_table + last_cpl_error());
        constexpr int name_width = style_name_width, short_width = style_short_width;
        add_style_field(l, "f_table_catalog", OFTString, name_width);
        add_style_field(l, "f_table_schema", OFTString, name_width);
        add_style_field(l, "f_table_name", OFTString, name_width);
        add_style_field(l, "f_geometry_column", OFTString, name_width);
        add_style_field(l, "styleName", OFTString, short_width);
        add_style_field(l, "styleQML", OFTString, 0);
        add_style_field(l, "styleSLD", OFTString, 0);
        add_style_field(l, "useAsDefault", OFTInteger, 0, OFSTBoolean);
        add_style_field(l, "description", OFTString, 0);
        add_style_field(l, "owner", OFTString, short_width);
        add_style_field(l, "ui", OFTString, short_width);
        add_style_field(l, "update_time", OFTDateTime, 0, OFSTNone, "CURRENT_TIMESTAMP");
        if (OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(l)) != 12) {
            throw IoError(m_output + ": cannot create the columns of " + styles_table + last_cpl_error());
        }
        return l;
    }

    // One default style per layer from LayerSchema::style_qml. Appending, a
    // layer that has a style already keeps it (it may be the analyst's own).
    void write_styles() {
        bool any = false;
        for (const auto& w : m_layers) any = any || !w->schema().style_qml.empty();
        if (!any) return;
        OGRLayerH l = styles_layer();
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(l);
        const int name_idx = OGR_FD_GetFieldIndex(defn, "f_table_name");
        if (name_idx < 0 || OGR_FD_GetFieldIndex(defn, "styleQML") < 0 || OGR_FD_GetFieldIndex(defn, "useAsDefault") < 0) {
            throw IoError(m_output + ": its " + styles_table + " table is not the QGIS one (no f_table_name, styleQML or useAsDefault)");
        }
        std::set<std::string> styled;
        OGR_L_ResetReading(l);
        while (FeaturePtr f{OGR_L_GetNextFeature(l)}) {
            if (OGR_F_IsFieldSetAndNotNull(feature(f), name_idx)) styled.insert(OGR_F_GetFieldAsString(feature(f), name_idx));
        }
        const std::time_t now = std::time(nullptr);
        std::tm utc{};
        gmtime_r(&now, &utc);
        for (const auto& w : m_layers) {
            const LayerSchema& s = w->schema();
            if (s.style_qml.empty() || styled.count(s.name)) continue;
            FeaturePtr f(OGR_F_Create(defn));
            OGRFeatureH fh = feature(f);
            // Columns a table made by another QGIS version may lack are left out.
            const auto set = [&](const char* column, const std::string& value) {
                const int i = OGR_FD_GetFieldIndex(defn, column);
                if (i >= 0) OGR_F_SetFieldString(fh, i, value.c_str());
            };
            set("f_table_catalog", "");
            set("f_table_schema", "");
            set("f_table_name", s.name);
            set("f_geometry_column", s.geometry == GeometryKind::none ? "" : OGR_L_GetGeometryColumn(w->layer()));
            set("styleName", s.name.substr(0, style_short_width));
            set("styleQML", s.style_qml);
            set("description", "reckon default style for " + s.name);
            set("owner", "");
            OGR_F_SetFieldInteger(fh, OGR_FD_GetFieldIndex(defn, "useAsDefault"), 1);
            if (const int t = OGR_FD_GetFieldIndex(defn, "update_time"); t >= 0) {
                OGR_F_SetFieldDateTimeEx(fh, t, utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                                         static_cast<float>(utc.tm_sec), ogr_tz_utc);
            }
            CPLErrorReset();
            if (OGR_L_CreateFeature(l, fh) != OGRERR_NONE) {
                throw IoError(m_output + ": cannot write the style of " + s.name + last_cpl_error());
            }
        }
    }

    std::string m_output;
    bool m_existing;
    DatasetPtr m_ds;
    std::vector<std::unique_ptr<LayerWriter>> m_layers;
    bool m_in_transaction = false;
    std::int64_t m_in_group = 0;  ///< features handled in the open transaction
};

} // namespace

std::unique_ptr<FormatBackend> make_gpkg_backend(const std::string& temp_path, const std::string& output, bool existing) {
    return std::make_unique<GpkgBackend>(temp_path, output, existing);
}

} // namespace reckon::vector_io::detail
