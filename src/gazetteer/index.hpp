#pragma once
/// @file index.hpp
/// The in-memory exact-lookup index: every name's transliteration key (as a
/// 64-bit FNV-1a hash), sorted, with its place row, the hash of its fold key
/// and the name itself. Built once into the gazetteer as one BLOB
/// (table search_index) and read whole on first use (a few MB), so that the
/// common lookup — a name spelled in one of the known ways — touches no SQL.
/// Little-endian layout; the header carries a magic and version.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon::gazetteer::detail {

/// FNV-1a, 64 bit: stable across platforms and builds.
inline std::uint64_t fnv1a64(std::string_view s) noexcept {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

struct IndexEntry {
    std::uint64_t key_hash;   ///< fnv1a64(key_translit)
    std::uint64_t fold_hash;  ///< fnv1a64(key_fold)
    std::int64_t place_row;   ///< places.id
    std::int64_t name_row;    ///< names.rowid (order of insertion: primary name first)
    std::uint32_t name_offset;
    std::uint32_t name_length;
};

struct IndexHeader {
    char magic[4];  // "RKIX"
    std::uint32_t version;
    std::uint64_t entries;
    std::uint64_t pool_bytes;
};

inline constexpr std::uint32_t index_version = 1;

/// Serialise entries (sorted here) and their name pool into one blob.
inline std::string pack_index(std::vector<IndexEntry> entries, const std::string& pool) {
    std::sort(entries.begin(), entries.end(), [](const IndexEntry& a, const IndexEntry& b) {
        if (a.key_hash != b.key_hash) return a.key_hash < b.key_hash;
        return a.name_row < b.name_row;
    });
    IndexHeader h{{'R', 'K', 'I', 'X'}, index_version, entries.size(), pool.size()};
    std::string blob(sizeof h + entries.size() * sizeof(IndexEntry) + pool.size(), '\0');
    std::memcpy(blob.data(), &h, sizeof h);
    if (!entries.empty()) std::memcpy(blob.data() + sizeof h, entries.data(), entries.size() * sizeof(IndexEntry));
    std::memcpy(blob.data() + sizeof h + entries.size() * sizeof(IndexEntry), pool.data(), pool.size());
    return blob;
}

/// A loaded index (owns its bytes).
class ExactIndex {
public:
    /// Returns false if @p blob is not a valid index of this version.
    bool load(std::string blob) {
        if (blob.size() < sizeof(IndexHeader)) return false;
        IndexHeader h;
        std::memcpy(&h, blob.data(), sizeof h);
        if (std::memcmp(h.magic, "RKIX", 4) != 0 || h.version != index_version) return false;
        if (blob.size() != sizeof h + h.entries * sizeof(IndexEntry) + h.pool_bytes) return false;
        m_entries.resize(h.entries);
        if (h.entries) std::memcpy(m_entries.data(), blob.data() + sizeof h, h.entries * sizeof(IndexEntry));
        m_pool.assign(blob, sizeof h + h.entries * sizeof(IndexEntry), h.pool_bytes);
        for (const auto& e : m_entries) {
            if (std::uint64_t(e.name_offset) + e.name_length > m_pool.size()) return false;
        }
        return true;
    }

    /// Entries whose transliteration key hashes to fnv1a64(@p key_translit).
    std::pair<const IndexEntry*, const IndexEntry*> find(std::string_view key_translit) const noexcept {
        const std::uint64_t h = fnv1a64(key_translit);
        auto lo = std::lower_bound(m_entries.begin(), m_entries.end(), h,
                                   [](const IndexEntry& e, std::uint64_t v) { return e.key_hash < v; });
        auto hi = lo;
        while (hi != m_entries.end() && hi->key_hash == h) ++hi;
        return {m_entries.data() + (lo - m_entries.begin()), m_entries.data() + (hi - m_entries.begin())};
    }

    std::string_view name(const IndexEntry& e) const noexcept {
        return std::string_view(m_pool).substr(e.name_offset, e.name_length);
    }

private:
    std::vector<IndexEntry> m_entries;
    std::string m_pool;
};

} // namespace reckon::gazetteer::detail
