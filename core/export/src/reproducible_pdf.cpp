#include "reproducible_pdf.h"

#include "dossier/export/text_format.h"

#include <QCryptographicHash>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace dossier::exporting::detail {
namespace {

// A PDF date of exactly `length` characters for SOURCE_DATE_EPOCH, or empty when the variable is
// unset or invalid or no valid form has that length. Qt writes "D:YYYYMMDDHHmmSSZ" (17) in UTC
// and "D:YYYYMMDDHHmmSS+hh'mm'" (23) elsewhere; both forms are produced in UTC.
std::string source_date(std::size_t length) {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (epoch == nullptr || *epoch == '\0')
        return {};
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (*end != '\0' || seconds < 0)
        return {};
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm utc{};
    if (gmtime_r(&t, &utc) == nullptr)
        return {};
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "D:%Y%m%d%H%M%S", &utc);
    std::string date(buffer);
    if (length == date.size() + 1)
        return date + "Z";
    if (length == date.size() + 7)
        return date + "+00'00'";
    return {};
}

void blank_creation_date(std::string& pdf) {
    const std::string key = "/CreationDate (";
    const auto at = pdf.find(key);
    if (at == std::string::npos)
        return;
    const auto close = pdf.find(')', at + key.size());
    if (close == std::string::npos)
        return;
    const std::size_t value_at = at + key.size();
    const std::string date = source_date(close - value_at);
    if (!date.empty())
        pdf.replace(value_at, date.size(), date);
    else // the whole entry becomes whitespace, which a dictionary allows anywhere
        pdf.replace(at, close + 1 - at, std::string(close + 1 - at, ' '));
}

void derive_document_id(std::string& pdf) {
    const auto trailer = pdf.rfind("trailer");
    if (trailer == std::string::npos)
        return;
    const auto id = pdf.find("/ID [", trailer);
    if (id == std::string::npos)
        return;
    const auto close = pdf.find(']', id);
    if (close == std::string::npos)
        return;
    const QByteArray digest =
        QCryptographicHash::hash(QByteArrayView(pdf.data(), static_cast<qsizetype>(trailer)),
                                 QCryptographicHash::Md5)
            .toHex();
    const std::string hex = digest.toStdString();
    pdf.replace(id, close + 1 - id, "/ID [ <" + hex + "> <" + hex + "> ]");
}

} // namespace

QByteArray reproducible_xmp(const QString& title) {
    const std::string packet =
        "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
        xml_escape(title.toStdString()) +
        "</rdf:li></rdf:Alt></dc:title>\n"
        "<xmp:CreatorTool>Dossier</xmp:CreatorTool>\n"
        "</rdf:Description>\n"
        "</rdf:RDF>\n"
        "</x:xmpmeta>\n"
        "<?xpacket end=\"w\"?>";
    return QByteArray::fromStdString(packet);
}

void make_pdf_reproducible(const std::filesystem::path& path) {
    std::string pdf;
    {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw std::runtime_error("cannot read back " + path.string());
        pdf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    blank_creation_date(pdf);
    derive_document_id(pdf);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
    out.close();
    if (!out)
        throw std::runtime_error("cannot write " + path.string() + ": the disk refused the data");
}

} // namespace dossier::exporting::detail
