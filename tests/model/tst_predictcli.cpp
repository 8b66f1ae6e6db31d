// `nsfw-workbench predict` as a user runs it: records per image, errors per unreadable file, exit status.
#include "testsupport.h"
#include "tfjsbuilder.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "media/mediadecoder.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

using nsfw::test::TfjsBuilder;

class TestPredictCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;
    QString m_redModel; ///< scores a red picture nsfw (~1) and a picture with more green and blue than red safe (~0)
    std::vector<cv::Mat> m_safe;
    cv::Mat m_planted;

    /// Two wallpapers the red model calls safe, and a "planted" picture it flags: a wallpaper tinted red.
    void pickPictures()
    {
        for (const QString &f : nsfw::test::distinctWallpapers(40)) {
            QString error;
            const cv::Mat picture =
                nsfw::MediaDecoder::readImage(f, nsfw::MediaDecoder::kDefaultMaxPixels, &error, 360);
            if (picture.empty())
                continue;
            const cv::Scalar mean = cv::mean(picture) / 255.0; // B, G, R
            if (m_planted.empty()) {
                std::vector<cv::Mat> channels;
                cv::split(picture, channels);
                channels[0] *= 0.2;
                channels[1] *= 0.2;
                channels[2] = cv::Mat(picture.size(), CV_8UC1, cv::Scalar(230)) + channels[2] * 0.1;
                cv::merge(channels, m_planted);
            } else if (mean[2] - mean[1] - mean[0] < -0.3 && m_safe.size() < 2) {
                m_safe.push_back(picture);
            }
        }
    }

    static QJsonObject record(const QByteArray &out)
    {
        return QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
    }

    int run(const QStringList &args, QByteArray *out, QByteArray *err = nullptr,
            const QString &modelsFolder = QString(), const QString &systemFolder = QString())
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_DATA_HOME", m_dir.filePath("empty-data")); // no installed model
        // Nor the nsfw-workbench-model package's, should this machine have it installed (CI installs it).
        env.insert("XDG_DATA_DIRS", m_dir.filePath("empty-data"));
        env.insert("NSFW_WORKBENCH_SYSTEM_MODELS",
                   systemFolder.isEmpty() ? m_dir.filePath("empty-data/system") : systemFolder);
        env.remove("NSFW_WORKBENCH_MODEL_DIR");
        env.remove("NSFW_WORKBENCH_MODELS");
        if (!modelsFolder.isEmpty())
            env.insert("NSFW_WORKBENCH_MODELS", modelsFolder);
        p.setProcessEnvironment(env);
        p.start(nsfw::test::workbenchBinary(), args);
        if (!p.waitForFinished(120000))
            return -1;
        *out = p.readAllStandardOutput();
        if (err)
            *err = p.readAllStandardError();
        return p.exitCode();
    }

