#pragma once
// Writes small PDF files object by object with a correct cross-reference table, so the tests can
// make well-formed and deliberately broken PDFs without any tool or checked-in binary (no binary
// fixtures in the repository).
#include <cstddef>
#include <string>
#include <vector>

namespace dossier::testing {

class PdfWriter {
public:
    // Adds an indirect object (the text between "N 0 obj" and "endobj"); returns its number.
    int add(const std::string& body);
    // Replaces the body of an object added earlier (for forward references).
    void set(int number, const std::string& body);
    // A content stream object holding `content`.
    int add_stream(const std::string& content, const std::string& extra_dict = {});
    // The whole file; `trailer_extra` goes into the trailer dictionary (e.g. "/Encrypt 9 0 R").
    std::string finish(int root, const std::string& trailer_extra = {}) const;

private:
    std::vector<std::string> bodies_;
};

// One page per entry, each with its lines of text (separated by '\n') in Helvetica.
std::string pdf_with_text_pages(const std::vector<std::string>& pages);
// pages[i] holds the lines of page i+1 (printable ASCII). With `text_layer` false the pages carry
// a filled rectangle each and no text operators, like a scanned page without OCR.
std::string make_pdf(const std::vector<std::vector<std::string>>& pages, bool text_layer = true);
// `count` pages with empty content streams, under one /Pages node.
std::string pdf_with_empty_pages(std::size_t count);
// One page that paints a grey square (an "image" for a text extractor): no text layer at all.
std::string pdf_image_only();
// A text PDF whose trailer /Prev points back at its own cross-reference section, and whose page
// tree lists itself among its kids: both loops a naive reader follows forever.
std::string pdf_with_xref_and_page_tree_loops();
// A text PDF with a Standard security handler dictionary whose user password is not empty,
// written by hand (RC4, revision 2): a reader needs a password it does not have.
std::string pdf_hand_encrypted();

} // namespace dossier::testing
