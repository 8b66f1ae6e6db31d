// Fine-tuning on real clip art: the loss goes down, epoch 0 is the pretrained model, cancel and kill leave
// the project consistent, and an exported model scores the same in nsfwjs (Node) as in our predict.
#include "common/measuredrun.h"
#include "media/importer.h"
#include "model/classifier.h"
#include "model/modellocator.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "train/runreview.h"
#include "train/trainer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace nsfw;

namespace {

TrainSettings quick(TrainSettings::Mode mode, int epochs)
{
    TrainSettings s;
    s.mode = mode;
    s.epochs = epochs;
    s.patience = 0;
    s.batchSize = 16;
    s.validationFraction = 0.3;
    s.folds = 1; // one split; crossValidatedRunJudgesEveryLabel runs folds
    return s;
}

QString nodeModules()
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    const QString dir = cache + QStringLiteral("/nsfw-workbench/npm/node_modules");
    return QFileInfo::exists(dir + QStringLiteral("/nsfwjs")) ? dir : QString();
}

} // namespace

class TestTrainer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = test::trainingSkipReason(); !why.isEmpty())
            NSFW_REQUIRE_SETUP(qPrintable(why));
        m_project = test::makeTrainingProject(m_dir.path(), 40);
    }

    void headTrainingLowersTheLoss()
    {
        Trainer trainer(m_project, quick(TrainSettings::Mode::Head, 6));
        QSignalSpy epochs(&trainer, &Trainer::epochFinished);
        QSignalSpy steps(&trainer, &Trainer::stepLoss);
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        QCOMPARE(epochs.count(), 7); // epoch 0 (pretrained) + 6
        QVERIFY(steps.count() >= 6);
        const auto first = epochs.at(1).at(0).value<EpochMetrics>();
        const auto last = epochs.at(6).at(0).value<EpochMetrics>();
        QVERIFY2(last.trainLoss < first.trainLoss,
                 qPrintable(QStringLiteral("%1 -> %2").arg(first.trainLoss).arg(last.trainLoss)));
        QVERIFY(std::isnan(epochs.at(0).at(0).value<EpochMetrics>().trainLoss));

        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        RunStore runs(*db);
        const RunRecord run = *runs.run(r.runId);
        QCOMPARE(run.status, QStringLiteral("finished"));
        QCOMPARE(run.bestEpoch, r.bestEpoch);
        QCOMPARE(runs.epochs(r.runId).size(), 7);
        // Every step's loss is kept with its epoch, so a stored run replays its loss curve.
        const EpochMetrics stored = EpochMetrics::fromJson(runs.epochs(r.runId).at(1));
        QCOMPARE(stored.stepLosses.size(), (r.trainItems + 15) / 16);
        QCOMPARE(double(stored.stepLosses.first()), steps.at(0).at(0).value<StepLoss>().loss);
        QVERIFY(QFileInfo::exists(db->cacheDir() + QLatin1Char('/') + run.checkpoint + QStringLiteral("/model.json")));
        const QVector<RunItem> items = runs.items(r.runId);
        QCOMPARE(qint64(items.size()), r.trainItems + r.validationItems);
        QCOMPARE(runs.itemScores(r.runId).size(), ItemStore(*db).stats().total());
        // The stored best metrics are those of the validation scores stored with the run.
        QVector<float> scores;
        QVector<int> labels;
        for (const RunItem &i : items) {
            if (i.split == 1) {
                scores << i.score;
                labels << i.label;
            }
        }
        QVERIFY(std::abs(PrCurve::compute(scores, labels).averagePrecision - r.best.averagePrecision) < 1e-9);
    }

    // Five folds: every labeled item is judged by the model of the one fold that did not train on it; the run's
    // figures, intervals and cells come from those scores; its model is trained on all labels.
    void crossValidatedRunJudgesEveryLabel()
    {
        // Three pictures of people labeled safe by mistake.
        QVector<qint64> planted;
        {
            QString error;
            auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"),
                                            &error);
            QSqlQuery q(db->db());
            QVERIFY(q.exec(QStringLiteral("SELECT id FROM items WHERE label = 1 ORDER BY id LIMIT 3")));
            while (q.next())
                planted << q.value(0).toLongLong();
            QCOMPARE(planted.size(), 3);
            QCOMPARE(LabelStore(*db).setLabel(planted, Label::Safe, QStringLiteral("test"), QStringLiteral("test")), 3);
        }
        auto restore = qScopeGuard([&] {
            QString error;
            auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"),
                                            &error);
            LabelStore(*db).setLabel(planted, Label::Nsfw, QStringLiteral("test"), QStringLiteral("test"));
        });
        TrainSettings s = quick(TrainSettings::Mode::Head, 3);
        s.folds = 0; // head mode's default: 5
        Trainer trainer(m_project, s);
        QSignalSpy epochs(&trainer, &Trainer::epochFinished);
        QSignalSpy progress(&trainer, &Trainer::progress);
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        QCOMPARE(r.folds, 5);
        QCOMPARE(epochs.count(), 4); // pooled epochs 0..3
        bool sawFold = false;
        for (const QList<QVariant> &p : progress)
            sawFold = sawFold || p.at(0).value<TrainProgress>().phase.contains(QStringLiteral("fold 5 of 5"));
        QVERIFY(sawFold);

        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        const qint64 labeled = ItemStore(*db).stats().count(Label::Safe) + ItemStore(*db).stats().count(Label::Nsfw);
        QCOMPARE(r.validationItems, labeled);
        QCOMPARE(r.trainItems, labeled);
        const std::optional<RunReview> review = RunReview::load(*db, r.runId, &error);
        QVERIFY2(review, qPrintable(error));
        QVERIFY(review->isCrossValidated());
        QCOMPARE(review->folds(), 5);
        QCOMPARE(qint64(review->items().size()), labeled);
        QCOMPARE(qint64(review->judged().size()), labeled);
        QVector<int> perFold(5, 0);
        for (const RunItem &i : review->items()) {
            QCOMPARE(i.split, 1);
            QVERIFY(i.fold >= 0 && i.fold < 5);
            QVERIFY(std::isfinite(i.score));
            ++perFold[i.fold];
        }
        for (int n : perFold)
            QVERIFY2(n >= labeled / 5 - 2 && n <= labeled / 5 + 2, qPrintable(QString::number(n)));
        // The stored figures are those of the out-of-fold scores, with intervals.
        QVERIFY(std::abs(review->curve().averagePrecision - r.best.averagePrecision) < 1e-9);
        QVERIFY(r.best.intervals.averagePrecision.isValid());
        QVERIFY(r.best.intervals.averagePrecision.low <= r.best.averagePrecision + 1e-12);
        QVERIFY(r.best.averagePrecision <= r.best.intervals.averagePrecision.high + 1e-12);
        const RunRecord run = *RunStore(*db).run(r.runId);
        QCOMPARE(run.bestMetrics.value(QStringLiteral("intervals")).toObject().value(QStringLiteral("resamples")).toInt(),
                 1000);
        QCOMPARE(run.settings.value(QStringLiteral("folds")).toInt(), 5);
        // The four cells together are every labeled item.
        qsizetype inCells = 0;
        for (RunReview::Cell c : {RunReview::Cell::TruePositive, RunReview::Cell::FalsePositive,
                                  RunReview::Cell::TrueNegative, RunReview::Cell::FalseNegative})
            inCells += review->cell(c, run.threshold).size();
        QCOMPARE(qint64(inCells), labeled);
        QVERIFY(QFileInfo::exists(db->cacheDir() + QLatin1Char('/') + run.checkpoint + QStringLiteral("/model.json")));
        QCOMPARE(RunStore(*db).itemScores(r.runId).size(), ItemStore(*db).stats().total());
        // The gallery shows a labeled item's out-of-fold score (the one its cell and the audit use), not the in-sample
        // score of the model trained on all labels.
        QHash<qint64, float> shown;
        for (const ItemScore &x : RunStore(*db).itemScores(r.runId))
            shown.insert(x.itemId, x.score);
        for (const RunItem &i : review->items())
            QCOMPARE(shown.value(i.itemId, -1.0f), i.score);
        // The audit runs over every label. (Whether it finds planted mistakes is measured by the planted-noise
        // benchmark: on 80 clip-art pictures a 3-epoch head does not beat the pretrained model.)
        const LabelAudit audit = review->audit();
        QCOMPARE(audit.items, labeled);
        QVERIFY(!audit.suspects.isEmpty());

        // The command line reports the same: evaluate with intervals, audit with paths.
        QProcess evaluate;
        evaluate.start(test::workbenchBinary(), {QStringLiteral("evaluate"), m_project, QStringLiteral("--run"),
                                                 QString::number(r.runId), QStringLiteral("--json")});
        QVERIFY(evaluate.waitForFinished(60000));
        QCOMPARE(evaluate.exitCode(), 0);
        const QJsonObject reported = QJsonDocument::fromJson(evaluate.readAllStandardOutput()).object();
        QCOMPARE(reported.value(QStringLiteral("folds")).toInt(), 5);
        QCOMPARE(reported.value(QStringLiteral("validationItems")).toInteger(), labeled);
        const QJsonArray ap = reported.value(QStringLiteral("intervals")).toObject().value(QStringLiteral("ap")).toArray();
        QCOMPARE(ap.size(), 2);
        QVERIFY(ap[0].toDouble() <= reported.value(QStringLiteral("ap")).toDouble());
        QVERIFY(reported.value(QStringLiteral("ap")).toDouble() <= ap[1].toDouble());
        QProcess auditCli;
        auditCli.start(test::workbenchBinary(), {QStringLiteral("audit"), m_project, QStringLiteral("--json")});
        QVERIFY(auditCli.waitForFinished(60000));
        QCOMPARE(auditCli.exitCode(), 0);
        const QJsonObject audited = QJsonDocument::fromJson(auditCli.readAllStandardOutput()).object();
        QCOMPARE(audited.value(QStringLiteral("run")).toInteger(), r.runId);
        QCOMPARE(audited.value(QStringLiteral("estimatedErrors")).toInteger(), audit.estimatedErrors);
        const QJsonArray suspects = audited.value(QStringLiteral("suspects")).toArray();
        QCOMPARE(suspects.size(), audit.suspects.size());
        for (qsizetype i = 0; i < suspects.size(); ++i) {
            const QJsonObject o = suspects[i].toObject();
            QCOMPARE(o.value(QStringLiteral("rank")).toInt(), int(i + 1));
            QCOMPARE(o.value(QStringLiteral("item")).toInteger(), audit.suspects[i].itemId);
            QVERIFY(o.value(QStringLiteral("path")).toString().endsWith(QStringLiteral(".png")));
            QVERIFY(o.contains(QStringLiteral("label")) && o.contains(QStringLiteral("suggested"))
                    && o.contains(QStringLiteral("score")));
        }
    }

    void exportedScoresAreTheOnesTheMetricsUsed()
    {
        // evaluate --scores wrote 7 significant digits: near scores became ties and AP moved by ~0.002. Anyone
        // recomputing AP and ROC AUC from the CSV with scikit-learn must get the reported figures.
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFileInfo::exists(python))
            NSFW_REQUIRE_SETUP("/usr/bin/python3 with scikit-learn is missing (packaging/setup.sh installs it)");
        Trainer trainer(m_project, quick(TrainSettings::Mode::Head, 4));
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        const QString csv = m_dir.filePath(QStringLiteral("scores.csv"));
        QProcess evaluate;
        evaluate.start(test::workbenchBinary(), {QStringLiteral("evaluate"), m_project, QStringLiteral("--run"),
                                                 QString::number(r.runId), QStringLiteral("--json"),
                                                 QStringLiteral("--scores"), csv});
        QVERIFY(evaluate.waitForFinished(60000));
        QCOMPARE(evaluate.exitCode(), 0);
        const QJsonObject reported = QJsonDocument::fromJson(evaluate.readAllStandardOutput()).object();
        QProcess sklearn;
        sklearn.start(python, {QStringLiteral("-c"), QStringLiteral(R"(
import csv, sys
from sklearn.metrics import average_precision_score, roc_auc_score
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["split"] == "validation"]
y = [1 if r["label"] == "nsfw" else 0 for r in rows]
s = [float(r["score"]) for r in rows]
print(repr(average_precision_score(y, s)), repr(roc_auc_score(y, s)), len(rows))
)"), csv});
        QVERIFY(sklearn.waitForFinished(60000));
        QVERIFY2(sklearn.exitCode() == 0, sklearn.readAllStandardError().constData());
        const QStringList figures = QString::fromUtf8(sklearn.readAllStandardOutput()).split(QLatin1Char(' '));
        QCOMPARE(figures.size(), 3);
        QCOMPARE(figures[2].trimmed().toInt(), reported.value(QStringLiteral("validationItems")).toInt());
        QVERIFY2(std::abs(figures[0].toDouble() - reported.value(QStringLiteral("ap")).toDouble()) < 1e-9,
                 qPrintable(figures[0] + QStringLiteral(" vs ") + QString::number(reported.value(QStringLiteral("ap")).toDouble(), 'g', 17)));
        QVERIFY2(std::abs(figures[1].toDouble() - reported.value(QStringLiteral("auc")).toDouble()) < 1e-9,
                 qPrintable(figures[1] + QStringLiteral(" vs ") + QString::number(reported.value(QStringLiteral("auc")).toDouble(), 'g', 17)));
        QVERIFY(std::abs(reported.value(QStringLiteral("ap")).toDouble() - r.best.averagePrecision) < 1e-12);
    }

    void unreadableItemsAreListedNotOnlyLogged()
    {
        // A picture damaged after import: the run leaves it out, and says so in its record and on the command line.
        QTemporaryDir dir;
        const QString project = test::makeTrainingProject(dir.path(), 10);
        const QString victim = dir.filePath(QStringLiteral("data/nsfw/0.png"));
        QFile f(victim);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("no longer a picture");
        f.close();
        Trainer trainer(project, quick(TrainSettings::Mode::Head, 1));
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        QCOMPARE(r.unreadable.size(), 1);
        QCOMPARE(r.unreadable.first().path, victim);
        QVERIFY(!r.unreadable.first().reason.isEmpty());
        QString error;
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QCOMPARE(RunStore(*db).run(r.runId)->unreadable.size(), 1);
        QCOMPARE(RunStore(*db).run(r.runId)->unreadable.first().path, victim);
        QProcess cli;
        cli.start(test::workbenchBinary(), {QStringLiteral("train"), project, QStringLiteral("--epochs"), QStringLiteral("1")});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 0);
        const QString message = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(message.contains(QStringLiteral("1 item(s) could not be read and were left out:")), qPrintable(message));
        QVERIFY2(message.contains(victim), qPrintable(message));
    }

    void bigPicturesNeverFillABatch()
    {
        // Before the fix a batch of 32 decoded pictures was held at full resolution before being shrunk: 32 photos
        // of 5120x2880 took ~1.4 GB more than 32 small ones. The peak must not grow with picture size x batch.
        const QStringList photos = test::wallpapers(4);
        if (photos.isEmpty())
            NSFW_REQUIRE_SETUP("plasma-workspace-wallpapers is not installed (packaging/setup.sh installs it)");
        auto peakFor = [&](int width, int height) -> qint64 {
            QTemporaryDir dir;
            const QString data = dir.filePath(QStringLiteral("data"));
            for (const char *label : {"safe", "nsfw"})
                QDir().mkpath(data + QLatin1Char('/') + QLatin1String(label));
            for (int i = 0; i < 32; ++i) {
                cv::Mat picture = cv::imread(photos[i % photos.size()].toStdString(), cv::IMREAD_COLOR);
                cv::resize(picture, picture, cv::Size(width, height));
                picture.at<cv::Vec3b>(0, 0) = cv::Vec3b(uchar(i), 0, 0); // 32 different files
                cv::imwrite(QStringLiteral("%1/%2/%3.jpg").arg(data, i % 2 ? QStringLiteral("nsfw") : QStringLiteral("safe")).arg(i).toStdString(),
                            picture, {cv::IMWRITE_JPEG_QUALITY, 95});
            }
            const QString project = dir.filePath(QStringLiteral("p.nwproj"));
            const QString bin = test::workbenchBinary();
            if (runMeasured(bin, {QStringLiteral("init"), project}).exitCode != 0
                || runMeasured(bin, {QStringLiteral("import"), project, data, QStringLiteral("--labels-from-folders")}).exitCode != 0)
                return -1;
            const MeasuredRun run = runMeasured(bin, {QStringLiteral("train"), project, QStringLiteral("--mode"),
                                                      QStringLiteral("pretrained")});
            return run.exitCode == 0 ? run.peakRssKb : -1;
        };
        const qint64 small = peakFor(320, 180);
        const qint64 big = peakFor(5120, 2880);
        QVERIFY(small > 0 && big > 0);
        qInfo() << "peak RSS of a scoring pass over 32 pictures:" << small / 1024 << "MB (320x180)," << big / 1024
                << "MB (5120x2880)";
        // Two workers each hold one picture while they shrink it (~270 MB at this size, float included).
        QVERIFY2(big - small < 800 * 1024, qPrintable(QStringLiteral("%1 MB more").arg((big - small) / 1024)));
    }

    void epochZeroIsThePretrainedModel()
    {
        TrainSettings s = quick(TrainSettings::Mode::Pretrained, 0);
        Trainer trainer(m_project, s);
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        ItemStore items(*db);
        const QVector<ItemScore> scores = RunStore(*db).itemScores(r.runId);
        QVERIFY(scores.size() >= 40);
        auto classifier = Classifier::load(locateModel(QString(), &error), &error);
        QVERIFY(classifier);
        for (int i = 0; i < 10; ++i) {
            const Item item = *items.item(scores[i].itemId);
            const ImageScore ours = classifier->classifyFiles({db->absolutePath(item.path)}).front();
            QVERIFY2(std::abs(ours.nsfw - scores[i].score) < 1e-4,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(item.path).arg(ours.nsfw).arg(scores[i].score)));
        }
    }

    void cancelMidEpochLeavesTheProjectConsistent()
    {
        Trainer trainer(m_project, quick(TrainSettings::Mode::Partial, 20));
        connect(&trainer, &Trainer::stepLoss, &trainer, [&trainer](const StepLoss &s) {
            if (s.epoch == 1 && s.step == 1)
                trainer.cancel();
        });
        const TrainResult r = trainer.run();
        QCOMPARE(r.status, QStringLiteral("cancelled"));
        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QSqlQuery q(db->db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        const RunRecord run = *RunStore(*db).run(r.runId);
        QCOMPARE(run.status, QStringLiteral("cancelled"));
        QCOMPARE(run.bestEpoch, 0); // the pretrained baseline was kept; epoch 1 never finished
        // A new run may start.
        RunLock lock(db->runLockPath());
        QVERIFY(lock.tryAcquire(&error));
        QVERIFY(RunStore(*db).create({}, QStringLiteral("m"), lock, &error) > 0);
        RunStore(*db).finish(RunStore(*db).runs().last().id, QStringLiteral("cancelled"));
    }

    void aKilledTrainingIsMarkedFailed()
    {
        const QString bin = test::workbenchBinary();
        if (bin.isEmpty())
            NSFW_REQUIRE_SETUP("NSFW_WORKBENCH_BIN is not set");
        QProcess child;
        child.start(bin, {QStringLiteral("train"), m_project, QStringLiteral("--mode"), QStringLiteral("full"),
                          QStringLiteral("--epochs"), QStringLiteral("50")});
        QVERIFY(child.waitForStarted());
        // Wait until the run exists, then kill it mid-training.
        QString error;
        qint64 runId = 0;
        for (int i = 0; i < 600 && runId == 0; ++i) {
            QTest::qWait(100);
            auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
            for (const RunRecord &r : RunStore(*db).runs()) {
                if (r.status == QStringLiteral("running"))
                    runId = r.id;
            }
        }
        QVERIFY(runId > 0);
        QTest::qWait(1500);
        child.kill();
        QVERIFY(child.waitForFinished());
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery q(db->db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        const RunRecord run = *RunStore(*db).run(runId);
        QCOMPARE(run.status, QStringLiteral("failed"));
        QVERIFY(run.error.contains(QStringLiteral("interrupted")));
    }

    void exportNeverDeletesAFolderItDidNotWrite()
    {
        // Before the fix, `export-model --out DIR` renamed DIR aside and deleted it: here the project's own folder.
        Trainer trainer(m_project, quick(TrainSettings::Mode::Head, 1));
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        auto exportTo = [&](const QString &out, const QStringList &extra) {
            QProcess p;
            p.start(test::workbenchBinary(), QStringList{QStringLiteral("export-model"), m_project, QStringLiteral("--out"),
                                                         out} + extra);
            p.waitForFinished(120000);
            return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
        };
        const QStringList before = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        for (const QStringList &extra : {QStringList(), QStringList{QStringLiteral("--force")},
                                         QStringList{QStringLiteral("--format"), QStringLiteral("native"),
                                                     QStringLiteral("--force")}}) {
            const auto [code, message] = exportTo(m_dir.path(), extra);
            QCOMPARE(code, 1);
            QVERIFY2(message.contains(QStringLiteral("is not a folder NSFW Workbench wrote")), qPrintable(message));
            QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
        }
        QVERIFY(ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), nullptr));

        // A folder the tool exported is replaced only with --force; its DIR.old/DIR.tmp neighbours are not its own.
        const QString out = m_dir.filePath(QStringLiteral("exported"));
        for (const QString &neighbour : QStringList{out + QStringLiteral(".old"), out + QStringLiteral(".tmp")}) {
            QDir().mkpath(neighbour);
            QFile keep(neighbour + QStringLiteral("/keep.txt"));
            QVERIFY(keep.open(QIODevice::WriteOnly));
        }
        const auto [first, why] = exportTo(out, {});
        QVERIFY2(first == 0, qPrintable(why));
        const auto [again, message] = exportTo(out, {});
        QCOMPARE(again, 1);
        QVERIFY2(message.contains(QStringLiteral("--force")), qPrintable(message));
        QCOMPARE(exportTo(out, {QStringLiteral("--force")}).first, 0);
        QCOMPARE(exportTo(out, {QStringLiteral("--format"), QStringLiteral("native"), QStringLiteral("--force")}).first, 0);
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/model.pt")));
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/model.json")));
        QVERIFY(QFileInfo::exists(out + QStringLiteral(".old/keep.txt")));
        QVERIFY(QFileInfo::exists(out + QStringLiteral(".tmp/keep.txt")));
    }

    void exportedModelScoresTheSameInNsfwjs()
    {
        const QString modules = nodeModules();
        if (modules.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
            NSFW_REQUIRE_SETUP("node or the npm tree of packaging/model is missing: TF.js round trip not checked");
        Trainer trainer(m_project, quick(TrainSettings::Mode::Head, 3));
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        const QString out = m_dir.filePath(QStringLiteral("export"));
        QProcess exporter;
        exporter.start(test::workbenchBinary(), {QStringLiteral("export-model"), m_project, QStringLiteral("--run"),
                                                 QString::number(r.runId), QStringLiteral("--out"), out});
        QVERIFY(exporter.waitForFinished(60000));
        QCOMPARE(exporter.exitCode(), 0);

        // A handful of the project's images, scored by nsfwjs itself in Node.
        const QString images = m_dir.filePath(QStringLiteral("roundtrip"));
        QDir().mkpath(images);
        QStringList files;
        for (const QString &f : QDir(m_dir.filePath(QStringLiteral("data/nsfw"))).entryList({QStringLiteral("*.png")}).mid(0, 4))
            files << m_dir.filePath(QStringLiteral("data/nsfw/") + f);
        for (const QString &f : QDir(m_dir.filePath(QStringLiteral("data/safe"))).entryList({QStringLiteral("*.png")}).mid(0, 4))
            files << m_dir.filePath(QStringLiteral("data/safe/") + f);
        for (const QString &f : files)
            QFile::copy(f, images + QLatin1Char('/') + QFileInfo(f).fileName());
        const QString reference = m_dir.filePath(QStringLiteral("node.json"));
        QProcess node;
        node.start(QStringLiteral("node"), {QStringLiteral(NSFW_SOURCE_DIR "/packaging/model/make-parity-reference.js"),
                                            modules, out, images, reference});
        QVERIFY(node.waitForFinished(300000));
        QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
        QFile f(reference);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray results = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("images")).toArray();
        QCOMPARE(results.size(), files.size());

        QString error;
        auto classifier = Classifier::load(out, &error);
        QVERIFY2(classifier, qPrintable(error));
        const QStringList classes = classifier->classNames();
        for (const QJsonValue v : results) {
            const QJsonObject o = v.toObject();
            const ImageScore ours =
                classifier->classifyFiles({images + QLatin1Char('/') + o.value(QStringLiteral("file")).toString()}).front();
            QVERIFY2(ours.ok(), qPrintable(ours.error));
            const QJsonObject theirs = o.value(QStringLiteral("probabilities")).toObject();
            for (int c = 0; c < classes.size(); ++c) {
                const double diff = std::abs(ours.probabilities[size_t(c)] - theirs.value(classes[c]).toDouble());
                QVERIFY2(diff < 1e-4, qPrintable(QStringLiteral("%1 %2: %3").arg(o.value(QStringLiteral("file")).toString(),
                                                                                classes[c]).arg(diff)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
