// QGIS style documents (QML). Only the options that differ from QGIS's
// defaults are written; QGIS 3.22 fills in the rest when it reads them.
// Symbol layers use the <Option type="Map"> form QGIS 3.x writes.

#include "export/qml.hpp"

#include "export/schema.hpp"
#include "export/layers.hpp"
#include "reckon/error.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace reckon::vector_io::detail {

std::string xml_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
        s.replace(pos, from.size(), to);
    }
}

} // namespace

std::string qml_for_shapefile(const std::string& qml, const LayerSchema& schema) {
    FormatRules shp;
    shp.shapefile_names = true;
    std::string out = qml;
    std::string aliases = "  <aliases>\n";
    int index = 0;
    for (const FieldDef& f : schema.fields) {
        const std::string s = stored_field_name(f, shp);
        if (s != f.name) {
            const std::string n = xml_escape(f.name), t = xml_escape(s);
            for (const char* attr : {"attr=\"", "field=\"", "fieldName=\""}) {
                replace_all(out, std::string(attr) + n + "\"", std::string(attr) + t + "\"");
            }
            replace_all(out, "&quot;" + n + "&quot;", "&quot;" + t + "&quot;");
        }
        aliases += "    <alias field=\"" + xml_escape(s) + "\" index=\"" + std::to_string(index++) + "\" name=\"" +
                   xml_escape(f.name) + "\"/>\n";
    }
    aliases += "  </aliases>\n";
    const std::size_t end = out.rfind("</qgis>");
    if (end == std::string::npos) return out;  // not a QML document we wrote: leave it as it is
    out.insert(end, aliases);
    replace_all(out, "styleCategories=\"Symbology|Labeling\"", "styleCategories=\"Symbology|Labeling|Fields\"");
    return out;
}

} // namespace reckon::vector_io::detail

