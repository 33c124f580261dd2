#pragma once
/// @file phrase_test_support.hpp
/// Helpers of the phrase tests: a parse summed up in the columns of
/// tests/data/phrases/parse_cases.tsv, and a plain TSV reader.

#include "../gazetteer/fixtures.hpp"
#include "reckon/phrase.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace reckon::test {

struct PhraseSummary {
    std::string target;        ///< target name, or ""
    std::string relations;     ///< "offset;offset"
    std::string anchors;       ///< names: ';' between constraints, '|' between anchors of one constraint
    std::string anchor_kinds;  ///< same shape as anchors
    std::string distance_m;    ///< value_m of the first distance ("nan" for "a few"), "" if none
    std::string qualifier;     ///< qualifier of the first distance, "" if none
    std::string azimuth_deg;   ///< azimuth of the first direction, "" if none
    std::string points;        ///< points of the first direction, "" if none
    std::string part;          ///< the first non-empty part, "" if none
};

inline std::string format_value(double v) {
    if (std::isnan(v)) return "nan";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

inline PhraseSummary summarise(const ParsedPhrase& p) {
    PhraseSummary s;
    if (p.target) s.target = p.target->name;
    bool have_distance = false;
    bool have_direction = false;
    for (std::size_t i = 0; i < p.constraints.size(); ++i) {
        const Constraint& c = p.constraints[i];
        if (i > 0) {
            s.relations += ';';
            s.anchors += ';';
            s.anchor_kinds += ';';
        }
        s.relations += to_string(c.relation);
        for (std::size_t a = 0; a < c.anchors.size(); ++a) {
            if (a > 0) {
                s.anchors += '|';
                s.anchor_kinds += '|';
            }
            s.anchors += c.anchors[a].name;
            s.anchor_kinds += to_string(c.anchors[a].kind);
        }
        if (c.distance && !have_distance) {
            have_distance = true;
            s.distance_m = format_value(c.distance->value_m);
            s.qualifier = to_string(c.distance->qualifier);
        }
        if (c.direction && !have_direction) {
            have_direction = true;
            s.azimuth_deg = format_value(c.direction->azimuth_deg);
            s.points = std::to_string(c.direction->points);
        }
        if (s.part.empty()) s.part = c.part;
    }
    return s;
}


} // namespace reckon::test
