// Agreement among annotators (issue 16): the statistics on published examples and hand-checked cases, and on a
// project of five annotators with planted disagreements (items labeled by one to four of them, changed minds, a
// cleared label), on both backends, equal to an independent reference (tests/data/agreement/reference.py:
// scikit-learn's cohen_kappa_score, Fleiss and Krippendorff from the published formulas) to 1e-9; the `agreement`
// command as a user runs it, its JSON naming each pair's annotators and undefined figures null.
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"
#include "train/agreement.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace nsfw;
namespace ag = nsfw::agreement;

namespace {

const char *const kPython = "/usr/bin/python3";

QString referenceScript()
{
    return qEnvironmentVariable("NSFW_TEST_DATA") + QStringLiteral("/agreement/reference.py");
}

/// Compares an optional figure with a JSON number or null.
bool sameFigure(const std::optional<double> &ours, const QJsonValue &theirs, double tolerance = 1e-9)
{
    if (!ours)
        return theirs.isNull();
    return theirs.isDouble() && std::abs(*ours - theirs.toDouble()) <= tolerance;
}

QString show(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'g', 17) : QStringLiteral("null");
}

/// Units from rows of counts per category (a table as Fleiss printed it).
QVector<QVector<int>> unitsFromCounts(const QVector<QVector<int>> &table)
{
    QVector<QVector<int>> units;
    for (const QVector<int> &row : table) {
        QVector<int> unit;
        for (int c = 0; c < row.size(); ++c)
            unit.append(QVector<int>(row[c], c));
        units << unit;
    }
    return units;
}

} // namespace

