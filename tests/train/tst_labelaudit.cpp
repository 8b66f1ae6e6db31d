// Confident learning (LabelAudit) against an independent implementation written from the paper
// (tests/data/labelaudit/make-reference.py, numpy only), and bootstrap intervals (bootstrap.h).
#include "train/bootstrap.h"
#include "train/labelaudit.h"
#include "train/metrics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <cmath>
#include <random>

using namespace nsfw;

class TestLabelAudit : public QObject
{
    Q_OBJECT

    QJsonArray m_cases;

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(qEnvironmentVariable("NSFW_TEST_DATA") + QStringLiteral("/labelaudit/reference.json"));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        m_cases = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("cases")).toArray();
        QVERIFY(m_cases.size() >= 8);
    }

    void matchesThePaper_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_cases.size(); ++i)
            QTest::newRow(qPrintable(m_cases[i].toObject().value(QStringLiteral("name")).toString())) << i;
    }

    void matchesThePaper()
    {
        QFETCH(int, index);
        const QJsonObject c = m_cases[index].toObject();
        const QJsonArray labels = c.value(QStringLiteral("labels")).toArray();
        const QJsonArray scores = c.value(QStringLiteral("scores")).toArray();
        QVector<AuditInput> input;
        for (int i = 0; i < labels.size(); ++i)
            input.append({qint64(i), labels[i].toInt(), scores[i].toDouble()});
        const LabelAudit a = LabelAudit::compute(input);

        const QJsonArray t = c.value(QStringLiteral("thresholds")).toArray();
        for (int j = 0; j < 2; ++j)
            QVERIFY2(std::abs(a.thresholds[j] - t[j].toDouble()) < 1e-12,
                     qPrintable(QStringLiteral("t%1 %2 vs %3").arg(j).arg(a.thresholds[j]).arg(t[j].toDouble())));
        const QJsonArray cj = c.value(QStringLiteral("confidentJoint")).toArray();
        const QJsonArray cal = c.value(QStringLiteral("calibratedJoint")).toArray();
        for (int i = 0; i < 2; ++i) {
            for (int j = 0; j < 2; ++j) {
                QCOMPARE(a.confidentJoint[i][j], cj[i].toArray()[j].toInteger());
                QCOMPARE(a.calibratedJoint[i][j], cal[i].toArray()[j].toInteger());
            }
        }
        QCOMPARE(a.estimatedErrors, c.value(QStringLiteral("estimatedErrors")).toInteger());
        const QJsonArray suspects = c.value(QStringLiteral("suspects")).toArray();
        const QJsonArray suggested = c.value(QStringLiteral("suggested")).toArray();
        const QJsonArray suspectScores = c.value(QStringLiteral("suspectScores")).toArray();
        QCOMPARE(a.suspects.size(), suspects.size());
        for (int r = 0; r < suspects.size(); ++r) {
            QCOMPARE(a.suspects[r].itemId, suspects[r].toInteger());
            QCOMPARE(a.suspects[r].rank, r + 1);
            QCOMPARE(a.suspects[r].suggested, suggested[r].toInt());
            QCOMPARE(a.suspects[r].label, 1 - suggested[r].toInt());
            QVERIFY(std::abs(a.suspects[r].score - suspectScores[r].toDouble()) < 1e-12);
        }
    }

    // A planted-noise sanity check on top of the reference: flipped labels of a well-separated task come first.
    void findsPlantedFlips()
    {
        std::mt19937 rng(11);
        std::normal_distribution<double> noise(0, 1);
        QVector<AuditInput> input;
        QSet<qint64> flipped;
        for (int i = 0; i < 400; ++i) {
            const int truth = i % 3 == 0 ? 1 : 0;
            const double p = 1 / (1 + std::exp(-(noise(rng) + 6 * (truth - 0.5))));
            int label = truth;
            if (i % 10 == 7) {
                label = 1 - truth;
                flipped.insert(i);
            }
            input.append({qint64(i), label, p});
        }
        const LabelAudit a = LabelAudit::compute(input);
        QVERIFY2(std::abs(a.estimatedErrors - flipped.size()) <= 8, qPrintable(QString::number(a.estimatedErrors)));
        int hits = 0;
        for (int r = 0; r < a.suspects.size() && r < flipped.size(); ++r)
            hits += flipped.contains(a.suspects[r].itemId);
        QVERIFY2(hits >= int(0.85 * flipped.size()), qPrintable(QString::number(hits)));
    }

    // One group holding everything: every resample is the data itself, so each interval is the point estimate.
    void oneGroupGivesThePointEstimate()
    {
        QVector<ScoredItem> items;
        QVector<float> scores;
        QVector<int> labels;
        std::mt19937 rng(2);
        std::uniform_real_distribution<float> u(0, 1);
        for (int i = 0; i < 200; ++i) {
            const int label = i % 3 == 0;
            const float s = std::min(1.0f, u(rng) * 0.7f + 0.3f * float(label));
            items.append({s, label, 42});
            scores << s;
            labels << label;
        }
        const PrCurve curve = PrCurve::compute(scores, labels);
        const ConfusionMatrix m = curve.confusionAt(0.5);
        const MetricIntervals ci = bootstrapIntervals(items, 0.5, 200, 1);
        QCOMPARE(ci.groups, 1);
        QVERIFY(std::abs(ci.averagePrecision.low - curve.averagePrecision) < 1e-12);
        QVERIFY(std::abs(ci.averagePrecision.high - curve.averagePrecision) < 1e-12);
        QVERIFY(std::abs(ci.rocAuc.low - curve.rocAuc) < 1e-12);
        QVERIFY(std::abs(ci.precision.high - m.precision()) < 1e-12);
        QVERIFY(std::abs(ci.recall.low - m.recall()) < 1e-12);
    }

    // Independent items: the interval holds the estimate, narrows with more data, and is the same for a seed.
    void intervalsBehave()
    {
        auto make = [](int n, bool grouped) {
            std::mt19937 rng(5);
            std::normal_distribution<float> noise(0, 1);
            QVector<ScoredItem> items;
            for (int i = 0; i < n; ++i) {
                const int label = i % 2;
                const float s = 1 / (1 + std::exp(-(noise(rng) + 1.5f * (label - 0.5f) * 2)));
                items.append({s, label, grouped ? qint64(i / 10 + 1) : 0});
            }
            return items;
        };
        QVector<float> scores;
        QVector<int> labels;
        for (const ScoredItem &i : make(400, false)) {
            scores << i.score;
            labels << i.label;
        }
        const double ap = PrCurve::compute(scores, labels).averagePrecision;
        const MetricIntervals small = bootstrapIntervals(make(400, false), 0.5, 500, 3);
        const MetricIntervals large = bootstrapIntervals(make(4000, false), 0.5, 500, 3);
        QVERIFY(small.averagePrecision.low < ap && ap < small.averagePrecision.high);
        QVERIFY(large.averagePrecision.width() < small.averagePrecision.width());
        QVERIFY(large.rocAuc.width() < small.rocAuc.width());
        const MetricIntervals again = bootstrapIntervals(make(400, false), 0.5, 500, 3);
        QCOMPARE(again.averagePrecision.low, small.averagePrecision.low);
        QCOMPARE(again.recall.high, small.recall.high);
        QVERIFY(bootstrapIntervals(make(400, false), 0.5, 500, 4).averagePrecision.low != small.averagePrecision.low);
        // Groups of 10 items are 40 units, not 400: the resample draws whole groups.
        QCOMPARE(bootstrapIntervals(make(400, true), 0.5, 500, 3).groups, 40);
        QCOMPARE(small.groups, 400);
        QVERIFY(separable(0.9, {0.85, 0.95}, 0.7, {0.65, 0.75}));
        QVERIFY(!separable(0.9, {0.80, 0.95}, 0.84, {0.79, 0.89}));
    }
};

QTEST_GUILESS_MAIN(TestLabelAudit)

#include "tst_labelaudit.moc"
