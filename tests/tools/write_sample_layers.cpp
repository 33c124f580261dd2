// reckon_write_sample: writes every reckon layer schema with a handful of
// realistic sample features (tests/tools/sample_layers.hpp), for the script
// tests (GeoPackage validation, QGIS smoke test) until `reckon convert` can
// produce the same layers from reports.
//
//   reckon_write_sample [--format gpkg|shp|geojson|csv] [--mode create|overwrite|append]
//                       [--range FROM:TO] [--layers NAME,NAME] OUTPUT
//
// --range keeps features FROM..TO-1 of each layer's sample pool (for append
// tests with overlapping keys). Prints "layer written skipped truncated" per
// layer. Exit 0 ok, 1 error, 2 usage.
//
//   reckon_write_sample --markdown   # the README's layer and field tables, from the schemas

#include "export/layers.hpp"
#include "reckon/error.hpp"
#include "reckon/export.hpp"
#include "tools/sample_layers.hpp"

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

int usage(const std::string& msg) {
    std::cerr << "reckon_write_sample: " << msg << "\n"
              << "usage: reckon_write_sample [--format gpkg|shp|geojson|csv] [--mode create|overwrite|append]\n"
              << "                           [--range FROM:TO] [--layers NAME,NAME] OUTPUT\n";
    return 2;
}

const char* geometry_words(reckon::GeometryKind g) {
    switch (g) {
    case reckon::GeometryKind::point: return "points";
    case reckon::GeometryKind::polygon: return "polygons";
    case reckon::GeometryKind::multipolygon: return "multipolygons";
    case reckon::GeometryKind::none: return "no geometry";
    }
    return "";
}

// The layer tables of the README ("GIS layers"), so they cannot drift from the schemas.
int print_markdown() {
    for (const reckon::LayerSchema& s : reckon::sample::schemas()) {
        std::cout << "**" << s.name << "** (" << geometry_words(s.geometry) << ", key `" << s.key_field
                  << "`): " << s.description << "\n\n| field | Shapefile | type | meaning |\n|---|---|---|---|\n";
        for (const reckon::FieldDef& f : s.fields) {
            std::cout << "| `" << f.name << "` | `" << f.shp_name << "` | " << reckon::to_string(f.type) << " | "
                      << f.doc << " |\n";
        }
        std::cout << "\n";
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    using namespace reckon;
    if (argc == 2 && std::strcmp(argv[1], "--markdown") == 0) return print_markdown();
    VectorFormat format = VectorFormat::gpkg;
    WriteMode mode = WriteMode::create;
    std::size_t from = 0, to = static_cast<std::size_t>(-1);
    std::vector<std::string> only;
    std::string output;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string a = argv[i];
            const auto next = [&]() -> std::string {
                if (i + 1 >= argc) throw UsageError(a + " needs a value");
                return argv[++i];
            };
            if (a == "--format") {
                format = vector_format_from_string(next());
            } else if (a == "--mode") {
                const std::string m = next();
                if (m == "create") mode = WriteMode::create;
                else if (m == "overwrite") mode = WriteMode::overwrite;
                else if (m == "append") mode = WriteMode::append;
                else throw UsageError("unknown mode " + m);
            } else if (a == "--range") {
                const std::string r = next();
                const auto colon = r.find(':');
                if (colon == std::string::npos) throw UsageError("--range FROM:TO");
                from = std::stoul(r.substr(0, colon));
                to = std::stoul(r.substr(colon + 1));
            } else if (a == "--layers") {
                std::stringstream ss(next());
                for (std::string n; std::getline(ss, n, ',');) only.push_back(n);
            } else if (!a.empty() && a[0] == '-') {
                throw UsageError("unknown option " + a);
            } else if (output.empty()) {
                output = a;
            } else {
                throw UsageError("one OUTPUT only");
            }
        }
        if (output.empty()) throw UsageError("no OUTPUT given");
    } catch (const UsageError& e) {
        return usage(e.what());
    } catch (const std::exception& e) {
        return usage(e.what());
    }

    try {
        DatasetWriter w(output, format, mode);
        for (const LayerSchema& schema : sample::schemas()) {
            if (!only.empty() && std::find(only.begin(), only.end(), schema.name) == only.end()) continue;
            w.add_layer(schema);
            std::vector<OutFeature> pool = sample::sample_features(schema);
            std::vector<OutFeature> features;
            for (std::size_t i = from; i < pool.size() && i < to; ++i) features.push_back(pool[i]);
            w.write(schema.name, features);
        }
        for (const WriteStats& s : w.commit()) {
            std::cout << s.layer << " " << s.written << " " << s.skipped_duplicates << " " << s.truncated_values << "\n";
        }
    } catch (const UsageError& e) {
        std::cerr << "reckon_write_sample: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "reckon_write_sample: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
