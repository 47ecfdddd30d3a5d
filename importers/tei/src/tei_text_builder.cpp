#include "tei_text_builder.h"

namespace dossier::importers::tei {
namespace {
bool is_xml_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
} // namespace

void TextBuilder::append(std::string_view text) {
    for (const char c : text) {
        if (is_xml_space(c)) {
            pending_space_ = true;
            continue;
        }
        if (pending_space_ && !text_.empty() && text_.back() != '\n' && text_.back() != ' ')
            text_ += ' ';
        pending_space_ = false;
        text_ += c;
    }
}

void TextBuilder::line_break() {
    pending_space_ = false;
    if (!text_.empty() && text_.back() != '\n')
        text_ += '\n';
}

void TextBuilder::paragraph_break() {
    line_break();
    if (!text_.empty() && (text_.size() < 2 || text_[text_.size() - 2] != '\n'))
        text_ += '\n';
}

std::uint32_t TextBuilder::open_span() {
    if (pending_space_ && !text_.empty() && text_.back() != '\n')
        text_ += ' ';
    pending_space_ = false;
    return offset();
}

std::string TextBuilder::finish() {
    while (!text_.empty() && is_xml_space(text_.back()))
        text_.pop_back();
    return std::move(text_);
}

} // namespace dossier::importers::tei