private Q_SLOTS:
    void theSetUpsModelsFolderIsWhereItLooks()
    {
        // packaging/fetch-model.sh writes to $NSFW_WORKBENCH_MODELS when it is set; before the fix the locator
        // ignored it and said the model was missing.
        const QString folder = m_dir.filePath("models");
        QVERIFY(QDir().mkpath(folder));
        QByteArray out, err;
        QCOMPARE(run({"predict", m_dir.filePath("images/red.png")}, &out, &err, folder), 1);
        QVERIFY2(err.contains(QString(folder + "/mobilenet_v2").toUtf8()), err.constData());
        QVERIFY(QFile::link(m_model, folder + "/mobilenet_v2"));
        QCOMPARE(run({"predict", m_dir.filePath("images/red.png")}, &out, &err, folder), 0);
        QVERIFY2(out.contains("\"nsfw\":"), out.constData());
    }

    void thePackagesFolderComesAfterTheUsers()
    {
        // The nsfw-workbench-model package installs into /usr/share/nsfw-workbench/models: found when the user has
        // no model of their own, and the user's own model wins when there is one.
        const QString system = m_dir.filePath("system-models");
        QVERIFY(QDir().mkpath(system));
        QVERIFY(QFile::link(m_model, system + "/mobilenet_v2"));
        QByteArray out, err;
        QCOMPARE(run({"predict", m_dir.filePath("images/red.png")}, &out, &err, QString(), system), 0);
        QVERIFY2(out.contains("\"nsfw\":"), out.constData());

        const QString user = m_dir.filePath("empty-data/nsfw-workbench/models/mobilenet_v2");
        QVERIFY(QDir().mkpath(user));
        QFile broken(user + "/model.json");
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not a model");
        broken.close();
        QCOMPARE(run({"predict", m_dir.filePath("images/red.png")}, &out, &err, QString(), system), 1);
        QVERIFY2(err.contains(user.toUtf8()), err.constData());
        QVERIFY(QDir(m_dir.filePath("empty-data/nsfw-workbench")).removeRecursively());
    }

    void initTestCase()
    {
        QVERIFY(!nsfw::test::workbenchBinary().isEmpty());
        m_model = m_dir.filePath("model");
        QDir().mkpath(m_model);
        TfjsBuilder b(8, 8, 3);
        b.add("GlobalAveragePooling2D", "gap", {"input"});
        b.add("Dense", "dense", {"gap"}, {{"units", 5}, {"activation", "softmax"}});
        b.weight("dense/kernel", {3, 5});
        b.weight("dense/bias", {5});
        QVERIFY(b.write(m_model));
        // Porn = 40 R - 40 G - 40 B - 10 on the mean colour; Neutral 0; the rest far below.
        m_redModel = m_dir.filePath("red-model");
        QDir().mkpath(m_redModel);
        TfjsBuilder redBuilder(8, 8, 3);
        redBuilder.add("GlobalAveragePooling2D", "gap", {"input"});
        redBuilder.add("Dense", "dense", {"gap"}, {{"units", 5}, {"activation", "softmax"}});
        redBuilder.weightValues("dense/kernel", {3, 5}, {-20, -20, 0, 40, -20, 0, 0, 0, -40, 0, 0, 0, 0, -40, 0});
        redBuilder.weightValues("dense/bias", {5}, {-10, -10, 0, -10, -10});
        QVERIFY(redBuilder.write(m_redModel));
        QDir().mkpath(m_dir.filePath("images/sub"));
        QImage red(20, 10, QImage::Format_RGB32);
        red.fill(Qt::red);
        QVERIFY(red.save(m_dir.filePath("images/red.png")));
        QImage gray(5, 9, QImage::Format_Grayscale8);
        gray.fill(128);
        QVERIFY(gray.save(m_dir.filePath("images/sub/gray.jpg")));
        QFile junk(m_dir.filePath("images/sub/broken.png"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is not a png");
    }

    void jsonl()
    {
        QByteArray out;
        QCOMPARE(run({"predict", "--model", m_model, "--batch", "2", m_dir.filePath("images")}, &out), 0);
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        int errors = 0;
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY2(o.contains("path"), line.constData());
            if (o.contains("error")) {
                ++errors;
                QVERIFY(o["path"].toString().endsWith("broken.png"));
                continue;
            }
            double sum = 0;
            for (const char *c : {"Drawing", "Hentai", "Neutral", "Porn", "Sexy"})
                sum += o[c].toDouble(-10);
            QVERIFY(std::abs(sum - 1) < 1e-5);
            QVERIFY(std::abs(o["nsfw"].toDouble() - o["Hentai"].toDouble() - o["Porn"].toDouble() -
                             o["Sexy"].toDouble()) < 1e-6);
        }
        QCOMPARE(errors, 1);
    }

    void fastDecode()
    {
        QByteArray out;
        QCOMPARE(run({"predict", "--model", m_model, "--fast-decode", m_dir.filePath("images")}, &out), 0);
        QCOMPARE(out.trimmed().split('\n').size(), 3);
    }

    // `benchmark predict`, small and untimed: the tool's pass over a folder, --fast-decode's drift, the JSON.
    void benchmarkPredict()
    {
        QByteArray out;
        QCOMPARE(run({"benchmark", "predict", m_dir.filePath("images"), "--model", m_model, "--limit", "3", "--repeat",
                      "1", "--no-python", "--fast-decode", "--json"},
                     &out),
                 0);
        const QJsonObject o = QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
        QCOMPARE(o["files"].toInt(), 3);
        QCOMPARE(o["scored"].toInt(), 2); // broken.png is reported, not scored
        QVERIFY(o["images_per_s"].toDouble() > 0);
        QCOMPARE(o["runs"].toArray().size(), 1);
        QVERIFY(o["fast_decode"].toObject()["images_per_s"].toDouble() > 0);
        QVERIFY(o["fast_decode"].toObject()["max_abs_diff_nsfw"].toDouble(-1) >= 0);
    }

    void csv()
    {
        QByteArray out;
        QCOMPARE(run({"predict", "--model", m_model, "--format", "csv", m_dir.filePath("images/red.png")}, &out), 0);
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        // Videos' columns follow the image columns (kind, start_ms, end_ms, peak, rule; empty for an image).
        QCOMPARE(lines[0],
                 QByteArray("path,nsfw,Drawing,Hentai,Neutral,Porn,Sexy,error,kind,start_ms,end_ms,peak,rule"));
        QCOMPARE(lines[1].split(',').size(), 13);
        QCOMPARE(lines[1].split(',').at(8), QByteArray("image"));
    }

    void videosGetSegmentsAndAVerdict()
    {
        pickPictures();
        if (m_safe.size() < 2 || m_planted.empty())
            NSFW_REQUIRE_SETUP("Debian's wallpapers (plasma-workspace-wallpapers) are not installed");
        // 0-3 s safe, 3-6 s the planted scene, 6-9 s safe, at 10 fps.
        const QString video = m_dir.filePath("videos/three-scenes.avi");
        QDir().mkpath(m_dir.filePath("videos"));
        QVERIFY(nsfw::test::writeSceneVideo(video, {m_safe[0], m_planted, m_safe[1]}, 30, 10.0));
        for (const char *sampling : {"scenes", "fixed"}) {
            QByteArray out, err;
            QCOMPARE(run({"predict", "--model", m_redModel, "--sampling", sampling, video}, &out, &err), 0);
            const QJsonObject o = record(out);
            QVERIFY2(o["kind"].toString() == "video", out.constData());
            QCOMPARE(o["sampling"].toString(), QString::fromLatin1(sampling));
            QCOMPARE(o["rule"].toString(), QStringLiteral("topk-mean k=3"));
            QVERIFY2(o["nsfw"].toDouble() > 0.9 && o["flagged"].toBool(), out.constData());
            const QJsonArray frames = o["frames"].toArray();
            QCOMPARE(frames.size(), QString(sampling) == "scenes" ? 3 : 9);
            for (const QJsonValue &f : frames) {
                const qint64 ms = f["ms"].toInteger();
                QVERIFY2((f["nsfw"].toDouble() >= 0.5) == (ms >= 3000 && ms < 6000), out.constData());
            }
            const QJsonArray segments = o["segments"].toArray();
            QCOMPARE(segments.size(), 1);
            QVERIFY2(std::abs(segments[0]["startMs"].toInteger() - 3000) <= 1000, out.constData());
            QVERIFY2(std::abs(segments[0]["endMs"].toInteger() - 6000) <= 1000, out.constData());
            QVERIFY(segments[0]["peak"].toDouble() > 0.9);
            if (QString(sampling) == "scenes") {
                const QJsonArray cuts = o["cuts"].toArray();
                QCOMPARE(cuts.size(), 2);
                QVERIFY(std::abs(cuts[0].toInteger() - 3000) <= 100 && std::abs(cuts[1].toInteger() - 6000) <= 100);
            }
        }
        // The rule is an option: the mean over the whole video is a third.
        QByteArray out;
        QCOMPARE(run({"predict", "--model", m_redModel, "--verdict", "mean", video}, &out), 0);
        QVERIFY2(std::abs(record(out)["nsfw"].toDouble() - 1.0 / 3) < 0.05, out.constData());
        QVERIFY(!record(out)["flagged"].toBool());

        // CSV: one row per segment; a video without one gets a row with empty start, end and peak.
        const QString safe = m_dir.filePath("videos/safe.avi");
        QVERIFY(nsfw::test::writeSceneVideo(safe, {m_safe[0]}, 30, 10.0));
        QCOMPARE(run({"predict", "--model", m_redModel, "--format", "csv", video, safe}, &out), 0);
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QList<QByteArray> flagged = lines[1].split(',');
        QCOMPARE(flagged.size(), 13);
        QVERIFY(flagged[0].endsWith("three-scenes.avi"));
        QCOMPARE(flagged[8], QByteArray("video"));
        QVERIFY2(std::abs(flagged[9].toLongLong() - 3000) <= 1000 && std::abs(flagged[10].toLongLong() - 6000) <= 1000,
                 lines[1].constData());
        QVERIFY(flagged[11].toDouble() > 0.9);
        QCOMPARE(flagged[12], QByteArray("topk-mean k=3"));
        const QList<QByteArray> clean = lines[2].split(',');
        QCOMPARE(clean.size(), 13);
        QVERIFY(clean[1].toDouble() < 0.5);
        QVERIFY(clean[9].isEmpty() && clean[10].isEmpty() && clean[11].isEmpty());
    }

    void animatedGifsToo()
    {
        if (m_safe.empty() || m_planted.empty())
            NSFW_REQUIRE_SETUP("Debian's wallpapers (plasma-workspace-wallpapers) are not installed");
        // 10 frames of 200 ms: safe x4, planted x3, safe x3.
        cv::Mat safe, planted;
        cv::resize(m_safe[0], safe, cv::Size(48, 27), 0, 0, cv::INTER_AREA);
        cv::resize(m_planted, planted, cv::Size(48, 27), 0, 0, cv::INTER_AREA);
        std::vector<cv::Mat> frames;
        for (int i = 0; i < 10; ++i)
            frames.push_back(i >= 4 && i < 7 ? planted : safe);
        const QString gif = m_dir.filePath("videos/anim.gif");
        QDir().mkpath(m_dir.filePath("videos"));
        QVERIFY(nsfw::test::writeTestGif(gif, frames, std::vector<int>(10, 20)));
        QByteArray out;
        QCOMPARE(run({"predict", "--model", m_redModel, "--frame-every", "0.2", gif}, &out), 0);
        const QJsonObject o = record(out);
        QCOMPARE(o["kind"].toString(), QStringLiteral("animation"));
        QCOMPARE(o["durationMs"].toInteger(), 2000);
        const QJsonArray segments = o["segments"].toArray();
        QCOMPARE(segments.size(), 1);
        QCOMPARE(segments[0]["startMs"].toInteger(), 800);
        QCOMPARE(segments[0]["endMs"].toInteger(), 1400);
        QVERIFY2(o["flagged"].toBool(), out.constData());
    }

    void nothingReadable()
    {
        QByteArray out, err;
        QCOMPARE(run({"predict", "--model", m_model, m_dir.filePath("images/sub/broken.png")}, &out, &err), 1);
        QVERIFY(out.contains("\"error\""));
    }

    void missingModel()
    {
        QByteArray out, err;
        QCOMPARE(run({"predict", m_dir.filePath("images/red.png")}, &out, &err), 1);
        QVERIFY2(err.contains("packaging/setup.sh"), err.constData());
        QVERIFY2(err.contains("nsfw-workbench-model"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestPredictCli)
#include "tst_predictcli.moc"
