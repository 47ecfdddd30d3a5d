#include "pdf_writer.h"

#include <cstdio>

namespace dossier::testing {

int PdfWriter::add(const std::string& body) {
    bodies_.push_back(body);
    return static_cast<int>(bodies_.size());
}

void PdfWriter::set(int number, const std::string& body) {
    bodies_.at(static_cast<std::size_t>(number - 1)) = body;
}

int PdfWriter::add_stream(const std::string& content, const std::string& extra_dict) {
    return add("<< /Length " + std::to_string(content.size()) + extra_dict + " >>\nstream\n" +
               content + "\nendstream");
}

std::string PdfWriter::finish(int root, const std::string& trailer_extra) const {
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < bodies_.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + bodies_[i] + "\nendobj\n";
    }
    const auto xref = out.size();
    out += "xref\n0 " + std::to_string(bodies_.size() + 1) + "\n0000000000 65535 f \n";
    char line[32];
    for (auto offset : offsets) {
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
        out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(bodies_.size() + 1) + " /Root " +
           std::to_string(root) + " 0 R" + trailer_extra + " >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

namespace {

std::string escape_pdf_string(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '(' || c == ')' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

std::string text_content(const std::string& page) {
    std::string content = "BT /F1 12 Tf 72 720 Td 14 TL";
    std::size_t start = 0;
    while (start <= page.size()) {
        auto end = page.find('\n', start);
        if (end == std::string::npos)
            end = page.size();
        content += " (" + escape_pdf_string(page.substr(start, end - start)) + ") '";
        start = end + 1;
    }
    return content + " ET";
}

// Catalog, page tree and one page per content stream; returns the catalog's number.
int add_page_tree(PdfWriter& pdf, const std::vector<std::string>& contents) {
    const int catalog = pdf.add("");
    const int pages = pdf.add("");
    const int font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    std::string kids;
    for (const auto& content : contents) {
        const int stream = pdf.add_stream(content);
        const int page = pdf.add("<< /Type /Page /Parent " + std::to_string(pages) +
                                 " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 " +
                                 std::to_string(font) + " 0 R >> >> /Contents " +
                                 std::to_string(stream) + " 0 R >>");
        kids += std::to_string(page) + " 0 R ";
    }
    pdf.set(catalog, "<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>");
    pdf.set(pages, "<< /Type /Pages /Kids [" + kids + "] /Count " +
                       std::to_string(contents.size()) + " >>");
    return catalog;
}

} // namespace

std::string pdf_with_text_pages(const std::vector<std::string>& pages) {
    PdfWriter pdf;
    std::vector<std::string> contents;
    for (const auto& page : pages)
        contents.push_back(text_content(page));
    const int catalog = add_page_tree(pdf, contents);
    return pdf.finish(catalog);
}

std::string make_pdf(const std::vector<std::vector<std::string>>& pages, bool text_layer) {
    PdfWriter pdf;
    std::vector<std::string> contents;
    for (const auto& lines : pages) {
        std::string page;
        for (std::size_t i = 0; i < lines.size(); ++i)
            page += (i == 0 ? "" : "\n") + lines[i];
        contents.push_back(text_layer ? text_content(page) : "0.2 0.2 0.2 rg 72 300 468 400 re f");
    }
    const int catalog = add_page_tree(pdf, contents);
    return pdf.finish(catalog);
}

std::string pdf_with_empty_pages(std::size_t count) {
    // Every page shares one empty content stream: 100,000 pages stay a few MB.
    PdfWriter pdf;
    const int catalog = pdf.add("");
    const int pages = pdf.add("");
    const int empty = pdf.add_stream("");
    std::string kids;
    kids.reserve(count * 10);
    for (std::size_t i = 0; i < count; ++i) {
        const int page = pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " +
                                 std::to_string(empty) + " 0 R >>");
        kids += std::to_string(page) + " 0 R ";
    }
    pdf.set(catalog, "<< /Type /Catalog /Pages 2 0 R >>");
    pdf.set(pages, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(count) + " >>");
    return pdf.finish(catalog);
}

std::string pdf_image_only() {
    PdfWriter pdf;
    const int catalog = add_page_tree(pdf, {"q 0.5 g 100 100 300 400 re f Q"});
    return pdf.finish(catalog);
}

std::string pdf_with_xref_and_page_tree_loops() {
    PdfWriter pdf;
    const int catalog = add_page_tree(pdf, {text_content("Looping file")});
    // The /Pages node (object 2) lists itself as a kid after its real page (object 5).
    pdf.set(2, "<< /Type /Pages /Kids [5 0 R 2 0 R] /Count 2 >>");
    // The trailer comes after the table, so its offset is the same with or without /Prev: point
    // /Prev at this very section.
    const std::string plain = pdf.finish(catalog);
    const auto startxref = plain.rfind("startxref\n") + 10;
    const auto xref_offset = plain.substr(startxref, plain.find('\n', startxref) - startxref);
    return pdf.finish(catalog, " /Prev " + xref_offset);
}

std::string pdf_hand_encrypted() {
    PdfWriter pdf;
    const int catalog = add_page_tree(pdf, {text_content("Secret text")});
    // /O and /U are 32 arbitrary bytes: no password, empty or otherwise, matches /U.
    const std::string key_bytes = "<" + std::string(64, 'A') + ">";
    const int encrypt = pdf.add("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O " + key_bytes +
                                " /U " + key_bytes + " >>");
    return pdf.finish(catalog, " /Encrypt " + std::to_string(encrypt) +
                                   " 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                                   "<0123456789ABCDEF0123456789ABCDEF>]");
}

} // namespace dossier::testing
