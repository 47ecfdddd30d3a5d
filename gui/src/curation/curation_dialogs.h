#pragma once
// The dialogs that ask a curation operation for what it needs: which entity stays in a merge and
// under what name, which alias to split off, the other end, type, note and cited passage of a new
// relation. They only collect answers; CurationController applies them.
#include "curation/curation_controller.h"
#include "panels/entity_names_model.h"
#include "state/explorer_graph.h"

#include <QComboBox>
#include <QDialog>
#include <functional>
#include <optional>

class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace dossier::gui {

// An editable combo box of every entity of the graph ("Name (type)"); typing part of a name
// anywhere in it (any case) pops up the entities that contain it.
class EntityPicker : public QComboBox {
    Q_OBJECT
public:
    explicit EntityPicker(QWidget* parent = nullptr);
    // Offers the rows of a shared list (the window's, filled once per project load).
    void set_names(EntityNamesModel* names);
    // Offers the nodes of `graph` from a list of the picker's own.
    void set_graph(const ExplorerGraph& graph);
    void set_entity(EntityId id);
    // The chosen entity; an invalid id when the text names none.
    EntityId entity() const;

private:
    EntityNamesModel* names_ = nullptr;
    EntityNamesModel* own_names_ = nullptr; // made on the first set_graph
    EntityId kept_;                         // the choice, kept across a reset of the list
};

class MergeDialog : public QDialog {
    Q_OBJECT
public:
    // `from` goes, `into` stays (either may be invalid: the user picks). The pickers offer
    // `names` when given (the window's list of the same graph), else the graph's nodes.
    MergeDialog(const ExplorerGraph& graph, EntityId from, EntityId into, QWidget* parent = nullptr,
                EntityNamesModel* names = nullptr);
    EntityPicker* from_picker() const { return from_; }
    EntityPicker* into_picker() const { return into_; }
    QComboBox* name_box() const { return name_; }
    EntityId from() const { return from_->entity(); }
    EntityId into() const { return into_->entity(); }
    QString canonical_name() const;
    // Closes only when both entities are chosen and differ; otherwise says what is missing.
    void accept() override;

private:
    void refill_names();
    const ExplorerGraph& graph_;
    EntityPicker* from_;
    EntityPicker* into_;
    QComboBox* name_;
};

// A mention the analyst may split off: where it is, shown with its document and context.
struct MentionChoice {
    MentionId id;
    QString label;
};

class SplitDialog : public QDialog {
    Q_OBJECT
public:
    SplitDialog(const ExplorerNode& entity, const std::vector<MentionChoice>& mentions = {},
                QWidget* parent = nullptr);
    QComboBox* alias_box() const { return alias_; }
    QLineEdit* name_field() const { return name_; }
    QListWidget* mention_list() const { return mentions_; }
    QString alias() const;
    QString new_name() const;
    std::vector<MentionId> chosen_mentions() const; // the ticked mentions
    void accept() override;                         // only with an alias or at least one mention

private:
    QComboBox* alias_;
    QLineEdit* name_;
    QListWidget* mentions_;
};

// A sentence the relation may cite: where the two ends appear together.
struct CitationChoice {
    QString label;
    CitedPassage passage;
};

class RelateDialog : public QDialog {
    Q_OBJECT
public:
    using CitationFinder = std::function<std::vector<CitationChoice>(EntityId, EntityId)>;
    RelateDialog(const ExplorerGraph& graph, EntityId source, EntityId target,
                 const QStringList& relation_types, CitationFinder find_citations,
                 QWidget* parent = nullptr, EntityNamesModel* names = nullptr);
    EntityPicker* target_picker() const { return target_; }
    QComboBox* type_box() const { return type_; }
    QPlainTextEdit* note_field() const { return note_; }
    QComboBox* citation_box() const { return citation_; }
    EntityId source() const { return source_->entity(); }
    EntityId target() const { return target_->entity(); }
    QString type() const;
    QString note() const;
    std::optional<CitedPassage> citation() const;
    void accept() override; // only with two different entities and a type

private:
    void refill_citations();
    EntityPicker* source_;
    EntityPicker* target_;
    QComboBox* type_;
    QPlainTextEdit* note_;
    QComboBox* citation_;
    CitationFinder find_citations_;
    std::vector<CitationChoice> choices_;
};

} // namespace dossier::gui
