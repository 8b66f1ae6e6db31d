// `nsfw-workbench predict` as a user runs it: records per image, errors per unreadable file, exit status.
#include "testsupport.h"
#include "tfjsbuilder.h"

#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using nsfw::test::TfjsBuilder;

class TestPredictCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;

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

    void csv()
    {
        QByteArray out;
        QCOMPARE(run({"predict", "--model", m_model, "--format", "csv", m_dir.filePath("images/red.png")}, &out), 0);
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], QByteArray("path,nsfw,Drawing,Hentai,Neutral,Porn,Sexy,error"));
        QCOMPARE(lines[1].split(',').size(), 8);
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
