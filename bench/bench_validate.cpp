// Place-name validation throughput: mentions validated per second on a
// 100,000-row CSV (place names as data teams write them — transliterations,
// typos, same-named villages, a province column, given coordinates, a few
// location phrases), on the full gazetteer when ../shared is there, else the
// default one.

#include "bench_support.hpp"
#include "reckon/validate.hpp"

#include <fstream>

namespace {

using namespace reckon::bench;

constexpr std::size_t table_rows = 100000;

struct Row {
    const char* place;
    const char* province;
    const char* lat;
    const char* lon;
};

// Cycled through to fill the table.
const Row rows[] = {
    {"Al-Mayadeen", "Deir ez-Zor", "35.02", "40.45"},
    {"Baqubah", "Diyala", "", ""},
    {"Ba'qubah", "", "", ""},
    {"Deir ez-Zor", "", "35.33", "40.14"},
    {"Kirkuk", "Kirkuk", "35.47", "44.39"},
    {"Krikuk", "", "", ""},
    {"Khanaqin", "Diyala", "", ""},
    {"Muqdadiya", "Diyala", "", ""},
    {"Hawija", "Kirkuk", "", ""},
    {"Tikrit", "Salah al-Din", "", ""},
    {"Albukamal", "", "34.45", "40.92"},
    {"Raqqa", "", "", ""},
    {"Manbij", "Aleppo", "", ""},
    {"Mosul", "", "36.34", "43.13"},
    {"Tal Afar", "Nineveh", "", ""},
    {"Fallujah", "Al-Anbar", "", ""},
    {"Ramadi", "", "", ""},
    {"Hit", "Al-Anbar", "", ""},
    {"Samarra", "", "", ""},
    {"14 km north of Al-Mayadeen", "Deir ez-Zor", "", ""},
    {"in Al-Hawaij, 4 km northeast of Al-Mayadeen", "Deir ez-Zor", "", ""},
    {"Springfield", "", "", ""},
    {"Tal Tamr", "", "", ""},
    {"Sinjar", "Nineveh", "36.32", "41.87"},
};

const std::string& table_file() {
    static const std::string path = [] {
        const std::string p = scratch_dir() + "/validate-100k.csv";
        std::ofstream out(p);
        out << "id,place,province,lat,lon\n";
        const std::size_t n = std::size(rows);
        for (std::size_t i = 0; i < table_rows; ++i) {
            const Row& r = rows[i % n];
            out << i << ",\"" << r.place << "\"," << r.province << ',' << r.lat << ',' << r.lon << '\n';
        }
        return p;
    }();
    return path;
}

void BM_ValidateTable(benchmark::State& state) {
    reckon::Gazetteer* g = lookup_handle(state);
    if (!g) return;
    const std::string& path = table_file();
    std::size_t mentions = 0;
    for (auto _ : state) {
        reckon::Validator v(*g, {});
        v.add_table(path, reckon::TableOptions{"place", "lat", "lon", "province"});
        const auto ms = v.finish();
        mentions += ms.size();
        benchmark::DoNotOptimize(ms);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(mentions));
    state.counters["rows"] = static_cast<double>(table_rows);
}
BENCHMARK(BM_ValidateTable)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);

} // namespace
