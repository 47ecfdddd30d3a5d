// Reads a TEI P5 file into Documents: generic TEI as one document, FRUS volumes as one document per
// <div type="document">, with source annotations whose spans point into the plain text.
#include "dossier/importers/tei_importer.h"
#include "dossier/model/text_utf8.h"
#include "tei_text_builder.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <pugixml.hpp>

namespace dossier::importers {
namespace {

using tei::TextBuilder;

// Deeper element nesting than any TEI edition uses; the file is refused before it is walked.
constexpr int kMaxNestingDepth = 1000;

// Element name without its namespace prefix ("frus:attachment" -> "attachment").
std::string_view local_name(const pugi::xml_node& node) {
    std::string_view name = node.name();
    auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    for (auto n : names)
        if (n == name)
            return true;
    return false;
}

// Elements that start on a new line and end with one.
bool is_block(std::string_view name) {
    return one_of(name, {"p",         "head",     "dateline", "item",    "list",       "div",
                         "opener",    "closer",   "signed",   "salute",  "postscript", "ab",
                         "label",     "table",    "row",      "lg",      "l",          "byline",
                         "docAuthor", "argument", "epigraph", "trailer", "address",    "addrLine",
                         "listBibl",  "bibl",     "sp",       "speaker", "attachment", "body",
                         "front",     "back"});
}

// Blocks followed by an empty line, so paragraphs stay visible in the plain text.
bool is_paragraph(std::string_view name) {
    return one_of(name, {"p", "head", "dateline", "list", "opener", "closer", "postscript", "div",
                         "ab", "table"});
}

// Elements the source annotated and we keep as SourceAnnotations.
bool is_annotation(std::string_view name) {
    return one_of(name, {"persName", "orgName", "placeName", "gloss", "date"});
}

// Structure that is not reading text: running heads, the printed page breaks, figures' files.
bool is_skipped(std::string_view name) {
    return one_of(name, {"teiHeader", "fw", "graphic", "facsimile"});
}

std::string annotation_ref(const pugi::xml_node& node, std::string_view kind) {
    for (const char* attr : {"corresp", "target", "ref", "key"})
        if (auto a = node.attribute(attr))
            return a.value();
    if (kind == "date")
        for (const char* attr : {"when", "from", "notBefore"})
            if (auto a = node.attribute(attr))
                return a.value();
    return {};
}

class Walker {
public:
    Walker(TextBuilder& out, std::vector<SourceAnnotation>* annotations, bool with_notes)
        : out_(out), annotations_(annotations), with_notes_(with_notes) {}

    void walk_children(const pugi::xml_node& node, const pugi::xml_node& exclude = {}) {
        for (auto child : node.children())
            if (child != exclude)
                walk(child, exclude);
    }

    void walk(const pugi::xml_node& node, const pugi::xml_node& exclude = {}) {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            out_.append(node.value());
            return;
        }
        if (node.type() != pugi::node_element)
            return;
        // The walk recurses once per element level; refuse absurd nesting before the stack runs
        // out.
        if (depth_ >= kMaxNestingDepth)
            throw ImportError("XML nested deeper than " + std::to_string(kMaxNestingDepth) +
                              " elements; refusing it");
        ++depth_;
        struct DepthGuard {
            int& depth;
            ~DepthGuard() { --depth; }
        } guard{depth_};
        const auto name = local_name(node);
        if (is_skipped(name))
            return;
        if (name == "lb") {
            in_note_ ? out_.append(" ") : out_.line_break();
            return;
        }
        if (name == "cell") {
            out_.append(" ");
            walk_children(node, exclude);
            out_.append(" ");
            return;
        }
        if (name == "note") {
            if (with_notes_)
                walk_note(node, exclude);
            return;
        }
        const bool block = is_block(name) && in_note_ == 0;
        if (block)
            out_.line_break();
        if (is_annotation(name) && annotations_) {
            const auto start = out_.open_span();
            walk_children(node, exclude);
            const auto end = out_.offset();
            if (end > start)
                annotations_->push_back({{start, end},
                                         std::string(name),
                                         annotation_ref(node, name),
                                         node.attribute("type").value()});
        } else {
            walk_children(node, exclude);
        }
        if (block) {
            if (is_paragraph(name))
                out_.paragraph_break();
            else
                out_.line_break();
        } else if (in_note_ && is_block(name)) {
            out_.append(" ");
        }
    }

private:
    int depth_ = 0;

