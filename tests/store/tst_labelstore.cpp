#include "store/csvlabels.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace nsfw;

class TestLabelStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDatabase> m_db;
    QVector<qint64> m_ids;
    qint64 m_video = 0;
    QVector<qint64> m_frames;

    qint64 add(const Item &item)
    {
        QString error;
        const qint64 id = ItemStore(*m_db).insert(item, &error);
        if (id == 0)
            qWarning() << error;
        return id;
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void init()
    {
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        QString error;
        m_db = ProjectDatabase::open(test::freshProjectLocation(test::currentBackend(), m_dir),
                                     ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
        QVERIFY2(m_db, qPrintable(error));
        m_ids.clear();
        m_frames.clear();
        for (int i = 0; i < 5; ++i) {
            Item it;
            it.kind = ItemKind::Image;
            it.path = i == 4 ? QStringLiteral("odd, \"name\".png") : QStringLiteral("img/%1.png").arg(i);
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
        for (int f = 0; f < 100; f += 25) {
            Item frame;
            frame.kind = ItemKind::Frame;
            frame.parentId = m_video;
            frame.frameIndex = f;
            frame.timestampMs = f * 40;
            m_frames << add(frame);
        }
    }

    void cleanup() { m_db.reset(); }

    void historyRecordsWhoWhatWhenAndWhatItReplaced()
    {
        LabelStore labels(*m_db);
        const qint64 id = m_ids.first();
        QCOMPARE(labels.current(id), Label::None);
        QCOMPARE(labels.setLabel({id}, Label::Nsfw, QStringLiteral("ann"), QStringLiteral("manual")), 1);
        QCOMPARE(labels.setLabel({id}, Label::Safe, QStringLiteral("bob"), QStringLiteral("manual")), 1);
        QCOMPARE(labels.setLabel({id}, Label::Safe, QStringLiteral("bob"), QStringLiteral("manual")), 0); // unchanged
        QCOMPARE(labels.setLabel({id}, Label::None, QStringLiteral("bob"), QStringLiteral("undo")), 1);
        QCOMPARE(labels.current(id), Label::None);
        const QVector<HistoryEntry> h = labels.history(id);
        QCOMPARE(h.size(), 3);
        QCOMPARE(h[0].label, Label::Nsfw);
        QCOMPARE(h[0].previous, Label::None);
        QCOMPARE(h[0].annotator, QStringLiteral("ann"));
        QCOMPARE(h[1].label, Label::Safe);
        QCOMPARE(h[1].previous, Label::Nsfw);
        QCOMPARE(h[2].label, Label::None);
        QCOMPARE(h[2].source, QStringLiteral("undo"));
        QVERIFY(qAbs(h[0].at.msecsTo(QDateTime::currentDateTime())) < 60000);
        QCOMPARE(ItemStore(*m_db).item(id)->label, Label::None);
    }

    // A second annotator who gives the label an item already has is recorded (agreement needs to see who agreed);
    // the same annotator saying it again is not.
    void aSecondAnnotatorWhoAgreesIsRecorded()
    {
        LabelStore labels(*m_db);
        const qint64 id = m_ids.first();
        QCOMPARE(labels.setLabel({id}, Label::Nsfw, QStringLiteral("ann"), QStringLiteral("manual")), 1);
        QCOMPARE(labels.setLabel({id}, Label::Nsfw, QStringLiteral("bob"), QStringLiteral("manual")), 1);
        QCOMPARE(labels.setLabel({id}, Label::Nsfw, QStringLiteral("bob"), QStringLiteral("manual")), 0);
        QCOMPARE(labels.setLabel({id}, Label::Nsfw, QStringLiteral("ann"), QStringLiteral("manual")), 0);
        const QVector<HistoryEntry> h = labels.history(id);
        QCOMPARE(h.size(), 2);
        QCOMPARE(h[1].annotator, QStringLiteral("bob"));
        QCOMPARE(h[1].previous, Label::Nsfw);
        QCOMPARE(labels.current(id), Label::Nsfw);
        QString error;
        const QHash<qint64, QHash<QString, Label>> by = labels.annotatorLabels(&error);
        QCOMPARE(by.value(id).value(QStringLiteral("ann")), Label::Nsfw);
        QCOMPARE(by.value(id).value(QStringLiteral("bob")), Label::Nsfw);
        // Clearing needs no second voice: an item without a label is not cleared again by somebody new.
        QCOMPARE(labels.setLabel({m_ids[1]}, Label::None, QStringLiteral("carol"), QStringLiteral("manual")), 0);
    }

    // An undo withdraws the label it undid: the annotator does not agree with whoever labeled the item before.
    void anUndoWithdrawsTheAnnotatorsLabel()
    {
        LabelStore labels(*m_db);
        const qint64 id = m_ids[2];
        auto said = [&labels, id](const QString &who) {
            QString error;
            return labels.annotatorLabels(&error).value(id).value(who, Label::None);
        };
        QCOMPARE(labels.setLabel({id}, Label::Nsfw, QStringLiteral("ann"), QStringLiteral("manual")), 1);
        QCOMPARE(labels.setLabel({id}, Label::Unsure, QStringLiteral("carol"), QStringLiteral("manual")), 1);
        QCOMPARE(labels.setLabel({id}, Label::Safe, QStringLiteral("carol"), QStringLiteral("manual")), 1);
        QCOMPARE(said(QStringLiteral("carol")), Label::Safe);
        // The window's undo writes the label from before (ann's nsfw) as an entry of carol's.
        QCOMPARE(labels.setLabel({id}, Label::Unsure, QStringLiteral("carol"), QStringLiteral("undo")), 1);
        QCOMPARE(said(QStringLiteral("carol")), Label::Unsure);
        QCOMPARE(labels.setLabel({id}, Label::Nsfw, QStringLiteral("carol"), QStringLiteral("undo")), 1);
        QCOMPARE(said(QStringLiteral("carol")), Label::None); // not nsfw: that was ann's
        QCOMPARE(said(QStringLiteral("ann")), Label::Nsfw);
        QCOMPARE(labels.setLabel({id}, Label::Unsure, QStringLiteral("carol"), QStringLiteral("redo")), 1);
        QCOMPARE(said(QStringLiteral("carol")), Label::Unsure);
    }

    // "Label is right" on review: a history entry that keeps the label, for safe and nsfw items only.
    void confirmationsKeepTheLabelAndAreInTheHistory()
    {
        LabelStore labels(*m_db);
        QCOMPARE(labels.setLabel({m_ids[0]}, Label::Nsfw, QStringLiteral("ann"), QStringLiteral("manual")), 1);
        QCOMPARE(labels.setLabel({m_ids[1]}, Label::Safe, QStringLiteral("ann"), QStringLiteral("manual")), 1);
        QCOMPARE(labels.setLabel({m_ids[2]}, Label::Unsure, QStringLiteral("ann"), QStringLiteral("manual")), 1);
        QString error;
        QCOMPARE(labels.confirm({m_ids[0], m_ids[1], m_ids[2], m_ids[3]}, QStringLiteral("mobilenet_v2"),
                                QStringLiteral("rev"), &error),
                 2);
        QCOMPARE(labels.current(m_ids[0]), Label::Nsfw);
        QCOMPARE(labels.current(m_ids[1]), Label::Safe);
        const QVector<HistoryEntry> h = labels.history(m_ids[0]);
        QCOMPARE(h.size(), 2);
        QCOMPARE(h[1].label, Label::Nsfw);
        QCOMPARE(h[1].previous, Label::Nsfw);
        QCOMPARE(h[1].annotator, QStringLiteral("rev"));
        QCOMPARE(h[1].source, QStringLiteral("confirmed:mobilenet_v2"));
        QCOMPARE(labels.history(m_ids[2]).size(), 1); // unsure: nothing to confirm
        QCOMPARE(labels.history(m_ids[3]).size(), 0); // unlabeled
        const QHash<qint64, HistoryEntry> latest = labels.latest({m_ids[0], m_ids[2], m_ids[3]});
        QCOMPARE(latest.size(), 2);
        QCOMPARE(latest.value(m_ids[0]).source, QStringLiteral("confirmed:mobilenet_v2"));
        QCOMPARE(latest.value(m_ids[2]).label, Label::Unsure);
        QCOMPARE(labels.confirm({m_ids[0]}, QStringLiteral("m"), QStringLiteral(" "), &error), -1);
        QVERIFY(!error.isEmpty());
    }

    void labelsImagesFramesAndWholeVideos()
    {
        LabelStore labels(*m_db);
        QCOMPARE(labels.setLabel({m_video}, Label::Nsfw, QStringLiteral("a"), QStringLiteral("manual")), 1);
        QCOMPARE(labels.setLabel(m_frames.mid(1, 2), Label::Safe, QStringLiteral("a"), QStringLiteral("manual")), 2);
        const ItemStore::Stats s = ItemStore(*m_db).stats();
        QCOMPARE(s.count(ItemKind::Video, Label::Nsfw), 1);
        QCOMPARE(s.count(ItemKind::Frame, Label::Safe), 2);
        QCOMPARE(s.count(ItemKind::Frame, Label::None), 2);
        QCOMPARE(s.count(ItemKind::Image, Label::None), 5);
    }

    void aBadIdWritesNothing()
    {
        LabelStore labels(*m_db);
        QString error;
        QCOMPARE(labels.setLabel({m_ids[0], 999999, m_ids[1]}, Label::Nsfw, QStringLiteral("a"),
                                 QStringLiteral("manual"), &error),
                 -1);
        QVERIFY(error.contains(QStringLiteral("999999")));
        QCOMPARE(labels.current(m_ids[0]), Label::None);
        QVERIFY(labels.history(m_ids[0]).isEmpty());
    }

    void anExpectedLabelGuardsTheChange()
    {
        LabelStore store(*m_db);
        QCOMPARE(store.setLabel({m_ids[0], m_ids[1]}, Label::Safe, QStringLiteral("a"), QStringLiteral("manual")), 2);
        QCOMPARE(store.setLabel({m_ids[1]}, Label::Nsfw, QStringLiteral("b"), QStringLiteral("cli")), 1);
        // An undo of "a"'s label: only where the label is still "a"'s.
        const LabelWriteResult r =
            store.write({{m_ids[0], Label::None, Label::Safe}, {m_ids[1], Label::None, Label::Safe}},
                        QStringLiteral("a"), QStringLiteral("undo"));
        QVERIFY(r.ok());
        QCOMPARE(r.changed, 1);
        QCOMPARE(r.skipped, QVector<qint64>{m_ids[1]});
        QCOMPARE(r.current, QVector<Label>{Label::Nsfw});
        QCOMPARE(store.current(m_ids[0]), Label::None);
        QCOMPARE(store.current(m_ids[1]), Label::Nsfw);
    }

    void aLockedProjectIsReportedBusyNotFailed()
    {
        auto other = ProjectDatabase::open(m_db->connectionText(), ProjectDatabase::OpenMode::OpenExisting,
                                           QStringLiteral("other"), nullptr);
        QVERIFY(other);
        // Another writer holds what a label write needs: SQLite's one write lock, or on a server the item's row.
        if (other->isServer()) {
            QVERIFY(other->exec(QStringLiteral("BEGIN")));
            QVERIFY(other->exec(QStringLiteral("SELECT label FROM items WHERE id = %1 FOR UPDATE").arg(m_ids[2])));
        } else {
            QVERIFY(other->exec(QStringLiteral("BEGIN IMMEDIATE")));
        }
        QVERIFY(m_db->setBusyTimeout(5));
        QCOMPARE(m_db->busyTimeout(), 5);
        QElapsedTimer t;
        t.start();
        const LabelWriteResult r = LabelStore(*m_db).write({{m_ids[2], Label::Safe, std::nullopt}}, QStringLiteral("a"),
                                                           QStringLiteral("manual"));
        QVERIFY(t.elapsed() < 1000);
        QVERIFY(r.busy);
        QVERIFY(r.error.isEmpty());
        QVERIFY(other->exec(QStringLiteral("COMMIT")));
        QVERIFY(LabelStore(*m_db)
                    .write({{m_ids[2], Label::Safe, std::nullopt}}, QStringLiteral("a"), QStringLiteral("manual"))
                    .ok());
        QCOMPARE(LabelStore(*m_db).current(m_ids[2]), Label::Safe);
    }

    void needsAnAnnotator()
    {
        QString error;
        QCOMPARE(LabelStore(*m_db).setLabel({m_ids[0]}, Label::Safe, QStringLiteral(" "), QStringLiteral("m"), &error),
                 -1);
        QVERIFY(!error.isEmpty());
    }

    void csvParsesQuotesAndNewlines()
    {
        const auto rows = csv::parse(QStringLiteral("a,b\n\"x, \"\"y\"\"\",\"multi\nline\"\r\n,\n"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0], (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(rows[1], (QStringList{QStringLiteral("x, \"y\""), QStringLiteral("multi\nline")}));
        QCOMPARE(rows[2], (QStringList{QString(), QString()}));
        QCOMPARE(csv::line({QStringLiteral("x, \"y\""), QStringLiteral("plain")}),
                 QStringLiteral("\"x, \"\"y\"\"\",plain"));
    }

    void csvRoundTrip()
    {
        LabelStore labels(*m_db);
        labels.setLabel({m_ids[0], m_ids[4]}, Label::Nsfw, QStringLiteral("alice"), QStringLiteral("manual"));
        labels.setLabel({m_ids[1]}, Label::Unsure, QStringLiteral("bob, jr."), QStringLiteral("manual"));
        labels.setLabel({m_frames[2]}, Label::Safe, QStringLiteral("carol"), QStringLiteral("manual"));
        labels.setLabel({m_video}, Label::Nsfw, QStringLiteral("carol"), QStringLiteral("manual"));
        const QString file = m_dir.filePath(QStringLiteral("labels.csv"));
        QString error;
        QCOMPARE(CsvLabels::exportLabels(*m_db, file, &error), 5);

        // A fresh project with the same items and no labels gets them all back.
        QVector<qint64> oldIds = m_ids;
        qint64 oldFrame = m_frames[2];
        cleanup();
        init();
        QCOMPARE(m_ids, oldIds);
        const CsvLabels::ImportResult r = CsvLabels::importLabels(*m_db, file, QStringLiteral("importer"));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.errors.size(), 0);
        QCOMPARE(r.rows, 5);
        QCOMPARE(r.changed, 5);
        LabelStore again(*m_db);
        QCOMPARE(again.current(m_ids[0]), Label::Nsfw);
        QCOMPARE(again.current(m_ids[4]), Label::Nsfw);
        QCOMPARE(again.current(m_ids[1]), Label::Unsure);
        QCOMPARE(again.current(oldFrame), Label::Safe);
        QCOMPARE(again.current(m_video), Label::Nsfw);
        QCOMPARE(again.current(m_ids[2]), Label::None);
        QCOMPARE(again.history(m_ids[1]).first().annotator, QStringLiteral("bob, jr."));
        QCOMPARE(again.history(m_ids[1]).first().source, QStringLiteral("csv"));
    }

    void csvBadRowsAreReportedAndTheRestApplied()
    {
        const QString file = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("path,label\n"
                "img/0.png,nsfw\n"
                "img/1.png,maybe\n"
                "nowhere.png,safe\n"
                "clips/v.mp4#frame=25,safe\n"
                "clips/v.mp4#frame=26,safe\n"
                "justonefield\n"
                "img/2.png,,\n");
        f.close();
        const CsvLabels::ImportResult r = CsvLabels::importLabels(*m_db, file, QStringLiteral("me"));
        QCOMPARE(r.rows, 7);
        QCOMPARE(r.errors.size(), 5);
        QCOMPARE(r.errors[0].line, 3);
        QVERIFY(r.errors[0].message.contains(QStringLiteral("maybe")));
        QCOMPARE(r.errors[1].line, 4);
        QCOMPARE(r.errors[2].line, 6);
        QCOMPARE(r.errors[3].line, 7);
        QCOMPARE(r.errors[4].line, 8); // an empty label is an error, not a silent "clear"
        QVERIFY(r.errors[4].message.contains(QStringLiteral("none")));
        LabelStore labels(*m_db);
        QCOMPARE(labels.current(m_ids[0]), Label::Nsfw);
        QCOMPARE(labels.current(m_frames[1]), Label::Safe);
        QCOMPARE(labels.history(m_ids[0]).first().annotator, QStringLiteral("me"));
    }

    void csvOfAMissingFileSaysSo()
    {
        const CsvLabels::ImportResult r = CsvLabels::importLabels(*m_db, m_dir.filePath(QStringLiteral("none.csv")),
                                                                  QStringLiteral("me"));
        QVERIFY(r.error.contains(QStringLiteral("none.csv")));
    }
};

QTEST_GUILESS_MAIN(TestLabelStore)
#include "tst_labelstore.moc"
