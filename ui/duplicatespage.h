#pragma once

#include "common/types.h"
#include "gallery/duplicategroups.h"
#include "gallery/wellbeing.h"

#include "duplicategroupview.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace nsfw {
class DuplicateGroupModel;
class ProjectDatabase;
struct ProjectChanges;
} // namespace nsfw

namespace nsfw::ui {

class DuplicateGroupDelegate;
class LabelingPage;
class MessageLabel;

/// The "Duplicates" page: the groups of near-copies of the project (conflicting labels first, then the largest), each
/// as a row of its members with their labels, and what to do with the current group: label it as a whole (the usual
/// keys, through the window's labeling session: history, undo, annotator), keep one member for training and hide the
/// rest, take them in again, or say they are not copies (remembered: the group never comes back).
///
/// Hashing what older projects lack and grouping run on a thread of the page's own with a connection of its own;
/// the page shows their progress. They run when a project is opened, when items are added (ProjectWatcher), and on
/// Refresh; the groups also feed the gallery's near-copy badges.
class DuplicatesPage : public QWidget
{
    Q_OBJECT

public:
    explicit DuplicatesPage(LabelingPage *labeling, QWidget *parent = nullptr);
    ~DuplicatesPage() override;

    void setDatabase(ProjectDatabase *db);
    /// Looks for near-copies again (after the running pass, if one runs).
    void refresh();
    /// Another writer changed the project: labels change in place, new items are grouped again.
    void onProjectChanged(const nsfw::ProjectChanges &changes);
    /// Re-reads the wellbeing settings, the keys and the annotator.
    void reloadSettings();

    /// Labels every member of the current group (the keys S, N, U, 0); false when nothing was labeled.
    bool labelGroup(Label label);
    /// Keeps the chosen member (else the largest picture) for training and hides the other members of the current
    /// group from it, each with the reason "near-copy of #ID".
    bool keepOne();
    /// Lets every member of the current group take part in training again.
    bool includeAgain();
    /// Remembers that the current group's members are not copies of each other; the group leaves the list.
    bool markNotDuplicates();
    /// Shows the current group in the Label tab (labelingRequested).
    void openInGallery();
    /// Chooses the member of the current group to keep (selecting its group); 0 for none.
    void chooseMember(qint64 id);
    qint64 chosenMember() const;
    /// The current group's row, or -1.
    int currentRow() const;
    bool selectGroupOf(qint64 itemId);

    bool isScanning() const { return m_scanning; }
    DuplicateGroupModel *model() const { return m_model; }
    DuplicateGroupView *view() const { return m_view; }
    DuplicateGroupDelegate *delegate() const { return m_delegate; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *keepOneButton() const { return m_keepOne; }
    QPushButton *includeButton() const { return m_include; }
    QPushButton *notDuplicatesButton() const { return m_notDuplicates; }
    QPushButton *labelButton(Label label) const;
    /// What the status line says (the counts after a pass, or its progress).
    QString summary() const;

Q_SIGNALS:
    /// The Label tab should come to the front (a group was opened there).
    void labelingRequested();
    /// A pass ended and the list shows its groups (also when it failed: then groups is 0 and error is set).
    void scanFinished(int groups, const QString &error);

private:
    void startScan();
    void onScanFinished();
    void applyScan(const DuplicateScan &scan);
    /// Labels, scores and exclusions of the members, from the window's connection.
    void reloadMembers();
    void reloadExclusions();
    void publishBadges();
    void updateActions();
    void updateSummary();
    void onLabelsChanged(const QVector<qint64> &ids, const QVector<Label> &labels);
    /// Runs a decision write, waiting a little for another writer's lock; shows why it failed.
    bool writeDecision(const std::function<bool(QString *)> &write);
    void selectRow(int row);
    void setRevealed(bool revealed);

    LabelingPage *m_labeling;
    ProjectDatabase *m_db = nullptr;
    DuplicateGroupModel *m_model;
    DuplicateGroupView *m_view;
    DuplicateGroupDelegate *m_delegate;
    QPushButton *m_refresh;
    QProgressBar *m_progress;
    MessageLabel *m_status;
    QList<QPushButton *> m_labelButtons;
    QPushButton *m_keepOne;
    QPushButton *m_include;
    QPushButton *m_notDuplicates;
    QPushButton *m_open;
    QTimer *m_rescan; ///< coalesces the passes that new items ask for (an import commits a batch at a time)
    WellbeingSettings m_wellbeing;

    QThreadPool m_pool; ///< one thread: the pass; the destructor waits for it
    QFutureWatcher<DuplicateScan> m_watcher;
    bool m_scanning = false;
    bool m_again = false;     ///< another pass is wanted once this one ends
    quint64 m_generation = 0; ///< the project's: a pass for another project is dropped
    quint64 m_scanGeneration = 0;
    qint64 m_hashed = 0;
    QStringList m_unreadable;
    QString m_error;
    bool m_scanned = false;
    QString m_notice; ///< what the last action did
};

} // namespace nsfw::ui
