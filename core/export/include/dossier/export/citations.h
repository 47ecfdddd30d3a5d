#pragma once
// The documents behind a figure, cited as a historian cites them and written for reference
// managers. A citation names, as far as the project knows them: who wrote to whom, the title,
// place and date, the classification, the printed collection and document number, and the
// archive's reference:
//   Department of State to Embassy Moscow, “Grain and compressor licences,” 14 March 1980,
//   Secret, ref. STATE 1742.
//   “101. Memorandum of Conversation,” Washington, 3 April 1980, in Foreign Relations of the
//   United States, 1977–1980, Volume VI, doc. 101, frus1977-80v06/d101.
// CSL-JSON (Zotero, Mendeley, pandoc) and BibTeX carry the same fields, one entry per document,
// keyed "doc<id>".
#include "dossier/export/export_graph.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace dossier::exporting {

std::string cite_document(const ExportDocument& document);
// The evidence's own title and date, for a document the graph has no record of.
std::string cite_evidence(const ExportEvidence& evidence);
// "1980-03-14" -> "14 March 1980", "1980-03" -> "March 1980", "1980" -> "1980".
std::string long_date(std::string_view iso);

enum class CitationFormat { CslJson, Bibtex };
// By extension: .json is CSL-JSON, .bib BibTeX; anything else throws std::invalid_argument.
CitationFormat citation_format_for(const std::filesystem::path& path);
std::string write_citations(const ExportGraph& graph, CitationFormat format);
std::string write_csl_json(const ExportGraph& graph);
std::string write_bibtex(const ExportGraph& graph);
// A value inside BibTeX braces: LaTeX's special characters escaped, so braces always balance.
std::string bibtex_escape(std::string_view text);

} // namespace dossier::exporting
