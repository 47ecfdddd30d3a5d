#include "dossier/importers/text_importer.h"
#include "dossier/model/text_utf8.h"

#include <array>
#include <memory>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

namespace dossier::importers {
namespace {

bool starts_with_bytes(std::string_view bytes, std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
}

// UTF-16 without a BOM shows as a NUL in every other byte of ASCII-heavy text.
std::string_view utf16_without_bom(std::string_view bytes) {
    const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
    if (n < 4)
        return {};
    std::size_t even_nul = 0, odd_nul = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        even_nul += bytes[i] == '\0';
        odd_nul += bytes[i + 1] == '\0';
    }
    const std::size_t pairs = n / 2;
    if (odd_nul * 10 >= pairs * 7 && even_nul == 0)
        return "UTF-16LE";
    if (even_nul * 10 >= pairs * 7 && odd_nul == 0)
        return "UTF-16BE";
    return {};
}

// Text has few control characters besides tab, line feed, form feed and carriage return.
bool looks_binary(std::string_view bytes) {
    std::size_t controls = 0;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
            c != 0x1A && c != 0x1B)
            ++controls;
    }
    return controls * 100 > bytes.size() + 100; // more than ~1% (and a few allowed in short files)
}

std::string convert_to_utf8(std::string_view bytes, const char* encoding) {
    icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), encoding);
    if (unicode.isBogus())
        throw ImportError(std::string("cannot convert from ") + encoding);
    std::string out;
    unicode.toUTF8String(out);
    return out;
}

// ICU's detector knows dozens of encodings; an archive's text files are in a handful. Take the
// best-scoring candidate among those, preferring windows-1252 to its subset Latin-1.
std::string detect_legacy_encoding(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                        &ucsdet_close);
    if (U_FAILURE(status))
        return "windows-1252";
    ucsdet_setText(detector.get(), bytes.data(),
                   static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 16)), &status);
    int32_t found = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
    if (U_FAILURE(status))
        return "windows-1252";
    static constexpr std::array<std::string_view, 6> kAccepted{
        "windows-1251", "windows-1252", "ISO-8859-1", "KOI8-R", "ISO-8859-5", "windows-1250"};
    for (int32_t i = 0; i < found; ++i) {
        UErrorCode s = U_ZERO_ERROR;
        const std::string_view name = ucsdet_getName(matches[i], &s);
        if (U_FAILURE(s))
            continue;
        for (auto accepted : kAccepted)
            if (name == accepted)
                return name == "ISO-8859-1" ? "windows-1252" : std::string(name);
    }
    return "windows-1252";
}

std::string normalise_line_breaks(std::string text) {
    if (text.find('\r') == std::string::npos)
        return text;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace

DecodedText decode_text(std::string_view bytes) {
    DecodedText result;
    if (starts_with_bytes(bytes, "\xEF\xBB\xBF")) {
        result.encoding = "UTF-8";
        bytes.remove_prefix(3);
        result.utf8 = sanitize_utf8(bytes);
    } else if (starts_with_bytes(bytes, "\xFF\xFE") || starts_with_bytes(bytes, "\xFE\xFF")) {
        result.encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        bytes.remove_prefix(2);
        result.utf8 = convert_to_utf8(bytes, result.encoding.c_str());
    } else if (auto utf16 = utf16_without_bom(bytes); !utf16.empty()) {
        result.encoding = std::string(utf16);
        result.utf8 = convert_to_utf8(bytes, result.encoding.c_str());
    } else if (looks_binary(bytes)) {
        throw ImportError("binary file, not text");
    } else if (is_valid_utf8(bytes)) {
        result.encoding = "UTF-8";
        result.utf8 = std::string(bytes);
    } else {
        result.encoding = detect_legacy_encoding(bytes);
        result.utf8 = sanitize_utf8(convert_to_utf8(bytes, result.encoding.c_str()));
    }
    if (result.utf8.find('\0') != std::string::npos)
        throw ImportError("binary file, not text");
    result.utf8 = normalise_line_breaks(std::move(result.utf8));
    return result;
}

} // namespace dossier::importers
