#include "uncertainty/model.hpp"

#include "reckon/error.hpp"

#include <algorithm>
#include <cmath>

namespace reckon::uncertainty {

namespace {

// Heading precision by compass resolution (Wieczorek et al. 2004, Table 3;
// Chapman & Wieczorek 2020, "Uncertainty Related to Heading").
constexpr double heading_4_points_deg = 45.0;
constexpr double heading_8_points_deg = 22.5;
constexpr double heading_16_points_deg = 11.25;

// Reporter error, calibrated on ../shared/eval/real_cases_calibration.tsv
// (tests/unit/resolver/test_calibration.cpp measures coverage): the stated
// distance is off by up to ~40% at the 90th percentile; widen the range by
// this fraction of the distance on both sides.
constexpr double reporter_distance_fraction = 0.45;
// Stated distances run long (median stated/true ≈ 1.08: road distances quoted
// as straight-line), so the nominal distance is shortened by this factor.
constexpr double reporter_distance_bias = 1.08;
// Compass points are off by a median 18°, within ±45° in ~95% of cases, for
// 8- and 16-point directions alike: the sector is at least this wide.
constexpr double reporter_heading_deg = 45.0;

// Qualifiers. "about"/"approximately": the figure is rounded; allow a
// further 15% (Chapman & Wieczorek 2020 advise erring large for vague
// qualifiers). "more than X": up to twice X. "less than X": 0..X.
constexpr double approximate_fraction = 0.15;
constexpr double at_least_max_factor = 2.0;
// "a few kilometres" and "several kilometres": common usage, 2-5 and 3-9.
constexpr double few_min_units = 2.0, few_max_units = 5.0;
constexpr double several_min_units = 3.0, several_max_units = 9.0;

// Direction without distance ("south of Kirkuk"): how far reporters mean. In
// the 56 calibration phrases with a direction only, the target lay 3-335 km
// from the anchor: median 38 km, 89% within 65 km, 95% within 75 km. With the
// anchor's extent and the ±45° sector added, 65 km covers the truth in 92% of
// all 114 calibration phrases (shared set + seed report; 75 km: 94%, 60 km:
// 89%), so 65 km is the smallest reach that keeps the model in the 90-95% band.
constexpr double direction_only_max_m = 65000.0;
constexpr double direction_only_nominal_m = 35000.0;  // near the median, shortened for the long tail
// "near X", "the area of X": UCDP's "near" precision class is ~25 km.
constexpr double near_beyond_extent_m = 15000.0;

// Precision of an integer: one unit of its last non-zero digit; for powers
// of ten, a tenth of the number (Chapman & Wieczorek 2020).
double integer_precision_units(double v) {
    const auto n = static_cast<long long>(std::llround(v));
    if (n <= 0) return 1.0;
    long long p = 1;
    long long m = n;
    while (m % 10 == 0) {
        m /= 10;
        p *= 10;
    }
    if (m == 1 && p >= 10) p /= 10;  // 10, 100, 1000
    return static_cast<double>(p);
}

// Precision of a fraction: the denominator it implies (.5 → 1/2, .25 and
// .75 → 1/4, otherwise one unit of the last decimal).
double fraction_precision_units(double v, int decimals) {
    const double frac = v - std::floor(v);
    if (std::fabs(frac - 0.5) < 1e-9) return 0.5;
    if (std::fabs(frac - 0.25) < 1e-9 || std::fabs(frac - 0.75) < 1e-9) return 0.25;
    return std::pow(10.0, -decimals);
}

} // namespace

const char* to_string(DistancePrecisionPolicy p) noexcept {
    return p == DistancePrecisionPolicy::frazier2004 ? "frazier2004" : "wieczorek2020";
}

DistancePrecisionPolicy distance_precision_policy(const std::string& name) {
    if (name == "wieczorek2020") return DistancePrecisionPolicy::wieczorek2020;
    if (name == "frazier2004") return DistancePrecisionPolicy::frazier2004;
    throw UsageError("unknown distance precision policy '" + name + "' (wieczorek2020, frazier2004)");
}

double distance_precision_m(const Distance& d, DistancePrecisionPolicy policy) noexcept {
    if (!std::isfinite(d.value_m) || d.unit_m <= 0) return 0.0;
    const double v = d.is_range && std::isfinite(d.max_m) ? d.max_m / d.unit_m : d.value_m / d.unit_m;
    double units;
    if (policy == DistancePrecisionPolicy::wieczorek2020) {
        units = (d.decimals > 0 ? fraction_precision_units(v, d.decimals) : integer_precision_units(v)) / 2.0;
    } else {
        if (d.decimals > 0) {
            units = std::pow(10.0, -d.decimals);
        } else {
            const auto n = static_cast<long long>(std::llround(v));
            constexpr double frazier_round_fraction = 0.15;
            units = (n > 0 && n % 10 == 0) ? frazier_round_fraction * static_cast<double>(n) : 1.0;
        }
    }
    return units * d.unit_m;
}

RadialRange distance_range(const Distance& d, const ModelOptions& options) noexcept {
    RadialRange r;
    const double unit = d.unit_m > 0 ? d.unit_m : 1000.0;
    switch (d.qualifier) {
    case DistanceQualifier::few:
        r.min_m = few_min_units * unit;
        r.max_m = few_max_units * unit;
        break;
    case DistanceQualifier::several:
        r.min_m = several_min_units * unit;
        r.max_m = several_max_units * unit;
        break;
    default: {
        const double lo = d.is_range && std::isfinite(d.min_m) ? d.min_m : d.value_m;
        const double hi = d.is_range && std::isfinite(d.max_m) ? d.max_m : d.value_m;
        if (!std::isfinite(lo) || !std::isfinite(hi)) return r;
        const double prec = distance_precision_m(d, options.precision);
        r.min_m = lo - prec;
        r.max_m = hi + prec;
        if (d.qualifier == DistanceQualifier::approximate) {
            r.min_m -= approximate_fraction * lo;
            r.max_m += approximate_fraction * hi;
        } else if (d.qualifier == DistanceQualifier::at_least) {
            r.max_m = at_least_max_factor * hi;
        } else if (d.qualifier == DistanceQualifier::at_most) {
            r.min_m = 0.0;
        }
    }
    }
    double nominal = (r.min_m + r.max_m) / 2.0;
    if (d.qualifier == DistanceQualifier::exact || d.qualifier == DistanceQualifier::approximate) {
        nominal = d.is_range ? (d.min_m + d.max_m) / 2.0 : d.value_m;
    }
    if (options.reporter_error) {
        const double spread = reporter_distance_fraction * nominal;
        r.min_m -= spread;
        r.max_m += spread;
        nominal /= reporter_distance_bias;
    }
    r.min_m = std::max(0.0, r.min_m);
    r.nominal_m = std::clamp(nominal, r.min_m, r.max_m);
    return r;
}

RadialRange direction_only_range(double anchor_extent_m, const ModelOptions&) noexcept {
    RadialRange r;
    r.min_m = 0.0;
    r.max_m = std::max(direction_only_max_m, 2.0 * anchor_extent_m);
    r.nominal_m = std::max(direction_only_nominal_m, 1.5 * anchor_extent_m);
    return r;
}

double heading_half_width_deg(const Direction& dir, const ModelOptions& options) noexcept {
    double h = dir.points >= 16 ? heading_16_points_deg : (dir.points >= 8 ? heading_8_points_deg : heading_4_points_deg);
    if (options.reporter_error) h = std::max(h, reporter_heading_deg);
    return h;
}

double near_radius_m(const ModelOptions&) noexcept { return near_beyond_extent_m; }

} // namespace reckon::uncertainty