namespace reckon::layers {

namespace {

using vector_io::detail::xml_escape;

// QGIS release the styles are written for (Debian 12); later releases read them too.
constexpr const char* qgis_version = "3.22.16-Białowieża";

// Outline of a fill: the fill's hue at this fraction of its brightness.
constexpr double outline_darkening = 0.6;
constexpr double fill_outline_width_mm = 0.4;
// A hatched category's background, as a fraction of the style's opacity.
constexpr double hatch_background_opacity = 0.4;
constexpr double marker_outline_width_mm = 0.2;
constexpr double default_marker_size_mm = 2.4;
constexpr const char* marker_outline_colour = "35,35,35,255";

struct Rgb {
    int r = 0, g = 0, b = 0;
};

Rgb parse_colour(const std::string& c) {
    unsigned r = 0, g = 0, b = 0;
    char tail = 0;
    if (c.size() != 7 || c[0] != '#' || std::sscanf(c.c_str() + 1, "%2x%2x%2x%c", &r, &g, &b, &tail) != 3) {
        throw UsageError("style colour '" + c + "': #rrggbb expected");
    }
    return {static_cast<int>(r), static_cast<int>(g), static_cast<int>(b)};
}

std::string qgis_colour(const Rgb& c, double opacity) {
    const int a = static_cast<int>(std::lround(opacity * 255.0));
    return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," + std::to_string(a);
}

Rgb darker(const Rgb& c) {
    const auto f = [](int v) { return static_cast<int>(std::lround(v * outline_darkening)); };
    return {f(c.r), f(c.g), f(c.b)};
}

std::string number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

std::string option(const std::string& name, const std::string& value) {
    return "<Option name=\"" + name + "\" type=\"QString\" value=\"" + xml_escape(value) + "\"/>";
}

std::string header(bool labels) {
    return std::string("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"") + qgis_version +
           "\" styleCategories=\"Symbology|Labeling\" labelsEnabled=\"" + (labels ? "1" : "0") + "\">\n";
}

// <data_defined_properties> with the marker size from @p size_expression.
std::string size_property(const std::string& size_expression) {
    if (size_expression.empty()) return {};
    // Property type 3 is QgsProperty::ExpressionBasedProperty.
    return "          <data_defined_properties>\n"
           "            <Option type=\"Map\">\n"
           "              <Option name=\"name\" type=\"QString\" value=\"\"/>\n"
           "              <Option name=\"properties\" type=\"Map\">\n"
           "                <Option name=\"size\" type=\"Map\">\n"
           "                  <Option name=\"active\" type=\"bool\" value=\"true\"/>\n"
           "                  <Option name=\"expression\" type=\"QString\" value=\"" +
           xml_escape(size_expression) +
           "\"/>\n"
           "                  <Option name=\"type\" type=\"int\" value=\"3\"/>\n"
           "                </Option>\n"
           "              </Option>\n"
           "              <Option name=\"type\" type=\"QString\" value=\"collection\"/>\n"
           "            </Option>\n"
           "          </data_defined_properties>\n";
}

std::string marker_symbol(const std::string& name, const Rgb& colour, const std::string& size_expression) {
    return "      <symbol type=\"marker\" name=\"" + name +
           "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
           "        <layer class=\"SimpleMarker\" enabled=\"1\" pass=\"0\" locked=\"0\">\n"
           "          <Option type=\"Map\">\n"
           "            " + option("color", qgis_colour(colour, 1.0)) + "\n"
           "            " + option("name", "circle") + "\n"
           "            " + option("outline_color", marker_outline_colour) + "\n"
           "            " + option("outline_style", "solid") + "\n"
           "            " + option("outline_width", number(marker_outline_width_mm)) + "\n"
           "            " + option("outline_width_unit", "MM") + "\n"
           "            " + option("scale_method", "diameter") + "\n"
           "            " + option("size", number(default_marker_size_mm)) + "\n"
           "            " + option("size_unit", "MM") + "\n"
           "          </Option>\n" +
           size_property(size_expression) +
           "        </layer>\n"
           "      </symbol>\n";
}

std::string simple_fill_layer(const std::string& fill, const std::string& style, const std::string& outline,
                              const std::string& outline_style) {
    return "        <layer class=\"SimpleFill\" enabled=\"1\" pass=\"0\" locked=\"0\">\n"
           "          <Option type=\"Map\">\n"
           "            " + option("color", fill) + "\n"
           "            " + option("style", style) + "\n"
           "            " + option("outline_color", outline) + "\n"
           "            " + option("outline_style", outline_style) + "\n"
           "            " + option("outline_width", number(fill_outline_width_mm)) + "\n"
           "            " + option("outline_width_unit", "MM") + "\n"
           "            " + option("joinstyle", "bevel") + "\n"
           "          </Option>\n"
           "        </layer>\n";
}

std::string fill_symbol(const std::string& name, const Category& c, double opacity) {
    const Rgb rgb = parse_colour(c.colour);
    const std::string outline = qgis_colour(darker(rgb), 1.0);
    std::string s = "      <symbol type=\"fill\" name=\"" + name + "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n";
    if (c.pattern == FillPattern::hatched) {
        s += simple_fill_layer(qgis_colour(rgb, opacity * hatch_background_opacity), "solid", outline, "no");
        s += simple_fill_layer(qgis_colour(rgb, 1.0), "b_diagonal", outline, "solid");
    } else {
        s += simple_fill_layer(qgis_colour(rgb, opacity), "solid", outline, "solid");
    }
    return s + "      </symbol>\n";
}

std::string categories_xml(const std::vector<Category>& categories) {
    std::string s = "    <categories>\n";
    for (std::size_t i = 0; i < categories.size(); ++i) {
        s += "      <category render=\"true\" symbol=\"" + std::to_string(i) + "\" value=\"" +
             xml_escape(categories[i].value) + "\" label=\"" + xml_escape(categories[i].label) + "\"/>\n";
    }
    return s + "    </categories>\n";
}

void check_categories(const std::string& field, const std::vector<Category>& categories) {
    if (field.empty()) throw UsageError("categorized style: no field given");
    if (categories.empty()) throw UsageError("categorized style on " + field + ": no categories");
    for (const Category& c : categories) parse_colour(c.colour);
}

std::string quoted_field(const std::string& field) { return "\"" + field + "\""; }

} // namespace

std::string categorized_fill_qml(const std::string& field, const std::vector<Category>& categories, double opacity) {
    check_categories(field, categories);
    if (!(opacity >= 0.0 && opacity <= 1.0)) throw UsageError("categorized style on " + field + ": opacity outside 0..1");
    std::string s = header(false);
    s += "  <renderer-v2 type=\"categorizedSymbol\" attr=\"" + xml_escape(field) +
         "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n";
    s += categories_xml(categories);
    s += "    <symbols>\n";
    for (std::size_t i = 0; i < categories.size(); ++i) s += fill_symbol(std::to_string(i), categories[i], opacity);
    s += "    </symbols>\n  </renderer-v2>\n</qgis>\n";
    return s;
}

std::string categorized_marker_qml(const std::string& field, const std::vector<Category>& categories,
                                   const std::string& size_expression, const std::string& order_by_desc) {
    check_categories(field, categories);
    std::string s = header(false);
    s += "  <renderer-v2 type=\"categorizedSymbol\" attr=\"" + xml_escape(field) +
         "\" symbollevels=\"0\" enableorderby=\"" + (order_by_desc.empty() ? "0" : "1") + "\" forceraster=\"0\">\n";
    s += categories_xml(categories);
    s += "    <symbols>\n";
    for (std::size_t i = 0; i < categories.size(); ++i) {
        s += marker_symbol(std::to_string(i), parse_colour(categories[i].colour), size_expression);
    }
    s += "    </symbols>\n";
    if (!order_by_desc.empty()) {
        // NULLs last: features without a count get the smallest marker, drawn on top.
        s += "    <orderby>\n      <orderByClause asc=\"0\" nullsFirst=\"0\">" + xml_escape(quoted_field(order_by_desc)) +
             "</orderByClause>\n    </orderby>\n";
    }
    s += "  </renderer-v2>\n</qgis>\n";
    return s;
}

std::string labelled_marker_qml(const std::string& colour, const std::string& label_field) {
    const Rgb rgb = parse_colour(colour);
    std::string s = header(!label_field.empty());
    s += "  <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n";
    s += "    <symbols>\n" + marker_symbol("0", rgb, "") + "    </symbols>\n  </renderer-v2>\n";
    if (!label_field.empty()) {
        // Around the point (placement 0), 1 mm away, with a white buffer for legibility on fills.
        s += "  <labeling type=\"simple\">\n"
             "    <settings calloutType=\"simple\">\n"
             "      <text-style fieldName=\"" + xml_escape(label_field) +
             "\" isExpression=\"0\" fontSize=\"8\" fontSizeUnit=\"Point\" textColor=\"40,40,40,255\" textOpacity=\"1\">\n"
             "        <text-buffer bufferDraw=\"1\" bufferSize=\"0.7\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"0.85\"/>\n"
             "      </text-style>\n"
             "      <placement placement=\"0\" dist=\"1\" distUnits=\"MM\" priority=\"5\"/>\n"
             "      <rendering drawLabels=\"1\" obstacle=\"1\" displayAll=\"0\"/>\n"
             "    </settings>\n"
             "  </labeling>\n";
    }
    s += "</qgis>\n";
    return s;
}

std::string with_temporal_fields(std::string qml, const std::string& start_field, const std::string& end_field) {
    // mode 2: start and end from fields; limitMode 1: the end is inclusive
    const std::string temporal = "  <temporal enabled=\"1\" mode=\"2\" limitMode=\"1\" accumulate=\"0\" startField=\"" +
                                 xml_escape(start_field) + "\" endField=\"" + xml_escape(end_field) +
                                 "\" startExpression=\"\" endExpression=\"\" durationField=\"\" durationUnit=\"d\" "
                                 "fixedDuration=\"0\">\n    <fixedRange>\n      <start></start>\n      <end></end>\n"
                                 "    </fixedRange>\n  </temporal>\n";
    const std::size_t close = qml.rfind("</qgis>");
    if (close == std::string::npos) throw UsageError("temporal style: not a QGIS style document");
    qml.insert(close, temporal);
    const std::string from = "styleCategories=\"Symbology|Labeling\"";
    if (const std::size_t at = qml.find(from); at != std::string::npos) {
        qml.replace(at, from.size(), "styleCategories=\"Symbology|Labeling|Temporal\"");
    }
    return qml;
}

} // namespace reckon::layers
