#pragma once
// Qt's PDF writer (6.4) stamps every file with the time it was written (/CreationDate in the
// Info dictionary, dates in its XMP packet) and a random document id (the trailer's /ID), so two
// exports of one figure differed. These helpers make the file a function of the figure alone.
#include <QByteArray>
#include <QString>
#include <filesystem>

namespace dossier::exporting::detail {

// An XMP packet with the title and creator only (no dates, no random ids), for
// QPdfWriter::setDocumentXmpMetadata, which otherwise generates one with both.
QByteArray reproducible_xmp(const QString& title);

// Rewrites, in place, what Qt made time- or chance-dependent: the /CreationDate value becomes
// SOURCE_DATE_EPOCH (the reproducible-builds convention) when that is set, else the entry is
// blanked with spaces; the trailer /ID becomes the MD5 of the file before it. The Info
// dictionary keeps its length and the trailer follows the cross-reference table, so every xref
// offset stays valid. Throws std::runtime_error when the file cannot be read or written.
void make_pdf_reproducible(const std::filesystem::path& path);

} // namespace dossier::exporting::detail
