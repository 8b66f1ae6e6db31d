// `nsfw-workbench worker` on a server project, as a team runs it: two workers at once score every image once, with
// the scores `predict --project` gives; a worker killed while it holds a chunk loses it to another once its lease runs
// out, and the scores are still complete and the same; a model that is not the run's is refused, also by a machine
// that has no copy of the run's model to compare with (the queue knows the model's key). With --features, two workers
// compute every image's backbone features into the project, and a head-mode run reads them instead of computing them;
// workers score a video's frames as the run that trained on this machine scored them.
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectfeatures.h"
#include "store/projectdatabase.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "store/workqueue.h"
#include "testsupport.h"
#include "tfjsbuilder.h"
#include "train/featurecache.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>

#include <cstring>

using namespace nsfw;

class TestWorker : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_url;
    QString m_model;
    int m_images = 0;

    /// A finished run whose model is the red model, in this machine's cache of the project; its id.
    qint64 makeRun()
    {
        QString error;
        auto db = ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        if (!db) {
            qWarning() << error;
            return 0;
        }
        RunStore runs(*db);
        RunLock lock(*db);
        if (!lock.tryAcquire(&error)) {
            qWarning() << error;
            return 0;
        }
        const qint64 run = runs.create({}, QStringLiteral("red"), lock, &error);
        const QString checkpoint = QStringLiteral("runs/%1/model").arg(run);
        const QString folder = db->cacheDir() + QLatin1Char('/') + checkpoint;
        QDir().mkpath(folder);
        for (const QString &f : QDir(m_model).entryList(QDir::Files))
            QFile::copy(m_model + QLatin1Char('/') + f, folder + QLatin1Char('/') + f);
        runs.setBest(run, 0, {}, checkpoint, {});
        runs.finish(run, QStringLiteral("finished"));
        return run;
    }

    /// predict --project's score of each image, by file name.
    QHash<QString, double> predicted(qint64 run)
    {
        const test::WorkbenchRun r = test::runWorkbench(
            {"predict", "--project", m_url, "--run", QString::number(run), m_dir.filePath("images")});
        QHash<QString, double> scores;
        if (r.code != 0) {
            qWarning() << r.err;
            return scores;
        }
        for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            scores.insert(QFileInfo(o["path"].toString()).fileName(), o["nsfw"].toDouble(-1));
        }
        return scores;
    }

    /// The worker-written scores of the run, by file name.
    QHash<QString, double> stored(qint64 run)
    {
        QString error;
        auto db = ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QHash<QString, double> scores;
        if (!db)
            return scores;
        QSqlQuery q(db->db());
        q.prepare(QStringLiteral("SELECT i.path, s.score FROM item_scores s JOIN items i ON i.id = s.item_id"
                                 " WHERE s.run_id = ?"));
        q.addBindValue(run);
        q.exec();
        while (q.next())
            scores.insert(QFileInfo(q.value(0).toString()).fileName(), q.value(1).toDouble());
        return scores;
    }

    /// (state, worker, attempts) of every chunk of the run, in id order.
    QList<QStringList> chunks(qint64 run)
    {
        QString error;
        auto db = ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QList<QStringList> rows;
        if (!db)
            return rows;
        QSqlQuery q(db->db());
        q.prepare(QStringLiteral("SELECT state, worker, attempts FROM work_chunks WHERE run_id = ? ORDER BY id"));
        q.addBindValue(run);
        q.exec();
        while (q.next())
            rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
        return rows;
    }

    void compareScores(qint64 run)
    {
        const QHash<QString, double> reference = predicted(run);
        QCOMPARE(reference.size(), m_images);
        const QHash<QString, double> scores = stored(run);
        QCOMPARE(scores.size(), m_images);
        double lo = 1, hi = 0;
        for (auto it = reference.cbegin(); it != reference.cend(); ++it) {
            QVERIFY2(scores.contains(it.key()), qPrintable(it.key()));
            QVERIFY2(std::abs(scores.value(it.key()) - it.value()) <= 1e-6,
                     qPrintable(QStringLiteral("%1: worker %2, predict %3")
                                    .arg(it.key())
                                    .arg(scores.value(it.key()), 0, 'g', 9)
                                    .arg(it.value(), 0, 'g', 9)));
            lo = std::min(lo, it.value());
            hi = std::max(hi, it.value());
        }
        QVERIFY2(lo < 0.2 && hi > 0.8, "the pictures span safe to flagged"); // a comparison of something
    }

