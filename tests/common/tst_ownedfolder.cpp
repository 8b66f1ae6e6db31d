// OwnedFolder: the only way the tool replaces a folder. A folder it did not write is never deleted.
#include "common/ownedfolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using nsfw::OwnedFolder;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Writes one file "model.json" with the given content into target through OwnedFolder.
bool writeModel(const QString &target, OwnedFolder::Existing existing, const QByteArray &content, QString *error)
{
    OwnedFolder folder(target, existing);
    if (!folder.begin(error))
        return false;
    writeFile(folder.stagingPath() + QStringLiteral("/model.json"), content);
    writeFile(folder.stagingPath() + QStringLiteral("/group1-shard1of1.bin"), "weights");
    return folder.commit(error);
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestOwnedFolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newAndEmptyFoldersAreWritten()
    {
        QTemporaryDir dir;
        QString error;
        const QString fresh = dir.filePath(QStringLiteral("a/b/model"));
        QVERIFY2(writeModel(fresh, OwnedFolder::Existing::Refuse, "1", &error), qPrintable(error));
        QCOMPARE(readFile(fresh + QStringLiteral("/model.json")), QByteArray("1"));
        QVERIFY(QFileInfo::exists(fresh + QLatin1Char('/') + QLatin1String(OwnedFolder::kMarkerName)));
        const QString empty = dir.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        QVERIFY2(writeModel(empty, OwnedFolder::Existing::Refuse, "2", &error), qPrintable(error));
        QCOMPARE(readFile(empty + QStringLiteral("/model.json")), QByteArray("2"));
        // No staging or backup folder is left beside them.
        QCOMPARE(entries(dir.path()), (QStringList{QStringLiteral("a"), QStringLiteral("empty")}));
    }

    void aFolderOfTheUsersIsNeverTouched_data()
    {
        QTest::addColumn<int>("existing");
        QTest::newRow("refuse") << int(OwnedFolder::Existing::Refuse);
        QTest::newRow("force") << int(OwnedFolder::Existing::Replace);
    }

    void aFolderOfTheUsersIsNeverTouched()
    {
        // --out ~/Documents, or the folder holding the project: before the fix it was renamed and deleted.
        QFETCH(int, existing);
        QTemporaryDir dir;
        const QString documents = dir.filePath(QStringLiteral("Documents"));
        QDir().mkpath(documents + QStringLiteral("/taxes"));
        writeFile(documents + QStringLiteral("/letter.txt"), "dear");
        writeFile(documents + QStringLiteral("/project.nwproj"), "SQLite format 3");
        // A model.json of someone else's does not make the folder ours either.
        writeFile(documents + QStringLiteral("/model.json"), R"({"format": "layers-model"})");
        QString error;
        QVERIFY(!writeModel(documents, OwnedFolder::Existing(existing), "new", &error));
        QVERIFY2(error.contains(QStringLiteral("is not a folder NSFW Workbench wrote")), qPrintable(error));
        QCOMPARE(readFile(documents + QStringLiteral("/letter.txt")), QByteArray("dear"));
        QCOMPARE(readFile(documents + QStringLiteral("/model.json")), QByteArray(R"({"format": "layers-model"})"));
        QVERIFY(QFileInfo(documents + QStringLiteral("/taxes")).isDir());
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("Documents")});
    }

    void siblingsNamedLikeScratchFoldersSurvive()
    {
        // The old code removed DIR.old and DIR.tmp recursively before writing DIR.
        QTemporaryDir dir;
        for (const char *name : {"model.old", "model.tmp"}) {
            QDir().mkpath(dir.filePath(QLatin1String(name)));
            writeFile(dir.filePath(QLatin1String(name)) + QStringLiteral("/keep.txt"), "mine");
        }
        QString error;
        const QString target = dir.filePath(QStringLiteral("model"));
        QVERIFY2(writeModel(target, OwnedFolder::Existing::Refuse, "1", &error), qPrintable(error));
        QVERIFY2(writeModel(target, OwnedFolder::Existing::Replace, "2", &error), qPrintable(error));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("model.old/keep.txt"))), QByteArray("mine"));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("model.tmp/keep.txt"))), QByteArray("mine"));
        QCOMPARE(entries(dir.path()),
                 (QStringList{QStringLiteral("model"), QStringLiteral("model.old"), QStringLiteral("model.tmp")}));
    }

    void ourOwnFolderIsReplacedOnlyWhenAsked()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("export"));
        QString error;
        QVERIFY(writeModel(target, OwnedFolder::Existing::Refuse, "1", &error));
        QVERIFY(!writeModel(target, OwnedFolder::Existing::Refuse, "2", &error));
        QVERIFY2(error.contains(QStringLiteral("--force")), qPrintable(error));
        QCOMPARE(readFile(target + QStringLiteral("/model.json")), QByteArray("1"));
        QVERIFY2(writeModel(target, OwnedFolder::Existing::Replace, "3", &error), qPrintable(error));
        QCOMPARE(readFile(target + QStringLiteral("/model.json")), QByteArray("3"));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("export")});
    }

    void aFileAddedToOurFolderMakesItForeign()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("export"));
        QString error;
        QVERIFY(writeModel(target, OwnedFolder::Existing::Refuse, "1", &error));
        writeFile(target + QStringLiteral("/notes.txt"), "my notes");
        QVERIFY(!writeModel(target, OwnedFolder::Existing::Replace, "2", &error));
        QVERIFY2(error.contains(QStringLiteral("notes.txt")), qPrintable(error));
        QCOMPARE(readFile(target + QStringLiteral("/notes.txt")), QByteArray("my notes"));
        QCOMPARE(readFile(target + QStringLiteral("/model.json")), QByteArray("1"));
    }

    void aModelExportedBeforeMarkersIsRecognised()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("old-export"));
        QDir().mkpath(target);
        writeFile(target + QStringLiteral("/model.json"),
                  R"json({"generatedBy": "NSFW Workbench (fine-tuned)", "weightsManifest": [{"paths": ["group1-shard1of1.bin"]}]})json");
        writeFile(target + QStringLiteral("/group1-shard1of1.bin"), "w");
        QString error;
        QVERIFY2(writeModel(target, OwnedFolder::Existing::Replace, "new", &error), qPrintable(error));
        QCOMPARE(readFile(target + QStringLiteral("/model.json")), QByteArray("new"));
    }

    void aTreeWithLinksIsReplacedWhole()
    {
        // A dataset export: subfolders and symbolic links it made, all listed in the marker, all replaced; the files
        // the links point to stay, and so does a file of the user's put into one of its subfolders.
        QTemporaryDir dir;
        const QString picture = dir.filePath(QStringLiteral("picture.png"));
        writeFile(picture, "png");
        const QString target = dir.filePath(QStringLiteral("dataset"));
        QString error;
        auto writeTree = [&](const QString &leaf) {
            OwnedFolder folder(target, OwnedFolder::Existing::Replace);
            if (!folder.begin(&error))
                return false;
            QDir().mkpath(folder.stagingPath() + QStringLiteral("/train/") + leaf);
            writeFile(folder.stagingPath() + QStringLiteral("/train/") + leaf + QStringLiteral("/frame.jpg"), "jpg");
            QFile::link(picture, folder.stagingPath() + QStringLiteral("/train/") + leaf + QStringLiteral("/p.png"));
            return folder.commit(&error);
        };
        QVERIFY2(writeTree(QStringLiteral("safe")), qPrintable(error));
        QVERIFY(QFileInfo(target + QStringLiteral("/train/safe/p.png")).isSymLink());
        QVERIFY2(OwnedFolder::isOwned(target, nullptr, &error), qPrintable(error));
        QVERIFY2(writeTree(QStringLiteral("nsfw")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(target + QStringLiteral("/train/safe")));
        QCOMPARE(readFile(target + QStringLiteral("/train/nsfw/p.png")), QByteArray("png"));
        QCOMPARE(readFile(picture), QByteArray("png"));
        QCOMPARE(entries(dir.path()), (QStringList{QStringLiteral("dataset"), QStringLiteral("picture.png")}));
        // A link or a folder of the user's inside it makes it foreign.
        QDir().mkpath(target + QStringLiteral("/train/mine"));
        QVERIFY(!writeTree(QStringLiteral("safe")));
        QVERIFY2(error.contains(QStringLiteral("train/mine")), qPrintable(error));
        QVERIFY(QDir().rmdir(target + QStringLiteral("/train/mine")));
        QVERIFY(QFile::link(picture, target + QStringLiteral("/train/nsfw/other.png")));
        QVERIFY(!writeTree(QStringLiteral("safe")));
        QVERIFY2(error.contains(QStringLiteral("other.png")), qPrintable(error));
        QVERIFY(QFileInfo(target + QStringLiteral("/train/nsfw/frame.jpg")).isFile());
    }

    void filesAndLinksAreRefused()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("report.pdf"));
        writeFile(file, "%PDF");
        QString error;
        QVERIFY(!writeModel(file, OwnedFolder::Existing::Replace, "x", &error));
        QVERIFY2(error.contains(QStringLiteral("is not a folder")), qPrintable(error));
        QCOMPARE(readFile(file), QByteArray("%PDF"));
        const QString elsewhere = dir.filePath(QStringLiteral("elsewhere"));
        QVERIFY(writeModel(elsewhere, OwnedFolder::Existing::Refuse, "1", &error));
        const QString link = dir.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(elsewhere, link));
        QVERIFY(!writeModel(link, OwnedFolder::Existing::Replace, "2", &error));
        QCOMPARE(readFile(elsewhere + QStringLiteral("/model.json")), QByteArray("1"));
        QVERIFY(QFileInfo(link).isSymLink());
    }
};

QTEST_GUILESS_MAIN(TestOwnedFolder)
#include "tst_ownedfolder.moc"
