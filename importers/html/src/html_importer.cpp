#include "dossier/importers/html_importer.h"

#include "dossier/model/text_utf8.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <limits>
#include <memory>
#include <string>

namespace dossier::importers {
namespace {

bool name_is(const xmlNode* node, std::initializer_list<const char*> names) {
    const auto* name = reinterpret_cast<const char*>(node->name);
    for (const char* n : names)
        if (std::strcmp(name, n) == 0)
            return true;
    return false;
}

bool is_hidden(const xmlNode* node) {
    return name_is(node,
                   {"script", "style", "noscript", "template", "head", "iframe", "object", "svg"});
}

bool is_block(const xmlNode* node) {
    return name_is(node,
                   {"p",   "div",        "br",      "h1",      "h2",     "h3",       "h4",
                    "h5",  "h6",         "li",      "ul",      "ol",     "table",    "tr",
                    "pre", "blockquote", "section", "article", "header", "footer",   "address",
                    "dl",  "dt",         "dd",      "hr",      "form",   "fieldset", "body"});
}

// Collects visible text: whitespace collapses as a browser shows it, except inside <pre>.
class TextCollector {
public:
    void walk(const xmlNode* node) {
        for (auto* n = node; n; n = n->next) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                append(reinterpret_cast<const char*>(n->content));
            } else if (n->type == XML_ELEMENT_NODE) {
                if (is_hidden(n))
                    continue;
                const bool block = is_block(n);
                const bool pre = name_is(n, {"pre"});
                if (block)
                    line_break();
                if (name_is(n, {"td", "th"}))
                    append(" ");
                preformatted_ += pre;
                walk(n->children);
                preformatted_ -= pre;
                if (block)
                    line_break();
            }
        }
    }

    std::string finish() {
        while (!text_.empty() && (text_.back() == '\n' || text_.back() == ' '))
            text_.pop_back();
        return std::move(text_);
    }

private:
    void append(const char* s) {
        for (; s && *s; ++s) {
            const char c = *s;
            if (preformatted_ > 0) {
                text_ += c;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pending_space_ = true;
                continue;
            }
            if (pending_space_ && !text_.empty() && text_.back() != '\n' && text_.back() != ' ')
                text_ += ' ';
            pending_space_ = false;
            text_ += c;
        }
    }
    void line_break() {
        pending_space_ = false;
        while (!text_.empty() && text_.back() == ' ')
            text_.pop_back();
        if (!text_.empty() && text_.back() != '\n')
            text_ += '\n';
    }

    std::string text_;
    bool pending_space_ = false;
    int preformatted_ = 0;
};

// The next node after `node` in document order, below `root`, without recursion: a hostile page
// may nest as deep as its bytes allow. `descend` false skips `node`'s children.
const xmlNode* next_in_document(const xmlNode* node, const xmlNode* root, bool descend = true) {
    if (descend && node->children)
        return node->children;
    while (node != root && !node->next)
        node = node->parent;
    return node == root ? nullptr : node->next;
}

const xmlNode* find_element(const xmlNode* root, const char* name) {
    for (auto* n = root; n; n = next_in_document(n, root))
        if (n->type == XML_ELEMENT_NODE &&
            std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0)
            return n;
    return nullptr;
}

// Deeper element nesting than any page a reader could follow; refused before the text is walked
// (TextCollector recurses once per level).
constexpr int kMaxNestingDepth = 1000;

bool nested_deeper_than(const xmlNode* root, int limit) {
    int depth = 0;
    for (auto* n = root; n;) {
        if (n->type == XML_ELEMENT_NODE && depth + 1 > limit)
            return true;
        if (n->children) {
            n = n->children;
            ++depth;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            --depth;
        }
        n = n == root ? nullptr : n->next;
    }
    return false;
}

class HtmlImporter final : public Importer {
public:
    HtmlImporter() { xmlInitParser(); } // once, before any thread parses

    std::string_view name() const override { return "html"; }
    std::vector<std::string_view> extensions() const override {
        return {".html", ".htm", ".xhtml"};
    }
    bool sniff(std::string_view, std::string_view head) const override {
        std::string lower(head.substr(0, 2048));
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return lower.find("<!doctype html") != std::string::npos ||
               lower.find("<html") != std::string::npos;
    }

    std::vector<Document> read(std::string_view path, std::string_view bytes) const override {
        if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
            throw ImportError("HTML file too large for the parser");
        std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> parser(htmlNewParserCtxt(),
                                                                              &htmlFreeParserCtxt);
        if (!parser)
            throw ImportError("out of memory for the HTML parser");
        std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> html(
            htmlCtxtReadMemory(
                parser.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER),
            &xmlFreeDoc);
        if (!html)
            throw ImportError("unreadable HTML");
        // libxml2 stops at 256 levels of nesting (and on a few other fatal errors) and hands back
        // the part it read: refuse the file rather than import a silently cut text.
        if (parser->disableSAX != 0)
            throw ImportError(parser->errNo == XML_ERR_INTERNAL_ERROR
                                  ? "HTML nested deeper than 256 elements; refusing it"
                                  : "the HTML parser stopped before the end of the file");
        const auto* root = xmlDocGetRootElement(html.get());
        if (!root)
            throw ImportError("HTML file has no content");
        if (nested_deeper_than(root, kMaxNestingDepth))
            throw ImportError("HTML nested deeper than " + std::to_string(kMaxNestingDepth) +
                              " elements; refusing it");
        Document doc;
        doc.source_path = std::string(path);
        doc.format = "html";
        if (const auto* title = find_element(root, "title")) {
            TextCollector t;
            t.walk(title->children);
            doc.title = sanitize_utf8(t.finish());
        }
        TextCollector body;
        const auto* body_node = find_element(root, "body");
        body.walk(body_node ? body_node : root);
        doc.text = sanitize_utf8(body.finish());
        std::vector<Document> docs;
        docs.push_back(std::move(doc));
        return docs;
    }
};

} // namespace

std::unique_ptr<Importer> make_html_importer() {
    return std::make_unique<HtmlImporter>();
}

} // namespace dossier::importers
