// Labelling as a team (issue 16 parts 2 and 3), on SQLite and PostgreSQL: the consensus rule the database applies
// (the adjudicated label, else the one every annotator gives, none while they disagree), the reviewer's queue, an
// annotator's undo under the rule, queues dealt with an overlap share, and the CLI that drives them.
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/teamlabels.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace nsfw;

namespace {
const QString kAlice = QStringLiteral("alice");
const QString kBob = QStringLiteral("bob");
const QString kCarol = QStringLiteral("carol");
const QString kManual = QStringLiteral("manual");
const QString kAdjudicated = QStringLiteral("adjudicated");
} // namespace

class TestTeamLabels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_location;
    std::unique_ptr<ProjectDatabase> m_db;
    QVector<qint64> m_ids;
    qint64 m_video = 0;

    qint64 add(const Item &item)
    {
        QString error;
        const qint64 id = ItemStore(*m_db).insert(item, &error);
        if (id == 0)
            qWarning() << error;
        return id;
    }

    Label label(qint64 id) { return LabelStore(*m_db).current(id); }

    void give(qint64 id, Label l, const QString &who, const QString &source = kManual)
    {
        QString error;
        QVERIFY2(LabelStore(*m_db).setLabel({id}, l, who, source, &error) >= 0, qPrintable(error));
    }

    QSet<qint64> disputed()
    {
        QString error;
        QSet<qint64> ids;
        for (const Disagreement &d : TeamLabels(*m_db).reviewQueue(&error))
            ids.insert(d.itemId);
        if (!error.isEmpty())
            qWarning() << error;
        return ids;
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void init()
    {
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        QString error;
        m_location = test::freshProjectLocation(test::currentBackend(), m_dir);
        m_db = ProjectDatabase::open(m_location, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
        QVERIFY2(m_db, qPrintable(error));
        m_ids.clear();
        for (int i = 0; i < 40; ++i) {
            Item it;
            it.kind = ItemKind::Image;
            it.path = QStringLiteral("img/%1.png").arg(i);
            it.contentHash = QStringLiteral("hash%1").arg(i);
            m_ids << add(it);
        }
        Item video;
        video.kind = ItemKind::Video;
        video.path = QStringLiteral("clips/v.mp4");
        video.contentHash = QStringLiteral("videohash");
        video.fps = 25;
        video.frameCount = 100;
        m_video = add(video);
        for (int f = 0; f < 100; f += 50) {
            Item frame;
            frame.kind = ItemKind::Frame;
            frame.parentId = m_video;
            frame.frameIndex = f;
            frame.timestampMs = f * 40;
            add(frame);
        }
    }

    void cleanup() { m_db.reset(); }

    // By default the latest entry counts, whoever wrote it: a single annotator's corrections, as before.
    void latestIsTheDefault()
    {
        QCOMPARE(*TeamLabels(*m_db).rule(), LabelRule::Latest);
        const qint64 id = m_ids[0];
        give(id, Label::Safe, kAlice);
        give(id, Label::Nsfw, kBob);
        QCOMPARE(label(id), Label::Nsfw);
        QVERIFY(disputed() == QSet<qint64>{id}); // they disagree, whatever the rule
    }

    void consensusAdjudicationAndTheQueue()
    {
        TeamLabels team(*m_db);
        const qint64 agreed = m_ids[0], split = m_ids[1], single = m_ids[2];
        give(split, Label::Safe, kAlice);
        give(split, Label::Nsfw, kBob);
        QCOMPARE(label(split), Label::Nsfw); // latest, before the rule changes
        QString error;
        QVERIFY2(team.setRule(LabelRule::Consensus, &error), qPrintable(error));
        QCOMPARE(*team.rule(), LabelRule::Consensus);
        QCOMPARE(label(split), Label::None); // recomputed: they disagree
        give(agreed, Label::Nsfw, kAlice);
        QCOMPARE(label(agreed), Label::Nsfw); // one annotator so far
        give(agreed, Label::Nsfw, kBob);
        QCOMPARE(label(agreed), Label::Nsfw);
        give(single, Label::Unsure, kCarol);
        QCOMPARE(label(single), Label::Unsure);
        // The reviewer's queue: the split item with both labels.
        const QVector<Disagreement> queue = team.reviewQueue(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(queue.size(), 1);
        QCOMPARE(queue[0].itemId, split);
        QCOMPARE(queue[0].path, QStringLiteral("img/1.png"));
        QCOMPARE(queue[0].labels.size(), 2);
        QVERIFY(queue[0].labels[0] == std::make_pair(kAlice, Label::Safe));
        QVERIFY(queue[0].labels[1] == std::make_pair(kBob, Label::Nsfw));
        // An adjudication settles it, whatever the annotators say afterwards.
        give(split, Label::Safe, kCarol, kAdjudicated);
        QCOMPARE(label(split), Label::Safe);
        QVERIFY(disputed().isEmpty());
        give(split, Label::Nsfw, kAlice);
        QCOMPARE(label(split), Label::Safe);
        // Withdrawn (an adjudication that clears), the annotators count again: now both say nsfw.
        give(split, Label::None, kCarol, kAdjudicated);
        QCOMPARE(label(split), Label::Nsfw);
        // A third annotator disagreeing takes the label away again, and the item back to the queue.
        give(agreed, Label::Safe, kCarol);
        QCOMPARE(label(agreed), Label::None);
        QVERIFY(disputed() == QSet<qint64>{agreed});
        // Back to latest: every item is recomputed.
        QVERIFY2(team.setRule(LabelRule::Latest, &error), qPrintable(error));
        QCOMPARE(label(agreed), Label::Safe);
        QCOMPARE(label(split), Label::None); // carol's withdrawal is its latest entry
        QVERIFY2(team.setRule(LabelRule::Consensus, &error), qPrintable(error));
        QCOMPARE(label(agreed), Label::None);
        QCOMPARE(label(split), Label::Nsfw);
        // items.label is what the rule computes from the history, item by item.
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM items WHERE label IS NOT NULL")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // split (nsfw) and single (unsure)
    }

    // Under the consensus rule an annotator's write replaces their own label: "previous", an undo's expected label
    // and "already so" are theirs, not the item's.
    void anAnnotatorsUndoIsTheirOwn()
    {
        TeamLabels team(*m_db);
        QString error;
        QVERIFY(team.setRule(LabelRule::Consensus, &error));
        const qint64 id = m_ids[3];
        give(id, Label::Safe, kAlice);
        give(id, Label::Nsfw, kBob);
        QCOMPARE(label(id), Label::None);
        LabelStore labels(*m_db);
        // Bob's undo of his nsfw: it expected his own label (the item has none).
        LabelWriteResult r = labels.write({{id, Label::None, Label::Nsfw}}, kBob, QStringLiteral("undo"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.changed, 1);
        QVERIFY(r.skipped.isEmpty());
        QCOMPARE(label(id), Label::Safe); // alice's, alone
        QCOMPARE(labels.history(id).last().previous, Label::Nsfw);
        // Bob agreeing now is his first word since: recorded; saying it again is not.
        QCOMPARE(labels.setLabel({id}, Label::Safe, kBob, kManual), 1);
        QCOMPARE(labels.setLabel({id}, Label::Safe, kBob, kManual), 0);
        // An undo expecting another label of his is skipped, with his label reported.
        r = labels.write({{id, Label::None, Label::Nsfw}}, kBob, QStringLiteral("undo"));
        QVERIFY(r.skipped == QVector<qint64>{id});
        QVERIFY(r.current == QVector<Label>{Label::Safe});
    }

    void queuesWithOverlap()
    {
        TeamLabels team(*m_db);
        QString error;
        const auto first = team.assign({kAlice, kBob, kCarol}, 0.25, 7, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->items, 41); // 40 images and the video (its frames go with it)
        QCOMPARE(first->overlap, 10);
        // Labelled twice, an item must not take the second label over the first: the rule is consensus now.
        QVERIFY(first->ruleChanged);
        QCOMPARE(*team.rule(), LabelRule::Consensus);
        int total = 0;
        for (const QString &name : {kAlice, kBob, kCarol}) {
            total += first->perAnnotator.value(name);
            QVERIFY2(qAbs(first->perAnnotator.value(name) - 17) <= 1, qPrintable(name));
        }
        QCOMPARE(total, 51);
        // Every item is in a queue; the overlap items in two different ones.
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(DISTINCT item_id), count(*) FROM assignments")) && q.next());
        QCOMPARE(q.value(0).toInt(), 41);
        QCOMPARE(q.value(1).toInt(), 51);
        // Every pair of annotators meets on overlap items (their Cohen's kappa needs items in common).
        QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT a.annotator, b.annotator FROM assignments a JOIN assignments b"
                                      " ON b.item_id = a.item_id AND b.annotator > a.annotator")));
        int pairs = 0;
        while (q.next())
            ++pairs;
        QCOMPARE(pairs, 3);
        // Nothing new: nothing to deal.
        const auto again = team.assign({kAlice, kBob, kCarol}, std::nullopt, 7, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->items, 0);
        QCOMPARE(team.overlapShare(), 0.25);
        // New items are dealt with the share kept, to the least loaded first.
        QVector<qint64> fresh;
        for (int i = 0; i < 4; ++i) {
            Item it;
            it.path = QStringLiteral("new/%1.png").arg(i);
            it.contentHash = QStringLiteral("new%1").arg(i);
            fresh << add(it);
        }
        const auto later = team.assign({kAlice, kBob, kCarol}, std::nullopt, 7, &error);
        QVERIFY2(later, qPrintable(error));
        QCOMPARE(later->items, 4);
        QCOMPARE(later->overlap, 1);
        QVERIFY(!later->ruleChanged);
        // A queue shrinks as its annotator labels; another's label does not count for them.
        const QVector<qint64> mine = team.queue(kAlice, true);
        QVERIFY(mine.size() >= 17);
        give(mine[0], Label::Safe, kBob);
        QCOMPARE(team.queue(kAlice, true).size(), mine.size());
        give(mine[0], Label::Safe, kAlice);
        QCOMPARE(team.queue(kAlice, true).size(), mine.size() - 1);
        QCOMPARE(team.queue(kAlice, false).size(), mine.size());
        // A video is labelled when a frame of it is.
        QVERIFY(q.exec(QStringLiteral("SELECT annotator FROM assignments WHERE item_id = %1").arg(m_video)) && q.next());
        const QString videoOwner = q.value(0).toString();
        QVERIFY(team.queue(videoOwner, true).contains(m_video));
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM items WHERE parent_id = %1").arg(m_video)) && q.next());
        give(q.value(0).toLongLong(), Label::Nsfw, videoOwner);
        QVERIFY(!team.queue(videoOwner, true).contains(m_video));
        const auto queues = team.queues(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(queues.size(), 3);
        // Refused: an overlap without two annotators, a share outside 0-1.
        QVERIFY(!team.assign({kAlice}, 0.1, 1, &error));
        QVERIFY(error.contains(kAlice));
        QVERIFY(!team.assign({kAlice, kBob}, 1.5, 1, &error));
    }

    // The same through the command line: rule, label --annotator, review, label --adjudicate, assign, queue.
    void commandLine()
    {
        if (test::workbenchBinary().isEmpty())
            NSFW_REQUIRE_SETUP("NSFW_WORKBENCH_BIN is not set (run through ctest)");
        m_db.reset(); // the children write; this connection would hold nothing they need
        const QString id = QString::number(m_ids[5]);
        auto run = [&](const QStringList &arguments) {
            const test::WorkbenchRun r = test::runWorkbench(arguments);
            if (r.code != 0)
                qWarning() << arguments << r.out << r.err;
            return r;
        };
        QCOMPARE(run({"team", m_location, "rule"}).out.trimmed(), QStringLiteral("latest"));
        QCOMPARE(run({"team", m_location, "rule", "consensus"}).code, 0);
        QCOMPARE(run({"team", m_location, "rule"}).out.trimmed(), QStringLiteral("consensus"));
        QCOMPARE(run({"team", m_location, "rule", "majority"}).code, 2);
        QCOMPARE(run({"label", m_location, "safe", id, "--annotator", "alice"}).code, 0);
        QCOMPARE(run({"label", m_location, "nsfw", id, "--annotator", "bob"}).code, 0);
        test::WorkbenchRun review = run({"team", m_location, "review", "--json"});
        QCOMPARE(review.code, 0);
        QJsonArray rows = QJsonDocument::fromJson(review.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].toObject()["id"].toInteger(), m_ids[5]);
        QCOMPARE(rows[0].toObject()["labels"].toObject(), (QJsonObject{{"alice", "safe"}, {"bob", "nsfw"}}));
        QCOMPARE(run({"label", m_location, "nsfw", id, "--annotator", "carol", "--adjudicate"}).code, 0);
        review = run({"team", m_location, "review", "--json"});
        QCOMPARE(QJsonDocument::fromJson(review.out.toUtf8()).array().size(), 0);
        QVERIFY(run({"team", m_location, "review"}).out.contains(QStringLiteral("No disagreements")));
        const test::WorkbenchRun assigned =
            run({"team", m_location, "assign", "--annotators", "alice,bob", "--overlap", "0.5", "--json"});
        QCOMPARE(assigned.code, 0);
        const QJsonObject a = QJsonDocument::fromJson(assigned.out.toUtf8()).object();
        QCOMPARE(a["items"].toInt(), 41);
        QCOMPARE(a["overlap"].toInt(), 21);
        const test::WorkbenchRun queue = run({"team", m_location, "queue", "alice", "--json"});
        QCOMPARE(queue.code, 0);
        const int pending = int(QJsonDocument::fromJson(queue.out.toUtf8()).array().size());
        QVERIFY2(pending >= 30 && pending <= 31, qPrintable(queue.out)); // 41 + 21 = 62 assignments, half each
        QCOMPARE(run({"team", m_location, "assign"}).code, 2); // whose queues?
        QString error;
        m_db = ProjectDatabase::open(m_location, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY2(m_db, qPrintable(error));
        QCOMPARE(label(m_ids[5]), Label::Nsfw);
    }
};

QTEST_GUILESS_MAIN(TestTeamLabels)
#include "tst_teamlabels.moc"
