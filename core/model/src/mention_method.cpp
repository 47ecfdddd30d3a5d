#include "dossier/model/entity.h"

namespace dossier {

std::string_view to_string(MentionMethod method) {
    switch (method) {
    case MentionMethod::Authority:
        return "authority";
    case MentionMethod::Gazetteer:
        return "gazetteer";
    case MentionMethod::Rule:
        return "rule";
    case MentionMethod::SourceAnnotation:
        return "source_annotation";
    case MentionMethod::Curation:
        return "curation";
    }
    return "rule";
}

MentionMethod parse_mention_method(std::string_view text) {
    if (text == "authority")
        return MentionMethod::Authority;
    if (text == "gazetteer")
        return MentionMethod::Gazetteer;
    if (text == "source_annotation")
        return MentionMethod::SourceAnnotation;
    if (text == "curation")
        return MentionMethod::Curation;
    return MentionMethod::Rule;
}

} // namespace dossier
