// File > Export model as ONNX… in the real window: the pretrained model while the project has no run, the latest
// finished run once one is trained, written off the GUI thread, and what the file says about where it came from.
#include "mainwindow.h"
#include "onnxexportaction.h"

#include "model/modellocator.h"

#include "testsupport.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nsfw;
using namespace nsfw::ui;

class TestOnnxExportAction : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<MainWindow> m_window;

    OnnxExportAction *exporter() const { return m_window->findChild<OnnxExportAction *>(); }

    /// Exports to file through the window's action object; the message it ends with.
    QString exportTo(const QString &file, bool *ok)
    {
        QSignalSpy done(exporter(), &OnnxExportAction::finished);
        *ok = false;
        if (!exporter()->exportTo(file))
            return done.isEmpty() ? QString() : done.first().at(1).toString();
        // The GUI thread stays free meanwhile: the action is greyed out until the file is there.
        if (!exporter()->action()->isEnabled() && done.wait(120000)) {
            *ok = done.first().at(0).toBool();
            return done.first().at(1).toString();
        }
        return done.isEmpty() ? QStringLiteral("no answer") : done.first().at(1).toString();
    }

    static QByteArray contents(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Test mode moves the data folder: name the installed model, and ask whether training can be tested, first
        // (without the model package installed, the set-up script's model is only found outside test mode).
        const QString model = locateModel(QString(), nullptr);
        const QString skip = model.isEmpty() ? QStringLiteral("mobilenet_v2 is not installed (run packaging/setup.sh)")
                                             : test::trainingSkipReason();
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        NSFW_REQUIRE_SETUP(skip);
        qputenv("NSFW_WORKBENCH_MODEL_DIR", model.toUtf8());
        m_project = test::makeTrainingProject(m_dir.path(), 8);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openProject(m_project, false));
    }

    void cleanupTestCase() { m_window.reset(); }

    void theFileMenuHasIt()
    {
        QMenu *file = m_window->menuBar()->findChildren<QMenu *>().value(0);
        QVERIFY(file);
        QAction *action = nullptr;
        for (QAction *a : file->actions()) {
            if (a->objectName() == QLatin1String("file.exportOnnx"))
                action = a;
        }
        QVERIFY(action);
        QCOMPARE(action, exporter()->action());
        QVERIFY(action->text().contains(QStringLiteral("ONNX")));
    }

    void pretrainedWithoutARunThenTheRun()
    {
        bool ok = false;
        const QString pretrained = m_dir.filePath("pretrained.onnx");
        QString message = exportTo(pretrained, &ok);
        QVERIFY2(ok, qPrintable(message));
        QVERIFY2(message.contains(OnnxExportAction::tr("the pretrained model")), qPrintable(message));
        QVERIFY(contents(pretrained).contains("NSFW Workbench"));
        QVERIFY(contents(pretrained).contains("pretrained model mobilenet_v2"));

        QProcess train;
        train.start(test::workbenchBinary(), {"train", m_project, "--mode", "head", "--epochs", "2", "--folds", "1"});
        QVERIFY(train.waitForFinished(300000));
        QVERIFY2(train.exitCode() == 0, train.readAllStandardError().constData());

        const QString run = m_dir.filePath("run.onnx");
        message = exportTo(run, &ok);
        QVERIFY2(ok, qPrintable(message));
        QVERIFY2(message.contains(OnnxExportAction::tr("run %1").arg(1)), qPrintable(message));
        QVERIFY(contents(run).contains("fine-tuned: run 1"));
        QVERIFY(contents(run) != contents(pretrained));
        // Again to the same file: the window's dialog asked already, and the file is one this tool wrote.
        message = exportTo(run, &ok);
        QVERIFY2(ok, qPrintable(message));
    }
};

QTEST_MAIN(TestOnnxExportAction)
#include "tst_onnxexportaction.moc"
