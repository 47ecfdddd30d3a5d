// Hostile XML through the TEI importer (and the HTML importer where libxml2 could be fooled):
// entity bombs and external entities are never expanded or fetched, deep nesting and huge text
// nodes are read in bounded memory, invalid UTF-8 never reaches a Document.
#include "child_process.h"
#include "dossier/importers/html_importer.h"
#include "dossier/importers/tei_importer.h"
#include "dossier/model/text_utf8.h"
#include "hostile_support.h"
#include "test_support.h"

#include <arpa/inet.h>
#include <cerrno>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace dossier::testing {
namespace {

const importers::Importer& tei_importer() {
    static const auto importer = importers::make_tei_importer();
    return *importer;
}

const importers::Importer& html_importer() {
    static const auto importer = importers::make_html_importer();
    return *importer;
}

std::string tei_with_body(const std::string& doctype, const std::string& body) {
    return "<?xml version=\"1.0\"?>\n" + doctype +
           "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>"
           "<titleStmt><title>Hostile</title></titleStmt></fileDesc></teiHeader><text><body>" +
           body + "</body></text></TEI>\n";
}

// Ten levels of ten references each: 10^9 copies of "lol" if anything expanded it.
std::string billion_laughs_doctype() {
    std::string doctype = "<!DOCTYPE TEI [\n<!ENTITY lol0 \"lol\">\n";
    for (int level = 1; level <= 9; ++level) {
        doctype += "<!ENTITY lol" + std::to_string(level) + " \"";
        for (int i = 0; i < 10; ++i)
            doctype += "&lol" + std::to_string(level - 1) + ";";
        doctype += "\">\n";
    }
    return doctype + "]>\n";
}

// Everything the importer produced from `bytes`, or its one-line refusal.
struct Outcome {
    std::string error;
    std::string all_text;
    std::size_t documents = 0;
};

Outcome read_with(const importers::Importer& importer, const std::string& path,
                  const std::string& bytes) {
    Outcome outcome;
    try {
        for (const auto& doc : importer.read(path, bytes)) {
            EXPECT_TRUE(is_valid_utf8(doc.text));
            outcome.all_text += doc.title + "\n" + doc.text + "\n";
            ++outcome.documents;
        }
    } catch (const importers::ImportError& e) {
        outcome.error = e.what();
    }
    return outcome;
}

TEST(XmlHostile, BillionLaughsIsNotExpanded) {
    const auto result = run_in_child([] {
        const auto outcome = read_with(tei_importer(), "laughs.xml",
                                       tei_with_body(billion_laughs_doctype(), "<p>&lol9;</p>"));
        if (!outcome.error.empty())
            return "refused: " + outcome.error;
        // Unexpanded, the text holds at most the reference itself, never 10^9 laughs.
        return std::string(outcome.all_text.size() < 4096 ? "small" : "expanded");
    });
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal;
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(result.out == "small" || result.out.rfind("refused: ", 0) == 0) << result.out;
    EXPECT_TRUE(is_one_line(result.out));
    EXPECT_LT(result.max_rss_bytes, 1ull << 30)
        << "peak RSS " << (result.max_rss_bytes >> 20) << " MiB";
}

TEST(XmlHostile, BillionLaughsInHtmlIsNotExpanded) {
    const auto html = billion_laughs_doctype() +
                      "<html><head><title>t</title></head><body><p>&lol9;</p></body></html>";
    const auto result = run_in_child([&] {
        const auto outcome = read_with(html_importer(), "laughs.html", html);
        return outcome.error.empty() ? std::to_string(outcome.all_text.size())
                                     : "refused: " + outcome.error;
    });
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal;
    ASSERT_EQ(result.exit_code, 0) << result.err;
    if (result.out.rfind("refused: ", 0) != 0) {
        EXPECT_LT(std::stoull(result.out), 4096u);
    }
    EXPECT_LT(result.max_rss_bytes, 1ull << 30);
}

TEST(XmlHostile, ExternalFileEntityIsNotRead) {
    TempDir dir;
    const std::string marker = "MARKER-7f3a-SECRET-CONTENT";
    write_file(dir / "secret.txt", marker);
    const auto entity_url = "file://" + (dir / "secret.txt").string();
    const auto doctype = "<!DOCTYPE TEI [<!ENTITY xxe SYSTEM \"" + entity_url + "\">]>\n";
    const auto tei =
        read_with(tei_importer(), "xxe.xml", tei_with_body(doctype, "<p>before &xxe; after</p>"));
    EXPECT_EQ(tei.all_text.find(marker), std::string::npos)
        << "the TEI importer read the external file";
    if (!tei.error.empty()) {
        EXPECT_TRUE(is_one_line(tei.error));
    }

    const auto html = read_with(html_importer(), "xxe.html",
                                doctype + "<html><body><p>before &xxe; after</p></body></html>");
    EXPECT_EQ(html.all_text.find(marker), std::string::npos)
        << "the HTML importer read the external file";
}

// A listening socket nobody else knows about: if the importer fetched an external entity or a
// DTD from it, a connection would be waiting in its queue.
class Listener {
public:
    Listener() {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(fd_, 8);
        socklen_t length = sizeof address;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
    }
    ~Listener() { ::close(fd_); }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;
    int port() const { return port_; }
    bool was_contacted() const {
        const int client = ::accept(fd_, nullptr, nullptr);
        if (client >= 0) {
            ::close(client);
            return true;
        }
        return false;
    }

private:
    int fd_ = -1;
    int port_ = 0;
};

TEST(XmlHostile, ExternalNetworkEntityAndDtdAreNeverFetched) {
    Listener listener;
    ASSERT_GT(listener.port(), 0);
    const auto url = "http://127.0.0.1:" + std::to_string(listener.port());
    const auto doctype =
        "<!DOCTYPE TEI SYSTEM \"" + url + "/tei.dtd\" [<!ENTITY net SYSTEM \"" + url + "/x\">]>\n";
    const auto tei = read_with(tei_importer(), "net.xml", tei_with_body(doctype, "<p>&net;</p>"));
    const auto html =
        read_with(html_importer(), "net.html",
                  "<!DOCTYPE html SYSTEM \"" + url + "/html.dtd\" [<!ENTITY net SYSTEM \"" + url +
                      "/x\">]><html><body><p>&net;</p></body></html>");
    EXPECT_FALSE(listener.was_contacted())
        << "an importer opened a network connection while parsing";
    if (!tei.error.empty()) {
        EXPECT_TRUE(is_one_line(tei.error));
    }
}

TEST(XmlHostile, TenThousandDeepNestingIsReadOrRefusedWithoutStackOverflow) {
    std::string body;
    for (int i = 0; i < 10000; ++i)
        body += "<div>";
    body += "<p>deepest words</p>";
    for (int i = 0; i < 10000; ++i)
        body += "</div>";
    const auto tei_bytes = tei_with_body("", body);
    const auto html_bytes = "<html><body>" + body + "</body></html>";
    // In a child: a stack overflow would kill it with a signal, which the test reports.
    const auto result = run_in_child([&] {
        const auto tei = read_with(tei_importer(), "deep.xml", tei_bytes);
        const auto html = read_with(html_importer(), "deep.html", html_bytes);
        return (tei.error.empty()
                    ? std::string(tei.all_text.find("deepest words") != std::string::npos ? "found"
                                                                                          : "lost")
                    : "refused: " + tei.error) +
               "|" +
               (html.error.empty()
                    ? std::string(html.all_text.find("deepest words") != std::string::npos ? "found"
                                                                                           : "lost")
                    : "refused: " + html.error);
    });
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal << " (stack overflow?)";
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto tei_outcome = result.out.substr(0, result.out.find('|'));
    EXPECT_TRUE(tei_outcome == "found" || tei_outcome.rfind("refused: ", 0) == 0) << result.out;
    EXPECT_TRUE(is_one_line(result.out));
}

TEST(XmlHostile, InvalidUtf8IsRefusedOrRepairedNeverStored) {
    const std::string broken = "<p>caf\xE9 \xC3\x28 \xF0\x90\x80 \xFF\xFE end</p>";
    const auto outcome = read_with(tei_importer(), "bad-utf8.xml", tei_with_body("", broken));
    if (outcome.error.empty()) {
        EXPECT_EQ(outcome.documents, 1u);
        EXPECT_TRUE(is_valid_utf8(outcome.all_text));
        EXPECT_NE(outcome.all_text.find("end"), std::string::npos);
    } else {
        EXPECT_TRUE(is_one_line(outcome.error));
    }
}

TEST(XmlHostile, TwoHundredMegabyteTextNodeIsReadWholeInBoundedMemory) {
    constexpr std::size_t kTextBytes = 200u << 20;
    const auto result = run_in_child([&] {
        // Built inside the child so its peak RSS counts the input once, as an import would hold it.
        std::string bytes = tei_with_body("", "<p>");
        const auto tail = bytes.substr(bytes.find("<p>") + 3);
        bytes.resize(bytes.find("<p>") + 3);
        bytes.reserve(kTextBytes + 512);
        const std::string word = "archive ";
        while (bytes.size() < kTextBytes)
            bytes += word;
        bytes += "</p>" + tail;
        const auto docs = tei_importer().read("huge.xml", bytes);
        std::size_t text = 0;
        for (const auto& doc : docs)
            text += doc.text.size();
        return std::to_string(text);
    });
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal;
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_GE(std::stoull(result.out), kTextBytes - 1024) << "text lost";
    // Input, DOM and output text each hold the 200 MB once; a bound of 2 GiB (more under ASan,
    // whose quarantine keeps freed blocks) catches a quadratic copy or a per-character node.
    const std::uint64_t bound = built_with_asan() ? (3ull << 30) : (2ull << 30);
    EXPECT_LT(result.max_rss_bytes, bound) << "peak RSS " << (result.max_rss_bytes >> 20) << " MiB";
    RecordProperty("peak_rss_mib", static_cast<int>(result.max_rss_bytes >> 20));
}

} // namespace
} // namespace dossier::testing
