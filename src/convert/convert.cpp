// The convert pipeline: report → incidents → resolution, file by file, in
// parallel workers that each own a gazetteer connection and a resolver.

#include "reckon/convert.hpp"
#include "reckon/error.hpp"

#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace reckon {

namespace {

// Which of two unsuccessful resolutions says more: inconsistent (located, with a
// conflict) before ambiguous before unresolved before error.
int failure_rank(ResolveStatus s) {
    switch (s) {
    case ResolveStatus::ok: return 4;
    case ResolveStatus::inconsistent: return 3;
    case ResolveStatus::ambiguous: return 2;
    case ResolveStatus::unresolved: return 1;
    case ResolveStatus::error: return 0;
    }
    return 0;
}

// The location phrases of an incident tried at most (the extractor puts the best first).
constexpr std::size_t max_phrases_tried = 4;

ReportText read_input(const std::string& path) {
    if (path != "-") return read_report(path);
    std::string content((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return read_report(content, "<stdin>", detect_input_format(content));
}

} // namespace

ReportResult convert_report(const ReportText& report, const Resolver& resolver, const Gazetteer& gazetteer,
                            const ConvertOptions& options) {
    ReportResult out;
    out.path = report.path;
    out.title = report.title;
    std::unordered_map<std::string, std::string> section_context;
    // A heading that names no place inherits the last one that did (reports
    // nest "ISIS activity" under "The Iraqi arena").
    std::string sticky;
    std::string last_section;
    for (const Incident& inc : extract_incidents(report)) {
        ResolvedIncident ri;
        ri.incident = inc;
        if (inc.section != last_section) {
            auto it = section_context.find(inc.section);
            if (it == section_context.end())
                it = section_context.emplace(inc.section, context_for_section(gazetteer, inc.section)).first;
            if (!it->second.empty()) sticky = it->second;
            last_section = inc.section;
        }
        ri.context = !sticky.empty() ? sticky : options.resolve.context;
        ResolveOptions ro = options.resolve;
        ro.context = ri.context;
        bool have = false;
        std::size_t tried = 0;
        for (const std::string& phrase : inc.location_phrases) {
            if (tried++ == max_phrases_tried) break;
            Resolution r = resolver.resolve(phrase, ro);
            if (!have || failure_rank(r.status) > failure_rank(ri.resolution.status)) {
                ri.resolution = std::move(r);
                ri.phrase = phrase;
                have = true;
            }
            if (ri.resolution.status == ResolveStatus::ok) break;
        }
        ri.has_location = have;
        if (!have) {
            ri.resolution.status = ResolveStatus::unresolved;
            ri.resolution.messages.emplace_back("no location phrase in the incident text");
        }
        out.incidents.push_back(std::move(ri));
    }
    return out;
}

std::vector<ReportResult> convert_files(const std::vector<std::string>& files, const std::string& gazetteer_path,
                                        const ConvertOptions& options,
                                        const std::function<void(std::size_t, std::size_t)>& progress) {
    std::vector<ReportResult> results(files.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::mutex progress_mutex;
    std::exception_ptr failure;
    std::mutex failure_mutex;

    auto worker = [&] {
        try {
            Gazetteer gazetteer(gazetteer_path);
            Resolver resolver(gazetteer);
            for (std::size_t i = next++; i < files.size(); i = next++) {
                try {
                    const ReportText report = read_input(files[i]);
                    results[i] = convert_report(report, resolver, gazetteer, options);
                } catch (const InputError& e) {
                    results[i].path = files[i];
                    results[i].error = e.what();
                } catch (const IoError& e) {
                    results[i].path = files[i];
                    results[i].error = e.what();
                }
                const std::size_t d = ++done;
                if (progress) {
                    std::lock_guard<std::mutex> lock(progress_mutex);
                    progress(d, files.size());
                }
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = files.size();  // the others stop too
        }
    };

    const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(files.size())));
    // stdin can be read once only, by one worker: it is safe because "-" appears once at most in practice.
    std::vector<std::thread> threads;
    for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    return results;
}

ConvertSummary summarize(const std::vector<ReportResult>& results) {
    ConvertSummary s;
    for (const ReportResult& r : results) {
        ++s.reports;
        if (!r.error.empty()) ++s.failed_reports;
        for (const ResolvedIncident& ri : r.incidents) {
            ++s.incidents;
            if (!ri.has_location) ++s.no_location;
            switch (ri.resolution.status) {
            case ResolveStatus::ok: ++s.resolved; break;
            case ResolveStatus::ambiguous: ++s.ambiguous; break;
            case ResolveStatus::inconsistent: ++s.inconsistent; break;
            case ResolveStatus::unresolved:
            case ResolveStatus::error: ++s.unresolved; break;
            }
        }
    }
    return s;
}

} // namespace reckon
