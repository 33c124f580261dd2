#pragma once
/// @file error.hpp
/// Typed exceptions. Library code throws these; only src/cli/main.cpp turns
/// them into exit codes and messages.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace reckon {

/// Base of every reckon error.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& what) : std::runtime_error(what) {}
};

/// Malformed input with a location: "SY.txt:12: 19 columns expected, found 7".
class InputError : public Error {
public:
    /// @param[in] file   path of the offending file ("" when not a file)
    /// @param[in] line   1-based line number (0 when unknown)
    /// @param[in] detail what is wrong, in plain words
    InputError(std::string file, std::size_t line, const std::string& detail)
        : Error(format(file, line, detail)), m_file(std::move(file)), m_line(line), m_detail(detail) {}

    const std::string& file() const noexcept { return m_file; }
    std::size_t line() const noexcept { return m_line; }
    const std::string& detail() const noexcept { return m_detail; }

private:
    static std::string format(const std::string& file, std::size_t line, const std::string& detail) {
        std::string s = file.empty() ? std::string("<input>") : file;
        if (line > 0) s += ":" + std::to_string(line);
        return s + ": " + detail;
    }
    std::string m_file;
    std::size_t m_line;
    std::string m_detail;
};

/// A file or database that cannot be opened, read or written.
class IoError : public Error {
public:
    explicit IoError(const std::string& what) : Error(what) {}
};

/// The gazetteer database is missing, from another schema version, or broken.
class GazetteerError : public Error {
public:
    explicit GazetteerError(const std::string& what) : Error(what) {}
};

/// Invalid arguments to a library call (the CLI maps this to exit code 2).
class UsageError : public Error {
public:
    explicit UsageError(const std::string& what) : Error(what) {}
};

} // namespace reckon
