#include "export/ogr_reader.hpp"

#include "export/gdal_util.hpp"
#include "reckon/error.hpp"

#include <cpl_conv.h>

#include <algorithm>

namespace reckon::vector_io {

namespace {

using namespace detail;

FieldType field_type_of(OGRFieldDefnH fd) noexcept {
    switch (OGR_Fld_GetType(fd)) {
    case OFTInteger: return FieldType::integer;
    case OFTInteger64: return FieldType::integer64;
    case OFTReal: return FieldType::real;
    case OFTDate: return FieldType::date;
    case OFTDateTime: return FieldType::datetime;
    default: return FieldType::string;
    }
}

// "EPSG:32637", else the CRS name ("" if it has none).
std::string describe_crs(OGRSpatialReferenceH s) {
    const char* auth = OSRGetAuthorityName(s, nullptr);
    const char* code = OSRGetAuthorityCode(s, nullptr);
    if (auth && code) return std::string(auth) + ":" + code;
    // A Shapefile .prj carries ESRI WKT without codes: try to identify it.
    SrsPtr copy(OSRClone(s));
    if (OSRAutoIdentifyEPSG(srs(copy)) == OGRERR_NONE) {
        auth = OSRGetAuthorityName(srs(copy), nullptr);
        code = OSRGetAuthorityCode(srs(copy), nullptr);
        if (auth && code) return std::string(auth) + ":" + code;
    }
    const char* name = OSRGetName(s);
    return name ? name : "";
}

// Value of field @p fi as a typed FieldValue and as text (dates in ISO form).
void read_field(OGRFeatureH fh, int fi, FieldType type, FieldValue& value, std::string& text) {
    switch (type) {
    case FieldType::integer:
    case FieldType::integer64: {
        const GIntBig v = OGR_F_GetFieldAsInteger64(fh, fi);
        value = static_cast<std::int64_t>(v);
        text = OGR_F_GetFieldAsString(fh, fi);
        return;
    }
    case FieldType::real:
        value = OGR_F_GetFieldAsDouble(fh, fi);
        text = OGR_F_GetFieldAsString(fh, fi);
        return;
    case FieldType::date:
    case FieldType::datetime: {
        int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
        float s = 0;
        if (OGR_F_GetFieldAsDateTimeEx(fh, fi, &y, &mo, &d, &h, &mi, &s, &tz)) {
            if (type == FieldType::date) {
                value = Date{y, mo, d};
                text = iso_date(y, mo, d);
            } else {
                text = iso_datetime(y, mo, d, h, mi, s, tz);
                value = text;
            }
            return;
        }
        text = OGR_F_GetFieldAsString(fh, fi);
        value = text;
        return;
    }
    case FieldType::string:
        text = OGR_F_GetFieldAsString(fh, fi);
        value = text;
        return;
    }
}

} // namespace

int VectorLayer::field_index(const std::string& field) const noexcept {
    const auto it = std::find(field_names.begin(), field_names.end(), field);
    return it == field_names.end() ? -1 : static_cast<int>(it - field_names.begin());
}

const FieldValue* VectorLayer::value(const VectorFeature& f, const std::string& field) const noexcept {
    const int i = field_index(field);
    if (i < 0 || static_cast<std::size_t>(i) >= f.values.size()) return nullptr;
    return &f.values[static_cast<std::size_t>(i)];
}

std::vector<VectorLayer> read_layers(const std::string& path, const std::vector<std::string>& layer_names) {
    ReadOptions opt;
    opt.layer_names = layer_names;
    return read_dataset(path, opt);
}

std::vector<VectorLayer> read_dataset(const std::string& path, const ReadOptions& options) {
    register_gdal_once();
    ErrorCapture quiet;
    CPLErrorReset();
    DatasetPtr ds(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds) throw IoError(path + ": cannot open as a vector data source" + last_cpl_error());

    const SrsPtr target = wgs84();
    std::vector<VectorLayer> out;
    const int nlayers = GDALDatasetGetLayerCount(ds.get());
    for (int li = 0; li < nlayers; ++li) {
        OGRLayerH layer = GDALDatasetGetLayer(ds.get(), li);
        const std::string lname = OGR_L_GetName(layer);
        const auto& wanted = options.layer_names;
        if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), lname) == wanted.end()) continue;
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        if (OGR_FD_GetGeomFieldCount(defn) == 0 && options.selection == LayerSelection::spatial) continue;
        VectorLayer vl;
        vl.name = lname;
        vl.geometry_type = OGRGeometryTypeToName(OGR_L_GetGeomType(layer));
        const int nfields = OGR_FD_GetFieldCount(defn);
        for (int fi = 0; fi < nfields; ++fi) {
            OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, fi);
            vl.field_names.emplace_back(OGR_Fld_GetNameRef(fd));
            vl.field_types.push_back(field_type_of(fd));
        }

        TransformPtr transform;
        if (OGRSpatialReferenceH src = OGR_L_GetSpatialRef(layer)) {
            vl.source_crs = describe_crs(src);
            SrsPtr src_copy(OSRClone(src));
            OSRSetAxisMappingStrategy(srs(src_copy), OAMS_TRADITIONAL_GIS_ORDER);
            if (!OSRIsSame(srs(src_copy), srs(target))) {
                transform.reset(OCTNewCoordinateTransformation(srs(src_copy), srs(target)));
                if (!transform) throw IoError(path + ": layer " + lname + ": cannot transform to EPSG:4326" + last_cpl_error());
                vl.reprojected = true;
            }
        }

        OGR_L_ResetReading(layer);
        CPLErrorReset();
        std::string text;
        while (true) {
            FeaturePtr f(OGR_L_GetNextFeature(layer));
            if (!f) break;
            OGRFeatureH fh = feature(f);
            VectorFeature vf;
            vf.fid = OGR_F_GetFID(fh);
            vf.values.resize(static_cast<std::size_t>(nfields));
            for (int fi = 0; fi < nfields; ++fi) {
                if (!OGR_F_IsFieldSetAndNotNull(fh, fi)) continue;
                const auto i = static_cast<std::size_t>(fi);
                read_field(fh, fi, vl.field_types[i], vf.values[i], text);
                vf.attributes.emplace(vl.field_names[i], text);
            }
            if (OGRGeometryH g = OGR_F_GetGeometryRef(fh)) {
                if (transform && OGR_G_Transform(g, static_cast<OGRCoordinateTransformationH>(transform.get())) != OGRERR_NONE) {
                    throw IoError(path + ": layer " + lname + ": feature " + std::to_string(vf.fid) +
                                  ": cannot transform geometry" + last_cpl_error());
                }
                const int size = OGR_G_WkbSize(g);
                vf.wkb.resize(static_cast<std::size_t>(size));
                OGR_G_ExportToIsoWkb(g, wkbNDR, reinterpret_cast<unsigned char*>(vf.wkb.data()));
            }
            vl.features.push_back(std::move(vf));
        }
        if (CPLGetLastErrorType() >= CE_Failure) {
            throw IoError(path + ": layer " + lname + ": read error" + last_cpl_error());
        }
        out.push_back(std::move(vl));
    }
    return out;
}

} // namespace reckon::vector_io
