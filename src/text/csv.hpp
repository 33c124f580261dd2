#pragma once
/// @file csv.hpp
/// RFC 4180 CSV reading with line numbers for error messages.

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace reckon::text {

/// Reads one record at a time; quoted fields may span lines.
class CsvReader {
public:
    /// @param[in] in   the stream (kept by reference)
    /// @param[in] path its name, for error messages
    CsvReader(std::istream& in, std::string path, char delimiter = ',');

    /// Read the next record into @p fields. Returns false at end of input.
    /// Throws InputError (path:line) on an unterminated quoted field.
    bool next(std::vector<std::string>& fields);

    /// 1-based line on which the last record returned started.
    std::size_t line() const noexcept { return m_record_line; }
    const std::string& path() const noexcept { return m_path; }

private:
    std::istream& m_in;
    std::string m_path;
    char m_delim;
    std::size_t m_line = 0;
    std::size_t m_record_line = 0;
};

/// @p field quoted for CSV output when it needs to be (RFC 4180).
std::string csv_quote(const std::string& field, char delimiter = ',');

} // namespace reckon::text
