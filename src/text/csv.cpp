#include "text/csv.hpp"

#include "reckon/error.hpp"

namespace reckon::text {

CsvReader::CsvReader(std::istream& in, std::string path, char delimiter)
    : m_in(in), m_path(std::move(path)), m_delim(delimiter) {}

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    std::string line;
    if (!std::getline(m_in, line)) return false;
    ++m_line;
    m_record_line = m_line;
    if (m_record_line == 1 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // BOM
    std::string field;
    bool in_quotes = false;
    bool was_quoted = false;
    std::size_t i = 0;
    while (true) {
        if (i >= line.size()) {
            if (in_quotes) {
                std::string more;
                if (!std::getline(m_in, more)) {
                    throw InputError(m_path, m_record_line, "unterminated quoted field");
                }
                ++m_line;
                field += '\n';
                line = std::move(more);
                i = 0;
                continue;
            }
            break;
        }
        const char c = line[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                in_quotes = false;
                ++i;
                continue;
            }
            field += c;
            ++i;
            continue;
        }
        if (c == '"' && field.empty() && !was_quoted) {
            in_quotes = true;
            was_quoted = true;
            ++i;
            continue;
        }
        if (c == m_delim) {
            fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
            ++i;
            continue;
        }
        if (c == '\r' && i + 1 == line.size()) {
            ++i;
            continue;
        }
        field += c;
        ++i;
    }
    fields.push_back(std::move(field));
    return true;
}

std::string csv_quote(const std::string& field, char delimiter) {
    if (field.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace reckon::text
