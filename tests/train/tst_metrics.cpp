// AP, ROC AUC, PR curve and confusion matrices against scikit-learn's values for the same scores
// (tests/data/metrics/reference.json, made by make-reference.py beside it).
#include "train/metrics.h"
#include "train/trainsettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace nsfw;

class TestMetrics : public QObject
{
    Q_OBJECT

    QJsonArray m_cases;

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(qEnvironmentVariable("NSFW_TEST_DATA") + QStringLiteral("/metrics/reference.json"));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        m_cases = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("cases")).toArray();
        QVERIFY(m_cases.size() >= 5);
    }

    void matchesScikitLearn_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_cases.size(); ++i)
            QTest::newRow(qPrintable(m_cases[i].toObject().value(QStringLiteral("name")).toString())) << i;
    }

    void matchesScikitLearn()
    {
        QFETCH(int, index);
        const QJsonObject c = m_cases[index].toObject();
        QVector<float> scores;
        QVector<int> labels;
        for (const QJsonValue v : c.value(QStringLiteral("scores")).toArray())
            scores << float(v.toDouble());
        for (const QJsonValue v : c.value(QStringLiteral("labels")).toArray())
            labels << v.toInt();
        const PrCurve curve = PrCurve::compute(scores, labels);
        QVERIFY2(std::abs(curve.averagePrecision - c.value(QStringLiteral("ap")).toDouble()) < 1e-12,
                 qPrintable(QStringLiteral("AP %1 vs %2").arg(curve.averagePrecision, 0, 'g', 17)
                                .arg(c.value(QStringLiteral("ap")).toDouble(), 0, 'g', 17)));
        QVERIFY2(std::abs(curve.rocAuc - c.value(QStringLiteral("auc")).toDouble()) < 1e-12,
                 qPrintable(QStringLiteral("AUC %1 vs %2").arg(curve.rocAuc, 0, 'g', 17)
                                .arg(c.value(QStringLiteral("auc")).toDouble(), 0, 'g', 17)));

        // Every threshold sklearn lists is a point of ours with the same precision and recall.
        const QJsonArray t = c.value(QStringLiteral("pr_thresholds")).toArray();
        const QJsonArray p = c.value(QStringLiteral("pr_precision")).toArray();
        const QJsonArray r = c.value(QStringLiteral("pr_recall")).toArray();
        QVERIFY(t.size() <= curve.points.size());
        for (qsizetype i = 0; i < t.size(); ++i) {
            const float threshold = float(t[i].toDouble());
            auto it = std::find_if(curve.points.cbegin(), curve.points.cend(),
                                   [&](const CurvePoint &pt) { return float(pt.threshold) == threshold; });
            QVERIFY(it != curve.points.cend());
            QVERIFY(std::abs(it->precision - p[i].toDouble()) < 1e-12);
            QVERIFY(std::abs(it->recall - r[i].toDouble()) < 1e-12);
        }

        for (const QJsonValue v : c.value(QStringLiteral("confusion")).toArray()) {
            const QJsonObject want = v.toObject();
            const ConfusionMatrix m = curve.confusionAt(want.value(QStringLiteral("threshold")).toDouble());
            QCOMPARE(m.tp, want.value(QStringLiteral("tp")).toInteger());
            QCOMPARE(m.fp, want.value(QStringLiteral("fp")).toInteger());
            QCOMPARE(m.tn, want.value(QStringLiteral("tn")).toInteger());
            QCOMPARE(m.fn, want.value(QStringLiteral("fn")).toInteger());
        }
    }

    void ratesAndTargets()
    {
        const PrCurve curve = PrCurve::compute({0.9f, 0.8f, 0.7f, 0.6f, 0.4f, 0.3f, 0.2f, 0.1f}, {1, 1, 0, 1, 0, 1, 0, 0});
        const ConfusionMatrix m = curve.confusionAt(0.5);
        QCOMPARE(m.tp, 3);
        QCOMPARE(m.fp, 1);
        QCOMPARE(m.fn, 1);
        QCOMPARE(m.tn, 3);
        QCOMPARE(m.precision(), 0.75);
        QCOMPARE(m.recall(), 0.75);
        QCOMPARE(m.f1(), 0.75);
        QCOMPARE(m.accuracy(), 0.75);
        QCOMPARE(curve.thresholdForRecall(1.0), 0.3f);
        QCOMPARE(curve.thresholdForPrecision(1.0), 0.8f);
        QCOMPARE(curve.thresholdForPrecision(0.75), 0.6f);
        // A curve survives its JSON form.
        const PrCurve back = PrCurve::fromJson(curve.toJson());
        QCOMPARE(back.points.size(), curve.points.size());
        QCOMPARE(back.averagePrecision, curve.averagePrecision);
        QCOMPARE(back.confusionAt(0.5).tp, 3);
    }

    // The curve of a head on a new task (measured on the audit benchmark): the first epoch's AP jumps, dips while the
    // head unlearns the pretrained judgement, and climbs again while the loss keeps falling. A rule on AP alone
    // stopped at epoch 1.
    void earlyStoppingWaitsWhileTheLossStillFalls()
    {
        struct E {
            double ap, loss;
            bool best;
        };
        const QVector<E> curve = {{0.50, 2.56, true},  {0.56, 0.75, true},  {0.55, 0.70, false}, {0.53, 0.71, false},
                                  {0.55, 0.69, false}, {0.58, 0.69, true},  {0.60, 0.692, true}, {0.59, 0.695, false},
                                  {0.58, 0.70, false}, {0.57, 0.71, false}, {0.61, 0.66, true}};
        EarlyStopping stopping(3);
        int stoppedAfter = -1;
        for (int epoch = 0; epoch < curve.size(); ++epoch) {
            EpochMetrics m;
            m.epoch = epoch;
            m.averagePrecision = curve[epoch].ap;
            m.validationLoss = curve[epoch].loss;
            m.best = curve[epoch].best;
            if (stopping.stopAfter(m)) {
                stoppedAfter = epoch;
                break;
            }
        }
        // Epochs 2 and 4 lowered the loss, 3 had 4 to wait for; 7-9 improved neither, so the run stops after epoch 9.
        QCOMPARE(stoppedAfter, 9);

        EarlyStopping never(0);
        for (int epoch = 0; epoch < 50; ++epoch) {
            EpochMetrics m;
            m.epoch = epoch;
            m.validationLoss = 1;
            QVERIFY(!never.stopAfter(m));
        }
        QCOMPARE(never.epochsWithoutProgress(), 49);
    }

    void modeDefaultsFillTheUnsetEpochs()
    {
        TrainSettings s;
        QCOMPARE(s.epochs, 0);
        QCOMPARE(s.effectiveEpochs(), 30);
        s.mode = TrainSettings::Mode::Partial;
        QCOMPARE(s.effectiveEpochs(), 10);
        QCOMPARE(s.toJson().value(QStringLiteral("epochs")).toInt(), 10); // a run records what it used
        s.epochs = 4;
        QCOMPARE(s.effectiveEpochs(), 4);
        QVERIFY(s.validate().isEmpty());
        s.epochs = -1;
        QVERIFY(!s.validate().isEmpty());
    }

    void oneClassGivesNanAucNotACrash()
    {
        const PrCurve curve = PrCurve::compute({0.2f, 0.4f}, {0, 0});
        QVERIFY(std::isnan(curve.rocAuc));
        QVERIFY(std::isnan(curve.averagePrecision));
        QCOMPARE(curve.confusionAt(0.3).fp, 1);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