class TestAgreement : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<ProjectDatabase> m_db;
    QVector<qint64> m_ids;

    /// A project with n unlabeled images.
    void makeProject(int n)
    {
        m_project = test::freshProjectLocation(test::currentBackend(), m_dir);
        QString error;
        m_db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
        QVERIFY2(m_db, qPrintable(error));
        m_ids.clear();
        ItemStore items(*m_db);
        for (int i = 0; i < n; ++i) {
            Item it;
            it.kind = ItemKind::Image;
            it.path = QStringLiteral("img/%1.png").arg(i);
            it.contentHash = QStringLiteral("hash%1").arg(i);
            const qint64 id = items.insert(it, &error);
            QVERIFY2(id > 0, qPrintable(error));
            m_ids << id;
        }
    }

    void label(int item, Label l, const QString &annotator)
    {
        QString error;
        QVERIFY2(LabelStore(*m_db).setLabel({m_ids[item]}, l, annotator, QStringLiteral("cli"), &error) >= 0,
                 qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }
    void init() { NSFW_REQUIRE_BACKEND(test::currentBackend()); }
    void cleanup() { m_db.reset(); }

    void publishedExamples()
    {
        // Cohen's kappa, the 2x2 example of Wikipedia's article: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no: 0.4.
        QVector<std::pair<int, int>> pairs;
        for (int i = 0; i < 20; ++i)
            pairs.append({0, 0});
        for (int i = 0; i < 5; ++i)
            pairs.append({0, 1});
        for (int i = 0; i < 10; ++i)
            pairs.append({1, 0});
        for (int i = 0; i < 15; ++i)
            pairs.append({1, 1});
        QVERIFY(std::abs(*ag::cohenKappa(pairs, 2) - 0.4) < 1e-12);
        // Fleiss (1971) as tabled on Wikipedia: 10 subjects, 14 raters, 5 categories; exactly 4211/20059 (0.210).
        const QVector<QVector<int>> fleiss = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0},
                                              {2, 2, 8, 1, 1},  {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2},
                                              {6, 5, 2, 1, 0},  {0, 2, 2, 3, 7}};
        QVERIFY(std::abs(*ag::fleissKappa(unitsFromCounts(fleiss), 5) - 4211.0 / 20059.0) < 1e-12);
        // Krippendorff (2011), nominal data of 4 observers on 12 units with missing values: 0.743 (exactly 113/152).
        const QVector<QVector<int>> kripp = {{0, 0, 0},    {1, 1, 2, 1}, {2, 2, 2, 2}, {2, 2, 2, 2},
                                             {1, 1, 1, 1}, {0, 1, 2, 3}, {3, 3, 3, 3}, {0, 0, 1, 0},
                                             {1, 1, 1, 1}, {4, 4, 4},    {0, 0},       {2}};
        QVERIFY(std::abs(*ag::krippendorffAlpha(kripp, 5) - 113.0 / 152.0) < 1e-12);
    }

    void perfectAndDegenerateCases()
    {
        // Perfect agreement over two categories: every figure is 1.
        const QVector<QVector<int>> perfect = {{0, 0, 0}, {1, 1, 1}, {2, 2, 2}, {0, 0, 0}};
        QCOMPARE(*ag::fleissKappa(perfect), 1.0);
        QCOMPARE(*ag::krippendorffAlpha(perfect), 1.0);
        QCOMPARE(*ag::cohenKappa({{0, 0}, {1, 1}, {2, 2}}), 1.0);
        // Everybody always chose one category: chance agreement is 1, the kappas and alpha are undefined.
        const QVector<QVector<int>> oneCategory = {{1, 1}, {1, 1, 1}, {1, 1}};
        QVERIFY(!ag::cohenKappa({{1, 1}, {1, 1}}));
        QVERIFY(!ag::fleissKappa({{1, 1}, {1, 1}}));
        QVERIFY(!ag::krippendorffAlpha(oneCategory));
        // Nothing to measure.
        QVERIFY(!ag::cohenKappa({}));
        QVERIFY(!ag::fleissKappa({}));
        QVERIFY(!ag::krippendorffAlpha({{0}, {1}}));
        // Systematic disagreement on two categories: kappa -1.
        QCOMPARE(*ag::cohenKappa({{0, 1}, {1, 0}}), -1.0);
    }

    void reportEdgeCases()
    {
        // No labels at all; a single annotator; two annotators with no item in common.
        ag::Report empty = ag::compute(ag::ItemLabels(), {}, {});
        QCOMPARE(empty.overlapItems, 0);
        QVERIFY(!empty.percentAgreement && !empty.fleissKappa && !empty.krippendorffAlpha);
        ag::ItemLabels single;
        single[1].insert(QStringLiteral("ann"), Label::Safe);
        single[2].insert(QStringLiteral("ann"), Label::Nsfw);
        ag::Report one = ag::compute(single, {{1, Label::Safe}, {2, Label::Nsfw}}, {});
        QCOMPARE(one.annotators, QStringList{QStringLiteral("ann")});
        QCOMPARE(one.labeledItems, 2);
        QCOMPARE(one.overlapItems, 0);
        QVERIFY(one.pairs.isEmpty());
        QVERIFY(!one.krippendorffAlpha);
        ag::ItemLabels apart = single;
        apart[3].insert(QStringLiteral("bob"), Label::Safe);
        apart[2].insert(QStringLiteral("bob"), Label::None); // cleared: a missing value, not a category
        ag::Report two = ag::compute(apart, {}, {});
        QCOMPARE(two.pairs.size(), 1);
        QCOMPARE(two.pairs[0].items, 0);
        QVERIFY(!two.pairs[0].kappa && !two.pairs[0].observed);
        QCOMPARE(two.overlapItems, 0);
    }

    void labelsPerHourCountSessions()
    {
        ag::ItemLabels labels;
        labels[1].insert(QStringLiteral("ann"), Label::Safe);
        const qint64 t0 = 1'700'000'000'000;
        const qint64 hour = 3'600'000;
        QVector<LabelActivity> activity = {
            {QStringLiteral("ann"), t0, QStringLiteral("manual")},
            {QStringLiteral("ann"), t0 + 60'000, QStringLiteral("manual")},
            {QStringLiteral("ann"), t0 + 120'000, QStringLiteral("manual")},
            {QStringLiteral("ann"), t0 + 120'000, QStringLiteral("folder")}, // bulk: not counted
            // After an hour's pause (a new session): two more, 30 s apart.
            {QStringLiteral("ann"), t0 + hour, QStringLiteral("undo")},
            {QStringLiteral("ann"), t0 + hour + 30'000, QStringLiteral("cli")},
            {QStringLiteral("ann"), t0 + 2 * hour, QStringLiteral("csv")},
        };
        const ag::Report r = ag::compute(labels, {}, activity);
        QCOMPARE(r.perAnnotator.size(), 1);
        const ag::AnnotatorAgreement &a = r.perAnnotator.first();
        QCOMPARE(a.entries, 5);
        QCOMPARE(a.sessions, 2);
        QVERIFY(std::abs(a.activeHours - 150.0 / 3600.0) < 1e-12);
        // Three labels followed another within a session, over 150 s: 72 an hour.
        QVERIFY(std::abs(*a.labelsPerHour - 72.0) < 1e-9);
        // A single entry has no pace to speak of.
        const ag::Report lone = ag::compute(labels, {}, {{QStringLiteral("ann"), t0, QStringLiteral("manual")}});
        QVERIFY(!lone.perAnnotator.first().labelsPerHour);
    }

    void plantedDisagreementsEqualTheReference()
    {
        // Five annotators of different care on 60 items: one to four annotators per item (erin labels alone, so her
        // pairs have no items); alice changes her mind on some, bob clears one of his labels.
        const int n = 60;
        makeProject(n + 3);
        const QStringList people = {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
                                    QStringLiteral("dave")};
        const double care[] = {0.95, 0.85, 0.75, 0.6};
        QRandomGenerator rng(16);
        QHash<qint64, QHash<QString, Label>> planted; // each annotator's last word, None when cleared
        QHash<qint64, Label> current;
        const Label labels[] = {Label::Safe, Label::Nsfw, Label::Unsure};
        auto give = [&](int item, Label l, const QString &who) {
            label(item, l, who);
            planted[m_ids[item]].insert(who, l);
            current.insert(m_ids[item], l);
        };
        for (int i = 0; i < n; ++i) {
            // The truth is mostly safe or nsfw; unsure now and then.
            const int truth = rng.bounded(10) < 1 ? 2 : int(rng.bounded(2));
            const int raters = i % 6 == 0 ? 1 : i % 6 <= 2 ? 2 : i % 6 <= 4 ? 3 : 4;
            const int first = int(rng.bounded(4));
            for (int r = 0; r < raters; ++r) {
                const int who = (first + r) % 4;
                int said = truth;
                if (rng.generateDouble() > care[who])
                    said = (truth + 1 + int(rng.bounded(2))) % 3;
                if (who == 0 && i % 7 == 1) // alice first says something else, then changes her mind
                    give(i, labels[(said + 1) % 3], people[who]);
                give(i, labels[said], people[who]);
            }
        }
        for (int i = n; i < n + 3; ++i)
            give(i, Label::Nsfw, QStringLiteral("erin"));
        // Bob clears one label: a missing value from then on.
        for (int i = 0; i < n; ++i) {
            if (planted[m_ids[i]].value(QStringLiteral("bob"), Label::None) != Label::None &&
                planted[m_ids[i]].size() >= 3) {
                give(i, Label::None, QStringLiteral("bob"));
                break;
            }
        }

        // What the store kept is what was planted: an annotator who agreed with the current label is recorded too.
        QString error;
        const ag::ItemLabels stored = LabelStore(*m_db).annotatorLabels(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stored, planted);

        const ag::Report ours = ag::compute(*m_db, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(ours.annotators.size(), 5);
        QVERIFY(ours.overlapItems > 30);
        QVERIFY(ours.fleissRaters >= 2 && ours.fleissItems > 10);

        // The reference, from the planted labels.
        NSFW_REQUIRE_SETUP(QFile::exists(QString::fromLatin1(kPython))
                               ? QString()
                               : QStringLiteral("/usr/bin/python3 is missing (packaging/setup.sh installs it)"));
        QJsonArray ratings;
        for (auto it = planted.cbegin(); it != planted.cend(); ++it) {
            for (auto a = it.value().cbegin(); a != it.value().cend(); ++a) {
                if (a.value() != Label::None)
                    ratings.append(QJsonArray{it.key(), a.key(), labelName(a.value())});
            }
        }
        QJsonObject reference;
        for (auto it = current.cbegin(); it != current.cend(); ++it) {
            if (it.value() != Label::None)
                reference.insert(QString::number(it.key()), labelName(it.value()));
        }
        const QString file = m_dir.filePath(QStringLiteral("labels-%1.json").arg(test::currentBackend()));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(QJsonObject{{QStringLiteral("categories"),
                                             QJsonArray{QStringLiteral("safe"), QStringLiteral("nsfw"),
                                                        QStringLiteral("unsure")}},
                                            {QStringLiteral("ratings"), ratings},
                                            {QStringLiteral("reference"), reference}})
                      .toJson());
        out.close();
        QProcess python;
        python.start(QString::fromLatin1(kPython), {referenceScript(), file});
        QVERIFY(python.waitForFinished(60000));
        const QByteArray pythonErr = python.readAllStandardError();
        NSFW_REQUIRE_SETUP(pythonErr.contains("No module named 'sklearn'")
                               ? QStringLiteral("python3-sklearn is missing (packaging/setup.sh installs it)")
                               : QString());
        QVERIFY2(python.exitCode() == 0, pythonErr.constData());
        const QJsonObject theirs = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        QVERIFY(!theirs.isEmpty());

        QCOMPARE(theirs.value(QStringLiteral("annotators")).toVariant().toStringList(), ours.annotators);
        QCOMPARE(theirs.value(QStringLiteral("overlapItems")).toInt(), ours.overlapItems);
        QCOMPARE(theirs.value(QStringLiteral("fleissItems")).toInt(), ours.fleissItems);
        QCOMPARE(theirs.value(QStringLiteral("fleissRaters")).toInt(), ours.fleissRaters);
        QVERIFY2(sameFigure(ours.percentAgreement, theirs.value(QStringLiteral("percentAgreement"))),
                 qPrintable(show(ours.percentAgreement)));
        QVERIFY(sameFigure(ours.unanimous, theirs.value(QStringLiteral("unanimous"))));
        QVERIFY2(sameFigure(ours.fleissKappa, theirs.value(QStringLiteral("fleissKappa"))),
                 qPrintable(show(ours.fleissKappa)));
        QVERIFY2(sameFigure(ours.krippendorffAlpha, theirs.value(QStringLiteral("krippendorffAlpha"))),
                 qPrintable(show(ours.krippendorffAlpha)));
        const QJsonArray pairs = theirs.value(QStringLiteral("pairs")).toArray();
        QCOMPARE(pairs.size(), ours.pairs.size());
        QCOMPARE(ours.pairs.size(), 10);
        int withKappa = 0;
        for (int p = 0; p < pairs.size(); ++p) {
            const QJsonObject pair = pairs[p].toObject();
            const ag::PairAgreement &mine = ours.pairs[p];
            QCOMPARE(pair.value(QStringLiteral("annotators")).toVariant().toStringList(),
                     (QStringList{mine.first, mine.second}));
            QCOMPARE(pair.value(QStringLiteral("items")).toInt(), mine.items);
            QVERIFY(sameFigure(mine.observed, pair.value(QStringLiteral("agreement"))));
            QVERIFY2(sameFigure(mine.kappa, pair.value(QStringLiteral("cohenKappa"))),
                     qPrintable(mine.first + QLatin1Char('-') + mine.second + QLatin1Char(' ') + show(mine.kappa)));
            withKappa += mine.kappa ? 1 : 0;
        }
        QCOMPARE(withKappa, 6); // erin shares no item with anybody: her four pairs have none
        const QJsonObject confusion = theirs.value(QStringLiteral("confusion")).toObject();
        for (const ag::AnnotatorAgreement &a : ours.perAnnotator) {
            const QJsonArray rows = confusion.value(a.name).toArray();
            for (int r = 0; r < ag::kCategories; ++r) {
                for (int c = 0; c < ag::kCategories; ++c)
                    QCOMPARE(rows[r].toArray()[c].toInt(), a.confusion[size_t(r)][size_t(c)]);
            }
        }
        qInfo().noquote() << QStringLiteral("%1: percent agreement %2, Fleiss %3 (%4 items x %5), alpha %6; reference "
                                            "%7, %8, %9")
                                 .arg(test::currentBackend(), show(ours.percentAgreement), show(ours.fleissKappa))
                                 .arg(ours.fleissItems)
                                 .arg(ours.fleissRaters)
                                 .arg(show(ours.krippendorffAlpha))
                                 .arg(theirs.value(QStringLiteral("percentAgreement")).toDouble(), 0, 'g', 17)
                                 .arg(theirs.value(QStringLiteral("fleissKappa")).toDouble(), 0, 'g', 17)
                                 .arg(theirs.value(QStringLiteral("krippendorffAlpha")).toDouble(), 0, 'g', 17);
        for (const ag::PairAgreement &p : ours.pairs)
            qInfo().noquote()
                << QStringLiteral("  %1-%2: %3 items, kappa %4").arg(p.first, p.second).arg(p.items).arg(show(p.kappa));
    }

    void commandPrintsTheFigures()
    {
        // Two annotators on four items: they agree on three. Then a third who labels one item alone.
        makeProject(5);
        label(0, Label::Safe, QStringLiteral("alice"));
        label(0, Label::Safe, QStringLiteral("bob"));
        label(1, Label::Nsfw, QStringLiteral("alice"));
        label(1, Label::Nsfw, QStringLiteral("bob"));
        label(2, Label::Unsure, QStringLiteral("alice"));
        label(2, Label::Unsure, QStringLiteral("bob"));
        label(3, Label::Safe, QStringLiteral("alice"));
        label(3, Label::Nsfw, QStringLiteral("bob"));
        label(4, Label::Nsfw, QStringLiteral("carol"));
        QString error;
        const ag::Report ours = ag::compute(*m_db, &error);
        m_db.reset(); // the child process opens the project itself

        const test::WorkbenchRun json =
            test::runWorkbench({QStringLiteral("agreement"), m_project, QStringLiteral("--json")});
        QVERIFY2(json.code == 0, qPrintable(json.err));
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("overlapItems")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("percentAgreement")).toDouble(), 0.75);
        QVERIFY(sameFigure(ours.krippendorffAlpha, o.value(QStringLiteral("krippendorffAlpha")), 0));
        QVERIFY(sameFigure(ours.fleissKappa, o.value(QStringLiteral("fleissKappa")), 0));
        const QJsonArray pairs = o.value(QStringLiteral("pairs")).toArray();
        QCOMPARE(pairs.size(), 3);
        const QJsonObject ab = pairs[0].toObject();
        QCOMPARE(ab.value(QStringLiteral("annotators")).toVariant().toStringList(),
                 (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
        QCOMPARE(ab.value(QStringLiteral("items")).toInt(), 4);
        // po 3/4, pe = (2*1 + 1*2 + 1*1)/16 = 5/16: kappa = (12/16 - 5/16) / (11/16) = 7/11.
        QVERIFY(std::abs(ab.value(QStringLiteral("cohenKappa")).toDouble() - 7.0 / 11.0) < 1e-12);
        QVERIFY(pairs[1].toObject().value(QStringLiteral("cohenKappa")).isNull()); // alice and carol: nothing shared
        const QJsonArray people = o.value(QStringLiteral("perAnnotator")).toArray();
        QCOMPARE(people.size(), 3);
        // Bob labeled last everywhere, so he is the reference; alice differs from it on item 3 (safe vs nsfw).
        const QJsonArray aliceRows = people[0].toObject().value(QStringLiteral("confusion")).toArray();
        QCOMPARE(aliceRows[0].toArray()[1].toInt(), 1);
        QCOMPARE(people[1].toObject().value(QStringLiteral("agreesWithReference")).toDouble(), 1.0);

        // The words do not depend on the backend; each run of the executable costs a second or more.
        if (test::currentBackend() != QLatin1String("sqlite"))
            return;
        const test::WorkbenchRun text = test::runWorkbench({QStringLiteral("agreement"), m_project});
        QVERIFY2(text.code == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("alice - bob")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("0.636"))); // 7/11
        QVERIFY(text.out.contains(QStringLiteral("Krippendorff")));
        QVERIFY(text.out.contains(QStringLiteral("75.0 %")));
    }

    void commandSaysWhenFiguresAreUndefined()
    {
        // Two annotators who always say nsfw: they agree, but kappa and alpha are undefined (null, not NaN).
        makeProject(4);
        for (int i = 0; i < 3; ++i) {
            label(i, Label::Nsfw, QStringLiteral("alice"));
            label(i, Label::Nsfw, QStringLiteral("bob"));
        }
        m_db.reset();
        const test::WorkbenchRun json =
            test::runWorkbench({QStringLiteral("agreement"), m_project, QStringLiteral("--json")});
        QVERIFY2(json.code == 0, qPrintable(json.err));
        QVERIFY2(!json.out.contains(
                     QRegularExpression(QStringLiteral(":\\s*-?(nan|inf)"), QRegularExpression::CaseInsensitiveOption)),
                 qPrintable(json.out));
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("percentAgreement")).toDouble(), 1.0);
        QVERIFY(o.value(QStringLiteral("fleissKappa")).isNull());
        QVERIFY(o.value(QStringLiteral("krippendorffAlpha")).isNull());
        QVERIFY(o.value(QStringLiteral("pairs")).toArray()[0].toObject().value(QStringLiteral("cohenKappa")).isNull());
        if (test::currentBackend() != QLatin1String("sqlite"))
            return; // the words do not depend on the backend
        const test::WorkbenchRun text = test::runWorkbench({QStringLiteral("agreement"), m_project});
        QVERIFY2(text.code == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("undefined")), qPrintable(text.out));

        // A project nobody labeled twice: no overlap, said in words.
        makeProject(2);
        label(0, Label::Safe, QStringLiteral("alice"));
        m_db.reset();
        const test::WorkbenchRun words = test::runWorkbench({QStringLiteral("agreement"), m_project});
        QVERIFY2(words.code == 0, qPrintable(words.err));
        QVERIFY2(words.out.contains(QStringLiteral("no agreement to measure")), qPrintable(words.out));
    }
};

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
