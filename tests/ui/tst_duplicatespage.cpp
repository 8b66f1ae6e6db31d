// The Duplicates tab with real widgets (offscreen), on a file and on a server project: a project of clip art with
// planted near-copies (resized and recompressed copies written here) among unrelated pictures, one copy's hash
// missing as in a project imported before hashes existed. The tab lists the planted groups, the conflicting one
// first; labeling a group (key and button) labels every member in the project; keep-one writes the exclusions with
// their reason and include-again takes them back; "not duplicates" takes the group away for good (after a refresh and
// after reopening); the gallery's badge role is set on group members only; a copy imported by another program joins
// its group.
#include "duplicatedelegate.h"
#include "duplicatespage.h"
#include "gallery/duplicategroupmodel.h"
#include "gallery/gallerymodel.h"
#include "labelingpage.h"
#include "mainwindow.h"
#include "media/importer.h"
#include "store/duplicatedecisionstore.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace nsfw;
using namespace nsfw::ui;

namespace {

/// A clip-art picture on white (its transparency would hash as black).
QImage onWhite(const QString &path)
{
    const QImage source(path);
    QImage image(source.size(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter(&image).drawImage(0, 0, source);
    return image;
}

QImage scaled(const QImage &image, double factor)
{
    return image.scaled(image.size() * factor, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

/// n clip-art files of a category with different contents (the package holds some pictures twice), or fewer.
QStringList distinctClipArt(int n, const QString &category)
{
    QStringList files;
    QSet<QString> seen;
    for (const QString &path : test::clipArt(5 * n, category)) {
        const QString hash = contentHashOfFile(path, nullptr);
        if (files.size() < n && !seen.contains(hash)) {
            seen.insert(hash);
            files << path;
        }
    }
    return files;
}

QSet<qint64> toSet(const QVector<qint64> &ids)
{
    return QSet<qint64>(ids.cbegin(), ids.cend());
}

} // namespace

class TestDuplicatesPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    QString m_media;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester; ///< watches the groups model through every change
    QVector<qint64> m_a; ///< original (labeled safe), a resized JPEG copy (labeled nsfw): a conflict
    QVector<qint64> m_b; ///< original, a resized JPEG copy, a full-size JPEG copy whose hash is missing
    QVector<qint64> m_unrelated;
    QString m_aOriginal;
    int m_projects = 0;

    DuplicatesPage *page() const { return m_window->duplicatesPage(); }
    DuplicateGroupModel *groups() const { return page()->model(); }

    std::unique_ptr<ProjectDatabase> reader() const
    {
        static int n = 0;
        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting,
                                        QStringLiteral("check%1").arg(++n), &error);
        if (!db)
            qWarning() << error;
        return db;
    }

    /// The ids of each listed group, as sets.
    QList<QSet<qint64>> listed() const
    {
        QList<QSet<qint64>> list;
        for (int row = 0; row < groups()->rowCount(); ++row)
            list << toSet(groups()->group(row)->ids());
        return list;
    }
    int rowOf(const QVector<qint64> &planted) const { return groups()->rowOfItem(planted.first()); }
    /// The member of the item's group that is the item (members are in id order, the import's order is not ours).
    const Item *member(qint64 id) const
    {
        const DuplicateGroup *g = groups()->group(groups()->rowOfItem(id));
        for (int i = 0; g && i < g->members.size(); ++i) {
            if (g->members.at(i).id == id)
                return &g->members.at(i);
        }
        return nullptr;
    }
    int memberIndex(qint64 id) const
    {
        const DuplicateGroup *g = groups()->group(groups()->rowOfItem(id));
        return g ? int(g->ids().indexOf(id)) : -1;
    }

    bool openWindow()
    {
        m_tester.reset();
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return false;
        m_window->pages()->setCurrentWidget(page());
        QSignalSpy scanned(page(), &DuplicatesPage::scanFinished);
        m_tester = std::make_unique<QAbstractItemModelTester>(page()->model(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        if (!m_window->openProject(m_project, false))
            return false;
        return scanned.wait(60000) && scanned.first().at(1).toString().isEmpty();
    }

    qint64 idOf(ProjectDatabase &db, const QString &path) const
    {
        const auto item = ItemStore(db).findByPath(db.storedPath(path));
        return item ? item->id : 0;
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("tester"));
        if (distinctClipArt(8, QStringLiteral("food")).size() < 8 ||
            distinctClipArt(2, QStringLiteral("animals")).size() < 2)
            NSFW_REQUIRE_SETUP("openclipart-png is not installed");
    }

    void init()
    {
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        m_media = m_dir.filePath(QStringLiteral("media%1").arg(++m_projects));
        QVERIFY(QDir().mkpath(m_media));
        // Two animals with planted copies; unrelated food pictures around them.
        const QStringList animals = distinctClipArt(2, QStringLiteral("animals"));
        QCOMPARE(animals.size(), 2);
        const QImage a = onWhite(animals.at(0)), b = onWhite(animals.at(1));
        QVERIFY(!a.isNull() && !b.isNull());
        m_aOriginal = m_media + QStringLiteral("/a.png");
        QVERIFY(a.save(m_aOriginal));
        QVERIFY(scaled(a, 0.6).save(m_media + QStringLiteral("/a-small.jpg"), "JPEG", 45));
        QVERIFY(b.save(m_media + QStringLiteral("/b.png")));
        QVERIFY(scaled(b, 0.5).save(m_media + QStringLiteral("/b-small.jpg"), "JPEG", 40));
        QVERIFY(b.save(m_media + QStringLiteral("/b-recompressed.jpg"), "JPEG", 30));
        const QStringList food = distinctClipArt(8, QStringLiteral("food"));
        QCOMPARE(food.size(), 8);
        for (int i = 0; i < food.size(); ++i)
            QVERIFY(QFile::copy(food.at(i), m_media + QStringLiteral("/food%1.png").arg(i)));

        m_project = test::freshProjectLocation(test::currentBackend(), m_dir);
        QVERIFY(!m_project.isEmpty());
        QString error;
        {
            auto db =
                ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error);
            QVERIFY2(db, qPrintable(error));
            if (db->isServer())
                QVERIFY(db->setMediaRoot(m_media, &error)); // this user's mapping: no window asks
        }
        ImportOptions options;
        options.paths = {m_media};
        const ImportSummary summary = Importer(m_project, options).run();
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        for (const SkippedFile &f : summary.skipped)
            qWarning() << "skipped" << f.path << f.reason;
        QCOMPARE(summary.duplicates, 0);
        QCOMPARE(summary.imported, 13);

        auto db = reader();
        QVERIFY(db);
        m_a = {idOf(*db, m_aOriginal), idOf(*db, m_media + QStringLiteral("/a-small.jpg"))};
        m_b = {idOf(*db, m_media + QStringLiteral("/b.png")), idOf(*db, m_media + QStringLiteral("/b-small.jpg")),
               idOf(*db, m_media + QStringLiteral("/b-recompressed.jpg"))};
        m_unrelated.clear();
        for (int i = 0; i < food.size(); ++i)
            m_unrelated << idOf(*db, m_media + QStringLiteral("/food%1.png").arg(i));
        QVERIFY(!m_a.contains(0) && !m_b.contains(0) && !m_unrelated.contains(0));
        QCOMPARE(LabelStore(*db).setLabel({m_a.at(0)}, Label::Safe, QStringLiteral("setup"), QStringLiteral("cli")), 1);
        QCOMPARE(LabelStore(*db).setLabel({m_a.at(1)}, Label::Nsfw, QStringLiteral("setup"), QStringLiteral("cli")), 1);
        // As if imported before hashes existed: the tab computes it.
        QSqlQuery q(db->db());
        q.prepare(QStringLiteral("DELETE FROM media_hashes WHERE item_id = ?"));
        q.addBindValue(m_b.at(2));
        QVERIFY(q.exec());
        db.reset();
        QVERIFY(openWindow());
    }

    void cleanup()
    {
        m_tester.reset();
        m_window.reset();
    }

    void listsThePlantedGroupsConflictsFirst()
    {
        const QList<QSet<qint64>> list = listed();
        QVERIFY2(list.contains(toSet(m_a)), qPrintable(QDebug::toString(list)));
        QVERIFY2(list.contains(toSet(m_b)), qPrintable(QDebug::toString(list))); // its missing hash was computed
        // The conflicting pair comes before the larger group; a clean group of three before any pair.
        QCOMPARE(rowOf(m_a), 0);
        QVERIFY(groups()->index(0).data(DuplicateGroupModel::ConflictRole).toBool());
        QVERIFY(!groups()->index(rowOf(m_b)).data(DuplicateGroupModel::ConflictRole).toBool());
        for (int row = 1; row < groups()->rowCount(); ++row) {
            QVERIFY(!groups()->group(row)->conflict);
            QVERIFY(groups()->group(row)->members.size() <= groups()->group(row - 1)->members.size() || row == 1);
        }
        QVERIFY(page()->summary().contains(QStringLiteral("1 with conflicting labels")));
        QVERIFY2(page()->summary().contains(QStringLiteral("among 13 hashed")), qPrintable(page()->summary()));
        // What the row shows: each member's label and its numbers.
        QCOMPARE(member(m_a.at(0))->label, Label::Safe);
        QCOMPARE(member(m_a.at(1))->label, Label::Nsfw);
        QVERIFY(member(m_a.at(0))->width > member(m_a.at(1))->width);
        QVERIFY(member(m_a.at(1))->fileSize > 0);
        // Unlabeled and nsfw members are covered as in the gallery; safe ones are not.
        QVERIFY(page()->delegate()->covers(Label::None, std::nullopt));
        QVERIFY(page()->delegate()->covers(Label::Nsfw, std::nullopt));
        QVERIFY(!page()->delegate()->covers(Label::Safe, std::nullopt));
    }

    void labelingTheGroupLabelsEveryMember()
    {
        // The N key on group B: every member nsfw, in the project, by the window's annotator.
        page()->view()->setCurrentIndex(groups()->index(rowOf(m_b)));
        page()->view()->setFocus();
        QTest::keyClick(page()->view(), Qt::Key_N);
        auto db = reader();
        for (qint64 id : m_b) {
            // Committed at once, or (when a background pass of this window holds the write lock) a moment later.
            QTRY_COMPARE(LabelStore(*db).current(id), Label::Nsfw);
            QCOMPARE(LabelStore(*db).history(id).constLast().annotator, QStringLiteral("tester"));
        }
        for (const Item &item : groups()->group(rowOf(m_b))->members)
            QCOMPARE(item.label, Label::Nsfw);
        // The Safe button on the conflicting group: no conflict any more, in the row and in the gallery's badge.
        page()->view()->setCurrentIndex(groups()->index(rowOf(m_a)));
        QTest::mouseClick(page()->labelButton(Label::Safe), Qt::LeftButton);
        for (qint64 id : m_a)
            QTRY_COMPARE(LabelStore(*db).current(id), Label::Safe);
        QVERIFY(!groups()->group(rowOf(m_a))->conflict);
        GalleryModel *gallery = m_window->labelingPage()->model();
        QVERIFY(!gallery->index(gallery->rowOf(m_a.at(1))).data(GalleryModel::DuplicateConflictRole).toBool());
        // One edit of the window's session: undo gives both their labels back.
        QVERIFY(m_window->labelingPage()->session());
        QTest::keyClick(page()->view(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(LabelStore(*db).current(m_a.at(0)), Label::Safe);
        QTRY_COMPARE(LabelStore(*db).current(m_a.at(1)), Label::Nsfw);
        QVERIFY(groups()->group(rowOf(m_a))->conflict);
    }

    void keepOneWritesExclusions()
    {
        // Group A: the small copy clicked, then kept; the original is hidden as its near-copy.
        const int rowA = rowOf(m_a);
        page()->view()->scrollTo(groups()->index(rowA));
        const QRect tile = page()->view()->memberRect(rowA, memberIndex(m_a.at(1)));
        QVERIFY(!tile.isEmpty());
        QTest::mouseClick(page()->view()->viewport(), Qt::LeftButton, {}, tile.center());
        QCOMPARE(page()->currentRow(), rowA);
        QCOMPARE(page()->chosenMember(), m_a.at(1));
        QTest::mouseClick(page()->keepOneButton(), Qt::LeftButton);
        auto db = reader();
        QHash<qint64, QString> excluded = DuplicateDecisionStore(*db).exclusions();
        QCOMPARE(excluded.size(), 1);
        QCOMPARE(excluded.value(m_a.at(0)), QStringLiteral("near-copy of #%1").arg(m_a.at(1)));
        QCOMPARE(groups()->index(rowA).data(DuplicateGroupModel::ExcludedRole).toInt(), 1);

        // Group B, nothing chosen: the largest picture (the full-size PNG) stays.
        page()->view()->setCurrentIndex(groups()->index(rowOf(m_b)));
        QCOMPARE(page()->chosenMember(), 0);
        QVERIFY(page()->keepOne());
        excluded = DuplicateDecisionStore(*db).exclusions();
        QCOMPARE(excluded.size(), 3);
        QVERIFY(!excluded.contains(m_b.at(0)));
        QCOMPARE(excluded.value(m_b.at(1)), QStringLiteral("near-copy of #%1").arg(m_b.at(0)));
        QCOMPARE(excluded.value(m_b.at(2)), QStringLiteral("near-copy of #%1").arg(m_b.at(0)));

        // Include again: group A's members all take part again; B's decision stays.
        page()->view()->setCurrentIndex(groups()->index(rowA));
        QVERIFY(page()->includeButton()->isEnabled());
        QTest::mouseClick(page()->includeButton(), Qt::LeftButton);
        excluded = DuplicateDecisionStore(*db).exclusions();
        QCOMPARE(toSet(excluded.keys().toVector()), toSet({m_b.at(1), m_b.at(2)}));
        QVERIFY(!page()->includeButton()->isEnabled());
    }

    void galleryBadgesOnMembersOnly()
    {
        GalleryModel *gallery = m_window->labelingPage()->model();
        QVERIFY(gallery->rowCount() >= 13);
        for (int row = 0; row < gallery->rowCount(); ++row) {
            const qint64 id = gallery->idAt(row);
            const QVariant badge = gallery->index(row).data(GalleryModel::DuplicateGroupRole);
            const int group = groups()->rowOfItem(id);
            QCOMPARE(badge.isValid(), group >= 0);
            if (group >= 0) {
                QCOMPARE(badge.toInt(), groups()->number(group));
                QVERIFY(
                    gallery->index(row).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Near-copy group")));
            }
        }
        QCOMPARE(gallery->index(gallery->rowOf(m_a.at(0))).data(GalleryModel::DuplicateGroupRole).toInt(), 1);
        QVERIFY(gallery->index(gallery->rowOf(m_a.at(0))).data(GalleryModel::DuplicateConflictRole).toBool());
    }

    void notDuplicatesIsRemembered()
    {
        page()->view()->setCurrentIndex(groups()->index(rowOf(m_b)));
        const int before = groups()->rowCount();
        QTest::mouseClick(page()->notDuplicatesButton(), Qt::LeftButton);
        QCOMPARE(groups()->rowCount(), before - 1);
        QVERIFY(!listed().contains(toSet(m_b)));
        QCOMPARE(groups()->rowOfItem(m_b.at(0)), -1);
        GalleryModel *gallery = m_window->labelingPage()->model();
        for (qint64 id : m_b)
            QVERIFY(!gallery->index(gallery->rowOf(id)).data(GalleryModel::DuplicateGroupRole).isValid());
        QCOMPARE(DuplicateDecisionStore(*reader()).notDuplicates().size(), 3); // every pair of the three

        // Looked for again, and in a window opened afresh: never grouped again.
        QSignalSpy scanned(page(), &DuplicatesPage::scanFinished);
        QTest::mouseClick(page()->refreshButton(), Qt::LeftButton);
        QVERIFY(scanned.wait(60000));
        QVERIFY(!listed().contains(toSet(m_b)));
        QVERIFY(listed().contains(toSet(m_a)));
        m_tester.reset();
        m_window.reset();
        QVERIFY(openWindow());
        QVERIFY(!listed().contains(toSet(m_b)));
        QCOMPARE(groups()->rowOfItem(m_b.at(1)), -1);
        QVERIFY(listed().contains(toSet(m_a)));
    }

    void aCopyImportedElsewhereJoinsItsGroup()
    {
        // Another program (the command line) imports one more copy of A: the tab groups again by itself.
        const QString copy = m_media + QStringLiteral("/a-copy.jpg"); // under a server project's media root too
        QVERIFY(scaled(QImage(m_aOriginal), 0.75).save(copy, "JPEG", 55));
        QSignalSpy scanned(page(), &DuplicatesPage::scanFinished);
        ImportOptions options;
        options.paths = {copy};
        QCOMPARE(Importer(m_project, options).run().imported, 1);
        QTRY_VERIFY_WITH_TIMEOUT(groups()->rowOfItem(m_a.at(0)) >= 0 &&
                                     groups()->group(groups()->rowOfItem(m_a.at(0)))->members.size() == 3,
                                 20000);
        QVERIFY(scanned.count() >= 1);
    }
};

QTEST_MAIN(TestDuplicatesPage)
#include "tst_duplicatespage.moc"
