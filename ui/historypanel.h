#pragma once

#include <QWidget>

class QLabel;
class QTimer;
class QTreeWidget;

namespace nsfw {
class ProjectDatabase;
}

namespace nsfw::ui {

/// The label history of the item in the viewer: who set what, when, replacing what, and how.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    void setDatabase(ProjectDatabase *db) { m_db = db; }
    /// Team labelling under the consensus rule: until this annotator has labelled an item, other annotators' entries
    /// on it are not shown (nobody copies another's label); "" shows everything.
    void setWithheldUntilLabelledBy(const QString &annotator) { m_withheldFor = annotator; }
    void showItem(qint64 itemId, const QString &title);
    /// Re-reads the shown item's history (after a label).
    void refresh();
    QTreeWidget *tree() const { return m_tree; }

private:
    ProjectDatabase *m_db = nullptr;
    qint64 m_itemId = 0;
    QString m_withheldFor;
    QLabel *m_title;
    QTreeWidget *m_tree;
    QTimer *m_retry; ///< reads again while a server project's connection is away
};

} // namespace nsfw::ui
