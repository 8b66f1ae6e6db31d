#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/schema.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace nsfw;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha1);
}

// Runs SQL on a file through a plain connection, as another program would.
void rawSql(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements)
            QVERIFY2(q.exec(s), qPrintable(s));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

qint64 addImage(ItemStore &items, const QString &hash)
{
    Item it;
    it.kind = ItemKind::Image;
    it.path = hash + QStringLiteral(".png");
    it.contentHash = hash;
    it.width = 10;
    it.height = 10;
    QString error;
    const qint64 id = items.insert(it, &error);
    if (id == 0)
        qWarning() << error;
    return id;
}

} // namespace

class TestProjectDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsAndReopens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.nwproj"));
        QString error;
        {
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("test"), &error);
            QVERIFY2(db, qPrintable(error));
            QCOMPARE(db->schemaVersion(), ProjectDatabase::latestSchemaVersion());
            QSqlQuery q(db->db());
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
            QCOMPARE(q.value(0).toInt(), ProjectDatabase::kApplicationId);
            QCOMPARE(db->cacheDir(), path + QStringLiteral(".cache"));
        }
        auto again = ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("test"), &error);
        QVERIFY(!again);
        QVERIFY(error.contains(QStringLiteral("already exists")));
        again = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("test"), &error);
        QVERIFY2(again, qPrintable(error));
    }

    void refusesMissingFileAndFolder()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!ProjectDatabase::open(dir.filePath(QStringLiteral("nope.nwproj")),
                                       ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error));
        QVERIFY(error.contains(QStringLiteral("does not exist")));
        QVERIFY(!ProjectDatabase::open(dir.path(), ProjectDatabase::OpenMode::CreateIfMissing, QStringLiteral("t"),
                                       &error));
        QVERIFY(error.contains(QStringLiteral("folder")));
    }

    void refusesForeignFilesUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << QByteArray("path,label\na.png,safe\n") << QStringLiteral("not an SQLite database");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << QStringLiteral("not an SQLite");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty file");
        QTest::newRow("sqlite-header-only") << QByteArray("SQLite format 3\0garbagegarbage", 31)
                                            << QStringLiteral("not an NSFW Workbench project");
    }

    void refusesForeignFilesUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("foreign.nwproj"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const QByteArray before = fileHash(path);
        QString error;
        QVERIFY(!ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void refusesOtherApplicationsDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        rawSql(path, {QStringLiteral("CREATE TABLE contacts (name TEXT)"),
                      QStringLiteral("INSERT INTO contacts VALUES ('Ada')")});
        const QByteArray before = fileHash(path);
        QString error;
        QVERIFY(!ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error));
        QVERIFY2(error.contains(QStringLiteral("another application")), qPrintable(error));
        QCOMPARE(fileHash(path), before);
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.nwproj"));
        QString error;
        QVERIFY(ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error));
        const int future = ProjectDatabase::latestSchemaVersion() + 1;
        rawSql(path, {QStringLiteral("PRAGMA user_version = %1").arg(future),
                      QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")});
        const QByteArray before = fileHash(path);
        QVERIFY(!ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error));
        QVERIFY2(error.contains(QStringLiteral("newer version")), qPrintable(error));
        QVERIFY(error.contains(QString::number(future)));
        QCOMPARE(fileHash(path), before);
    }

    void adoptsEmptySqliteFile()
    {
        // An SQLite file with nothing in it (e.g. made by `sqlite3 x.nwproj ""`) becomes a project.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("blank.nwproj"));
        rawSql(path, {QStringLiteral("PRAGMA user_version = 0"), QStringLiteral("VACUUM")});
        QString error;
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), ProjectDatabase::latestSchemaVersion());
    }

    void migratesAnOlderProjectKeepingItsData()
    {
        // A project as schema 1 wrote it, with an item and a label.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.nwproj"));
        QStringList v1;
        const auto sqlite = Backend::create(ProjectLocation::Kind::File);
        for (const QString &statement : schema::migrations().first())
            v1 << sqlite->expand(statement);
        // The tokens expand to exactly what schema 1 shipped with.
        QVERIFY(v1.contains(QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")));
        QVERIFY(v1.contains(QStringLiteral("CREATE TRIGGER label_history_sets_current AFTER INSERT ON label_history "
                                           "BEGIN UPDATE items SET label = NEW.label WHERE id = NEW.item_id; END")));
        v1 << QStringLiteral("PRAGMA user_version = 1")
           << QStringLiteral("PRAGMA application_id = %1").arg(ProjectDatabase::kApplicationId)
           << QStringLiteral("INSERT INTO items (kind, path, content_hash, imported_at) VALUES (0, 'a.png', 'h', 0)")
           << QStringLiteral("INSERT INTO label_history (item_id, label, annotator, at_ms, source) "
                             "VALUES (1, 1, 'old', 0, 'manual')");
        rawSql(path, v1);
        QString error;
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), ProjectDatabase::latestSchemaVersion());
        QSqlQuery q(db->db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), ProjectDatabase::latestSchemaVersion());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM runs")) && q.next()); // schema 2 is there
        QCOMPARE(ItemStore(*db).item(1)->label, Label::Nsfw);
        // Schema 4 gave it an identity of its own.
        QCOMPARE(db->projectId().size(), 32);
    }

    void storedPathsAreRelativeUnderTheProjectFolder()
    {
        QTemporaryDir dir;
        QString error;
        auto db = ProjectDatabase::open(dir.filePath(QStringLiteral("p.nwproj")), ProjectDatabase::OpenMode::CreateNew,
                                        QStringLiteral("t"), &error);
        QVERIFY(db);
        QCOMPARE(db->storedPath(dir.filePath(QStringLiteral("a/b.png"))), QStringLiteral("a/b.png"));
        QCOMPARE(db->storedPath(QStringLiteral("/usr/share/x.png")), QStringLiteral("/usr/share/x.png"));
        QCOMPARE(db->absolutePath(QStringLiteral("a/b.png")), dir.filePath(QStringLiteral("a/b.png")));
        QCOMPARE(db->absolutePath(QStringLiteral("/usr/share/x.png")), QStringLiteral("/usr/share/x.png"));
    }

    void openingNeverWaitsForAWriter()
    {
        // Before the fix every open took the write lock (to check for migrations), so `stats` or the window
        // opening a project waited up to the 10 s busy timeout while an import held a transaction, then failed.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("busy.nwproj"));
        QString error;
        QVERIFY(ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error));
        QSqlDatabase writer = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
        writer.setDatabaseName(path);
        QVERIFY(writer.open());
        QSqlQuery w(writer);
        QVERIFY(w.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(w.exec(QStringLiteral("INSERT INTO items (kind, path, content_hash, imported_at) VALUES (0, 'x.png', 'h', 0)")));
        QElapsedTimer timer;
        timer.start();
        {
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("reader"), &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
            QCOMPARE(ItemStore(*db).stats().total(), qint64(0)); // the writer's row is not committed yet
        }
        QVERIFY(w.exec(QStringLiteral("COMMIT")));
        w.finish();
        writer.close();
        writer = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    }

    void readerAndWriterOnTwoThreads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("threads.nwproj"));
        QString error;
        QVector<qint64> ids;
        {
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error);
            QVERIFY(db);
            ItemStore items(*db);
            for (int i = 0; i < 200; ++i)
                ids << addImage(items, QStringLiteral("h%1").arg(i));
        }
        std::atomic<bool> writerDone{false};
        std::atomic<int> readerErrors{0};
        std::atomic<int> reads{0};
        QThread *reader = QThread::create([&] {
            QString e;
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("reader"), &e);
            if (!db) {
                ++readerErrors;
                return;
            }
            ItemStore items(*db);
            qint64 lastLabeled = 0;
            while (!writerDone) {
                QString statsError;
                const ItemStore::Stats s = items.stats(&statsError);
                const qint64 labeled = s.total() - s.count(Label::None);
                // Readers see whole commits only, and labels never go away.
                if (!statsError.isEmpty() || s.total() != 200 || labeled < lastLabeled)
                    ++readerErrors;
                lastLabeled = labeled;
                ++reads;
            }
        });
        QThread *writer = QThread::create([&] {
            QString e;
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("writer"), &e);
            if (!db)
                return;
            LabelStore labels(*db);
            for (int wait = 0; reads.load() == 0 && wait < 5000; ++wait)
                QThread::msleep(1);
            for (qint64 id : ids)
                labels.setLabel({id}, Label::Nsfw, QStringLiteral("w"), QStringLiteral("manual"), &e);
            writerDone = true;
        });
        reader->start();
        writer->start();
        QVERIFY(writer->wait(60000));
        QVERIFY(reader->wait(60000));
        delete reader;
        delete writer;
        QCOMPARE(readerErrors.load(), 0);
        QVERIFY(reads.load() > 0);
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("check"), &error);
        QCOMPARE(ItemStore(*db).stats().count(Label::Nsfw), 200);
    }

    void nestedTransactionsRollBackTogether()
    {
        QTemporaryDir dir;
        QString error;
        auto db = ProjectDatabase::open(dir.filePath(QStringLiteral("tx.nwproj")), ProjectDatabase::OpenMode::CreateNew,
                                        QStringLiteral("t"), &error);
        ItemStore items(*db);
        {
            Transaction outer(*db);
            QVERIFY(outer.isActive());
            addImage(items, QStringLiteral("a"));
            {
                Transaction inner(*db);
                addImage(items, QStringLiteral("b"));
                QVERIFY(inner.commit());
            }
            // outer not committed: both inserts go
        }
        QCOMPARE(items.stats().total(), 0);
        {
            Transaction outer(*db);
            addImage(items, QStringLiteral("a"));
            {
                Transaction inner(*db);
                addImage(items, QStringLiteral("b"));
                // inner rolled back
            }
            QVERIFY(outer.commit());
        }
        QCOMPARE(items.stats().total(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProjectDatabase)
#include "tst_projectdatabase.moc"
