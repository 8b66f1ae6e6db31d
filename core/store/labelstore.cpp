#include "labelstore.h"

#include "common/logging.h"
#include "labelrule.h"
#include "projectdatabase.h"
#include "projectteam.h"

#include <QSqlError>
#include <QSqlQuery>

namespace nsfw {

LabelStore::LabelStore(ProjectDatabase &db)
    : m_db(db)
{
}

namespace {

/// A history entry from a row of (id, item_id, label, previous, annotator, at_ms, source).
HistoryEntry entryOf(const QSqlQuery &q)
{
    HistoryEntry e;
    e.id = q.value(0).toLongLong();
    e.itemId = q.value(1).toLongLong();
    e.label = labelFromColumn(q.value(2));
    e.previous = labelFromColumn(q.value(3));
    e.annotator = q.value(4).toString();
    e.at = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong());
    e.source = q.value(6).toString();
    return e;
}

} // namespace

int LabelStore::setLabel(const QVector<qint64> &ids, Label label, const QString &annotator, const QString &source,
                         QString *error)
{
    QVector<LabelChange> changes;
    changes.reserve(ids.size());
    for (qint64 id : ids)
        changes.append({id, label});
    return apply(changes, annotator, source, error);
}

int LabelStore::apply(const QVector<LabelChange> &changes, const QString &annotator, const QString &source,
                      QString *error)
{
    const LabelWriteResult result = write(changes, annotator, source);
    if (result.ok())
        return result.changed;
    if (error)
        *error = !result.busy ? result.error
                 : m_db.isServer()
                     ? tr("Nothing was written: the server %1 cannot be reached, or another writer holds these items; "
                          "try again.")
                           .arg(m_db.displayName())
                     : tr("The project file is locked by another program; try again.");
    return -1;
}

