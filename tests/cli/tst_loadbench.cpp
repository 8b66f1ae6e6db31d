// benchmark load, run for real (short): several processes label one project while one is killed and the test
// server restarted; every acknowledged label must be in the history, on both backends.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

class TestLoadBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyAcknowledgedLabelSurvives();
};

void TestLoadBench::everyAcknowledgedLabelSurvives()
{
    NSFW_REQUIRE_BACKEND("postgresql");
    const QString binary = nsfw::test::workbenchBinary();
    QVERIFY2(!binary.isEmpty(), "NSFW_WORKBENCH_BIN is not set");
    QProcess bench;
    bench.setProcessChannelMode(QProcess::SeparateChannels);
    // NSFW_TEST_PG (the server) and NSFW_TEST_PG_DIR (its folder, for the restart) come from the environment.
    // 6 s in a release build; a sanitized build's workers take seconds just to start and connect (under ASan the
    // PostgreSQL half once acknowledged nothing in 6 s), so the window grows with the build's time factor.
    bench.start(binary, {QStringLiteral("benchmark"), QStringLiteral("load"), QStringLiteral("--seconds"),
                         QString::number(6 * nsfw::test::timeFactor()), QStringLiteral("--processes"), QStringLiteral("3"),
                         QStringLiteral("--items"), QStringLiteral("200"), QStringLiteral("--json")});
    QVERIFY2(bench.waitForFinished(180000 * nsfw::test::timeFactor()), "benchmark load did not finish in 3 minutes");
    const QByteArray output = bench.readAllStandardOutput();
    const QString log = QString::fromUtf8(output + "\n" + bench.readAllStandardError());
    QCOMPARE(bench.exitStatus(), QProcess::NormalExit);
    QVERIFY2(bench.exitCode() == 0, qPrintable(log));

    const QJsonObject result = QJsonDocument::fromJson(output).object();
    QVERIFY2(result.value(QStringLiteral("ok")).toBool(), qPrintable(log));
    const QJsonArray backends = result.value(QStringLiteral("backends")).toArray();
    QStringList seen;
    for (const QJsonValue &value : backends) {
        const QJsonObject b = value.toObject();
        const QString name = b.value(QStringLiteral("backend")).toString();
        seen << name;
        QVERIFY2(b.value(QStringLiteral("acknowledged")).toInt() > 0, qPrintable(name));
        QCOMPARE(b.value(QStringLiteral("lost")).toInt(-1), 0);
        QCOMPARE(b.value(QStringLiteral("inconsistentItems")).toInt(-1), 0);
        QCOMPARE(b.value(QStringLiteral("unexpectedRows")).toInt(-1), 0);
        QCOMPARE(b.value(QStringLiteral("failedWrites")).toInt(-1), 0);
        QCOMPARE(b.value(QStringLiteral("items")).toInt(), 200);
        // One worker was killed and replaced: its replacement's name is the killed one's plus "b".
        const QJsonObject killed = b.value(QStringLiteral("killed")).toObject();
        QCOMPARE(killed.value(QStringLiteral("replacement")).toString(),
                 killed.value(QStringLiteral("annotator")).toString() + QLatin1Char('b'));
        const QJsonObject restart = b.value(QStringLiteral("serverRestart")).toObject();
        if (name == QLatin1String("postgresql")) {
            const bool expected = !qEnvironmentVariableIsEmpty("NSFW_TEST_PG_DIR");
            QCOMPARE(restart.value(QStringLiteral("done")).toBool(), expected);
            if (expected)
                QVERIFY(b.contains(QStringLiteral("longestWaitAcrossRestartMs")));
            else // never silently: the report says why
                QVERIFY(restart.value(QStringLiteral("note")).toString().contains(QLatin1String("NOT DONE")));
        } else {
            QCOMPARE(restart.value(QStringLiteral("done")).toBool(), false);
        }
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("sqlite"), QStringLiteral("postgresql")}));
}

QTEST_GUILESS_MAIN(TestLoadBench)
#include "tst_loadbench.moc"
