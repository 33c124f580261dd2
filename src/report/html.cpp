// The HTML reader: libxml2's forgiving HTML parser, then a walk over the
// DOM that keeps the article and drops the page furniture. The only user of
// libxml2.

#include "reckon/error.hpp"
#include "report/readers.hpp"
#include "report/segment.hpp"
#include "report/words.hpp"
#include "text/normalize.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

namespace reckon::report::detail {

namespace {

struct DocFree {
    void operator()(xmlDoc* d) const noexcept { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

/// A bold-only paragraph reads as a heading ("<p><strong>Diyala Province</strong></p>")
/// when it is at most this long.
constexpr std::size_t max_bold_heading_bytes = 100;

std::string lower(const xmlChar* s) { return lower_ascii(s ? reinterpret_cast<const char*>(s) : ""); }

std::string attribute(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string out = lower(v);
    xmlFree(v);
    return out;
}

template <std::size_t N>
bool one_of(const std::string& s, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

/// Never content: scripts, styles, forms, menus, embedded objects.
bool always_skipped(const std::string& tag) {
    static constexpr std::array<std::string_view, 17> tags{
        "script", "style",  "noscript", "template", "nav",   "form",  "button", "select", "textarea",
        "iframe", "svg",    "canvas",   "object",   "embed", "menu",  "aside",  "head"};
    return one_of(tag, tags);
}

/// Does a class or id value contain one of @p words as a token or a part of
/// one ("site-nav", "share_buttons")?
template <std::size_t N>
bool names_one_of(const std::string& value, const std::array<std::string_view, N>& words) {
    std::size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < value.size() && value[j] != ' ' && value[j] != '\t') ++j;
        const std::string_view token(value.data() + i, j - i);
        std::size_t a = 0;
        while (a <= token.size()) {
            std::size_t b = token.find_first_of("-_", a);
            if (b == std::string_view::npos) b = token.size();
            if (std::find(words.begin(), words.end(), token.substr(a, b - a)) != words.end()) return true;
            a = b + 1;
        }
        i = j;
    }
    return false;
}

/// Class and id words of page furniture, anywhere on the page.
bool furniture_name(const std::string& value) {
    static constexpr std::array<std::string_view, 19> words{
        "nav",    "navbar", "navigation", "menu",    "breadcrumb", "breadcrumbs", "share",     "sharing",
        "social", "cookie", "cookies",    "related", "newsletter", "advert",      "ads",       "subscribe",
        "comments", "toolbar", "promo"};
    return names_one_of(value, words);
}

/// Class and id words of the site's frame: furniture outside the article,
/// the article's own parts inside it ("article-header").
bool frame_name(const std::string& value) {
    static constexpr std::array<std::string_view, 5> words{"footer", "header", "banner", "masthead", "sidebar"};
    return names_one_of(value, words);
}

bool furniture(const xmlNode* n, bool in_article) {
    const std::string role = attribute(n, "role");
    static constexpr std::array<std::string_view, 6> roles{"navigation", "contentinfo", "complementary",
                                                           "search",     "menu",        "menubar"};
    if (one_of(role, roles) || (role == "banner" && !in_article)) return true;
    if (attribute(n, "aria-hidden") == "true" || xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
    const std::string cls = attribute(n, "class");
    const std::string id = attribute(n, "id");
    if (furniture_name(cls) || furniture_name(id)) return true;
    return !in_article && (frame_name(cls) || frame_name(id));
}

int heading_level(const std::string& tag) {
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return tag[1] - '0';
    return 0;
}

/// Elements that end the text before them and start a block of their own.
bool block_element(const std::string& tag) {
    static constexpr std::array<std::string_view, 30> tags{
        "p",      "div",   "li",     "ul",         "ol",      "dl",      "dt",    "dd",     "blockquote", "pre",
        "table",  "tr",    "tbody",  "thead",      "caption", "figcaption", "figure", "section", "article", "main",
        "header", "footer", "address", "center",   "body",    "html",    "hr",    "tfoot",  "summary",    "details"};
    return heading_level(tag) > 0 || one_of(tag, tags);
}

class Walker {
public:
    std::vector<RawBlock> blocks;
    std::string title;

    void walk(xmlNode* root) {
        // Iterative: saved pages can nest deeper than the call stack should go.
        struct Frame {
            xmlNode* node;
            bool leaving;
        };
        std::vector<Frame> stack;
        for (xmlNode* c = root; c; c = c->next) stack.push_back({c, false});
        std::reverse(stack.begin(), stack.end());
        while (!stack.empty()) {
            const Frame f = stack.back();
            stack.pop_back();
            if (f.leaving) {
                leave(f.node);
                continue;
            }
            if (!enter(f.node)) continue;
            stack.push_back({f.node, true});
            std::vector<xmlNode*> children;
            for (xmlNode* c = f.node->children; c; c = c->next) children.push_back(c);
            for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, false});
        }
        flush();
    }

private:
    struct Context {
        ReportBlock::Kind kind = ReportBlock::Kind::paragraph;
        int level = 0;
        bool atomic = false;  ///< heading, bullet, caption: nested p/div are inline
    };
    std::vector<Context> m_contexts{Context{}};
    std::vector<const xmlNode*> m_opened;  ///< elements that pushed a context
    std::string m_buf;
    std::size_t m_bold_bytes = 0, m_plain_bytes = 0;
    int m_bold_depth = 0;
    int m_article_depth = 0;
    int m_last_level = 0;