LabelWriteResult LabelStore::write(const QVector<LabelChange> &changes, const QString &annotator, const QString &source)
{
    LabelWriteResult result;
    auto fail = [&result](const QString &message, bool busy) {
        result = LabelWriteResult();
        result.busy = busy;
        if (!busy) {
            result.error = message;
            qCWarning(lcStore) << "label write failed:" << message;
        }
        return result;
    };
    if (changes.isEmpty())
        return result;
    if (annotator.trimmed().isEmpty())
        return fail(tr("An annotator name is required."), false);

    // A server connection lost earlier is reopened before the statements are prepared on it.
    if (!m_db.ensureConnected())
        return fail(QString(), true);
    QSqlQuery current(m_db.db());
    // On a server other writers run beside this one: the row stays locked until the commit, so "previous" is
    // the label this entry replaces, whoever writes at the same time.
    QSqlQuery insert(m_db.db());
    QSqlQuery own(m_db.db());
    if (!current.prepare(m_db.backend().labelForWrite()))
        return fail(current.lastError().text(), m_db.isBusyError(current.lastError()));
    if (!own.prepare(QStringLiteral("SELECT label FROM label_history WHERE item_id = ? AND annotator = ?"
                                    " ORDER BY id DESC LIMIT 1")))
        return fail(own.lastError().text(), m_db.isBusyError(own.lastError()));
    if (!insert.prepare(QStringLiteral("INSERT INTO label_history (item_id, label, previous, annotator, at_ms, source)"
                                       " VALUES (?, ?, ?, ?, ?, ?)")))
        return fail(m_db.errorText(insert.lastError()), m_db.isBusyError(insert.lastError()));
    QSqlQuery ruleQuery(m_db.db());
    if (!ruleQuery.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?")))
        return fail(ruleQuery.lastError().text(), m_db.isBusyError(ruleQuery.lastError()));
    // The statements outlive the transaction: a server rolls back first, then frees them.
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(tx.error(), m_db.lastErrorWasBusy());
    // Under the consensus rule an annotator's entry replaces their own label, not the item's: "previous", the
    // expected label of an undo and "already so" are theirs. An adjudication replaces the item's label.
    ruleQuery.addBindValue(QString::fromLatin1(labelrule::kMetaKey));
    if (!ruleQuery.exec())
        return fail(ruleQuery.lastError().text(), m_db.isBusyError(ruleQuery.lastError()));
    const bool consensus = ruleQuery.next()
        && labelrule::parse(ruleQuery.value(0).toString()).value_or(LabelRule::Latest) == LabelRule::Consensus;
    ruleQuery.finish();
    const bool ownLabels = consensus && !source.startsWith(QLatin1String(kAdjudicationSource));
    auto ownLabel = [&](qint64 itemId, Label *label) {
        own.bindValue(0, itemId);
        own.bindValue(1, annotator);
        if (!own.exec())
            return false;
        *label = own.next() ? labelFromColumn(own.value(0)) : Label::None;
        own.finish();
        return true;
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const LabelChange &change : changes) {
        current.bindValue(0, change.itemId);
        if (!current.exec())
            return fail(current.lastError().text(), m_db.isBusyError(current.lastError()));
        if (!current.next())
            return fail(tr("There is no item %1 in this project.").arg(change.itemId), false);
        Label previous = labelFromColumn(current.value(0));
        current.finish();
        if (ownLabels && !ownLabel(change.itemId, &previous))
            return fail(own.lastError().text(), m_db.isBusyError(own.lastError()));
        if (change.expected && *change.expected != previous) {
            result.skipped.append(change.itemId);
            result.current.append(previous);
            continue;
        }
        if (previous == change.label) {
            // The item has this label already; it is still recorded when it is this annotator's first word on it
            // (a second annotator agreeing with the first), so agreement figures see who agreed, not only who
            // disagreed. Nothing is written when the annotator had said so before.
            Label said = previous;
            if (!ownLabels && !ownLabel(change.itemId, &said))
                return fail(own.lastError().text(), m_db.isBusyError(own.lastError()));
            if (said == change.label)
                continue;
        }
        insert.bindValue(0, change.itemId);
        insert.bindValue(1, labelToColumn(change.label));
        insert.bindValue(2, labelToColumn(previous));
        insert.bindValue(3, annotator);
        insert.bindValue(4, now);
        insert.bindValue(5, source);
        if (!insert.exec())
            return fail(m_db.errorText(insert.lastError()), m_db.isBusyError(insert.lastError()));
        ++result.changed;
    }
    if (!tx.commit())
        return fail(tx.error(), m_db.lastErrorWasBusy());
    return result;
}

int LabelStore::confirm(const QVector<qint64> &ids, const QString &model, const QString &annotator, QString *error)
{
    if (annotator.trimmed().isEmpty()) {
        if (error)
            *error = tr("An annotator name is required.");
        return -1;
    }
    if (!m_db.ensureConnected()) {
        if (error)
            *error = tr("Nothing was written: the server %1 cannot be reached; try again.").arg(m_db.displayName());
        return -1;
    }
    QSqlQuery current(m_db.db());
    QSqlQuery insert(m_db.db());
    if (!current.prepare(m_db.backend().labelForWrite())
        || !insert.prepare(QStringLiteral("INSERT INTO label_history (item_id, label, previous, annotator, at_ms, "
                                          "source) VALUES (?, ?, ?, ?, ?, ?)"))) {
        if (error)
            *error = current.lastError().isValid() ? current.lastError().text() : insert.lastError().text();
        return -1;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return -1;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int recorded = 0;
    for (qint64 id : ids) {
        current.bindValue(0, id);
        if (!current.exec()) {
            if (error)
                *error = current.lastError().text();
            return -1;
        }
        if (!current.next())
            continue;
        const Label label = labelFromColumn(current.value(0));
        current.finish();
        if (label != Label::Safe && label != Label::Nsfw)
            continue;
        insert.bindValue(0, id);
        insert.bindValue(1, labelToColumn(label));
        insert.bindValue(2, labelToColumn(label));
        insert.bindValue(3, annotator);
        insert.bindValue(4, now);
        insert.bindValue(5, QString(QStringLiteral("confirmed:") + model));
        if (!insert.exec()) {
            if (error)
                *error = m_db.errorText(insert.lastError());
            return -1;
        }
        ++recorded;
    }
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return -1;
    }
    return recorded;
}

QHash<qint64, HistoryEntry> LabelStore::latest(const QVector<qint64> &ids) const
{
    QHash<qint64, HistoryEntry> result;
    if (ids.isEmpty())
        return result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT h.id, h.item_id, h.label, h.previous, h.annotator, h.at_ms, h.source"
                             " FROM label_history h WHERE h.item_id = ? ORDER BY h.id DESC LIMIT 1"));
    for (qint64 id : ids) {
        q.bindValue(0, id);
        if (!q.exec() || !q.next())
            continue;
        result.insert(id, entryOf(q));
        q.finish();
    }
    return result;
}

