// Command-line inputs → report files: files, directories, globs, @lists, stdin.

#include "reckon/convert.hpp"
#include "reckon/error.hpp"

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace reckon {

namespace {

bool is_glob(const std::string& s) {
    return s.find_first_of("*?[") != std::string::npos;
}

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

// Every report file under @p dir, sorted, hidden files and directories skipped.
void add_directory(const fs::path& dir, std::vector<std::string>& out, std::vector<std::string>* skipped) {
    std::vector<std::string> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw IoError(dir.string() + ": cannot read directory: " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) throw IoError(dir.string() + ": cannot read directory: " + ec.message());
        if (hidden(it->path())) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file()) continue;
        if (is_report_file_name(it->path().string())) {
            found.push_back(it->path().string());
        } else if (skipped) {
            skipped->push_back(it->path().string());
        }
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
}

void add_one(const std::string& input, std::vector<std::string>& out, const std::string& list_file,
             std::size_t list_line, std::vector<std::string>* skipped) {
    if (input == "-") {
        out.push_back(input);
        return;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    if (fs::is_directory(st)) {
        add_directory(input, out, skipped);
    } else if (fs::exists(st)) {
        out.push_back(input);
    } else if (is_glob(input)) {
        glob_t g{};
        const int rc = ::glob(input.c_str(), GLOB_NOSORT, nullptr, &g);
        std::vector<std::string> matched;
        if (rc == 0) {
            for (std::size_t i = 0; i < g.gl_pathc; ++i) matched.emplace_back(g.gl_pathv[i]);
        }
        globfree(&g);
        if (matched.empty()) throw UsageError("'" + input + "' matches no file");
        std::sort(matched.begin(), matched.end());
        for (const auto& m : matched) {
            if (fs::is_directory(m)) add_directory(m, out, skipped);
            else out.push_back(m);
        }
    } else if (!list_file.empty()) {
        throw InputError(list_file, list_line, "no such file: " + input);
    } else {
        throw IoError(input + ": no such file or directory");
    }
}

} // namespace

bool is_report_file_name(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* e : {".txt", ".text", ".html", ".htm", ".xhtml", ".pdf"}) {
        if (ext == e) return true;
    }
    return false;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, std::vector<std::string>* skipped) {
    std::vector<std::string> out;
    for (const std::string& input : inputs) {
        if (input.size() > 1 && input[0] == '@') {
            const std::string list = input.substr(1);
            std::ifstream in(list, std::ios::binary);
            if (!in) throw IoError(list + ": cannot open list file");
            const fs::path base = fs::path(list).parent_path();
            std::string line;
            std::size_t n = 0;
            while (std::getline(in, line)) {
                ++n;
                if (!line.empty() && line.back() == '\r') line.pop_back();
                const auto b = line.find_first_not_of(" \t");
                if (b == std::string::npos || line[b] == '#') continue;
                const auto e = line.find_last_not_of(" \t");
                std::string path = line.substr(b, e - b + 1);
                if (fs::path(path).is_relative() && !base.empty()) path = (base / path).string();
                add_one(path, out, list, n, skipped);
            }
            continue;
        }
        add_one(input, out, "", 0, skipped);
    }
    return out;
}

} // namespace reckon
