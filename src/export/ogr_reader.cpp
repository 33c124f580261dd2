#include "export/ogr_reader.hpp"

#include "reckon/error.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace reckon::vector_io {

namespace {

void register_gdal_once() {
    static std::once_flag flag;
    std::call_once(flag, [] {
        GDALAllRegister();
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
    });
}

struct DatasetCloser {
    void operator()(void* ds) const noexcept {
        if (ds) GDALClose(ds);
    }
};
struct SrsReleaser {
    void operator()(void* s) const noexcept {
        if (s) OSRRelease(static_cast<OGRSpatialReferenceH>(s));
    }
};
struct TransformDestroyer {
    void operator()(void* t) const noexcept {
        if (t) OCTDestroyCoordinateTransformation(static_cast<OGRCoordinateTransformationH>(t));
    }
};
struct FeatureDestroyer {
    void operator()(void* f) const noexcept {
        if (f) OGR_F_Destroy(static_cast<OGRFeatureH>(f));
    }
};

std::string last_cpl_error() {
    const char* msg = CPLGetLastErrorMsg();
    return msg && *msg ? std::string(": ") + msg : std::string();
}

} // namespace

std::vector<VectorLayer> read_layers(const std::string& path, const std::vector<std::string>& layer_names) {
    register_gdal_once();
    CPLErrorReset();
    std::unique_ptr<void, DatasetCloser> ds(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds) throw IoError(path + ": cannot open as a vector data source" + last_cpl_error());

    std::unique_ptr<void, SrsReleaser> wgs84(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(static_cast<OGRSpatialReferenceH>(wgs84.get()), 4326);
    OSRSetAxisMappingStrategy(static_cast<OGRSpatialReferenceH>(wgs84.get()), OAMS_TRADITIONAL_GIS_ORDER);

    std::vector<VectorLayer> out;
    const int nlayers = GDALDatasetGetLayerCount(ds.get());
    for (int li = 0; li < nlayers; ++li) {
        OGRLayerH layer = GDALDatasetGetLayer(ds.get(), li);
        const std::string lname = OGR_L_GetName(layer);
        if (!layer_names.empty() && std::find(layer_names.begin(), layer_names.end(), lname) == layer_names.end()) {
            continue;
        }
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        if (OGR_FD_GetGeomFieldCount(defn) == 0) continue;  // attribute-only tables (layer_styles)
        VectorLayer vl;
        vl.name = lname;
        const int nfields = OGR_FD_GetFieldCount(defn);
        for (int fi = 0; fi < nfields; ++fi) vl.field_names.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, fi)));

        std::unique_ptr<void, TransformDestroyer> transform;
        if (OGRSpatialReferenceH src = OGR_L_GetSpatialRef(layer)) {
            std::unique_ptr<void, SrsReleaser> src_copy(OSRClone(src));
            OSRSetAxisMappingStrategy(static_cast<OGRSpatialReferenceH>(src_copy.get()), OAMS_TRADITIONAL_GIS_ORDER);
            if (!OSRIsSame(static_cast<OGRSpatialReferenceH>(src_copy.get()),
                           static_cast<OGRSpatialReferenceH>(wgs84.get()))) {
                transform.reset(OCTNewCoordinateTransformation(static_cast<OGRSpatialReferenceH>(src_copy.get()),
                                                               static_cast<OGRSpatialReferenceH>(wgs84.get())));
                if (!transform) throw IoError(path + ": layer " + lname + ": cannot transform to EPSG:4326" + last_cpl_error());
            }
        }

        OGR_L_ResetReading(layer);
        CPLErrorReset();
        while (true) {
            std::unique_ptr<void, FeatureDestroyer> f(OGR_L_GetNextFeature(layer));
            if (!f) break;
            auto* fh = static_cast<OGRFeatureH>(f.get());
            VectorFeature vf;
            vf.fid = OGR_F_GetFID(fh);
            for (int fi = 0; fi < nfields; ++fi) {
                if (!OGR_F_IsFieldSetAndNotNull(fh, fi)) continue;
                vf.attributes.emplace(vl.field_names[static_cast<std::size_t>(fi)], OGR_F_GetFieldAsString(fh, fi));
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
