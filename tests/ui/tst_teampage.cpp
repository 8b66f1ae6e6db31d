// The Team tab in the real window: the agreement figures of a project two annotators labeled arrive off the GUI
// thread and are those `agreement` computes (pairs, each annotator's confusion matrix, labels per hour); a label given
// in the window, and one given by another program (the command line), bring new figures without a Refresh.
#include "labelingpage.h"
#include "mainwindow.h"
#include "teampage.h"

#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallerypanel.h"
#include "historypanel.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/teamlabels.h"
#include "train/agreement.h"

#include "testsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace nsfw;
using namespace nsfw::ui;

class TestTeamPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QVector<qint64> m_ids;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void figuresFollowTheLabels()
    {
        const QString project = m_dir.filePath(QStringLiteral("team.nwproj"));
        {
            QString error;
            auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
            QVERIFY2(db, qPrintable(error));
            for (int i = 0; i < 6; ++i) {
                Item it;
                it.kind = ItemKind::Image;
                it.path = QStringLiteral("img/%1.png").arg(i);
                it.contentHash = QStringLiteral("hash%1").arg(i);
                m_ids << ItemStore(*db).insert(it, &error);
            }
            // Alice and Bob on four items: they agree on three (kappa 7/11), Bob labeled last everywhere.
            LabelStore labels(*db);
            const Label a[] = {Label::Safe, Label::Nsfw, Label::Unsure, Label::Safe};
            const Label b[] = {Label::Safe, Label::Nsfw, Label::Unsure, Label::Nsfw};
            for (int i = 0; i < 4; ++i) {
                QVERIFY(labels.setLabel({m_ids[i]}, a[i], QStringLiteral("alice"), QStringLiteral("manual")) == 1);
                QVERIFY(labels.setLabel({m_ids[i]}, b[i], QStringLiteral("bob"), QStringLiteral("manual")) == 1);
            }
        }

        MainWindow window;
        window.show();
        auto *page = window.findChild<TeamPage *>();
        QVERIFY(page);
        QSignalSpy shown(page, &TeamPage::reportShown);
        QVERIFY(window.openProject(project, false));
        QVERIFY(shown.isEmpty()); // computed when the tab is first shown, not before
        window.pages()->setCurrentWidget(page);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20000);

        QCOMPARE(page->pairsView()->topLevelItemCount(), 1);
        QTreeWidgetItem *pair = page->pairsView()->topLevelItem(0);
        QCOMPARE(pair->text(0), QStringLiteral("alice and bob"));
        QCOMPARE(pair->text(1), QStringLiteral("4"));
        QCOMPARE(pair->text(2), QStringLiteral("75.0 %"));
        QCOMPARE(pair->text(3), QStringLiteral("0.636"));
        QVERIFY2(page->summaryLabel()->text().contains(QStringLiteral("75.0 %")),
                 qPrintable(page->summaryLabel()->text()));
        QCOMPARE(page->annotatorsView()->topLevelItemCount(), 2);
        QCOMPARE(page->annotatorsView()->topLevelItem(1)->text(3), QStringLiteral("100.0 %")); // bob is the reference
        // Alice's matrix: safe against the reference's nsfw once (item 3).
        QTreeWidgetItem *alice = page->confusionView()->topLevelItem(0);
        QCOMPARE(alice->text(0), QStringLiteral("alice"));
        QCOMPARE(alice->childCount(), 3);
        QCOMPARE(alice->child(0)->text(2), QStringLiteral("1"));
        QCOMPARE(alice->child(0)->text(1), QStringLiteral("1"));

        // Bob labels item 4 from another program (as the command line would): the tab follows without a Refresh.
        QString error;
        auto other =
            ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("cli"), &error);
        QVERIFY2(other, qPrintable(error));
        QCOMPARE(LabelStore(*other).setLabel({m_ids[4]}, Label::Nsfw, QStringLiteral("bob"), QStringLiteral("cli")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(page->report().perAnnotator.value(1).labeled, 5, 20000);
        QCOMPARE(page->report().overlapItems, 4);

        // Carol, in this window, gives item 4 the label it has: she agrees with Bob, and that is recorded.
        LabelSession *session = window.findChild<LabelingPage *>()->session();
        session->setAnnotator(QStringLiteral("carol"));
        QVERIFY(session->label({m_ids[4]}, Label::Nsfw));
        QTRY_COMPARE_WITH_TIMEOUT(page->report().annotators.size(), 3, 20000);
        QCOMPARE(page->report().overlapItems, 5);
        QCOMPARE(page->pairsView()->topLevelItemCount(), 3);
        QCOMPARE(page->pairsView()->topLevelItem(2)->text(0), QStringLiteral("bob and carol"));
        QCOMPARE(page->pairsView()->topLevelItem(2)->text(1), QStringLiteral("1"));
        // The figures are those of the engine the command line uses.
        auto check =
            ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("c"), &error);
        const agreement::Report expected = agreement::compute(*check, &error);
        QCOMPARE(page->report().krippendorffAlpha, expected.krippendorffAlpha);
        QCOMPARE(page->report().percentAgreement, expected.percentAgreement);
    }

    // Labelling as a team in the window (issue 16 parts 2 and 3): under the consensus rule alice sees and changes her
    // own labels only, her queue, and bob's labels once she gave hers; a reviewer's label in Disagreements is an
    // adjudication, and the Team tab says how the team labels.
    void consensusInTheWindow()
    {
        const QString project = m_dir.filePath(QStringLiteral("consensus.nwproj"));
        QVector<qint64> ids;
        {
            QString error;
            auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
            QVERIFY2(db, qPrintable(error));
            for (int i = 0; i < 6; ++i) {
                Item it;
                it.kind = ItemKind::Image;
                it.path = QStringLiteral("img/%1.png").arg(i);
                it.contentHash = QStringLiteral("c%1").arg(i);
                ids << ItemStore(*db).insert(it, &error);
            }
            TeamLabels team(*db);
            QVERIFY2(team.setRule(LabelRule::Consensus, &error), qPrintable(error));
            // Every item to both, but the last one to nobody (it came later).
            QVERIFY2(team.assign({QStringLiteral("alice"), QStringLiteral("bob")}, 1.0, 3, &error), qPrintable(error));
            Item late;
            late.path = QStringLiteral("img/late.png");
            late.contentHash = QStringLiteral("late");
            ids << ItemStore(*db).insert(late, &error);
            LabelStore labels(*db);
            QCOMPARE(labels.setLabel({ids[0]}, Label::Safe, QStringLiteral("bob"), QStringLiteral("manual")), 1);
            QCOMPARE(labels.setLabel({ids[1]}, Label::Nsfw, QStringLiteral("bob"), QStringLiteral("manual")), 1);
        }
        QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("alice"));
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(project, false));
        auto *page = window.findChild<LabelingPage *>();
        QVERIFY(page);
        GalleryPanel *gallery = page->gallery();
        QVERIFY(gallery->teamCombo()->isVisibleTo(gallery));
        QCOMPARE(page->session()->voice(), LabelSession::Voice::Own);
        GalleryModel *model = page->model();
        auto shownLabel = [model](qint64 id) {
            const int row = model->rowOf(id);
            return row < 0 ? -2 : model->data(model->index(row), GalleryModel::LabelRole).toInt();
        };
        // Bob's labels are not alice's: unlabeled to her, and withheld in the history until she labels.
        QCOMPARE(shownLabel(ids[0]), int(Label::None));
        QCOMPARE(shownLabel(ids[1]), int(Label::None));
        page->gallery()->view()->setCurrentIndex(model->index(model->rowOf(ids[1])));
        QTRY_COMPARE(page->history()->tree()->topLevelItemCount(), 1);
        QVERIFY2(page->history()->tree()->topLevelItem(0)->text(0).contains(QStringLiteral("other annotators")),
                 qPrintable(page->history()->tree()->topLevelItem(0)->text(0)));
        // She agrees on item 0 and not on item 1: the item's label is the consensus, or none.
        QVERIFY(page->session()->label({ids[0]}, Label::Safe));
        QVERIFY(page->session()->label({ids[1]}, Label::Safe));
        QString error;
        auto check = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("c"), &error);
        QVERIFY2(check, qPrintable(error));
        LabelStore labels(*check);
        QTRY_COMPARE(labels.current(ids[0]), Label::Safe);
        QTRY_COMPARE(labels.current(ids[1]), Label::None);
        QCOMPARE(shownLabel(ids[1]), int(Label::Safe)); // hers
        // Her undo takes back her own label: bob's alone stands.
        QVERIFY(page->session()->undo());
        QTRY_COMPARE(labels.current(ids[1]), Label::Nsfw);
        QCOMPARE(labels.history(ids[1]).last().previous, Label::Safe);
        QVERIFY(page->session()->redo());
        QTRY_COMPARE(labels.current(ids[1]), Label::None);
        // My queue: the items dealt to her.
        gallery->teamCombo()->setCurrentIndex(gallery->teamCombo()->findData(int(GalleryPanel::TeamView::MyQueue)));
        QCOMPARE(model->rowCount(), 6);
        QCOMPARE(model->rowOf(ids[6]), -1);
        // Disagreements: item 1 alone, with the items' labels; a label there is an adjudication.
        gallery->teamCombo()->setCurrentIndex(
            gallery->teamCombo()->findData(int(GalleryPanel::TeamView::Disagreements)));
        QCOMPARE(page->session()->voice(), LabelSession::Voice::Adjudication);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->idAt(0), ids[1]);
        QVERIFY(page->session()->label({ids[1]}, Label::Nsfw));
        QTRY_COMPARE(labels.current(ids[1]), Label::Nsfw);
        QCOMPARE(labels.history(ids[1]).last().source, QStringLiteral("adjudicated"));
        // The Team tab: the rule, the queues, nothing left for a reviewer.
        auto *team = window.findChild<TeamPage *>();
        QSignalSpy shown(team, &TeamPage::reportShown);
        window.pages()->setCurrentWidget(team);
        QTRY_VERIFY_WITH_TIMEOUT(team->labellingLabel()->text().contains(QStringLiteral("consensus")), 20000);
        QVERIFY2(team->labellingLabel()->text().contains(QStringLiteral("· 0 item")),
                 qPrintable(team->labellingLabel()->text()));
        QVERIFY2(team->labellingLabel()->text().contains(QStringLiteral("alice 2 of 6")),
                 qPrintable(team->labellingLabel()->text()));
        QSettings().remove(QStringLiteral("annotator/name"));
    }
};

QTEST_MAIN(TestTeamPage)
#include "tst_teampage.moc"
