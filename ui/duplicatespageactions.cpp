// The Duplicates page's actions on the current group: label it, keep one for training, include again, not
// duplicates, open it in the Label tab. Building the page and the duplicate pass are in duplicatespage.cpp.
#include "duplicatespage.h"

#include "duplicatedelegate.h"
#include "gallery/duplicategroupmodel.h"
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallerypanel.h"
#include "labelingpage.h"
#include "store/duplicatedecisionstore.h"
#include "store/projectdatabase.h"

namespace nsfw::ui {

namespace {
/// A decision waits this long for another writer's lock (a label waits 4 ms and queues; a decision is a click).
constexpr int kDecisionWaitMs = 2000;
} // namespace

bool DuplicatesPage::labelGroup(Label label)
{
    const int row = currentRow();
    const DuplicateGroup *g = m_model->group(row);
    if (!m_db || !g)
        return false;
    QHash<qint64, Label> shown; // what the row shows: the labels before, should the project not answer
    for (const Item &item : g->members)
        shown.insert(item.id, item.label);
    if (!m_labeling->session()->label(g->ids(), label, shown)) {
        m_notice = tr("The labels could not be written: %1").arg(m_labeling->session()->lastError());
        updateSummary();
        return false;
    }
    m_notice.clear();
    // As in the Label tab: with auto-advance, the next group comes up.
    if (m_labeling->autoAdvance() && row + 1 < m_model->rowCount())
        selectRow(row + 1);
    updateSummary();
    return true;
}

bool DuplicatesPage::writeDecision(const std::function<bool(QString *)> &write)
{
    if (!m_db)
        return false;
    const int before = m_db->busyTimeout();
    m_db->setBusyTimeout(kDecisionWaitMs);
    QString error;
    const bool ok = write(&error);
    m_db->setBusyTimeout(before);
    if (!ok) {
        m_notice = m_db->isServer() || !error.contains(QLatin1String("lock"), Qt::CaseInsensitive)
                       ? tr("Not saved: %1").arg(error)
                       : tr("Not saved: another program is writing to the project. Try again in a moment.");
        updateSummary();
    }
    return ok;
}

bool DuplicatesPage::keepOne()
{
    const DuplicateGroup *g = m_model->group(currentRow());
    if (!g)
        return false;
    const qint64 chosen = m_delegate->chosen();
    const qint64 kept = chosen > 0 && m_model->rowOfItem(chosen) == currentRow() ? chosen : largestMember(*g);
    QVector<qint64> others = g->ids();
    others.removeAll(kept);
    const QString annotator = m_labeling->session()->annotator();
    const bool ok = writeDecision([&](QString *error) {
        DuplicateDecisionStore store(*m_db);
        // The kept one may have been hidden by an earlier choice: it takes part again.
        return store.include({kept}, error) && store.exclude(others, nearCopyReason(kept), annotator, error);
    });
    if (!ok)
        return false;
    m_delegate->setChosen(kept);
    reloadExclusions();
    m_notice = tr("Training keeps #%1 of group %2 and leaves out %n near-copy(ies).", nullptr, int(others.size()))
                   .arg(kept)
                   .arg(m_model->number(currentRow()));
    updateActions();
    updateSummary();
    return true;
}

bool DuplicatesPage::includeAgain()
{
    const DuplicateGroup *g = m_model->group(currentRow());
    if (!g)
        return false;
    const QVector<qint64> ids = g->ids();
    if (!writeDecision([&](QString *error) { return DuplicateDecisionStore(*m_db).include(ids, error); }))
        return false;
    reloadExclusions();
    m_notice = tr("Every member of group %1 takes part in training again.").arg(m_model->number(currentRow()));
    updateActions();
    updateSummary();
    return true;
}

bool DuplicatesPage::markNotDuplicates()
{
    const int row = currentRow();
    const DuplicateGroup *g = m_model->group(row);
    if (!g)
        return false;
    const QVector<qint64> ids = g->ids();
    const int number = m_model->number(row);
    const QString annotator = m_labeling->session()->annotator();
    if (!writeDecision(
            [&](QString *error) { return DuplicateDecisionStore(*m_db).markNotDuplicates(ids, annotator, error); }))
        return false;
    m_model->removeGroup(row);
    selectRow(std::min(row, m_model->rowCount() - 1));
    publishBadges();
    m_notice = tr("Group %1 is not a group of copies: it is not shown again.").arg(number);
    updateActions();
    updateSummary();
    return true;
}

void DuplicatesPage::openInGallery()
{
    const int row = currentRow();
    const DuplicateGroup *g = m_model->group(row);
    if (!g)
        return;
    m_labeling->showItems(
        g->ids(), tr("Near-copy group %1 · %n item(s) · label with the usual keys", nullptr, int(g->members.size()))
                      .arg(m_model->number(row)));
    if (const qint64 chosen = m_delegate->chosen(); chosen > 0) {
        const int at = m_labeling->model()->rowOf(chosen);
        if (at >= 0)
            m_labeling->gallery()->view()->setCurrentIndex(m_labeling->model()->index(at));
    }
    Q_EMIT labelingRequested();
}

} // namespace nsfw::ui
