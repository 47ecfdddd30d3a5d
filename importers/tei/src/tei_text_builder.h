#pragma once
// Turns pretty-printed XML text into readable plain text: runs of whitespace become one space,
// block elements become line breaks, and annotation spans are taken in bytes of the result.
#include "dossier/model/document.h"

#include <string>
#include <string_view>

namespace dossier::importers::tei {

class TextBuilder {
public:
    // Appends character data, collapsing whitespace the way a reader of the page would see it.
    void append(std::string_view text);
    // Starts a new line (no-op at the start of a line).
    void line_break();
    // Leaves an empty line before what follows.
    void paragraph_break();
    // Byte offset where an element's content begins: emits a pending space first so that the span
    // starts on the first character of the content.
    std::uint32_t open_span();
    std::uint32_t offset() const { return static_cast<std::uint32_t>(text_.size()); }
    // The text, without trailing whitespace.
    std::string finish();

private:
    std::string text_;
    bool pending_space_ = false;
};

} // namespace dossier::importers::tei
