// libFuzzer target: reckon validate on an arbitrary CSV table (the place
// column, given coordinates and a context column), against a small gazetteer
// built at start-up from the places below. reckon::Error (a ragged row,
// invalid UTF-8, a missing column) is an acceptable outcome; a crash, a
// sanitizer report or another exception is a finding.
// Seed corpus: fuzz/corpus/fuzz_validate_table/.

#include "build_fuzz.hpp"
#include "reckon/validate.hpp"

#include <fstream>
#include <memory>
#include <sstream>

namespace {

// GeoNames layout, written for this target (approximate coordinates).
constexpr const char* places =
    "1\tBaqubah\tBaqubah\tBaquba,Ba'qubah\t33.746\t44.643\tP\tPPLA\tIQ\t\t10\t\t\t\t150000\t\t\t\t\n"
    "2\tKhanaqin\tKhanaqin\tKhanaqeen\t34.349\t45.391\tP\tPPLA2\tIQ\t\t10\t\t\t\t0\t\t\t\t\n"
    "3\tDiyala\tDiyala\tDiyala Province\t33.950\t45.000\tA\tADM1\tIQ\t\t10\t\t\t\t0\t\t\t\t\n"
    "4\tAl Hamidiyah\tAl Hamidiyah\t\t33.852\t44.761\tP\tPPL\tIQ\t\t10\t\t\t\t0\t\t\t\t\n"
    "5\tAl Hamidiyah\tAl Hamidiyah\t\t35.180\t40.330\tP\tPPL\tSY\t\t07\t\t\t\t0\t\t\t\t\n"
    "6\tAl Mayadin\tAl Mayadin\tAl-Mayadeen\t35.021\t40.452\tP\tPPLA2\tSY\t\t07\t\t\t\t44000\t\t\t\t\n";

std::unique_ptr<reckon::Gazetteer> gazetteer;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    reckon::fuzz::init_scratch("fuzz_validate_table");
    const std::string in = reckon::fuzz::scratch_dir() + "/places.txt";
    const std::string out = reckon::fuzz::scratch_dir() + "/validate.sqlite";
    std::ofstream(in, std::ios::binary) << places;
    reckon::BuildOptions opt;
    opt.geonames = {in};
    reckon::build_gazetteer(out, opt);
    gazetteer = std::make_unique<reckon::Gazetteer>(out);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    reckon::Validator validator(*gazetteer, {});
    try {
        validator.add_csv(in, "fuzz.csv", reckon::TableOptions{"place", "lat", "lon", "province"});
    } catch (const reckon::Error&) {
        return 0;
    }
    const auto mentions = validator.finish();
    const auto summary = reckon::summarize(mentions);
    if (summary.mentions != mentions.size()) __builtin_trap();
    return 0;
}
