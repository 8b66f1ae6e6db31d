#pragma once

#include "common/types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QVector>

#include <optional>

namespace nsfw {

class ProjectDatabase;

/// One entry of an item's label history: who set what, when, replacing what.
struct HistoryEntry {
    qint64 id = 0;
    qint64 itemId = 0;
    Label label = Label::None;
    Label previous = Label::None;
    QString annotator;
    QDateTime at;
    QString source; ///< "manual", "folder", "csv", "cli", "undo", "redo", "confirmed:MODEL" (label kept on review), or
                    ///< "adjudicated..." (kAdjudicationSource: reviewers and admins only on a server project with roles)
};

/// A label to give one item.
struct LabelChange {
    qint64 itemId = 0;
    Label label = Label::None;
    /// When set, the item is changed only if its current label is this one (an undo: nobody else has
    /// labeled it since); otherwise it is left alone and reported as skipped.
    std::optional<Label> expected = std::nullopt;
};

/// The outcome of LabelStore::write().
struct LabelWriteResult {
    int changed = 0;
    QVector<qint64> skipped; ///< items left alone: their label was not the expected one
    QVector<Label> current;  ///< the labels the skipped items have (by index of skipped)
    bool busy = false;       ///< another connection holds the write lock: nothing written, try again
    QString error;           ///< nothing written (empty when busy or done)
    bool ok() const { return !busy && error.isEmpty(); }
};

/// When and how an annotator gave a label (one history entry), for labelling rates.
struct LabelActivity {
    QString annotator;
    qint64 atMs = 0;
    QString source;
};

/// Writes labels as history entries; the current label of an item is its latest entry.
/// Every call commits before it returns: there is no save step.
class LabelStore
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::LabelStore)

public:
    explicit LabelStore(ProjectDatabase &db);

    /// Gives every item in ids the label, in one transaction. Items that already have it are left
    /// alone, unless the annotator had not given it that label before (a second annotator who agrees is recorded). Returns how many changed, or -1 with *error (and nothing written).
    int setLabel(const QVector<qint64> &ids, Label label, const QString &annotator, const QString &source,
                 QString *error = nullptr);
    /// Records that each item's current label is right (a review of suspected label errors): a history entry with
    /// the same label and source "confirmed:" + model, for items labeled safe or nsfw, in one transaction. The label
    /// does not change. Returns how many were recorded, or -1 with *error.
    int confirm(const QVector<qint64> &ids, const QString &model, const QString &annotator, QString *error = nullptr);
    /// The latest history entry of each of the items (items without history are left out).
    QHash<qint64, HistoryEntry> latest(const QVector<qint64> &ids) const;
    /// Applies several changes in one transaction (undo of a multi-item label, CSV import).
    int apply(const QVector<LabelChange> &changes, const QString &annotator, const QString &source,
              QString *error = nullptr);
    /// As apply(), and says which expected labels did not match and whether the lock was busy.
    LabelWriteResult write(const QVector<LabelChange> &changes, const QString &annotator, const QString &source);

    /// Each annotator's latest label of every item that has a history (None when they cleared it), for agreement
    /// figures; an undo withdraws the annotator's label it undid (their label before it counts, or none), a redo
    /// gives it back. One pass over the history. *error and an empty answer when it cannot be read.
    QHash<qint64, QHash<QString, Label>> annotatorLabels(QString *error = nullptr) const;

    /// The annotator's latest label of the item (None when they never gave one, or cleared it).
    Label annotatorLabel(qint64 itemId, const QString &annotator) const;
    /// The current label of every labeled item (the label training uses).
    QHash<qint64, Label> currentLabels(QString *error = nullptr) const;
    /// Every history entry's annotator, time and source, in entry order.
    QVector<LabelActivity> activity(QString *error = nullptr) const;

    Label current(qint64 itemId) const;
    /// The item's history, oldest first.
    QVector<HistoryEntry> history(qint64 itemId) const;

private:
    ProjectDatabase &m_db;
};

} // namespace nsfw
