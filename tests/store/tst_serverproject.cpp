// Projects as locations: a postgresql:// URL opens a server project with the same schema and the same refusals as a
// file; its media root and caches are per machine; a lost connection is reopened without losing a label; a project
// copies between the two backends and back without losing a row; the gallery's queries answer alike on both.
#include "store/itemquery.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectcopy.h"
#include "store/projectdatabase.h"
#include "store/projectlocation.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nsfw;

namespace {

/// A table's rows as text, in a fixed order: integers as integers, reals with every digit, NULL as NULL.
QList<QStringList> tableRows(ProjectDatabase &db, const ProjectTable &table)
{
    QList<QStringList> rows;
    QSqlQuery q(db.db());
    if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table.name, table.orderBy))) {
        qWarning() << q.lastError().text();
        return rows;
    }
    while (q.next()) {
        QStringList row;
        for (int c = 0; c < q.record().count(); ++c) {
            const QVariant v = q.value(c);
            if (v.isNull())
                row << QStringLiteral("NULL");
            else if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::Float)
                row << QString::number(v.toDouble(), 'g', 17);
            else
                row << v.toString();
        }
        if (table.name == QLatin1String("meta") && row.value(0) == QLatin1String("project_id"))
            continue; // every project has its own
        rows << row;
    }
    return rows;
}

/// The columns of every project table and the names of its indexes, as the backend's catalogue has them.
QStringList schemaOf(ProjectDatabase &db)
{
    QStringList out;
    QSqlQuery q(db.db());
    for (const ProjectTable &t : projectTables()) {
        QStringList columns;
        if (db.isServer()) {
            q.prepare(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                                     " AND table_schema = current_schema() ORDER BY ordinal_position"));
            q.addBindValue(t.name);
            q.exec();
        } else {
            q.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(t.name));
        }
        while (q.next())
            columns << q.value(0).toString();
        out << t.name + QLatin1Char('(') + columns.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    q.exec(db.isServer() ? QStringLiteral("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                                          " AND indexname NOT LIKE '%_pkey'")
                         : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index'"
                                          " AND name NOT LIKE 'sqlite_autoindex%'"));
    QStringList indexes;
    while (q.next())
        indexes << q.value(0).toString();
    indexes.sort();
    out << QStringLiteral("indexes: ") + indexes.join(QLatin1Char(','));
    q.exec(db.isServer() ? QStringLiteral("SELECT DISTINCT tgname FROM pg_trigger WHERE NOT tgisinternal"
                                          " AND tgname = 'label_history_sets_current'")
                         : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'"));
    while (q.next())
        out << QStringLiteral("trigger: ") + q.value(0).toString();
    return out;
}