private Q_SLOTS:
    void initTestCase()
    {
        NSFW_REQUIRE_BACKEND(QStringLiteral("postgresql"));
        QVERIFY(!test::workbenchBinary().isEmpty());
        // The executable and this test find the project's cache (where a run's model is) in the same place.
        QCoreApplication::setOrganizationName(QStringLiteral("nsfw-workbench"));
        QCoreApplication::setApplicationName(QStringLiteral("nsfw-workbench"));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_dir.filePath("cache")));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath("config")));
        qputenv("NSFW_WORKBENCH_MEDIA_ROOT", QFile::encodeName(m_dir.path()));
        qunsetenv("NSFW_WORKBENCH_TEST_WORKER_STALL");

        // Porn = 40 R - 40 G - 40 B - 10 on the mean colour: reddish pictures score high, others low.
        m_model = m_dir.filePath("red-model");
        QDir().mkpath(m_model);
        test::TfjsBuilder b(8, 8, 3);
        b.add("GlobalAveragePooling2D", "gap", {"input"});
        b.add("Dense", "dense", {"gap"}, {{"units", 5}, {"activation", "softmax"}});
        b.weightValues("dense/kernel", {3, 5}, {-20, -20, 0, 40, -20, 0, 0, 0, -40, 0, 0, 0, 0, -40, 0});
        b.weightValues("dense/bias", {5}, {-10, -10, 0, -10, -10});
        QVERIFY(b.write(m_model));
        // Pictures from green-blue to red, each with a gradient so that resizing matters.
        QVERIFY(QDir().mkpath(m_dir.filePath("images")));
        m_images = 45;
        for (int i = 0; i < m_images; ++i) {
            QImage picture(24 + i % 7, 16 + i % 5, QImage::Format_RGB32);
            for (int y = 0; y < picture.height(); ++y)
                for (int x = 0; x < picture.width(); ++x)
                    picture.setPixel(x, y, qRgb(std::min(255, i * 6 + x), 200 - i * 4 + y, 180 - i * 3 + (x ^ y)));
            QVERIFY(picture.save(m_dir.filePath(QStringLiteral("images/p%1.png").arg(i, 2, 10, QLatin1Char('0')))));
        }
        QString error;
        m_url = test::freshPostgresDatabase(&error);
        QVERIFY2(!m_url.isEmpty(), qPrintable(error));
        QVERIFY2(ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error),
                 qPrintable(error));
        const test::WorkbenchRun r = test::runWorkbench({"import", m_url, m_dir.filePath("images")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void twoWorkersScoreLikePredict()
    {
        const qint64 run = makeRun();
        QVERIFY(run > 0);
        QProcess a, b;
        for (QProcess *p : {&a, &b})
            p->start(test::workbenchBinary(), {"worker", m_url, "--run", QString::number(run), "--chunk", "3"});
        for (QProcess *p : {&a, &b}) {
            QVERIFY(p->waitForFinished(60000));
            const QByteArray err = p->readAllStandardError();
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, err.constData());
            const QByteArray out = p->readAllStandardOutput();
            QVERIFY2(out.contains(QStringLiteral("%1 item(s) scored, 0 unreadable").arg(m_images).toUtf8()),
                     out.constData());
            qInfo("%s%s", err.constData(), out.constData());
        }
        // Every image was scored once: each chunk claimed once and done.
        const QList<QStringList> rows = chunks(run);
        QCOMPARE(rows.size(), (m_images + 2) / 3);
        for (const QStringList &row : rows) {
            QCOMPARE(row[0], QStringLiteral("done"));
            QCOMPARE(row[2], QStringLiteral("1"));
        }
        compareScores(run);
        // Nothing left: another worker stops at once and queues nothing.
        const test::WorkbenchRun again = test::runWorkbench({"worker", m_url, "--run", QString::number(run)});
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.contains(QStringLiteral("scored 0 item(s)")), qPrintable(again.out));
        QCOMPARE(chunks(run).size(), rows.size());
    }

    void anotherModelIsRefused()
    {
        const qint64 run = makeRun();
        QVERIFY(run > 0);
        // A model that is not the run's: the same layers, other weights.
        const QString other = m_dir.filePath("other-model");
        QDir().mkpath(other);
        test::TfjsBuilder b(8, 8, 3);
        b.add("GlobalAveragePooling2D", "gap", {"input"});
        b.add("Dense", "dense", {"gap"}, {{"units", 5}, {"activation", "softmax"}});
        b.weight("dense/kernel", {3, 5});
        b.weight("dense/bias", {5});
        QVERIFY(b.write(other));
        const QStringList args{"worker", m_url, "--run", QString::number(run), "--lease", "1"};
        test::WorkbenchRun r = test::runWorkbench(args + QStringList{"--model", other});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("is another model than run")), qPrintable(r.err));
        QVERIFY(stored(run).isEmpty());
        // A machine without the run's model folder: work queued with the run's model is not scored with a wrong
        // copy, and a right copy scores it once the refused worker's lease has run out.
        QString error;
        {
            auto db =
                ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
            QVERIFY2(db, qPrintable(error));
            QCOMPARE(WorkQueue(*db, QStringLiteral("t")).enqueueScoring(run, FeatureCache::modelKey(m_model), 100), 1);
            QVERIFY(QDir(db->cacheDir() + QStringLiteral("/runs/%1").arg(run)).removeRecursively());
        }
        r = test::runWorkbench(args + QStringList{"--model", other});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("is to be scored with another model")), qPrintable(r.err));
        QVERIFY(stored(run).isEmpty());
        r = test::runWorkbench(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("give a copy of it with --model")), qPrintable(r.err));
        r = test::runWorkbench(args + QStringList{"--model", m_model});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("took over chunk")), qPrintable(r.err));
        // predict --project reads the run's model from the cache: put it back for the comparison.
        QString checkpoint;
        {
            auto db =
                ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
            QVERIFY2(db, qPrintable(error));
            checkpoint = db->cacheDir() + QStringLiteral("/runs/%1/model").arg(run);
        }
        QVERIFY(QDir().mkpath(checkpoint));
        for (const QString &f : QDir(m_model).entryList(QDir::Files))
            QVERIFY(QFile::copy(m_model + QLatin1Char('/') + f, checkpoint + QLatin1Char('/') + f));
        compareScores(run);
    }

    void aKilledWorkersChunkIsTakenOver()
    {
        const qint64 run = makeRun();
        QVERIFY(run > 0);
        // The first worker claims a chunk and then holds it without a word (as a machine that hangs), until killed.
        QProcess stalled;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("NSFW_WORKBENCH_TEST_WORKER_STALL", "1");
        stalled.setProcessEnvironment(env);
        stalled.start(test::workbenchBinary(), {"worker", m_url, "--run", QString::number(run), "--chunk", "10",
                                                "--lease", "2", "--name", "stalled"});
        QByteArray said;
        QElapsedTimer clock;
        clock.start();
        while (!said.contains("claimed chunk") && clock.elapsed() < 30000) {
            stalled.waitForReadyRead(200);
            said += stalled.readAllStandardError();
        }
        QVERIFY2(said.contains("stalled: claimed chunk"), said.constData());
        stalled.kill(); // SIGKILL: no clean-up of any kind
        QVERIFY(stalled.waitForFinished(10000));
        QList<QStringList> rows = chunks(run);
        QCOMPARE(rows.size(), (m_images + 9) / 10);
        QCOMPARE(rows[0], (QStringList{"claimed", "stalled", "1"}));

        const test::WorkbenchRun r =
            test::runWorkbench({"worker", m_url, "--run", QString::number(run), "--lease", "2", "--name", "rescuer"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("rescuer: took over chunk")) &&
                     r.err.contains(QStringLiteral("from stalled")),
                 qPrintable(r.err));
        rows = chunks(run);
        QCOMPARE(rows[0], (QStringList{"done", "rescuer", "2"}));
        for (const QStringList &row : rows)
            QCOMPARE(row[0], QStringLiteral("done"));
        compareScores(run);
    }

    void workersComputeTheFeaturesARunReads()
    {
        // Two workers compute every image's backbone features (the red model's: its pooled colour) into the project.
        QProcess a, b;
        for (QProcess *p : {&a, &b})
            p->start(test::workbenchBinary(), {"worker", m_url, "--features", "--model", m_model, "--chunk", "7"});
        for (QProcess *p : {&a, &b}) {
            QVERIFY(p->waitForFinished(60000));
            const QByteArray err = p->readAllStandardError();
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, err.constData());
            const QByteArray out = p->readAllStandardOutput();
            QVERIFY2(out.contains(QStringLiteral("%1 item(s) with features from workers, 0 unreadable")
                                      .arg(m_images)
                                      .toUtf8()),
                     out.constData());
        }
        const QString key = FeatureCache::storeKey(m_model, false);
        QString error;
        QString removedKey;
        std::vector<float> removed;
        {
            auto db =
                ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
            QVERIFY2(db, qPrintable(error));
            ProjectFeatures features(*db);
            QCOMPARE(features.count(key), qint64(m_images));
            QCOMPARE(features.count(FeatureCache::storeKey(m_model, true)), qint64(0)); // other pixels, other key
            // Every chunk once, none of a run.
            QSqlQuery q(db->db());
            QVERIFY(q.exec(QStringLiteral("SELECT count(*), min(attempts), max(attempts), count(run_id) FROM work_chunks"
                                          " WHERE kind = 'features'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), (m_images + 6) / 7);
            QCOMPARE(q.value(1).toInt(), 1);
            QCOMPARE(q.value(2).toInt(), 1);
            QCOMPARE(q.value(3).toInt(), 0);
            q.finish();
            // Labels for a head-mode run: the reddish half nsfw.
            QVector<LabelChange> labels;
            QVERIFY(q.exec(QStringLiteral("SELECT id, path FROM items ORDER BY path")));
            while (q.next()) {
                const int i = QFileInfo(q.value(1).toString()).baseName().mid(1).toInt();
                labels.append({q.value(0).toLongLong(), i >= m_images / 2 ? Label::Nsfw : Label::Safe});
            }
            q.finish();
            QCOMPARE(labels.size(), m_images);
            QVERIFY(LabelStore(*db).write(labels, QStringLiteral("t"), QStringLiteral("manual")).ok());
            // One image's features are taken away: the run computes them itself, as a single machine would.
            QVERIFY(q.exec(QStringLiteral("SELECT content_key, data FROM item_features ORDER BY content_key LIMIT 1")));
            QVERIFY(q.next());
            removedKey = q.value(0).toString();
            const QByteArray blob = q.value(1).toByteArray();
            removed.resize(size_t(blob.size()) / sizeof(float));
            std::memcpy(removed.data(), blob.constData(), size_t(blob.size()));
            q.finish();
            q.prepare(QStringLiteral("DELETE FROM item_features WHERE content_key = ?"));
            q.addBindValue(removedKey);
            QVERIFY(q.exec());
            QCOMPARE(removed.size(), size_t(3));
        }
        const test::WorkbenchRun r = test::runWorkbench(
            {"train", m_url, "--mode", "head", "--model", m_model, "--epochs", "2", "--folds", "1", "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        const QJsonObject result =
            QJsonDocument::fromJson(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).last().toUtf8()).object();
        QCOMPARE(result["status"].toString(), QStringLiteral("finished"));
        QCOMPARE(result["featuresFromProject"].toInt(), m_images - 1);
        // The one it computed is in this machine's cache, and equals the worker's.
        auto db = ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY2(db, qPrintable(error));
        FeatureCache local(db->cacheDir(), key);
        const auto own = local.load({removedKey});
        QVERIFY(own.contains(removedKey));
        QCOMPARE(own.value(removedKey).size(), removed.size());
        for (size_t i = 0; i < removed.size(); ++i)
            QVERIFY2(std::abs(own.value(removedKey)[i] - removed[i]) <= 1e-6f,
                     qPrintable(QStringLiteral("%1: run %2, worker %3").arg(i).arg(own.value(removedKey)[i]).arg(removed[i])));
    }

    void workersScoreFramesAsTheRunDid()
    {
        // A video joins the project: a reddish scene, then a bluish one (each with a gradient, so resizing matters).
        std::vector<cv::Mat> scenes;
        for (const cv::Scalar &base : {cv::Scalar(40, 60, 220), cv::Scalar(200, 120, 30)}) {
            cv::Mat m(90, 160, CV_8UC3);
            for (int y = 0; y < m.rows; ++y)
                for (int x = 0; x < m.cols; ++x)
                    m.at<cv::Vec3b>(y, x) = cv::Vec3b(cv::saturate_cast<uchar>(base[0] + x / 4),
                                                      cv::saturate_cast<uchar>(base[1] + y / 3),
                                                      cv::saturate_cast<uchar>(base[2] - x / 5));
            scenes.push_back(m);
        }
        QVERIFY(QDir().mkpath(m_dir.filePath("videos")));
        QVERIFY(test::writeSceneVideo(m_dir.filePath("videos/clip.avi"), scenes, 20, 10.0));
        test::WorkbenchRun r = test::runWorkbench({"import", m_url, m_dir.filePath("videos")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // A run trained on this machine scores every item, the frames too: the single-machine reference.
        r = test::runWorkbench(
            {"train", m_url, "--mode", "head", "--model", m_model, "--epochs", "1", "--folds", "1", "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        const qint64 run =
            QJsonDocument::fromJson(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).last().toUtf8())
                .object()["run"]
                .toInteger();
        QVERIFY(run > 0);
        QString error;
        auto db = ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY2(db, qPrintable(error));
        auto scoresOf = [&] {
            QHash<qint64, double> scores;
            QSqlQuery q(db->db());
            q.prepare(QStringLiteral("SELECT item_id, score FROM item_scores WHERE run_id = ?"));
            q.addBindValue(run);
            q.exec();
            while (q.next())
                scores.insert(q.value(0).toLongLong(), q.value(1).toDouble());
            return scores;
        };
        QHash<qint64, double> reference = scoresOf();
        QSqlQuery q(db->db());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM items WHERE kind = 2")));
        QList<qint64> frames;
        while (q.next())
            frames.append(q.value(0).toLongLong());
        q.finish();
        QVERIFY2(frames.size() >= 2, "the video was sampled into frames");
        // The run also gave the video a verdict from its frames; workers score items, not verdicts.
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM items WHERE kind = 1")));
        QVERIFY(q.next());
        QVERIFY(reference.remove(q.value(0).toLongLong()));
        q.finish();
        QCOMPARE(reference.size(), m_images + frames.size());
        q.prepare(QStringLiteral("DELETE FROM item_scores WHERE run_id = ?"));
        q.addBindValue(run);
        QVERIFY(q.exec());
        // Two workers score it all again: images, and frames read from the video as the run read them.
        QProcess a, b;
        for (QProcess *p : {&a, &b})
            p->start(test::workbenchBinary(), {"worker", m_url, "--run", QString::number(run), "--chunk", "4"});
        for (QProcess *p : {&a, &b}) {
            QVERIFY(p->waitForFinished(60000));
            const QByteArray err = p->readAllStandardError();
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, err.constData());
            QVERIFY2(p->readAllStandardOutput().contains(
                         QStringLiteral("%1 item(s) scored, 0 unreadable").arg(reference.size()).toUtf8()),
                     err.constData());
        }
        const QHash<qint64, double> scores = scoresOf();
        QCOMPARE(scores.size(), reference.size());
        double lo = 1, hi = 0;
        for (qint64 frame : frames) {
            lo = std::min(lo, reference.value(frame));
            hi = std::max(hi, reference.value(frame));
        }
        QVERIFY2(lo < 0.5 && hi > 0.5, "the two scenes score apart"); // a comparison of something
        for (auto it = reference.cbegin(); it != reference.cend(); ++it)
            QVERIFY2(std::abs(scores.value(it.key(), -1) - it.value()) <= 1e-5,
                     qPrintable(QStringLiteral("item %1: worker %2, run %3")
                                    .arg(it.key())
                                    .arg(scores.value(it.key(), -1), 0, 'g', 9)
                                    .arg(it.value(), 0, 'g', 9)));
    }
};

QTEST_GUILESS_MAIN(TestWorker)
#include "tst_worker.moc"
