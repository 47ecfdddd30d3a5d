#pragma once
// The analyst's corrections from the window: each operation is applied to the project at once by
// core curation (so it is recorded and replayed after re-extraction) and then pushed on the
// window's QUndoStack as a command whose undo and redo call the core undo and redo. An
// operation that cannot apply records nothing and pushes nothing; the reason goes to failed().
#include "dossier/curation/operation.h"
#include "dossier/model/entity_type.h"
#include "dossier/model/ids.h"
#include "dossier/store/curation_store.h"

#include <QObject>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

class QUndoStack;

// Declared only: its header brings <chrono>, which Qt's moc cannot parse in C++20 mode.
namespace dossier::curation {
struct CorrectionSession;
}

namespace dossier::gui {

// A passage cited as the evidence of an analyst's relation: a document and a byte span of it.
struct CitedPassage {
    DocumentId document;
    Span span;
};

class CurationController : public QObject {
    Q_OBJECT
public:
    CurationController(QUndoStack* stack, QObject* parent = nullptr);

    // The project the commands write to; another project clears the undo stack (its commands
    // name records of the previous project).
    void set_project(const QString& path);
    const QString& project_path() const { return project_path_; }
    void set_author(const QString& author) { author_ = author; }
    const QString& author() const { return author_; }
    QUndoStack* undo_stack() const { return stack_; }
    // While `reason` is set (an extraction is replacing the entities), every correction fails
    // with it instead of writing; empty lets them through again.
    void set_paused(const QString& reason) { paused_ = reason; }

    // Each returns false (and says why through failed()) when the operation cannot apply.
    bool merge(EntityId from, EntityId into, const QString& canonical_name = {});
    bool split_alias(EntityId entity, const QString& alias, const QString& new_name = {});
    // The mentions written as `alias` (may be empty) and the chosen mentions (ids from
    // mentions_of) move to a new entity.
    bool split(EntityId entity, const QString& alias, const std::vector<MentionId>& mentions,
               const QString& new_name = {});
    // The entity's mentions with their documents' titles, for choosing which to split off;
    // empty when unreadable.
    struct EntityMention {
        MentionId id;
        QString surface;
        QString document_title;
        Span span;
    };
    std::vector<EntityMention> mentions_of(EntityId entity) const;
    bool rename(EntityId entity, const QString& name);
    bool retype(EntityId entity, EntityType type);
    bool reject(EntityId entity);
    bool relate(EntityId source, EntityId target, const QString& type, const QString& note,
                const std::optional<CitedPassage>& cited = std::nullopt);
    bool unrelate(RelationId relation);
    bool note_entity(EntityId entity, const QString& text);
    bool note_relation(RelationId relation, const QString& text);

    // Corrections shared between projects of one corpus (core curation's exchange format).
    // Import appends the file's records and replays the log; it is not an undoable command (each
    // imported record can be undone from the log's project with `dossier undo`). Returns the
    // replay summary ("3 corrections replayed, 1 no longer applies: ..."), empty on failure.
    QString import_corrections(const QString& file);
    bool export_corrections(const QString& file);

    // The log, oldest first; empty when no project is set or it cannot be read.
    std::vector<store::CurationRecord> records() const;
    QString last_error() const { return last_error_; }

    // Called by the undo commands.
    bool undo_record(CurationId id);
    bool redo_record(CurationId id);

signals:
    // The project changed (a command was applied, undone or redone): views reload.
    void project_changed();
    void failed(const QString& title, const QString& message);

private:
    using Builder = std::function<curation::Operation(store::Project&)>;
    bool run(const QString& text, const Builder& build);
    void fail(const QString& title, const QString& message);
    // The project open for writing, with this correction's turn against an extraction in another
    // process (`dossier extract`): refused at once while one runs, never waiting on the GUI thread.
    curation::CorrectionSession writable_session() const;

    QUndoStack* stack_;
    QString project_path_;
    QString author_;
    QString paused_;
    QString last_error_;
};

} // namespace dossier::gui
