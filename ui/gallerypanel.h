#pragma once

#include "store/itemquery.h"

#include <QListView>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QTimer;
class QAction;
class QToolButton;

namespace nsfw {
class GalleryModel;
class ThumbnailProvider;
} // namespace nsfw

namespace nsfw::ui {

class GalleryDelegate;
class MessageLabel;

/// The thumbnail grid: a QListView in icon mode with uniform cells, laid out in batches, so 100,000
/// rows cost only the visible ones.
class GalleryView : public QListView
{
    Q_OBJECT

public:
    explicit GalleryView(QWidget *parent = nullptr);
    /// Repaints soon (coalesced): thumbnails arrive many per frame while scrolling.
    void scheduleRepaint();

private:
    QTimer *m_repaint;
};

/// The gallery page: filter bar (label, kind, score range, order, cell size) above the grid.
class GalleryPanel : public QWidget
{
    Q_OBJECT

public:
    GalleryPanel(GalleryModel *model, ThumbnailProvider *thumbnails, QWidget *parent = nullptr);

    GalleryView *view() const { return m_view; }
    GalleryDelegate *delegate() const { return m_delegate; }
    /// Enables the score controls for a run with scores (0: none).
    void setScoreRun(qint64 runId);
    /// Shows a banner for a drill-down list (issue 7), with a button to go back to the filter.
    void showExplicitTitle(const QString &title);
    /// A button for `action` in the banner of an explicit list (nullptr: none), until the list is left.
    void setBannerAction(QAction *action);
    QToolButton *bannerActionButton() const { return m_bannerAction; }
    /// The label filter buttons, for tests: unlabeled, safe, nsfw, unsure.
    QToolButton *labelButton(Label label) const;
    QComboBox *kindCombo() const { return m_kind; }
    QComboBox *sortCombo() const { return m_sort; }

    /// What the team combo shows (team labelling, TeamLabels).
    enum class TeamView { AllItems, MyQueue, Disagreements };
    /// Team labelling: whose queue "My queue" is, and whether the labels shown and filtered are that annotator's
    /// own (the consensus rule: another annotator's label stays hidden). The team combo shows when `shown`.
    void setTeam(const QString &annotator, bool ownLabels, bool shown);
    /// Whether "Disagreements" can be chosen: not by an annotator of a server project with roles (a label given there
    /// is an adjudication, which the server refuses them).
    void setReviewAllowed(bool allowed);
    TeamView teamView() const;
    QComboBox *teamCombo() const { return m_team; }

Q_SIGNALS:
    void filterEdited();
    /// The team combo moved: the disagreements are shown (labels given there are adjudications), or not.
    void teamViewChanged(nsfw::ui::GalleryPanel::TeamView view);
    /// The explicit list (a drill-down, the suspects) was left: back to all items, or a filter changed.
    void explicitListClosed();

private:
    void applyFilter();
    void updateCount();

    GalleryModel *m_model;
    GalleryView *m_view;
    GalleryDelegate *m_delegate;
    QList<QToolButton *> m_labelButtons;
    QComboBox *m_kind;
    QComboBox *m_sort;
    QDoubleSpinBox *m_minScore;
    QDoubleSpinBox *m_maxScore;
    QSlider *m_size;
    QLabel *m_count;
    QWidget *m_banner;
    MessageLabel *m_bannerText;
    QToolButton *m_bannerAction;
    qint64 m_scoreRun = 0;
    QComboBox *m_team;
    QString m_annotator;
    bool m_ownLabels = false;
};

} // namespace nsfw::ui
