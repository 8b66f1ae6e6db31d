// The leakage guard, on both backends: a split and k folds keep every near-duplicate group (a picture, its edited
// copies, a video whose first frame is one of them, with all its frames) on one side, for several seeds; items a
// person kept out of training are scored, never trained on; pairs said not to be copies are not held together.
#include "media/mediadecoder.h"
#include "media/nearduplicates.h"
#include "media/perceptualhash.h"
#include "store/duplicatedecisionstore.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/mediahashstore.h"
#include "store/projectdatabase.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "train/runreview.h"
#include "train/trainingset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace nsfw;

class TestLeakageGuard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_location;
    std::unique_ptr<ProjectDatabase> m_db;
    QVector<QVector<qint64>> m_planted; ///< each original with its copies (the last planted group holds the video)
    qint64 m_video = 0;
    QHash<qint64, qint64> m_mediaOf;    ///< frame -> its video, every other item -> itself

    qint64 insert(ItemKind kind, const QString &path, const PerceptualHash &hash, qint64 parent = 0, int frame = 0)
    {
        Item it;
        it.kind = kind;
        it.path = path;
        if (kind == ItemKind::Frame) {
            it.parentId = parent;
            it.frameIndex = frame;
        } else {
            it.contentHash = path;
        }
        QString error;
        const qint64 id = ItemStore(*m_db).insert(it, &error);
        if (id <= 0)
            qWarning() << error;
        if (kind != ItemKind::Frame && !MediaHashStore(*m_db).put(id, hash, &error))
            qWarning() << error;
        m_mediaOf.insert(id, kind == ItemKind::Frame ? parent : id);
        return id;
    }

    void label(const QVector<qint64> &ids, Label l)
    {
        QString error;
        QVERIFY2(LabelStore(*m_db).setLabel(ids, l, QStringLiteral("t"), QStringLiteral("test"), &error) >= 0,
                 qPrintable(error));
    }

    /// Every group of near-copies as the reader sees it, in media ids, lies on one side: `sideOf` of each sample.
    void checkGroupsOnOneSide(const TrainingSet &set, const std::function<int(const Sample &)> &sideOf,
                              const QString &what)
    {
        QString error;
        const QHash<qint64, qint64> groupOf = nearDuplicateGroupOf(*m_db, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QHash<qint64, int> sideOfGroup;
        for (const QVector<Sample> *part : {&set.train, &set.validation}) {
            for (const Sample &x : *part) {
                const qint64 media = m_mediaOf.value(x.itemId);
                if (!groupOf.contains(media))
                    continue;
                const qint64 g = groupOf.value(media);
                const int side = sideOf(x);
                const auto it = sideOfGroup.constFind(g);
                QVERIFY2(it == sideOfGroup.cend() || it.value() == side,
                         qPrintable(QStringLiteral("%1: group %2 on two sides").arg(what).arg(g)));
                sideOfGroup.insert(g, side);
            }
        }
        // The planted groups are groups (the guard is not vacuous) and there are several sides in use.
        for (const QVector<qint64> &planted : std::as_const(m_planted)) {
            for (qint64 id : planted)
                QVERIFY2(groupOf.contains(id) && groupOf.value(id) == groupOf.value(planted.first()),
                         qPrintable(QStringLiteral("item %1 is not grouped with %2").arg(id).arg(planted.first())));
        }
        QSet<int> sides;
        for (int s : std::as_const(sideOfGroup))
            sides.insert(s);
        QVERIFY2(sides.size() > 1, qPrintable(what));
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void init()
    {
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        const QStringList art = test::clipArt(400);
        NSFW_REQUIRE_SETUP(art.size() < 400 ? QStringLiteral("openclipart-png is not installed (packaging/setup.sh)")
                                            : QString());
        QString error;
        m_location = test::freshProjectLocation(test::currentBackend(), m_dir);
        m_db = ProjectDatabase::open(m_location, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
        QVERIFY2(m_db, qPrintable(error));
        m_planted.clear();
        m_mediaOf.clear();
        // 40 pictures from across the package; the first 10 each get two edited copies (half size, a black frame,
        // a blur), and the last of those a video whose first frame is its half-size copy.
        QVector<qint64> safe, nsfw;
        for (int i = 0; i < 40; ++i) {
            const cv::Mat picture = MediaDecoder::readImage(art[i * 10], MediaDecoder::kDefaultMaxPixels, &error);
            QVERIFY2(!picture.empty(), qPrintable(error));
            const qint64 original = insert(ItemKind::Image, art[i * 10], PerceptualHash::of(picture));
            ((i % 3 == 0) ? nsfw : safe) << original;
            if (i >= 10)
                continue;
            QVector<qint64> group{original};
            cv::Mat half, framed, blurred;
            cv::resize(picture, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
            cv::copyMakeBorder(picture, framed, 6, 6, 6, 6, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
            cv::GaussianBlur(picture, blurred, cv::Size(5, 5), 1.2);
            group << insert(ItemKind::Image, QStringLiteral("half%1.jpg").arg(i), PerceptualHash::of(half));
            group << insert(ItemKind::Image, QStringLiteral("framed%1.png").arg(i),
                            PerceptualHash::of(i % 2 ? framed : blurred));
            // Copies mostly share their original's label; every third group is a label conflict.
            (i % 3 == 1 ? safe : (i % 3 == 0) ? nsfw : safe) << group[1];
            (i % 3 == 1 ? nsfw : (i % 3 == 0) ? nsfw : safe) << group[2];
            if (i == 9) {
                m_video = insert(ItemKind::Video, QStringLiteral("clip%1.mp4").arg(i), PerceptualHash::of(half));
                group << m_video;
                QVector<qint64> frames;
                for (int f = 0; f < 4; ++f)
                    frames << insert(ItemKind::Frame, QString(), {}, m_video, f);
                label(frames, Label::Safe);
            }
            m_planted << group;
        }
        label(safe, Label::Safe);
        label(nsfw, Label::Nsfw);
    }

    void cleanup() { m_db.reset(); }

    void evaluateReportsCopiesAcrossAnOlderSplit()
    {
        // A run from before the guard: the first planted group straddles its split (original in training, copies
        // in validation); every other item is in validation.
        QString error;
        RunLock lock(*m_db);
        QVERIFY2(lock.tryAcquire(&error), qPrintable(error));
        RunStore runs(*m_db);
        const qint64 run = runs.create(QJsonObject{{QStringLiteral("mode"), QStringLiteral("head")}},
                                       QStringLiteral("m"), lock, &error);
        QVERIFY2(run > 0, qPrintable(error));
        QVector<RunItem> items;
        int k = 0;
        for (auto it = m_mediaOf.cbegin(); it != m_mediaOf.cend(); ++it) {
            if (it.key() == m_video)
                continue; // a video is judged by its frames
            const bool inTraining = it.key() == m_planted[0][0];
            const float score = inTraining ? float(qQNaN()) : 0.1f * float(k % 10);
            items.append({it.key(), inTraining ? 0 : 1, k % 2, score, -1});
            ++k;
        }
        QVERIFY2(runs.setBest(run, 1, QJsonObject{{QStringLiteral("ap"), 0.5}}, QString(), items, &error),
                 qPrintable(error));
        QVERIFY(runs.finish(run, QStringLiteral("finished")));
        const std::optional<RunReview> review = RunReview::load(*m_db, run, &error);
        QVERIFY2(review, qPrintable(error));
        const QVector<RunReview::SplitLeak> leaks = review->splitLeaks(*m_db, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(leaks.size(), 1);
        QCOMPARE(leaks[0].items.size(), 3);
        QCOMPARE(leaks[0].items[0].itemId, m_planted[0][0]);
        QCOMPARE(leaks[0].crossPairs, qint64(2)); // the original with each copy; the two copies share a side

        // The CLI says so, in JSON with the paths and sides.
        const QString bin = test::workbenchBinary();
        if (bin.isEmpty())
            return;
        m_db.reset();
        QProcess p;
        p.start(bin, {QStringLiteral("evaluate"), m_location, QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject near = QJsonDocument::fromJson(p.readAllStandardOutput())
                                     .object()
                                     .value(QStringLiteral("nearDuplicates"))
                                     .toObject();
        QCOMPARE(near.value(QStringLiteral("crossPairs")).toInt(), 2);
        const QJsonArray across = near.value(QStringLiteral("acrossSplit")).toArray();
        QCOMPARE(across.size(), 1);
        const QJsonArray members = across[0].toObject().value(QStringLiteral("items")).toArray();
        QCOMPARE(members.size(), 3);
        QCOMPARE(members[0].toObject().value(QStringLiteral("side")).toString(), QStringLiteral("training"));
        QCOMPARE(members[1].toObject().value(QStringLiteral("side")).toString(), QStringLiteral("validation"));
        QCOMPARE(members[1].toObject().value(QStringLiteral("path")).toString(), QStringLiteral("half0.jpg"));
        p.start(bin, {QStringLiteral("evaluate"), m_location});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("near-copies across the split: 1 group")),
                 "the text report names the leak");
    }

    void splitKeepsGroupsOnOneSide()
    {
        for (quint64 seed = 1; seed <= 6; ++seed) {
            TrainSettings s;
            s.mode = TrainSettings::Mode::Partial;
            s.folds = 1;
            s.validationFraction = 0.3;
            s.seed = seed;
            TrainingSet set;
            QString error;
            QVERIFY2(TrainingSetReader::read(*m_db, s, &set, &error), qPrintable(error));
            QVERIFY(!set.validation.isEmpty());
            QCOMPARE(set.nearDuplicateGroups, int(m_planted.size()));
            QSet<qint64> validation;
            for (const Sample &x : set.validation)
                validation.insert(x.itemId);
            checkGroupsOnOneSide(set, [&](const Sample &x) { return validation.contains(x.itemId) ? 1 : 0; },
                                 QStringLiteral("split, seed %1").arg(seed));
        }
    }

    void foldsKeepGroupsInOneFold()
    {
        for (quint64 seed = 1; seed <= 6; ++seed) {
            TrainSettings s;
            s.mode = TrainSettings::Mode::Head;
            s.folds = 4;
            s.seed = seed;
            TrainingSet set;
            QString error;
            QVERIFY2(TrainingSetReader::read(*m_db, s, &set, &error), qPrintable(error));
            QCOMPARE(set.folds, 4);
            QVERIFY(set.validation.isEmpty());
            checkGroupsOnOneSide(set, [](const Sample &x) { return x.fold; }, QStringLiteral("folds, seed %1").arg(seed));
            // Bootstrap resampling takes a group whole too: its samples share one group key.
            for (const Sample &x : set.train) {
                for (const QVector<qint64> &planted : std::as_const(m_planted)) {
                    if (planted.contains(m_mediaOf.value(x.itemId)))
                        QCOMPARE(x.group, QStringLiteral("near:%1").arg(planted.first()));
                }
            }
        }
    }

    void excludedItemsAreScoredNotTrained()
    {
        const qint64 copy = m_planted[0][1];
        QString error;
        QVERIFY2(DuplicateDecisionStore(*m_db).exclude({copy, m_video}, QStringLiteral("near-copy"), QStringLiteral("t"),
                                                       &error),
                 qPrintable(error));
        TrainSettings s;
        s.mode = TrainSettings::Mode::Head;
        s.folds = 3;
        TrainingSet set;
        QVERIFY2(TrainingSetReader::read(*m_db, s, &set, &error), qPrintable(error));
        QCOMPARE(set.excluded, qint64(1 + 4)); // the copy, and the video's four frames with it
        for (const Sample &x : set.train)
            QVERIFY(x.itemId != copy && m_mediaOf.value(x.itemId) != m_video);
        int scored = 0;
        for (const Sample &x : set.unlabeled)
            scored += x.itemId == copy || m_mediaOf.value(x.itemId) == m_video ? 1 : 0;
        QCOMPARE(scored, 5);
        QCOMPARE(DuplicateDecisionStore(*m_db).exclusions().value(copy), QStringLiteral("near-copy"));
        // Included again, it is trained on again.
        QVERIFY(DuplicateDecisionStore(*m_db).include({copy, m_video}, &error));
        set = {};
        QVERIFY2(TrainingSetReader::read(*m_db, s, &set, &error), qPrintable(error));
        QCOMPARE(set.excluded, qint64(0));
    }

    void notDuplicatesAreNotHeldTogether()
    {
        // A person says the first planted group is three different pictures: no pair of it is grouped any more.
        const QVector<qint64> group = m_planted[0];
        QString error;
        QVERIFY(DuplicateDecisionStore(*m_db).markNotDuplicates(group, QStringLiteral("t"), &error));
        QCOMPARE(DuplicateDecisionStore(*m_db).notDuplicates().size(), 3);
        const QHash<qint64, qint64> groupOf = nearDuplicateGroupOf(*m_db, &error);
        for (qint64 a : group)
            for (qint64 b : group)
                QVERIFY(a == b || !groupOf.contains(a) || !groupOf.contains(b) || groupOf[a] != groupOf[b]);
        QVERIFY(groupOf.contains(m_planted[1][0])); // the others stay grouped
        TrainSettings s;
        s.mode = TrainSettings::Mode::Head;
        s.folds = 1;
        TrainingSet set;
        QVERIFY2(TrainingSetReader::read(*m_db, s, &set, &error), qPrintable(error));
        QCOMPARE(set.nearDuplicateGroups, int(m_planted.size()) - 1);
        // Taking the decision back groups them again.
        QVERIFY(DuplicateDecisionStore(*m_db).unmarkNotDuplicates(group, &error));
        QVERIFY(DuplicateDecisionStore(*m_db).notDuplicates().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLeakageGuard)
#include "tst_leakageguard.moc"
