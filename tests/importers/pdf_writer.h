#pragma once
// Writes small, valid PDFs for the tests (no binary fixtures in the repository): one Helvetica text
// line per entry of each page, or vector shapes only for an "image-only" scan stand-in.
#include <cstdio>
#include <string>
#include <vector>

namespace dossier::testing {

// Text for PDF string literals: only printable ASCII; ( ) and \ escaped.
inline std::string pdf_string(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '(' || c == ')' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

// pages[i] holds the lines of page i+1. With `text_layer` false the pages carry a filled
// rectangle each and no text operators, like a scanned page without OCR.
inline std::string make_pdf(const std::vector<std::vector<std::string>>& pages,
                            bool text_layer = true) {
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets; // of objects 1..N
    auto add_object = [&](const std::string& body) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    const std::size_t n = pages.size();
    // Object numbers: 1 catalog, 2 page tree, 3 font, then page k at 4+2k and its content at 5+2k.
    std::string kids;
    for (std::size_t k = 0; k < n; ++k)
        kids += std::to_string(4 + 2 * k) + " 0 R ";
    add_object("<< /Type /Catalog /Pages 2 0 R >>");
    add_object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
    add_object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (std::size_t k = 0; k < n; ++k) {
        add_object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << "
                   "/F1 3 0 R >> >>"
                   " /Contents " +
                   std::to_string(5 + 2 * k) + " 0 R >>");
        std::string content;
        if (text_layer) {
            content = "BT /F1 12 Tf 14 TL 72 720 Td\n";
            for (const auto& line : pages[k])
                content += "(" + pdf_string(line) + ") Tj T*\n";
            content += "ET";
        } else {
            content = "0.2 0.2 0.2 rg 72 300 468 400 re f";
        }
        add_object("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                   "\nendstream");
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (auto offset : offsets) {
        char entry[21];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace dossier::testing