    // Footnotes stay where the editor put them, marked so a reader can tell them from the text.
    void walk_note(const pugi::xml_node& node, const pugi::xml_node& exclude) {
        out_.append(" "); // "...State [Footnote 1: ...]" rather than "State[Footnote"
        const auto start = out_.open_span();
        std::string marker = "[Footnote";
        if (auto n = node.attribute("n"))
            marker += std::string(" ") + n.value();
        marker += ": ";
        out_.append(marker);
        ++in_note_;
        walk_children(node, exclude);
        --in_note_;
        out_.append("]");
        if (annotations_)
            annotations_->push_back({{start, out_.offset()},
                                     "note",
                                     node.attribute("xml:id").value(),
                                     node.attribute("type").value()});
    }

    TextBuilder& out_;
    std::vector<SourceAnnotation>* annotations_;
    bool with_notes_;
    int in_note_ = 0;
};

// The text a reader sees in `node`, one line, without footnotes.
std::string plain_text(const pugi::xml_node& node, const pugi::xml_node& exclude = {}) {
    TextBuilder out;
    Walker walker(out, nullptr, false);
    walker.walk_children(node, exclude);
    auto text = out.finish();
    for (auto& c : text)
        if (c == '\n')
            c = ' ';
    // Blocks leave double spaces where line breaks were.
    std::string single;
    for (char c : text)
        if (!(c == ' ' && !single.empty() && single.back() == ' '))
            single += c;
    return single;
}

std::string trim_leading_punctuation(std::string text) {
    std::size_t i = 0;
    while (i < text.size() && std::strchr(" ,;:.\t", text[i]) != nullptr)
        ++i;
    return text.substr(i);
}

pugi::xml_node find_element(const pugi::xml_node& root, std::string_view name) {
    return root.find_node([name](const pugi::xml_node& n) { return local_name(n) == name; });
}

pugi::xml_node find_with_id(const pugi::xml_node& root, const char* xml_id) {
    return root.find_node([xml_id](const pugi::xml_node& n) {
        return n.type() == pugi::node_element &&
               std::strcmp(n.attribute("xml:id").value(), xml_id) == 0;
    });
}

// Calls `visit(node)` for every element below `root` in document order, without recursion: a
// hostile file may nest as deep as its bytes allow. `visit` returns false to leave that element's
// subtree out.
template <class Visit> void walk_elements(const pugi::xml_node& root, Visit&& visit) {
    auto node = root.first_child();
    while (node) {
        const bool descend = node.type() == pugi::node_element && visit(node);
        if (descend && node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node != root && !node.next_sibling())
            node = node.parent();
        if (node == root)
            return;
        node = node.next_sibling();
    }
}

// The deepest element nesting below `root`, counting stops once past `limit`.
int element_depth(const pugi::xml_node& root, int limit) {
    int depth = 0;
    int deepest = 0;
    auto node = root.first_child();
    while (node && deepest <= limit) {
        if (node.type() == pugi::node_element)
            deepest = std::max(deepest, depth + 1);
        if (node.first_child()) {
            node = node.first_child();
            ++depth;
            continue;
        }
        while (node != root && !node.next_sibling()) {
            node = node.parent();
            --depth;
        }
        if (node == root)
            break;
        node = node.next_sibling();
    }
    return deepest;
}

// Every element named `name` below `root` that is not inside another one of that name.
template <class Fn>
void for_each_element(const pugi::xml_node& root, std::string_view name, Fn&& fn) {
    walk_elements(root, [&](const pugi::xml_node& element) {
        if (local_name(element) != name)
            return true;
        fn(element);
        return false;
    });
}

// Every <div type="document">, however deep the chapters nest them (they never nest each other).
void collect_document_divs(const pugi::xml_node& root, std::vector<pugi::xml_node>& divs) {
    walk_elements(root, [&](const pugi::xml_node& element) {
        if (local_name(element) != "div" ||
            std::string_view(element.attribute("type").value()) != "document")
            return true;
        divs.push_back(element);
        return false;
    });
}

// The item (list entry) that holds `node`, or the node's parent.
pugi::xml_node enclosing_item(const pugi::xml_node& node) {
    for (auto p = node.parent(); p; p = p.parent())
        if (local_name(p) == "item")
            return p;
    return node.parent();
}

std::vector<TeiPerson> read_persons(const pugi::xml_node& root) {
    std::vector<TeiPerson> persons;
    auto list = find_with_id(root, "persons");
    if (!list)
        return persons;
    for_each_element(list, "persName", [&](const pugi::xml_node& pers) {
        const char* id = pers.attribute("xml:id").value();
        if (*id == '\0')
            return;
        // Repaired like document text: these become authority entries' ids, names and notes.
        persons.push_back(
            {sanitize_utf8(id), sanitize_utf8(plain_text(pers)),
             sanitize_utf8(trim_leading_punctuation(plain_text(enclosing_item(pers), pers)))});
    });
    return persons;
}

std::vector<TeiTerm> read_terms(const pugi::xml_node& root) {
    std::vector<TeiTerm> terms;
    auto list = find_with_id(root, "terms");
    if (!list)
        return terms;
    for_each_element(list, "term", [&](const pugi::xml_node& term) {
        const char* id = term.attribute("xml:id").value();
        if (*id == '\0')
            return;
        terms.push_back({id, plain_text(term),
                         trim_leading_punctuation(plain_text(enclosing_item(term), term))});
    });
    return terms;
}

struct VolumeHeader {
    std::string title;
    std::string idno;
    PartialDate date;
};

VolumeHeader read_header(const pugi::xml_node& tei_root) {
    VolumeHeader header;
    auto tei_header = find_element(tei_root, "teiHeader");
    if (!tei_header)
        return header;
    if (auto title_stmt = find_element(tei_header, "titleStmt")) {
        pugi::xml_node chosen;
        for_each_element(title_stmt, "title", [&](const pugi::xml_node& t) {
            const std::string_view type = t.attribute("type").value();
            if (!chosen || type == "complete" || type == "main")
                if (!chosen || std::string_view(chosen.attribute("type").value()) != "complete")
                    chosen = t;
        });
        if (chosen)
            header.title = plain_text(chosen);
    }
    // A FRUS volume's own identifier is <idno type="frus">; other TEI files have one plain <idno>.
    pugi::xml_node idno;
    for_each_element(tei_header, "idno", [&](const pugi::xml_node& n) {
        if (!idno || std::string_view(n.attribute("type").value()) == "frus")
            if (!idno || std::string_view(idno.attribute("type").value()) != "frus")
                idno = n;
    });
    if (idno)
        header.idno = plain_text(idno);
    // The date the text was made (profileDesc/creation) wins over the publication date.
    for (const char* holder : {"creation", "publicationStmt", "sourceDesc"}) {
        if (!header.date.empty())
            break;
        if (auto where = find_element(tei_header, holder))
            if (auto date = find_element(where, "date")) {
                const char* when = date.attribute("when").value();
                auto parsed = parse_iso_date(*when ? std::string_view(when)
                                                   : std::string_view(plain_text(date)));
                if (parsed)
                    header.date = *parsed;
            }
    }
    return header;
}

PartialDate document_date(const pugi::xml_node& div) {
    for (const char* attr : {"frus:doc-dateTime-min", "doc-dateTime-min"})
        if (auto a = div.attribute(attr))
            if (auto parsed = parse_iso_date(a.value()))
                return *parsed;
    // Without the FRUS attribute, the dateline's <date when> is the document's date.
    auto dateline = find_element(div, "dateline");
    for (const auto& scope : {dateline, div}) {
        if (!scope)
            continue;
        PartialDate found;
        for_each_element(scope, "date", [&](const pugi::xml_node& d) {
            if (found.empty())
                if (auto parsed = parse_iso_date(d.attribute("when").value()))
                    found = *parsed;
        });
        if (!found.empty())
            return found;
    }
    return {};
}

void add_parties(const pugi::xml_node& head, Document& doc) {
    // Depth-first over the head, leaving footnotes out: a "from" inside a source note is not the
    // sender.
    walk_elements(head, [&](const pugi::xml_node& element) {
        if (local_name(element) == "note")
            return false;
        const std::string_view type = element.attribute("type").value();
        if (type == "from" || type == "to") {
            auto name = plain_text(element);
            if (!name.empty())
                doc.parties.push_back(
                    {type == "from" ? DocumentParty::Role::Sender : DocumentParty::Role::Recipient,
                     name});
        }
        return true;
    });
}

Document read_document_div(const pugi::xml_node& div, const VolumeHeader& volume,
                           const std::string& source_path) {
    Document doc;
    doc.source_path = source_path;
    doc.format = "tei";
    const std::string xml_id = div.attribute("xml:id").value();
    const std::string number = div.attribute("n").value();
    doc.source_key = !xml_id.empty() ? xml_id : "n" + number;
    if (auto head = div.child("head")) {
        doc.title = plain_text(head);
        if (!number.empty() && doc.title.rfind(number, 0) != 0)
            doc.title = number + ". " + doc.title;
        add_parties(head, doc);
    }
    doc.date = document_date(div);
    TextBuilder out;
    Walker walker(out, &doc.annotations, true);
    walker.walk_children(div);
    doc.text = out.finish();
    if (!number.empty())
        doc.metadata.emplace_back("number", number);
    if (auto dateline = find_element(div, "dateline"))
        if (auto place = find_element(dateline, "placeName"))
            doc.metadata.emplace_back("place", plain_text(place));
    if (!volume.title.empty())
        doc.metadata.emplace_back("volume", volume.title);
    if (!volume.idno.empty())
        doc.archive_ref = volume.idno + "/" + doc.source_key;
    return doc;
}

Document read_generic(const pugi::xml_node& tei_root, const VolumeHeader& header,
                      const std::string& source_path) {
    auto text = find_element(tei_root, "text");
    if (!text)
        throw ImportError("TEI file has no <text> element");
    auto body = find_element(text, "body");
    Document doc;
    doc.source_path = source_path;
    doc.format = "tei";
    doc.title = header.title;
    doc.date = header.date;
    doc.archive_ref = header.idno;
    TextBuilder out;
    Walker walker(out, &doc.annotations, true);
    walker.walk_children(body ? body : text);
    doc.text = out.finish();
    return doc;
}

// The text was built from valid UTF-8 (pugixml decodes to UTF-8); sanitising is a guard against
// invalid bytes in a file that claimed UTF-8, and never moves offsets of valid text.
void ensure_utf8(Document& doc) {
    if (!is_valid_utf8(doc.text)) {
        doc.text = sanitize_utf8(doc.text);
        doc.annotations.clear(); // offsets no longer trustworthy
    }
    if (!is_valid_utf8(doc.title))
        doc.title = sanitize_utf8(doc.title);
    for (auto& p : doc.parties)
        p.name = sanitize_utf8(p.name);
}

} // namespace

