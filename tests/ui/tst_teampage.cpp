// The Team tab in the real window: the agreement figures of a project two annotators labeled arrive off the GUI
// thread and are those `agreement` computes (pairs, each annotator's confusion matrix, labels per hour); a label given
// in the window, and one given by another program (the command line), bring new figures without a Refresh.
#include "labelingpage.h"
#include "mainwindow.h"
#include "teampage.h"

#include "gallery/labelsession.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "train/agreement.h"

#include "testsupport.h"

#include <QLabel>
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
};

QTEST_MAIN(TestTeamPage)
#include "tst_teampage.moc"