qint64 tableCount(const QString &url)
{
    static int n = 0;
    const QString name = QStringLiteral("count%1").arg(++n);
    qint64 count = -1;
    {
        if (!test::addPostgresConnection(url, name))
            return -1;
        QSqlQuery q(QSqlDatabase::database(name));
        if (q.exec(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) && q.next())
            count = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

bool runOnServer(const QString &url, const QStringList &statements)
{
    static int n = 0;
    const QString name = QStringLiteral("raw%1").arg(++n);
    bool ok = true;
    {
        if (!test::addPostgresConnection(url, name))
            return false;
        QSqlQuery q(QSqlDatabase::database(name));
        for (const QString &s : statements) {
            if (!q.exec(s)) {
                qWarning() << s << q.lastError().text();
                ok = false;
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

class TestServerProject : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<ProjectDatabase> create(const QString &location)
    {
        QString error;
        auto db = ProjectDatabase::open(location, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
        if (!db)
            qWarning() << error;
        return db;
    }

    /// A project with something in every table: images, a video and its frames, labels given and changed, a finished
    /// run with epochs, validation scores, item scores, unreadable items and a threshold.
    void fill(ProjectDatabase &db)
    {
        ItemStore items(db);
        QVector<qint64> ids;
        for (int i = 0; i < 6; ++i) {
            Item it;
            it.path = i == 5 ? QStringLiteral("/elsewhere/abs.png") : QStringLiteral("img/%1 ü.png").arg(i);
            it.contentHash = QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0'));
            it.width = 640 + i;
            it.height = 480;
            it.fileSize = 123456789012LL + i;
            ids << items.insert(it, nullptr);
        }
        Item video;
        video.kind = ItemKind::Video;
        video.path = QStringLiteral("clips/v.mp4");
        video.contentHash = QStringLiteral("v");
        video.fps = 29.97002997002997;
        video.frameCount = 300;
        video.durationMs = 10010;
        const qint64 v = items.insert(video, nullptr);
        for (int f = 0; f < 300; f += 100) {
            Item frame;
            frame.kind = ItemKind::Frame;
            frame.parentId = v;
            frame.frameIndex = f;
            frame.timestampMs = f * 1001 / 30;
            ids << items.insert(frame, nullptr);
        }
        LabelStore labels(db);
        QVERIFY(labels.setLabel({ids[0], ids[1], ids[6]}, Label::Nsfw, QStringLiteral("alice"), QStringLiteral("manual"))
                == 3);
        QVERIFY(labels.setLabel({ids[1]}, Label::Safe, QStringLiteral("bob, \"jr\""), QStringLiteral("undo")) == 1);
        QVERIFY(labels.setLabel({v}, Label::Unsure, QStringLiteral("carol"), QStringLiteral("cli")) == 1);
        QVERIFY(labels.setLabel({ids[0]}, Label::None, QStringLiteral("alice"), QStringLiteral("manual")) == 1);
        RunStore runs(db);
        RunLock lock(db);
        QVERIFY(lock.tryAcquire());
        const qint64 run = runs.create({{QStringLiteral("mode"), QStringLiteral("head")},
                                        {QStringLiteral("lr"), 0.0001234567890123}},
                                       QStringLiteral("mobilenet_v2"), lock, nullptr);
        QVERIFY(run > 0);
        QVERIFY(runs.addEpoch(run, 0, {{QStringLiteral("ap"), 0.5}}));
        QVERIFY(runs.addEpoch(run, 1, {{QStringLiteral("ap"), 0.71234}}));
        QVERIFY(runs.setBest(run, 1, {{QStringLiteral("ap"), 0.71234}}, QStringLiteral("runs/%1/model").arg(run),
                             {{ids[0], 1, 1, 0.912345f}, {ids[1], 0, 0, 0.1f}}));
        QVERIFY(runs.setItemScores(run, {{ids[0], 0.987654f}, {ids[2], 1e-7f}, {ids[6], 0.5f}}));
        QVERIFY(runs.setUnreadable(run, {{ids[5], QStringLiteral("/elsewhere/abs.png"), QStringLiteral("gone")}}));
        QVERIFY(runs.setThreshold(run, 0.4321));
        QVERIFY(runs.finish(run, QStringLiteral("finished")));
    }

    void compareProjects(ProjectDatabase &a, ProjectDatabase &b)
    {
        for (const ProjectTable &t : projectTables()) {
            const QList<QStringList> ra = tableRows(a, t);
            const QList<QStringList> rb = tableRows(b, t);
            QCOMPARE(rb.size(), ra.size());
            for (qsizetype i = 0; i < ra.size(); ++i)
                QVERIFY2(ra[i] == rb[i], qPrintable(QStringLiteral("%1 row %2: %3 vs %4")
                                                        .arg(t.name)
                                                        .arg(i)
                                                        .arg(ra[i].join(QLatin1Char('|')), rb[i].join(QLatin1Char('|')))));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qunsetenv("NSFW_WORKBENCH_MEDIA_ROOT");
    }

    void locations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("server");
        QTest::addColumn<QString>("shown");
        QTest::newRow("file") << "x.nwproj" << true << false << QDir::current().absoluteFilePath(QStringLiteral("x.nwproj"));
        QTest::newRow("url") << "postgresql://me@db.example:5433/moderation" << true << true
                             << "postgresql://me@db.example:5433/moderation";
        QTest::newRow("short scheme") << "postgres://db/m" << true << true << "postgresql://db/m";
        QTest::newRow("password never shown") << "postgresql://me:s3cret@db/m" << true << true << "postgresql://me@db/m";
        QTest::newRow("sslmode") << "postgresql://db/m?sslmode=require" << true << true
                                 << "postgresql://db/m?sslmode=require";
        QTest::newRow("service alone") << "postgresql:///?service=team" << true << true << "";
        QTest::newRow("unknown option") << "postgresql://db/m?sslmod=require" << false << true << "";
        QTest::newRow("no database") << "postgresql://db" << false << true << "";
    }

    void locations()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(bool, server);
        QFETCH(QString, shown);
        QString error;
        const ProjectLocation l = ProjectLocation::parse(text, &error);
        QCOMPARE(l.isValid(), valid);
        QCOMPARE(ProjectLocation::isServerUrl(text), server);
        if (!valid) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QCOMPARE(l.isServer(), server);
        if (!shown.isEmpty())
            QCOMPARE(l.text(), shown);
        QVERIFY(!l.text().contains(QStringLiteral("s3cret")));
        if (text.contains(QStringLiteral("s3cret")))
            QVERIFY(l.connectionText().contains(QStringLiteral("s3cret")));
    }

    void sameSchemaOnBothBackends()
    {
        NSFW_REQUIRE_BACKEND(QStringLiteral("postgresql"));
        auto file = create(test::freshProjectLocation(QStringLiteral("sqlite"), m_dir));
        auto server = create(test::freshProjectLocation(QStringLiteral("postgresql"), m_dir));
        QVERIFY(file && server);
        QCOMPARE(server->schemaVersion(), ProjectDatabase::latestSchemaVersion());
        QCOMPARE(schemaOf(*server), schemaOf(*file));
        QVERIFY(schemaOf(*file).size() > projectTables().size());
        QCOMPARE(server->projectId().size(), 32);
        QVERIFY(server->projectId() != file->projectId());
    }

    void refusesWhatIsNotAnEmptyDatabaseOrAProject()
    {
        NSFW_REQUIRE_BACKEND(QStringLiteral("postgresql"));
        QString error;
        // An empty database is not a project until init says so: opening it writes nothing.
        const QString empty = test::freshPostgresDatabase();
        QVERIFY(!ProjectDatabase::open(empty, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error));
        QVERIFY2(error.contains(QStringLiteral("init")), qPrintable(error));
        QCOMPARE(tableCount(empty), 0);
        // Another application's tables: refused untouched, whatever the mode.
        const QString foreign = test::freshPostgresDatabase();
        QVERIFY(runOnServer(foreign, {QStringLiteral("CREATE TABLE orders (id int)")}));
        for (auto mode : {ProjectDatabase::OpenMode::OpenExisting, ProjectDatabase::OpenMode::CreateIfMissing,
                          ProjectDatabase::OpenMode::CreateNew}) {
            QVERIFY(!ProjectDatabase::open(foreign, mode, QStringLiteral("t"), &error));
            QVERIFY2(error.contains(QStringLiteral("another application")), qPrintable(error));
        }
        QCOMPARE(tableCount(foreign), 1);
        // A project is not created twice.
        const QString project = test::freshPostgresDatabase();
        QVERIFY(create(project));
        QVERIFY(!ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error));
        QVERIFY(ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateIfMissing, QStringLiteral("t"), &error));
    }

    void refusesANewerSchemaUntouched()
    {
        NSFW_REQUIRE_BACKEND(QStringLiteral("postgresql"));
        const QString url = test::freshPostgresDatabase();
        QVERIFY(create(url));
        const int future = ProjectDatabase::latestSchemaVersion() + 1;
        QVERIFY(runOnServer(url, {QStringLiteral("UPDATE nsfw_project SET schema_version = %1").arg(future)}));
        QString error;
        QVERIFY(!ProjectDatabase::open(url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error));
        QVERIFY2(error.contains(QStringLiteral("newer version")), qPrintable(error));
        QVERIFY(runOnServer(url, {QStringLiteral("UPDATE nsfw_project SET schema_version = %1").arg(future - 1)}));
        QVERIFY(ProjectDatabase::open(url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error));
    }

    void mediaRootAndCachesArePerMachine()
    {
        NSFW_REQUIRE_BACKEND(QStringLiteral("postgresql"));
        const QString url = test::freshPostgresDatabase();
        auto db = create(url);
        QVERIFY(db);
        // Not mapped yet: paths are kept as given and nothing claims to find the media.
        QVERIFY(!db->hasMediaRoot());
        QCOMPARE(db->storedPath(m_dir.filePath(QStringLiteral("a/b.png"))), m_dir.filePath(QStringLiteral("a/b.png")));
        QString error;
        QVERIFY(!db->setMediaRoot(m_dir.filePath(QStringLiteral("nope")), &error));
        QVERIFY(db->setMediaRoot(m_dir.path(), &error));
        QCOMPARE(db->storedPath(m_dir.filePath(QStringLiteral("a/b.png"))), QStringLiteral("a/b.png"));
        QCOMPARE(db->absolutePath(QStringLiteral("a/b.png")), m_dir.filePath(QStringLiteral("a/b.png")));
        // Remembered for this user, keyed by the project's id; another project has its own.
        const QString id = db->projectId();
        db.reset();
        db = ProjectDatabase::open(url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QCOMPARE(db->mediaRoot(), m_dir.path());
        auto other = create(test::freshPostgresDatabase());
        QVERIFY(other->mediaRoot().isEmpty());
        // Caches: the user's cache folder, under the id; the only path of a server project on this machine.
        QCOMPARE(db->cacheDir(), QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                                     + QStringLiteral("/projects/") + id);
        QCOMPARE(db->ownPaths(), QStringList{db->cacheDir()});
        QVERIFY(other->cacheDir() != db->cacheDir());
    }

    void aLostConnectionIsReopenedAndNoLabelIsLost()
    {
        NSFW_REQUIRE_BACKEND(QStringLiteral("postgresql"));
        const QString url = test::freshPostgresDatabase();
        auto db = create(url);
        QVERIFY(db);
        Item it;
        it.path = QStringLiteral("x.png");
        it.contentHash = QStringLiteral("x");
        const qint64 id = ItemStore(*db).insert(it, nullptr);
        LabelStore labels(*db);
        QVERIFY(labels.write({{id, Label::Nsfw}}, QStringLiteral("a"), QStringLiteral("manual")).ok());
        const int generation = db->connectionGeneration();
        // What a server restart does to the session: the server ends it.
        QVERIFY(runOnServer(url, {QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                                 " WHERE datname = current_database() AND pid <> pg_backend_pid()")}));
        // The label given now cannot be written yet: it is reported as "try again", not as failed.
        LabelWriteResult r = labels.write({{id, Label::Safe}}, QStringLiteral("a"), QStringLiteral("manual"));
        QVERIFY2(r.busy && r.error.isEmpty(), qPrintable(r.error));
        // Trying again reconnects (at most twice a second) and writes it.
        QElapsedTimer t;
        t.start();
        while (!(r = labels.write({{id, Label::Safe}}, QStringLiteral("a"), QStringLiteral("manual"))).ok()
               && t.elapsed() < 5000) {
            QVERIFY(r.busy);
            QTest::qWait(50);
        }
        QVERIFY(r.ok());
        QCOMPARE(r.changed, 1);
        QVERIFY(db->connectionGeneration() > generation);
        const auto history = labels.history(id);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[1].label, Label::Safe);
        QCOMPARE(history[1].previous, Label::Nsfw);
    }

    void copiesBetweenBackendsLosslessly()
    {
        NSFW_REQUIRE_BACKEND(QStringLiteral("postgresql"));
        auto original = create(test::freshProjectLocation(QStringLiteral("sqlite"), m_dir));
        QVERIFY(original);
        fill(*original);
        // File -> server -> file: every table equal at every step.
        auto server = create(test::freshPostgresDatabase());
        QVERIFY(server && server->setMediaRoot(original->mediaRoot()));
        ProjectCopy::Result r = ProjectCopy::run(*original, *server);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.rows[1], qint64(10)); // items
        compareProjects(*original, *server);
        auto back = create(m_dir.filePath(QStringLiteral("back.nwproj")));
        r = ProjectCopy::run(*server, *back);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        compareProjects(*original, *back);
        // Ids go on after the copied ones on the server (its sequences were moved past them).
        LabelStore(*server).setLabel({2}, Label::Unsure, QStringLiteral("dave"), QStringLiteral("manual"));
        Item it;
        it.contentHash = QStringLiteral("new");
        it.path = QStringLiteral("new.png");
        QCOMPARE(ItemStore(*server).insert(it, nullptr), qint64(11));
        // A copy is another project, and goes only into an empty one.
        QVERIFY(server->projectId() != original->projectId());
        r = ProjectCopy::run(*original, *server);
        QVERIFY(r.error.contains(QStringLiteral("not empty")));

        // Into a file in another folder: relative paths are rewritten to name the same files (outside the new
        // project's folder they become absolute).
        QDir(m_dir.path()).mkpath(QStringLiteral("sub"));
        auto moved = create(m_dir.filePath(QStringLiteral("sub/moved.nwproj")));
        QVERIFY(ProjectCopy::run(*original, *moved).error.isEmpty());
        const auto a = ItemStore(*original).all();
        const auto b = ItemStore(*moved).all();
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a[i].kind == ItemKind::Frame)
                continue;
            QCOMPARE(moved->absolutePath(b[i].path), original->absolutePath(a[i].path));
        }
        QCOMPARE(b[0].path, m_dir.filePath(QStringLiteral("img/0 ü.png")));
    }

    void contentAddedByAnotherWriterIsADuplicate()
    {
        // Two imports on a server look at the known hashes, then insert: the one that commits second finds the
        // unique content index in its way, and that is a duplicate, not a failed import.
        for (const QString &backend : test::backendNames()) {
            if (!test::backendSkipReason(backend).isEmpty())
                continue;
            const QString location = test::freshProjectLocation(backend, m_dir);
            auto first = create(location);
            QString error;
            auto second = ProjectDatabase::open(location, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"),
                                                &error);
            QVERIFY2(first && second, qPrintable(error));
            Item it;
            it.path = QStringLiteral("a.png");
            it.contentHash = QStringLiteral("same");
            bool duplicate = true;
            QVERIFY(ItemStore(*first).insert(it, &duplicate, &error) > 0);
            QVERIFY(!duplicate);
            it.path = QStringLiteral("copy of a.png");
            QCOMPARE(ItemStore(*second).insert(it, &duplicate, &error), qint64(0));
            QVERIFY2(duplicate && error.isEmpty(), qPrintable(backend + QLatin1Char(' ') + error));
            QCOMPARE(ItemStore(*second).stats().total(), qint64(1));
            // Without the flag it stays an error.
            QCOMPARE(ItemStore(*second).insert(it, &error), qint64(0));
            QVERIFY(!error.isEmpty());
        }
    }

    void galleryQueriesAnswerAlike()
    {
        NSFW_REQUIRE_BACKEND(QStringLiteral("postgresql"));
        auto file = create(test::freshProjectLocation(QStringLiteral("sqlite"), m_dir));
        auto server = create(test::freshPostgresDatabase());
        QVERIFY(file && server);
        fill(*file);
        QVERIFY(ProjectCopy::run(*file, *server).error.isEmpty());
        const qint64 run = RunStore(*file).latestFinished();
        for (ItemSort sort : {ItemSort::ImportOrder, ItemSort::Name, ItemSort::ScoreDescending,
                              ItemSort::ScoreAscending, ItemSort::Uncertainty}) {
            ItemFilter filter;
            filter.scoreRunId = run;
            QCOMPARE(ItemQuery(*server).ids(filter, sort), ItemQuery(*file).ids(filter, sort));
            filter.labels = {Label::None, Label::Safe};
            filter.minScore = 0.0;
            QCOMPARE(ItemQuery(*server).ids(filter, sort), ItemQuery(*file).ids(filter, sort));
        }
        const QVector<qint64> ids{3, 1, 8, 42};
        const auto rf = ItemQuery(*file).rows(ids, run);
        const auto rs = ItemQuery(*server).rows(ids, run);
        QCOMPARE(rs.size(), 3);
        QCOMPARE(rs.size(), rf.size());
        for (const ItemRow &r : rf) {
            const auto match = std::find_if(rs.begin(), rs.end(), [&](const ItemRow &s) { return s.id == r.id; });
            QVERIFY(match != rs.end());
            QCOMPARE(match->path, r.path);
            QCOMPARE(match->label, r.label);
            QCOMPARE(match->score, r.score);
            QCOMPARE(match->frameIndex, r.frameIndex);
        }
    }
};

QTEST_GUILESS_MAIN(TestServerProject)
#include "tst_serverproject.moc"