TeiVolume read_tei(std::string_view xml_bytes, const std::string& source_path) {
    pugi::xml_document xml;
    // parse_default: no DOCTYPE processing, only the five predefined entities and character
    // references are expanded; anything else (&lol9;, an external &xxe;) stays literal text.
    const auto result = xml.load_buffer(xml_bytes.data(), xml_bytes.size(), pugi::parse_default,
                                        pugi::encoding_auto);
    if (!result)
        throw ImportError("malformed XML: " + std::string(result.description()) + " at byte " +
                          std::to_string(result.offset));
    auto root = xml.document_element();
    // pugixml parses and frees without recursion, and the walks below are iterative, but the text
    // walker recurses once per level: refuse absurd nesting before anything walks the tree.
    if (element_depth(xml, kMaxNestingDepth) > kMaxNestingDepth)
        throw ImportError("XML nested deeper than " + std::to_string(kMaxNestingDepth) +
                          " elements; refusing it");
    const auto root_name = local_name(root);
    if (root_name != "TEI" && root_name != "teiCorpus" && root_name != "TEI.2")
        throw ImportError("not a TEI document (root element <" + std::string(root.name()) + ">)");

    TeiVolume volume;
    const auto header = read_header(root);
    std::vector<pugi::xml_node> divs;
    collect_document_divs(root, divs);
    if (divs.empty()) {
        volume.documents.push_back(read_generic(root, header, source_path));
    } else {
        for (const auto& div : divs)
            volume.documents.push_back(read_document_div(div, header, source_path));
    }
    for (auto& doc : volume.documents)
        ensure_utf8(doc);
    volume.persons = read_persons(root);
    volume.terms = read_terms(root);
    return volume;
}

} // namespace dossier::importers
