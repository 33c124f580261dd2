#include "export/staged_output.hpp"

#include "reckon/error.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace reckon::vector_io::detail {

namespace {

// Test seam (see testing::set_rename_hook): the rename used by commit().
RenameHook g_rename = nullptr;

int do_rename(const std::string& from, const std::string& to) {
    if (g_rename) return g_rename(from.c_str(), to.c_str());
    return std::rename(from.c_str(), to.c_str());
}

std::string errno_text(int err) { return std::strerror(err); }

// Unique within the process and across processes writing beside the same output.
std::string unique_suffix() {
    static std::atomic<unsigned> counter{0};
    return std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

std::string parent_dir(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

// fsync a file or directory; best effort (a file system without fsync on
// directories returns EINVAL, which is no reason to fail the write).
void sync_path(const std::string& path, bool is_dir) noexcept {
    const int fd = ::open(path.c_str(), is_dir ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

// File name endings of the layer files reckon writes into a directory
// output (and their usual companions: Shapefile indexes and .shp.xml
// metadata written by other tools).
constexpr const char* layer_file_endings[] = {
    ".shp", ".shx", ".dbf", ".prj", ".cpg", ".qml", ".qix", ".sbn", ".sbx", ".shp.xml",
    ".geojson", ".json", ".csv", ".csvt",
};

bool is_layer_file_name(const std::string& name) {
    for (const char* end : layer_file_endings) {
        const std::size_t n = std::strlen(end);
        if (name.size() > n && name.compare(name.size() - n, n, end) == 0) return true;
    }
    return false;
}

// The first entry of directory @p dir that is not a layer file, "" if none.
std::string foreign_entry(const std::string& dir) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!it->is_regular_file(ec) || !is_layer_file_name(name)) return name;
    }
    if (ec) return "(unreadable: " + ec.message() + ")";
    return {};
}

} // namespace

namespace testing {
RenameHook set_rename_hook(RenameHook hook) noexcept {
    const RenameHook old = g_rename;
    g_rename = hook;
    return old;
}
} // namespace testing

bool is_geopackage_file(const std::string& path) {
    // GeoPackage 1.3, requirements 2 and 3: an SQLite 3 file whose header
    // (application_id, bytes 68-71) holds "GPKG"; 1.0 and 1.1 used "GP10"/"GP11".
    constexpr std::size_t header_size = 72;
    constexpr std::size_t application_id_offset = 68;
    std::ifstream in(path, std::ios::binary);
    char header[header_size];
    if (!in.read(header, header_size)) return false;
    if (std::memcmp(header, "SQLite format 3", 16) != 0) return false;
    const char* id = header + application_id_offset;
    return std::memcmp(id, "GPKG", 4) == 0 || std::memcmp(id, "GP10", 4) == 0 || std::memcmp(id, "GP11", 4) == 0;
}

StagedOutput::StagedOutput(std::string path, OutputKind kind, WriteMode mode, const std::string& hint)
    : m_path(std::move(path)), m_kind(kind) {
    // "out/" names the directory out, not a place inside it.
    while (m_path.size() > 1 && m_path.back() == '/') m_path.pop_back();
    if (m_path.empty()) throw UsageError("no output path given");
    const std::string leaf = fs::path(m_path).filename().string();
    if (leaf.empty() || leaf == "." || leaf == ".." || m_path == "/") {
        throw UsageError(m_path + ": give the output a name of its own (not . or .. or /)");
    }
    if (mode == WriteMode::append && kind != OutputKind::file) {
        throw UsageError(m_path + ": append needs a GeoPackage output");
    }
    const std::string dir = parent_dir(m_path);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw IoError(m_path + ": directory " + dir + " does not exist");
    if (::access(dir.c_str(), W_OK | X_OK) != 0) {
        throw IoError(m_path + ": cannot write in directory " + dir + ": " + errno_text(errno));
    }

    const fs::file_status st = fs::status(m_path, ec);
    const bool exists = fs::exists(st);
    if (exists) {
        switch (mode) {
        case WriteMode::create:
            throw IoError(m_path + " exists (" + hint + ")");
        case WriteMode::overwrite:
            if (kind == OutputKind::file && fs::is_directory(st)) {
                throw IoError(m_path + " is a directory: a GeoPackage output is one file");
            }
            if (kind == OutputKind::directory) {
                if (!fs::is_directory(st)) {
                    throw IoError(m_path + " exists and is not a directory (this format writes a directory of layer files)");
                }
                const std::string other = foreign_entry(m_path);
                if (!other.empty()) {
                    throw IoError(m_path + " holds " + other +
                                  ", which is not a layer file: refusing to replace the directory");
                }
            }
            break;
        case WriteMode::append:
            if (!fs::is_regular_file(st) || !is_geopackage_file(m_path)) throw IoError(m_path + " is not a GeoPackage");
            if (fs::file_size(m_path + "-wal", ec) > 0 && !ec) {
                throw IoError(m_path + " is open in another program (" + m_path + "-wal exists): close it first");
            }
            break;
        }
    }

    m_temp = m_path + ".tmp-" + unique_suffix();
    fs::remove_all(m_temp, ec);
    if (kind == OutputKind::directory) {
        if (!fs::create_directory(m_temp, ec)) {
            throw IoError(m_path + ": cannot create temporary directory " + m_temp + ": " + ec.message());
        }
    } else if (mode == WriteMode::append && exists) {
        if (!fs::copy_file(m_path, m_temp, fs::copy_options::overwrite_existing, ec)) {
            remove_temp();
            throw IoError(m_path + ": cannot copy to " + m_temp + ": " + ec.message());
        }
        m_appending = true;
    }
}

StagedOutput::~StagedOutput() {
    if (!m_committed) remove_temp();
}

void StagedOutput::remove_temp() noexcept {
    if (m_temp.empty()) return;
    std::error_code ec;
    fs::remove_all(m_temp, ec);
    if (m_kind == OutputKind::file) {
        for (const char* side : {"-journal", "-wal", "-shm"}) fs::remove(m_temp + side, ec);
    }
}

void StagedOutput::commit() {
    if (m_committed) throw UsageError(m_path + ": already committed");
    const std::string dir = parent_dir(m_path);
    std::error_code ec;
    if (m_kind == OutputKind::file) {
        sync_path(m_temp, false);
        if (do_rename(m_temp, m_path) != 0) {
            throw IoError(m_path + ": cannot rename " + m_temp + " into place: " + errno_text(errno));
        }
        m_committed = true;
        sync_path(dir, true);
        return;
    }

    for (fs::directory_iterator it(m_temp, ec), end; !ec && it != end; it.increment(ec)) {
        sync_path(it->path().string(), false);
    }
    sync_path(m_temp, true);
    std::string old;
    if (fs::exists(fs::symlink_status(m_path, ec))) {
        old = m_path + ".old-" + unique_suffix();
        if (do_rename(m_path, old) != 0) {
            throw IoError(m_path + ": cannot move the previous output aside to " + old + ": " + errno_text(errno));
        }
    }
    if (do_rename(m_temp, m_path) != 0) {
        const int err = errno;
        if (!old.empty() && do_rename(old, m_path) != 0) {
            throw IoError(m_path + ": cannot rename " + m_temp + " into place (" + errno_text(err) +
                          "), and cannot put the previous output back: it is in " + old);
        }
        throw IoError(m_path + ": cannot rename " + m_temp + " into place: " + errno_text(err));
    }
    m_committed = true;
    // The new output is in place: a leftover old directory is untidy, not a failure.
    if (!old.empty()) fs::remove_all(old, ec);
    sync_path(dir, true);
}

} // namespace reckon::vector_io::detail
