#include "dossier/importers/html_importer.h"

#include "dossier/model/text_utf8.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <limits>
#include <memory>

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

const xmlNode* find_element(const xmlNode* node, const char* name) {
    for (auto* n = node; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE &&
            std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0)
            return n;
        if (auto* found = find_element(n->children, name))
            return found;
    }
    return nullptr;
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
        std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> html(
            htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                           HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_RECOVER),
            &xmlFreeDoc);
        if (!html)
            throw ImportError("unreadable HTML");
        const auto* root = xmlDocGetRootElement(html.get());
        if (!root)
            throw ImportError("HTML file has no content");
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
