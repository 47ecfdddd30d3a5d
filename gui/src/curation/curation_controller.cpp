#include "curation/curation_controller.h"

#include "curation/curation_undo_command.h"
#include "dossier/curation/correction_session.h"
#include "dossier/curation/curation_service.h"
#include "dossier/curation/describe.h"
#include "dossier/curation/entity_ref.h"
#include "dossier/curation/exchange.h"
#include "dossier/store/document_store.h"
#include "dossier/store/project.h"
#include "dossier/store/relation_store.h"

#include <QUndoStack>
#include <algorithm>
#include <fstream>
#include <map>
#include <stdexcept>

namespace dossier::gui {
namespace {

QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
std::string utf8(const QString& s) {
    return s.trimmed().toStdString();
}

curation::EntityRef ref_of(store::Project& project, EntityId id) {
    store::CurationStore store(project);
    auto ref = curation::entity_ref(store, id);
    if (!ref)
        throw curation::NotApplicable("entity " + std::to_string(id.value) +
                                      " is no longer in the project");
    return *ref;
}

curation::RelationRef relation_ref_of(store::Project& project, RelationId id) {
    const auto row = store::RelationStore(project).get(id);
    if (!row)
        throw curation::NotApplicable("relation " + std::to_string(id.value) +
                                      " is no longer in the project");
    return {row->relation.type, ref_of(project, row->relation.source),
            ref_of(project, row->relation.target), row->relation.directed};
}

} // namespace

CurationController::CurationController(QUndoStack* stack, QObject* parent)
    : QObject(parent), stack_(stack), author_(qs(curation::default_author())) {
    setObjectName(QStringLiteral("curationController"));
}

void CurationController::set_project(const QString& path) {
    if (path == project_path_)
        return;
    project_path_ = path;
    stack_->clear();
}

curation::CorrectionSession CurationController::writable_session() const {
    return {project_path_.toStdString(), store::ExtractionLock::Wait::No};
}

void CurationController::fail(const QString& title, const QString& message) {
    last_error_ = message;
    emit failed(title, message);
}

bool CurationController::run(const QString& title, const Builder& build) {
    if (project_path_.isEmpty()) {
        fail(title, tr("Open a project first."));
        return false;
    }
    if (!paused_.isEmpty()) {
        fail(title, paused_);
        return false;
    }
    try {
        auto session = writable_session();
        auto& project = session.project;
        const curation::Operation op = build(project);
        curation::CurationService service(project, author_.toStdString());
        const CurationId id = service.apply(op);
        last_error_.clear();
        stack_->push(
            new CurationUndoCommand(this, id, qs(curation::describe_operation(op.op, op.payload))));
    } catch (const std::exception& e) {
        fail(title, qs(e.what()));
        return false;
    }
    emit project_changed();
    return true;
}

bool CurationController::undo_record(CurationId id) {
    try {
        auto session = writable_session();
        auto& project = session.project;
        curation::CurationService(project, author_.toStdString()).undo(id);
    } catch (const std::exception& e) {
        fail(tr("Undo"), qs(e.what()));
        emit project_changed();
        return false;
    }
    emit project_changed();
    return true;
}

bool CurationController::redo_record(CurationId id) {
    try {
        auto session = writable_session();
        auto& project = session.project;
        curation::CurationService(project, author_.toStdString()).redo(id);
    } catch (const std::exception& e) {
        fail(tr("Redo"), qs(e.what()));
        emit project_changed();
        return false;
    }
    emit project_changed();
    return true;
}

QString CurationController::import_corrections(const QString& file) {
    if (project_path_.isEmpty()) {
        fail(tr("Import Corrections"), tr("Open a project first."));
        return {};
    }
    if (!paused_.isEmpty()) {
        fail(tr("Import Corrections"), paused_);
        return {};
    }
    QString summary;
    try {
        std::ifstream in(file.toStdString(), std::ios::binary);
        if (!in)
            throw std::runtime_error(file.toStdString() + " cannot be read");
        const auto json = nlohmann::json::parse(in);
        auto session = writable_session();
        auto& project = session.project;
        const auto report = curation::import_curation(project, json);
        summary = qs(curation::describe(report));
        if (summary.isEmpty())
            summary = tr("The file holds no corrections.");
    } catch (const std::exception& e) {
        fail(tr("Import Corrections"), tr("%1\n\n%2").arg(file, qs(e.what())));
        return {};
    }
    emit project_changed();
    return summary;
}

bool CurationController::export_corrections(const QString& file) {
    try {
        auto project = store::Project::open(project_path_.toStdString(), store::OpenMode::ReadOnly);
        const auto json = curation::export_curation(project);
        std::ofstream out(file.toStdString(), std::ios::binary | std::ios::trunc);
        out << json.dump(2) << '\n';
        if (!out.flush())
            throw std::runtime_error(file.toStdString() + " cannot be written");
    } catch (const std::exception& e) {
        fail(tr("Export Corrections"), qs(e.what()));
        return false;
    }
    return true;
}

std::vector<store::CurationRecord> CurationController::records() const {
    if (project_path_.isEmpty())
        return {};
    try {
        auto project = store::Project::open(project_path_.toStdString(), store::OpenMode::ReadOnly);
        return store::CurationStore(project).records();
    } catch (const std::exception&) {
        return {};
    }
}

bool CurationController::merge(EntityId from, EntityId into, const QString& canonical_name) {
    return run(tr("Merge"), [&](store::Project& p) {
        if (from == into)
            throw curation::CurationError("an entity cannot be merged with itself");
        return curation::merge_op(ref_of(p, from), ref_of(p, into), utf8(canonical_name));
    });
}

bool CurationController::split_alias(EntityId entity, const QString& alias,
                                     const QString& new_name) {
    return split(entity, alias, {}, new_name);
}

bool CurationController::split(EntityId entity, const QString& alias,
                               const std::vector<MentionId>& mentions, const QString& new_name) {
    return run(tr("Split"), [&](store::Project& p) {
        if (alias.trimmed().isEmpty() && mentions.empty())
            throw curation::CurationError("choose the alias or the mentions to split off");
        store::CurationStore store(p);
        const auto own = store.mentions(entity);
        std::vector<curation::MentionRef> chosen;
        for (const auto id : mentions) {
            const auto it =
                std::find_if(own.begin(), own.end(), [&](const auto& m) { return m.id == id; });
            if (it == own.end())
                throw curation::CurationError("a chosen mention no longer belongs to the entity");
            chosen.push_back({store.document_hash(it->document), it->span});
        }
        return curation::split_op(ref_of(p, entity), utf8(alias.trimmed()), chosen, utf8(new_name));
    });
}

std::vector<CurationController::EntityMention>
CurationController::mentions_of(EntityId entity) const {
    if (project_path_.isEmpty())
        return {};
    try {
        auto project = store::Project::open(project_path_.toStdString(), store::OpenMode::ReadOnly);
        std::map<std::int64_t, QString> titles;
        for (const auto& document : store::DocumentStore(project).list())
            titles[document.id.value] = qs(document.title);
        std::vector<EntityMention> out;
        for (const auto& m : store::CurationStore(project).mentions(entity))
            out.push_back({m.id, qs(m.surface), titles[m.document.value], m.span});
        return out;
    } catch (const std::exception&) {
        return {};
    }
}

bool CurationController::rename(EntityId entity, const QString& name) {
    return run(tr("Rename"), [&](store::Project& p) {
        if (name.trimmed().isEmpty())
            throw curation::CurationError("the new name is empty");
        return curation::rename_op(ref_of(p, entity), utf8(name));
    });
}

bool CurationController::retype(EntityId entity, EntityType type) {
    return run(tr("Change Type"),
               [&](store::Project& p) { return curation::retype_op(ref_of(p, entity), type); });
}

bool CurationController::reject(EntityId entity) {
    return run(tr("Not an Entity"),
               [&](store::Project& p) { return curation::reject_op(ref_of(p, entity)); });
}

bool CurationController::relate(EntityId source, EntityId target, const QString& type,
                                const QString& note, const std::optional<CitedPassage>& cited) {
    return run(tr("Add Relation"), [&](store::Project& p) {
        if (type.trimmed().isEmpty())
            throw curation::CurationError("the relation needs a type");
        if (source == target)
            throw curation::CurationError("a relation needs two different entities");
        std::optional<curation::MentionRef> passage;
        if (cited) {
            const auto hash = store::CurationStore(p).document_hash(cited->document);
            if (hash.empty())
                throw curation::NotApplicable("the cited document is no longer in the project");
            passage = curation::MentionRef{hash, cited->span};
        }
        return curation::relate_op(ref_of(p, source), ref_of(p, target), utf8(type), utf8(note),
                                   passage);
    });
}

bool CurationController::unrelate(RelationId relation) {
    return run(tr("Remove Relation"), [&](store::Project& p) {
        return curation::unrelate_op(relation_ref_of(p, relation));
    });
}

bool CurationController::note_entity(EntityId entity, const QString& text) {
    return run(tr("Note"), [&](store::Project& p) {
        if (text.trimmed().isEmpty())
            throw curation::CurationError("the note is empty");
        return curation::note_entity_op(ref_of(p, entity), utf8(text));
    });
}

bool CurationController::note_relation(RelationId relation, const QString& text) {
    return run(tr("Note"), [&](store::Project& p) {
        if (text.trimmed().isEmpty())
            throw curation::CurationError("the note is empty");
        return curation::note_relation_op(relation_ref_of(p, relation), utf8(text));
    });
}

} // namespace dossier::gui
