#include "phrase/lexicon.hpp"

#include <cstdint>
#include <iterator>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace reckon::phrase {

namespace {

class Index {
public:
    Index() {
        add_directions();
        for (std::size_t i = 0; i < std::size(unit_words); ++i) {
            add(unit_words[i].word, [i](WordInfo& w) {
                w.classes |= word_class::unit;
                w.unit = static_cast<std::int8_t>(i);
            });
        }
        add(nautical_mile.word, [](WordInfo& w) { w.classes |= word_class::unit; });
        for (auto word : time_unit_words) add(word, [](WordInfo& w) { w.classes |= word_class::time_unit; });
        for (const auto& n : number_words) {
            add(n.word, [&n](WordInfo& w) {
                w.classes |= word_class::number_word;
                w.number = static_cast<std::int16_t>(n.value);
            });
        }
        for (const auto& q : qualifier_phrases) add(q.words[0], [](WordInfo& w) { w.classes |= word_class::qualifier; });
        for (std::size_t i = 0; i < std::size(generic_words); ++i) {
            add(generic_words[i].word, [i](WordInfo& w) {
                w.classes |= word_class::generic;
                w.generic = static_cast<std::int8_t>(i);
            });
        }
        for (std::size_t i = 0; i < std::size(name_head_words); ++i) {
            add(name_head_words[i].word, [i](WordInfo& w) {
                w.classes |= word_class::name_head;
                w.name_head = static_cast<std::int8_t>(i);
            });
        }
        for (std::size_t i = 0; i < std::size(part_words); ++i) {
            add(part_words[i].word, [i](WordInfo& w) {
                w.classes |= word_class::part;
                w.part = static_cast<std::int8_t>(i);
            });
        }
        for (std::size_t i = 0; i < std::size(countries); ++i) {
            const auto set = [i](bool adjective) {
                return [i, adjective](WordInfo& w) {
                    w.classes |= word_class::country;
                    if (w.country < 0) {
                        w.country = static_cast<std::int8_t>(i);
                        w.country_adjective = adjective;
                    }
                };
            };
            for (auto name : countries[i].names) {
                if (!name.empty()) add(name, set(false));
            }
            add(countries[i].adjective, set(true));
        }
        for (auto word : known_rivers) add(word, [](WordInfo& w) { w.classes |= word_class::river; });
        for (auto word : name_particles) add(word, [](WordInfo& w) { w.classes |= word_class::particle; });
        for (auto word : stop_words) add(word, [](WordInfo& w) { w.classes |= word_class::stop; });
        for (auto word : non_place_words) add(word, [](WordInfo& w) { w.classes |= word_class::non_place; });
        for (auto word : interaction_words) add(word, [](WordInfo& w) { w.classes |= word_class::interaction; });
        for (auto word : road_words) add(word, [](WordInfo& w) { w.classes |= word_class::road; });
        merge();
    }

    const WordInfo* find(std::string_view key) const noexcept {
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t slot = hash(key) & mask;; slot = (slot + 1) & mask) {
            const std::uint32_t e = m_slots[slot];
            if (e == empty_slot) return nullptr;
            if (m_entries[e].first == key) return &m_entries[e].second;
        }
    }

private:
    using Entry = std::pair<std::string, WordInfo>;

    template <typename Setter>
    void add(std::string_view word, Setter&& setter) {
        auto [it, inserted] = m_staged.try_emplace(std::string(word));
        (void)inserted;
        setter(it->second);
    }

    // Staged words go into one vector indexed by an open-addressing hash table
    // (at most half full): one hash and usually one comparison per token.
    void merge() {
        m_entries.reserve(m_staged.size());
        for (auto& [word, info] : m_staged) m_entries.emplace_back(word, info);
        m_staged.clear();
        std::size_t size = 16;
        while (size < 2 * m_entries.size()) size *= 2;
        m_slots.assign(size, empty_slot);
        for (std::uint32_t e = 0; e < m_entries.size(); ++e) {
            std::size_t slot = hash(m_entries[e].first) & (size - 1);
            while (m_slots[slot] != empty_slot) slot = (slot + 1) & (size - 1);
            m_slots[slot] = e;
        }
    }

    /// FNV-1a.
    static std::size_t hash(std::string_view key) noexcept {
        std::uint64_t h = 14695981039346656037ULL;
        for (const char c : key) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ULL;
        }
        return static_cast<std::size_t>(h ^ (h >> 29));
    }

    // Every written form of the 16 compass points.
    void add_directions() {
        const auto set = [](int point, DirectionForm form) {
            return [point, form](WordInfo& w) {
                w.classes |= word_class::direction;
                if (w.compass_point < 0) {
                    w.compass_point = static_cast<std::int8_t>(point);
                    w.direction_form = form;
                }
            };
        };
        static constexpr std::string_view adjective_suffix = "ern";
        for (int p = 0; p < 16; ++p) {
            const CompassPoint& cp = compass_points[p];
            const std::string name(cp.name);
            const std::string abbr(cp.abbreviation);
            add(name, set(p, DirectionForm::noun));
            add(abbr, set(p, DirectionForm::abbreviation));
            std::string dotted;  // "n.e."
            for (char c : abbr) {
                dotted += c;
                dotted += '.';
            }
            add(dotted, set(p, DirectionForm::abbreviation));
            if (p % 4 == 0) {         // cardinal: north, northern, northward(s)
                add(name + std::string(adjective_suffix), set(p, DirectionForm::adjective));
                add(name + "ward", set(p, DirectionForm::noun));
                add(name + "wards", set(p, DirectionForm::noun));
                add(name + "erly", set(p, DirectionForm::adjective));
            } else if (p % 2 == 0) {  // intercardinal: northeast, north-east, northeastern, north-eastern
                const std::string first = name.substr(0, 5);  // "north" / "south"
                const std::string second = name.substr(5);    // "east" / "west"
                const std::string hyphenated = first + "-" + second;
                add(hyphenated, set(p, DirectionForm::noun));
                add(name + std::string(adjective_suffix), set(p, DirectionForm::adjective));
                add(hyphenated + std::string(adjective_suffix), set(p, DirectionForm::adjective));
                add(name + "erly", set(p, DirectionForm::adjective));
                add(hyphenated + "erly", set(p, DirectionForm::adjective));
            } else {                  // 16-point: north-northeast, north-north-east, northnortheast
                const auto dash = name.find('-');
                const std::string first = name.substr(0, dash);
                const std::string rest = name.substr(dash + 1);  // "northeast" / "east"... always intercardinal
                add(first + rest, set(p, DirectionForm::noun));
                add(first + "-" + rest.substr(0, 5) + "-" + rest.substr(5), set(p, DirectionForm::noun));
            }
        }
        for (const auto& d : arabic_directions) add(d.word, set(d.compass_point, DirectionForm::noun));
    }

    std::unordered_map<std::string, WordInfo> m_staged;
    static constexpr std::uint32_t empty_slot = 0xFFFFFFFFU;
    std::vector<Entry> m_entries;
    std::vector<std::uint32_t> m_slots;
};

const Index& index() {
    static const Index instance;
    return instance;
}

} // namespace

const WordInfo* lookup(std::string_view key) {
    if (key.empty()) return nullptr;
    return index().find(key);
}

bool hint_is_region(std::string_view hint) noexcept {
    return hint == "province" || hint == "district" || hint == "subdistrict" || hint == "region" ||
           hint == "valley" || hint == "desert" || hint == "plain";
}

} // namespace reckon::phrase