    static bool is_bold(const std::string& tag) { return tag == "b" || tag == "strong"; }

    /// Returns false to skip the element's children.
    bool enter(xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) add_text(reinterpret_cast<const char*>(n->content));
            return false;
        }
        if (n->type != XML_ELEMENT_NODE) return n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE;
        const std::string tag = lower(n->name);
        if (tag == "title") {
            if (title.empty()) {
                xmlChar* t = xmlNodeGetContent(n);
                if (t) title = normalize_space(reinterpret_cast<const char*>(t));
                xmlFree(t);
            }
            return false;
        }
        if (tag == "head") {
            // Only the title matters in the head.
            for (xmlNode* c = n->children; c; c = c->next) {
                if (c->type == XML_ELEMENT_NODE && lower(c->name) == "title") enter(c);
            }
            return false;
        }
        const bool in_article = m_article_depth > 0;
        if (always_skipped(tag) || ((tag == "header" || tag == "footer") && !in_article) || furniture(n, in_article)) {
            return false;
        }
        if (tag == "article" || tag == "main") ++m_article_depth;
        if (tag == "br") {
            m_buf.push_back(' ');
            return false;
        }
        if (is_bold(tag)) ++m_bold_depth;
        if (tag == "td" || tag == "th") {
            // Cells of one row make one block: "Deir ez-Zor | 3".
            if (m_buf.find_first_not_of(" \t\n\r") != std::string::npos) m_buf += " | ";
            return true;
        }
        if (!block_element(tag)) return true;
        const Context& top = m_contexts.back();
        const int level = heading_level(tag);
        const bool nested_item = tag == "li" || level > 0;
        if (top.atomic && !nested_item) {
            m_buf.push_back(' ');  // a <p> inside an <li>: part of the bullet
            return true;
        }
        flush();
        Context c;
        if (level > 0) {
            c.kind = ReportBlock::Kind::heading;
            c.level = level;
            c.atomic = true;
        } else if (tag == "li") {
            c.kind = ReportBlock::Kind::bullet;
            c.atomic = true;
        } else if (tag == "figcaption" || tag == "caption") {
            c.kind = ReportBlock::Kind::caption;
            c.atomic = true;
        }
        m_contexts.push_back(c);
        m_opened.push_back(n);
        return true;
    }

    void leave(xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return;
        const std::string tag = lower(n->name);
        if (tag == "article" || tag == "main") --m_article_depth;
        if (is_bold(tag)) --m_bold_depth;
        if (!m_opened.empty() && m_opened.back() == n) {
            flush();
            m_opened.pop_back();
            m_contexts.pop_back();
        } else if (block_element(tag)) {
            m_buf.push_back(' ');
        }
    }

    void add_text(const char* s) {
        const std::size_t before = m_buf.size();
        m_buf += s;
        std::size_t visible = 0;
        for (std::size_t i = before; i < m_buf.size(); ++i) visible += space_at(m_buf, i) == 0;
        (m_bold_depth > 0 ? m_bold_bytes : m_plain_bytes) += visible;
    }

    void flush() {
        std::string t = normalize_space(m_buf);
        const bool bold_only = m_bold_bytes > 0 && m_plain_bytes == 0;
        m_buf.clear();
        m_bold_bytes = m_plain_bytes = 0;
        if (t.empty()) return;
        if (!text::valid_utf8(t)) t = text::sanitize_utf8(t);
        const Context& c = m_contexts.back();
        RawBlock b;
        b.kind = c.kind;
        b.level = c.level;
        if (b.kind == ReportBlock::Kind::bullet) {
            t.erase(0, bullet_prefix(t));  // a glyph typed into the <li>
        }
        if (b.kind == ReportBlock::Kind::paragraph && bold_only && t.size() <= max_bold_heading_bytes) {
            const char e = t.back();
            if (e != '.' && e != ',' && e != ';' && e != '!' && e != '?') {
                b.kind = ReportBlock::Kind::heading;
                b.level = std::min(m_last_level + 1, 6);
            }
        }
        if (b.kind == ReportBlock::Kind::heading && c.level > 0) m_last_level = c.level;
        b.text = std::move(t);
        blocks.push_back(std::move(b));
    }
};

void ensure_libxml_initialised() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

} // namespace

ReportText read_html(std::string_view content, const std::string& name) {
    if (is_blank(content)) throw InputError(name, 0, "empty file");
    const bool utf16 = content.substr(0, 2) == "\xFF\xFE" || content.substr(0, 2) == "\xFE\xFF";
    if (!utf16 && looks_binary(content)) throw InputError(name, 0, "binary file, not a report");
    ensure_libxml_initialised();
    // Valid UTF-8 is read as UTF-8 whatever the page declares (saved pages
    // often keep a stale charset); anything else follows the page's meta charset.
    const char* encoding = !utf16 && text::valid_utf8(content) ? "UTF-8" : nullptr;
    DocPtr doc(htmlReadMemory(content.data(), static_cast<int>(content.size()), nullptr, encoding,
                              HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    if (!doc) throw InputError(name, 0, "not readable as HTML");
    Walker w;
    w.walk(xmlDocGetRootElement(doc.get()));
    ReportText r;
    assemble_blocks(r, w.blocks);
    r.title = w.title;
    if (r.title.empty()) {
        for (const ReportBlock& b : r.blocks) {
            if (b.kind == ReportBlock::Kind::heading) {
                r.title = b.text;
                break;
            }
        }
    }
    set_period(r);
    return r;
}

} // namespace reckon::report::detail
