#pragma once
// Reads the header of a plain-text cable, protocol or memorandum: the short lines before the
// body that carry classification, reference number, addressees, sender, signatory and subject.
#include "dossier/extract/extraction.h"

#include <string_view>

namespace dossier::extract::detail {

// Fills everything but the date (which comes from the date mentions inside header_span).
HeaderFields read_header(std::string_view text);

} // namespace dossier::extract::detail
