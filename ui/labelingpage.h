#pragma once

#include "common/types.h"
#include "gallery/wellbeing.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QAction;
class QSplitter;
class QTimer;
class QAbstractItemView;

namespace nsfw {
class GalleryModel;
class LabelSession;
class PictureLoader;
class ProjectDatabase;
class ThumbnailProvider;
} // namespace nsfw

namespace nsfw::ui {

class GalleryPanel;
class HistoryPanel;
class ViewerPanel;

/// The labeling page: gallery | viewer (with the video timeline) | label history.
///
/// Label keys act on what the annotator works in: the selection of the gallery or of the timeline strip
/// (whichever had the focus last); with one item, the label goes to the current item and, with
/// auto-advance, the next item is shown. Every label is committed before the key press returns.
class LabelingPage : public QWidget
{
    Q_OBJECT

public:
    explicit LabelingPage(QWidget *parent = nullptr);
    ~LabelingPage() override;

    /// Attaches the project (the GUI thread's connection), or none.
    void setDatabase(ProjectDatabase *db);
    /// Re-reads shortcuts, wellbeing, auto-advance and the annotator from the settings.
    void reloadSettings();
    /// Re-runs the gallery query (after an import or a scoring run), keeping the current item.
    void refresh();
    /// Shows exactly these items in this order in the gallery (a drill-down), with a title.
    void showItems(const QVector<qint64> &ids, const QString &title);
    /// Shows labels another writer gave (ProjectWatcher): cells, viewer and history change in place. A label
    /// of this window still waiting to be written stays shown: it is written after theirs.
    void showLabelsFromElsewhere(const QVector<qint64> &ids, const QVector<Label> &labels);
    /// After other writers changed runs: the gallery follows a newer scored run (not in a drill-down).
    void followLatestScores();

    GalleryModel *model() const { return m_model; }
    LabelSession *session() const { return m_session; }
    PictureLoader *pictures() const { return m_pictures; }
    ThumbnailProvider *thumbnails() const { return m_thumbnails; }
    GalleryPanel *gallery() const { return m_gallery; }
    ViewerPanel *viewer() const { return m_viewer; }
    HistoryPanel *history() const { return m_history; }
    QAction *action(const QString &id) const { return m_actions.value(id); }
    QList<QAction *> labelActions() const;
    /// The item the viewer shows, or 0.
    qint64 shownItem() const { return m_shown.id; }
    bool autoAdvance() const { return m_autoAdvance; }
    void setAutoAdvance(bool on);

public Q_SLOTS:
    void applyLabel(nsfw::Label label);
    void next();
    void previous();
    void undo();
    void redo();
    void labelWholeVideo(nsfw::Label label);
    /// Reviewing suspected label errors: the K key (and the banner's button) asks to keep the labels of the
    /// selected or shown items (confirmRequested); off again when the gallery shows something else.
    void setConfirmEnabled(bool enabled);
    bool isConfirmEnabled() const { return m_confirmEnabled; }
    /// Keeps the labels of the selected (or shown) items: emits confirmRequested, then moves on.
    void confirmLabels();

Q_SIGNALS:
    void autoAdvanceChanged(bool on);
    /// Something the annotator should read (an undo that left another writer's label alone).
    void message(const QString &text);
    /// Another writer changed these items' labels (the training page tracks relabelled items with them).
    void labelsChangedElsewhere(const QVector<qint64> &ids);
    /// The annotator says these items' labels are right (see setConfirmEnabled).
    void confirmRequested(const QVector<qint64> &ids);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Shown {
        qint64 id = 0;
        ItemKind kind = ItemKind::Image;
        Label label = Label::None;
        std::optional<double> score;
        qint64 videoId = 0;
    };
    void createActions();
    QAbstractItemView *activeList() const;
    GalleryModel *modelOf(QAbstractItemView *view) const;
    void onGalleryCurrent(int row);
    void onTimelineCurrent(int row);
    void showRow(GalleryModel *model, int row, bool fromTimeline);
    void showPicture();
    void updateCover();
    void prefetchAround(GalleryModel *model, int row);
    void onLabelsChanged(const QVector<qint64> &ids, const QVector<Label> &labels);
    void onSkipped(const QVector<qint64> &ids, const QVector<Label> &current, const QString &source);
    QString itemName(qint64 id) const;
    void step(int delta);
    /// The items label keys act on: the selection of the active list, or its current item, or the item shown.
    QVector<qint64> targetIds(QHash<qint64, Label> *shown = nullptr) const;
    void goToItem(qint64 id);
    void setRevealed(bool revealed);
    /// Reads the project's label rule and queues (TeamLabels) and sets whose labels the page shows and writes.
    void updateTeam();
    /// The label session's voice from the rule and the gallery's team view.
    void updateVoice();

    ProjectDatabase *m_db = nullptr;
    bool m_consensus = false; ///< the project's label rule is consensus: an annotator's labels are their own
    GalleryModel *m_model;
    ThumbnailProvider *m_thumbnails;
    PictureLoader *m_pictures;
    LabelSession *m_session;
    GalleryPanel *m_gallery;
    ViewerPanel *m_viewer;
    HistoryPanel *m_history;
    QSplitter *m_splitter;
    QTimer *m_refit;
    QHash<QString, QAction *> m_actions;
    QAbstractItemView *m_lastList = nullptr;
    WellbeingSettings m_wellbeing;
    bool m_autoAdvance = true;
    bool m_confirmEnabled = false;
    bool m_revealed = false;
    int m_revealKey = Qt::Key_Space;
    Shown m_shown;
    qint64 m_coverFor = 0;
};

} // namespace nsfw::ui