QHash<qint64, QHash<QString, Label>> LabelStore::annotatorLabels(QString *error) const
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    // In entry order. Each annotator's labels of an item form a stack: an undo (the window's, written as an entry
    // of its own with the label from before) withdraws their label it undid, so what counts is their own label
    // before it, or none; a redo gives it back. Without this an undo would count as agreeing with whoever labeled
    // the item before.
    if (!q.exec(QStringLiteral("SELECT item_id, annotator, label, source FROM label_history ORDER BY id"))) {
        if (error)
            *error = tr("Cannot read the label history: %1").arg(q.lastError().text());
        return {};
    }
    struct Said {
        QVector<Label> given;
        QVector<Label> undone;
    };
    QHash<qint64, QHash<QString, Said>> said;
    const QString undo = QStringLiteral("undo"), redo = QStringLiteral("redo");
    while (q.next()) {
        Said &s = said[q.value(0).toLongLong()][q.value(1).toString()];
        const Label label = labelFromColumn(q.value(2));
        const QString source = q.value(3).toString();
        if (source.startsWith(QLatin1String(kAdjudicationSource)))
            continue; // a reviewer's decision is the reference, not one more annotator's label
        if (source == undo) {
            if (!s.given.isEmpty())
                s.undone.append(s.given.takeLast());
        } else if (source == redo) {
            s.given.append(s.undone.isEmpty() ? label : s.undone.takeLast());
        } else {
            s.given.append(label);
            s.undone.clear();
        }
    }
    QHash<qint64, QHash<QString, Label>> result;
    result.reserve(said.size());
    for (auto item = said.cbegin(); item != said.cend(); ++item) {
        QHash<QString, Label> &labels = result[item.key()];
        for (auto who = item.value().cbegin(); who != item.value().cend(); ++who)
            labels.insert(who.key(), who.value().given.isEmpty() ? Label::None : who.value().given.constLast());
    }
    return result;
}

Label LabelStore::annotatorLabel(qint64 itemId, const QString &annotator) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT label FROM label_history WHERE item_id = ? AND annotator = ? ORDER BY id DESC"
                             " LIMIT 1"));
    q.addBindValue(itemId);
    q.addBindValue(annotator);
    if (q.exec() && q.next())
        return labelFromColumn(q.value(0));
    return Label::None;
}

QHash<qint64, Label> LabelStore::currentLabels(QString *error) const
{
    QHash<qint64, Label> result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, label FROM items WHERE label IS NOT NULL"))) {
        if (error)
            *error = tr("Cannot read the labels: %1").arg(q.lastError().text());
        return {};
    }
    while (q.next())
        result.insert(q.value(0).toLongLong(), labelFromColumn(q.value(1)));
    return result;
}

QVector<LabelActivity> LabelStore::activity(QString *error) const
{
    QVector<LabelActivity> result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT annotator, at_ms, source FROM label_history ORDER BY id"))) {
        if (error)
            *error = tr("Cannot read the label history: %1").arg(q.lastError().text());
        return {};
    }
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString()});
    return result;
}

Label LabelStore::current(qint64 itemId) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT label FROM items WHERE id = ?"));
    q.addBindValue(itemId);
    if (q.exec() && q.next())
        return labelFromColumn(q.value(0));
    return Label::None;
}

QVector<HistoryEntry> LabelStore::history(qint64 itemId) const
{
    QVector<HistoryEntry> result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, item_id, label, previous, annotator, at_ms, source FROM label_history"
                             " WHERE item_id = ? ORDER BY id"));
    q.addBindValue(itemId);
    if (!q.exec())
        return result;
    while (q.next()) {
        result.append(entryOf(q));
    }
    return result;
}

} // namespace nsfw
