// The window's training handle: a run in the background, signals arriving in the GUI thread, cancel.
#include "model/modellocator.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "train/trainingsession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace nsfw;

class TestTrainingSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = test::trainingSkipReason(); !why.isEmpty())
            NSFW_REQUIRE_SETUP(qPrintable(why));
        m_project = test::makeTrainingProject(m_dir.path(), 24);
    }

    void runsInTheBackgroundAndReportsInThisThread()
    {
        TrainingSession session;
        QSignalSpy started(&session, &TrainingSession::started);
        QSignalSpy epochs(&session, &TrainingSession::epochFinished);
        QSignalSpy finished(&session, &TrainingSession::finished);
        QThread *gui = QThread::currentThread();
        bool allInGuiThread = true;
        connect(&session, &TrainingSession::stepLoss, this, [&] { allInGuiThread &= QThread::currentThread() == gui; });
        TrainSettings s;
        s.epochs = 3;
        s.patience = 0;
        QVERIFY(session.start(m_project, s));
        QVERIFY(session.isRunning());
        QVERIFY(!session.start(m_project, s)); // one at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 300000);
        QVERIFY(!session.isRunning());
        QCOMPARE(started.count(), 1);
        QCOMPARE(epochs.count(), 4);
        QVERIFY(allInGuiThread);
        const auto result = finished.first().first().value<TrainResult>();
        QCOMPARE(result.status, QStringLiteral("finished"));
    }

    void cancelEndsTheRunCancelled()
    {
        TrainingSession session;
        QSignalSpy finished(&session, &TrainingSession::finished);
        connect(&session, &TrainingSession::stepLoss, &session, &TrainingSession::cancel);
        TrainSettings s;
        s.mode = TrainSettings::Mode::Partial;
        s.epochs = 30;
        QVERIFY(session.start(m_project, s));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 300000);
        const auto result = finished.first().first().value<TrainResult>();
        QCOMPARE(result.status, QStringLiteral("cancelled"));
        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QCOMPARE(RunStore(*db).run(result.runId)->status, QStringLiteral("cancelled"));
    }

    void destroyingARunningSessionCancelsAndWaits()
    {
        auto *session = new TrainingSession;
        TrainSettings s;
        s.mode = TrainSettings::Mode::Full;
        s.epochs = 30;
        QVERIFY(session->start(m_project, s));
        QTest::qWait(2000);
        delete session; // must not hang or crash
        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        for (const RunRecord &r : RunStore(*db).runs())
            QVERIFY2(r.status != QStringLiteral("running"), qPrintable(QString::number(r.id)));
    }
};

QTEST_MAIN(TestTrainingSession)
#include "tst_trainingsession.moc"
