#include "curation/curation_dialogs.h"

#include "graph_view/graph_style.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace dossier::gui {
namespace {

// Below the form: a line that says what is missing, then the buttons.
QDialogButtonBox* add_buttons(QDialog* dialog, QVBoxLayout* layout, const QString& ok_text) {
    auto* problem = new QLabel(dialog);
    problem->setObjectName(QStringLiteral("problemLabel"));
    problem->setStyleSheet(QStringLiteral("color: #D55E00")); // Okabe-Ito vermillion
    problem->hide();
    layout->addWidget(problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(ok_text);
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    // Enter in any field means OK, as in every dialog (an editable combo box keeps it otherwise).
    // (A visible completion popup takes Enter itself, to choose the completion.)
    for (auto* combo : dialog->findChildren<QComboBox*>())
        if (combo->lineEdit())
            QObject::connect(combo->lineEdit(), &QLineEdit::returnPressed, dialog,
                             &QDialog::accept);
    for (auto* field : dialog->findChildren<QLineEdit*>())
        if (!qobject_cast<QComboBox*>(field->parentWidget()))
            QObject::connect(field, &QLineEdit::returnPressed, dialog, &QDialog::accept);
    return buttons;
}

// Shows why the dialog cannot close yet; false when there is a problem.
bool check(QDialog* dialog, const QString& problem) {
    auto* label = dialog->findChild<QLabel*>(QStringLiteral("problemLabel"));
    if (label) {
        label->setText(problem);
        label->setVisible(!problem.isEmpty());
    }
    return problem.isEmpty();
}
} // namespace

EntityPicker::EntityPicker(QWidget* parent) : QComboBox(parent) {
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMinimumContentsLength(24);
    // Not sized to its longest row: that would measure every entity name when first shown.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setCurrentIndex(-1);
}

void EntityPicker::set_names(EntityNamesModel* names) {
    if (names == names_)
        return;
    if (names_)
        disconnect(names_, nullptr, this, nullptr);
    names_ = names;
    setModel(names);
    auto* completer = new QCompleter(names, this);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    setCompleter(completer);
    setCurrentIndex(-1);
    // A reset (the next project load) would leave the first row chosen: keep the choice if the
    // entity is still there, else nothing.
    connect(names, &QAbstractItemModel::modelAboutToBeReset, this, [this] { kept_ = entity(); });
    connect(names, &QAbstractItemModel::modelReset, this, [this] {
        setCurrentIndex(-1);
        if (kept_.valid())
            set_entity(kept_);
        kept_ = {};
    });
}

void EntityPicker::set_graph(const ExplorerGraph& graph) {
    if (!own_names_)
        own_names_ = new EntityNamesModel(this);
    set_names(own_names_);
    own_names_->set_graph(graph);
}

void EntityPicker::set_entity(EntityId id) {
    setCurrentIndex(names_ ? names_->row_of(id) : -1);
}

EntityId EntityPicker::entity() const {
    // The typed text decides: it must be one of the rows.
    return names_ ? names_->entity_labelled(currentText()) : EntityId{};
}

MergeDialog::MergeDialog(const ExplorerGraph& graph, EntityId from, EntityId into, QWidget* parent,
                         EntityNamesModel* names)
    : QDialog(parent), graph_(graph), from_(new EntityPicker(this)), into_(new EntityPicker(this)),
      name_(new QComboBox(this)) {
    setObjectName(QStringLiteral("mergeDialog"));
    setWindowTitle(tr("Merge Entities"));
    if (!names) {
        names = new EntityNamesModel(this);
        names->set_graph(graph);
    }
    from_->set_names(names);
    into_->set_names(names);
    from_->set_entity(from);
    into_->set_entity(into);
    name_->setEditable(true);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The first entity's mentions, aliases and relations move to the "
                                "second; its name becomes an alias. Undo takes it back."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    form->addRow(tr("Merge"), from_);
    form->addRow(tr("into"), into_);
    form->addRow(tr("Canonical name"), name_);
    layout->addLayout(form);
    add_buttons(this, layout, tr("Merge"));
    connect(from_, &QComboBox::currentTextChanged, this, &MergeDialog::refill_names);
    connect(into_, &QComboBox::currentTextChanged, this, &MergeDialog::refill_names);
    refill_names();
}

void MergeDialog::refill_names() {
    // The survivor's name first (the default), then the other names either entity is known by.
    QStringList names;
    for (EntityId id : {into(), from()}) {
        const int i = graph_.find(id);
        if (i < 0)
            continue;
        const auto& node = graph_.nodes[static_cast<std::size_t>(i)];
        names << node.name << node.aliases;
    }
    names.removeDuplicates();
    name_->clear();
    name_->addItems(names);
}

void MergeDialog::accept() {
    QString problem;
    if (!from().valid() || !into().valid())
        problem = tr("Choose the two entities from the lists.");
    else if (from() == into())
        problem = tr("Choose two different entities.");
    if (check(this, problem))
        QDialog::accept();
}

QString MergeDialog::canonical_name() const {
    // The survivor's current name means "keep it": no rename recorded.
    const QString chosen = name_->currentText().trimmed();
    const int i = graph_.find(into());
    if (i >= 0 && chosen == graph_.nodes[static_cast<std::size_t>(i)].name)
        return {};
    return chosen;
}

SplitDialog::SplitDialog(const ExplorerNode& entity, const std::vector<MentionChoice>& mentions,
                         QWidget* parent)
    : QDialog(parent), alias_(new QComboBox(this)), name_(new QLineEdit(this)),
      mentions_(new QListWidget(this)) {
    setObjectName(QStringLiteral("splitDialog"));
    setWindowTitle(tr("Split Off"));
    alias_->setEditable(true);
    alias_->addItems(entity.aliases);
    name_->setPlaceholderText(tr("default: the alias"));
    for (const auto& mention : mentions) {
        auto* item = new QListWidgetItem(mention.label, mentions_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(mention.id.value));
    }
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The mentions of “%1” written as the alias, and the mentions "
                                "ticked below, move to a new entity of the same type. Clear the "
                                "alias to move only the ticked mentions.")
                                 .arg(entity.name.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    form->addRow(tr("Alias"), alias_);
    form->addRow(tr("New entity's name"), name_);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Mentions:"), this));
    layout->addWidget(mentions_);
    add_buttons(this, layout, tr("Split"));
}

void SplitDialog::accept() {
    const bool nothing = alias().isEmpty() && chosen_mentions().empty();
    if (check(this,
              nothing ? tr("Choose the alias or tick the mentions to split off.") : QString()))
        QDialog::accept();
}

std::vector<MentionId> SplitDialog::chosen_mentions() const {
    std::vector<MentionId> chosen;
    for (int row = 0; row < mentions_->count(); ++row)
        if (mentions_->item(row)->checkState() == Qt::Checked)
            chosen.push_back(MentionId{mentions_->item(row)->data(Qt::UserRole).toLongLong()});
    return chosen;
}

QString SplitDialog::alias() const {
    return alias_->currentText().trimmed();
}

QString SplitDialog::new_name() const {
    return name_->text().trimmed();
}

RelateDialog::RelateDialog(const ExplorerGraph& graph, EntityId source, EntityId target,
                           const QStringList& relation_types, CitationFinder find_citations,
                           QWidget* parent, EntityNamesModel* names)
    : QDialog(parent), source_(new EntityPicker(this)), target_(new EntityPicker(this)),
      type_(new QComboBox(this)), note_(new QPlainTextEdit(this)), citation_(new QComboBox(this)),
      find_citations_(std::move(find_citations)) {
    setObjectName(QStringLiteral("relateDialog"));
    setWindowTitle(tr("Add Relation"));
    if (!names) {
        names = new EntityNamesModel(this);
        names->set_graph(graph);
    }
    source_->set_names(names);
    target_->set_names(names);
    source_->set_entity(source);
    target_->set_entity(target);
    type_->setEditable(true);
    type_->addItems(relation_types);
    type_->setCurrentText(QStringLiteral("related_to"));
    note_->setPlaceholderText(tr("Why: what the analyst knows"));
    note_->setMaximumHeight(90);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    form->addRow(tr("From"), source_);
    form->addRow(tr("To"), target_);
    form->addRow(tr("Type"), type_);
    form->addRow(tr("Note"), note_);
    form->addRow(tr("Cited passage"), citation_);
    layout->addLayout(form);
    add_buttons(this, layout, tr("Add Relation"));
    connect(source_, &QComboBox::currentTextChanged, this, &RelateDialog::refill_citations);
    connect(target_, &QComboBox::currentTextChanged, this, &RelateDialog::refill_citations);
    refill_citations();
}

void RelateDialog::refill_citations() {
    citation_->clear();
    choices_.clear();
    citation_->addItem(tr("(none)"));
    if (find_citations_ && source().valid() && target().valid() && source() != target())
        choices_ = find_citations_(source(), target());
    for (const auto& choice : choices_)
        citation_->addItem(choice.label);
    citation_->setEnabled(!choices_.empty());
    citation_->setToolTip(choices_.empty()
                              ? tr("No sentence mentions both; the relation rests on the note.")
                              : tr("Sentences that mention both"));
}

void RelateDialog::accept() {
    QString problem;
    if (!source().valid() || !target().valid())
        problem = tr("Choose both entities from the lists.");
    else if (source() == target())
        problem = tr("A relation needs two different entities.");
    else if (type().isEmpty())
        problem = tr("Give the relation a type.");
    if (check(this, problem))
        QDialog::accept();
}

QString RelateDialog::type() const {
    return type_->currentText().trimmed();
}

QString RelateDialog::note() const {
    return note_->toPlainText().trimmed();
}

std::optional<CitedPassage> RelateDialog::citation() const {
    const int index = citation_->currentIndex() - 1; // item 0 is "(none)"
    if (index < 0 || static_cast<std::size_t>(index) >= choices_.size())
        return std::nullopt;
    return choices_[static_cast<std::size_t>(index)].passage;
}

} // namespace dossier::gui
