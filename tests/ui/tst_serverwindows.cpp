// Two windows on one server project (each with its own connection, as two annotators on two machines would have):
// a label given in one appears in the other within a second and a half (cell, status counts, history), both ways,
// undo included. With the server away (sessions ended, connections refused, a real restart), a label waits,
// shown pending with the reason in the status bar, is written once when the server is back, and reaches the other
// window; closing with labels waiting asks, then waits or gives them up as the user chose.
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallerypanel.h"
#include "historypanel.h"
#include "labelingpage.h"
#include "mainwindow.h"
#include "media/importer.h"
#include "modaldialogs.h"
#include "statuspanel.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

#include <algorithm>
#include <vector>

using namespace nsfw;
using namespace nsfw::ui;

namespace {

/// Runs statements on a database of the test server through a connection of its own (as psql would), and returns
/// the first column of the last statement's first row.
QVariant onServer(const QString &url, const QStringList &statements, const QVariantList &binds = {})
{
    static int n = 0;
    const QString name = QStringLiteral("serverwindows-raw-%1").arg(++n);
    QVariant value;
    {
        QString error;
        if (!test::addPostgresConnection(url, name, &error)) {
            qWarning("%s", qPrintable(error));
        } else {
            QSqlQuery q(QSqlDatabase::database(name, false));
            for (const QString &s : statements) {
                bool ok;
                if (binds.isEmpty()) {
                    ok = q.exec(s); // QPSQL prepares with PREPARE, which takes no ALTER DATABASE
                } else {
                    q.prepare(s);
                    for (const QVariant &b : binds)
                        q.addBindValue(b);
                    ok = q.exec();
                }
                if (!ok) {
                    qWarning("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
                    value = QVariant();
                    break;
                }
                value = q.next() ? q.value(0) : QVariant();
            }
        }
        QSqlDatabase::database(name, false).close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

/// How long a window may take to notice that the server is back: its reconnection probe backs off to 8 s.
constexpr int kBackMs = 10000;

double median(std::vector<double> v)
{
    return test::percentile(std::move(v), 0.5);
}

} // namespace

class TestServerWindows : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_url;      ///< the project
    QString m_admin;    ///< the server's postgres database (NSFW_TEST_PG)
    QString m_database; ///< the project's database name
    std::unique_ptr<MainWindow> m_a, m_b;
    test::ModalDialogs m_dialogs;
    std::vector<double> m_latencies;
    std::vector<double> m_commits;    ///< of the same labels: the write in the labeling window (committed with fsync)
    std::vector<double> m_keyHandled; ///< of the same labels: until the key press returned in the labeling window
    int m_items = 0;

    static LabelingPage *page(MainWindow &w) { return w.labelingPage(); }
    static GalleryModel *model(MainWindow &w) { return w.labelingPage()->model(); }
    static QAbstractItemView *view(MainWindow &w) { return w.labelingPage()->gallery()->view(); }
    static int labelShown(MainWindow &w, qint64 id)
    {
        const int row = model(w)->rowOf(id);
        return row < 0 ? -2 : model(w)->index(row).data(GalleryModel::LabelRole).toInt();
    }
    static bool pendingShown(MainWindow &w, qint64 id)
    {
        const int row = model(w)->rowOf(id);
        return row >= 0 && model(w)->index(row).data(GalleryModel::PendingRole).toBool();
    }
    static qint64 count(MainWindow &w, Label l) { return w.statusPanel()->counts()[int(l) + 1]; }
    /// The status bar's texts (counts, waiting labels, session rate): what the annotator reads there.
    static QString statusText(MainWindow &w)
    {
        QStringList texts;
        for (QLabel *l : w.statusPanel()->findChildren<QLabel *>()) {
            if (l->isVisible())
                texts << l->text();
        }
        return texts.join(QLatin1Char('\n'));
    }
    /// The newest entry of the history panel (it shows the viewer's item): label, annotator, how.
    static QStringList historyTop(MainWindow &w)
    {
        QTreeWidgetItem *top = page(w)->history()->tree()->topLevelItem(0);
        return top ? QStringList{top->text(1), top->text(3), top->text(4)} : QStringList();
    }

    /// Makes the window the active one with its gallery focused, as a click into it would: the label keys are
    /// shortcuts of the active window.
    static bool focusGallery(MainWindow &w)
    {
        w.activateWindow();
        if (!QTest::qWaitForWindowActive(&w))
            return false;
        view(w)->setFocus();
        return true;
    }
    /// Clicks the item's cell and presses the key, as the annotator does. (A click, not setCurrentIndex: after QTest's
    /// Ctrl+Z the application still believes Ctrl is held, and setCurrentIndex would add the cell to the selection.)
    static bool labelByKey(MainWindow &w, qint64 id, Qt::Key key)
    {
        if (!focusGallery(w))
            return false;
        const int row = model(w)->rowOf(id);
        if (row < 0)
            return false;
        QAbstractItemView *v = view(w);
        v->scrollTo(model(w)->index(row));
        QTest::mouseClick(v->viewport(), Qt::LeftButton, {}, v->visualRect(model(w)->index(row)).center());
        if (v->selectionModel()->selectedIndexes() != QModelIndexList{model(w)->index(row)})
            return false;
        QTest::keyClick(v, key);
        return true;
    }
    static void show(MainWindow &w, qint64 id)
    {
        view(w)->selectionModel()->setCurrentIndex(model(w)->index(model(w)->rowOf(id)),
                                                   QItemSelectionModel::ClearAndSelect);
    }

    /// Presses the key on the item in `from` and returns the ms until `to`'s cell shows the label (-1: not within
    /// timeoutMs).
    double labelAndWait(MainWindow &from, MainWindow &to, qint64 id, Qt::Key key, Label expected, int timeoutMs = 1500)
    {
        double arrived = -1;
        QElapsedTimer clock;
        const auto c = connect(model(to), &QAbstractItemModel::dataChanged, this, [&] {
            if (arrived < 0 && labelShown(to, id) == int(expected))
                arrived = clock.nsecsElapsed() / 1e6;
        });
        clock.start();
        if (!labelByKey(from, id, key))
            return -1;
        m_keyHandled.push_back(clock.nsecsElapsed() / 1e6);
        m_commits.push_back(page(from)->session()->lastWriteMs());
        while (arrived < 0 && clock.elapsed() < timeoutMs)
            QTest::qWait(1);
        disconnect(c);
        return arrived;
    }

    int historyEntries(qint64 id, Label label)
    {
        return onServer(m_url, {QStringLiteral("SELECT count(*) FROM label_history WHERE item_id = ? AND label = ?")},
                        {id, int(label)})
            .toInt();
    }

    std::unique_ptr<MainWindow> openWindow()
    {
        auto w = std::make_unique<MainWindow>();
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()) || !w->openProject(m_url, false))
            return nullptr;
        return w;
    }

    /// Ends every session of the project's database except the caller's, and waits until they are gone.
    bool endSessions()
    {
        const QString sessions =
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()");
        const QVariant ended = onServer(m_admin,
                                        {QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                                        " WHERE datname = ? AND pid <> pg_backend_pid()")},
                                        {m_database});
        if (ended.toInt() < 2)
            return false; // both windows had a session
        QElapsedTimer t;
        t.start();
        // While connections are refused nobody comes back; otherwise the windows may reconnect at once, which is fine.
        while (onServer(m_admin, {sessions}, {m_database}).toInt() >= ended.toInt() && t.elapsed() < 5000)
            QTest::qWait(10);
        return true;
    }
    bool allowConnections(bool allow)
    {
        // Refuses new sessions to the database, superusers included: the server is "away" for this project.
        return onServer(m_admin, {QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS %2")
                                      .arg(m_database, allow ? QStringLiteral("true") : QStringLiteral("false")),
                                  QStringLiteral("SELECT 1")})
                   .toInt() == 1;
    }

    /// An item both windows show unlabeled, other than the ones used so far.
    qint64 freshItem()
    {
        for (qint64 id : model(*m_a)->ids()) {
            if (labelShown(*m_a, id) == int(Label::None) && labelShown(*m_b, id) == int(Label::None) &&
                !m_used.contains(id)) {
                m_used.insert(id);
                return id;
            }
        }
        return 0;
    }
    QSet<qint64> m_used;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("tester"));
        NSFW_REQUIRE_BACKEND(QStringLiteral("postgresql"));
        const QStringList clips = test::clipArt(12, QStringLiteral("animals"));
        if (clips.size() < 12)
            NSFW_REQUIRE_SETUP("openclipart-png is not installed");
        // The media under a folder of their own: the project stores paths relative to it, each user maps it.
        const QString media = m_dir.filePath(QStringLiteral("media"));
        QVERIFY(QDir().mkpath(media));
        for (int i = 0; i < clips.size(); ++i) // two folders may hold the same name
            QVERIFY(
                QFile::copy(clips.at(i), media + QStringLiteral("/%1-").arg(i) + QFileInfo(clips.at(i)).fileName()));
        QString error;
        m_url = test::freshPostgresDatabase(&error);
        QVERIFY2(!m_url.isEmpty(), qPrintable(error));
        m_admin = qEnvironmentVariable("NSFW_TEST_PG");
        m_database = QUrl(m_url).path().mid(1);
        {
            auto db =
                ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(db->setMediaRoot(media, &error)); // this user's mapping (QSettings): no window asks for it
        }
        ImportOptions options;
        options.paths = {media};
        const ImportSummary summary = Importer(m_url, options).run();
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        // Pictures that are copies of one another are one item (duplicates).
        QCOMPARE(summary.imported + summary.duplicates, 12);
        QVERIFY(summary.imported >= 10);
        m_items = summary.imported;

        m_a = openWindow();
        m_b = openWindow();
        QVERIFY(m_a && m_b);
        QVERIFY(m_a->database() != m_b->database());
        // One session each. The import's session ended on the client side; the server drops it a moment later; and
        // a window opens short-lived ones of its own now and then (a run's liveness check takes the run lock on a
        // connection of its own), so the count is read until it is 2, not read again after (QTRY_COMPARE would).
        int sessions = -1;
        QElapsedTimer waited;
        waited.start();
        while ((sessions = onServer(m_admin,
                                    {QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = ?"
                                                    " AND backend_type = 'client backend'")},
                                    {m_database})
                               .toInt())
                   != 2
               && waited.elapsed() < 10000)
            QTest::qWait(50);
        QCOMPARE(sessions, 2);
        for (MainWindow *w : {m_a.get(), m_b.get()}) {
            QCOMPARE(model(*w)->rowCount(), m_items);
            QCOMPARE(count(*w, Label::None), m_items);
            QVERIFY(w->database()->hasMediaRoot());
        }
        page(*m_a)->session()->setAnnotator(QStringLiteral("anna"));
        page(*m_b)->session()->setAnnotator(QStringLiteral("bert"));
    }

    void init() { m_dialogs.clear(); }
    void cleanup()
    {
        allowConnections(true); // after a failure too, so that one failure does not fail the tests after it
        QVERIFY2(m_dialogs.unexpected().isEmpty(), qPrintable(m_dialogs.unexpected().join(u'\n')));
    }

    void aLabelInOneWindowAppearsInTheOther()
    {
        // B shows the item A labels: its history panel lists the entry.
        const qint64 id = freshItem();
        show(*m_b, id);
        QCOMPARE(page(*m_b)->shownItem(), id);
        QCOMPARE(page(*m_b)->history()->tree()->topLevelItem(0)->text(0), HistoryPanel::tr("Never labeled"));
        const double ms = labelAndWait(*m_a, *m_b, id, Qt::Key_S, Label::Safe);
        QVERIFY2(ms >= 0, "the label did not reach the other window within 1.5 s");
        m_latencies.push_back(ms);
        QCOMPARE(labelShown(*m_a, id), int(Label::Safe));
        QTRY_COMPARE_WITH_TIMEOUT(count(*m_b, Label::Safe), 1, 1500);
        QCOMPARE(count(*m_b, Label::None), m_items - 1);
        QVERIFY(m_b->statusPanel()->countsText().contains(labelDisplayName(Label::Safe) + QStringLiteral(" 1")));
        QTRY_COMPARE_WITH_TIMEOUT(
            historyTop(*m_b),
            (QStringList{labelDisplayName(Label::Safe), QStringLiteral("anna"), HistoryPanel::tr("by hand")}), 1500);
        QCOMPARE(historyEntries(id, Label::Safe), 1);

        // More labels, for the figure: from the key in A to the cell in B.
        for (Qt::Key key : {Qt::Key_N, Qt::Key_U, Qt::Key_S, Qt::Key_N}) {
            const qint64 next = freshItem();
            const Label l = key == Qt::Key_S ? Label::Safe : key == Qt::Key_N ? Label::Nsfw : Label::Unsure;
            const double t = labelAndWait(*m_a, *m_b, next, key, l);
            QVERIFY2(t >= 0, "a label did not reach the other window within 1.5 s");
            m_latencies.push_back(t);
        }
        QTRY_COMPARE_WITH_TIMEOUT(count(*m_b, Label::None), m_items - 5, 1500);
        QCOMPARE(count(*m_b, Label::Nsfw), 2);
        QCOMPARE(count(*m_b, Label::Unsure), 1);
        QCOMPARE(count(*m_b, Label::Safe), 2);
    }

    void theOtherWayRound()
    {
        const qint64 id = freshItem();
        show(*m_a, id);
        const double ms = labelAndWait(*m_b, *m_a, id, Qt::Key_N, Label::Nsfw);
        QVERIFY2(ms >= 0, "the label did not reach the first window within 1.5 s");
        m_latencies.push_back(ms);
        QTRY_COMPARE_WITH_TIMEOUT(count(*m_a, Label::Nsfw), 3, 1500);
        QCOMPARE(count(*m_a, Label::None), m_items - 6);
        QTRY_COMPARE_WITH_TIMEOUT(
            historyTop(*m_a),
            (QStringList{labelDisplayName(Label::Nsfw), QStringLiteral("bert"), HistoryPanel::tr("by hand")}), 1500);
        // B's own label counted once in B (the notification of its own commit is not news).
        QTest::qWait(300);
        QCOMPARE(count(*m_b, Label::Nsfw), 3);
        QCOMPARE(count(*m_b, Label::None), m_items - 6);
    }

    void anUndoReachesTheOtherWindow()
    {
        // A's last label (nsfw on an item), undone in A: B shows it unlabeled again, its history the undo.
        QVERIFY(focusGallery(*m_a));
        QVERIFY(page(*m_a)->session()->canUndo());
        const qint64 before = count(*m_b, Label::Nsfw);
        QTest::keyClick(view(*m_a), Qt::Key_Z, Qt::ControlModifier);
        const qint64 id = page(*m_a)->shownItem(); // undo shows the item it changed
        QCOMPARE(labelShown(*m_a, id), int(Label::None));
        show(*m_b, id);
        QTRY_COMPARE_WITH_TIMEOUT(labelShown(*m_b, id), int(Label::None), 1500);
        QTRY_COMPARE_WITH_TIMEOUT(count(*m_b, Label::Nsfw), before - 1, 1500);
        QTRY_COMPARE_WITH_TIMEOUT(historyTop(*m_b).value(2), HistoryPanel::tr("undo"), 1500);
        QCOMPARE(historyTop(*m_b).value(1), QStringLiteral("anna"));
    }

    void aLabelGivenAsTheSessionsEndIsWrittenOnce()
    {
        // What an idle timeout or a restarted connection pooler does: the server ends both windows' sessions.
        const qint64 id = freshItem();
        QVERIFY(endSessions());
        // Labeled at once: the window reopens its connection as soon as its probe (a thread of its own) got through,
        // and writes it; the other window learns of it once it has reconnected too.
        QVERIFY(labelByKey(*m_a, id, Qt::Key_U));
        QCOMPARE(labelShown(*m_a, id), int(Label::Unsure));
        // Pending or not depends on whether the connection was found lost before the key: not asserted.
        qInfo("labels pending right after the key: %d", page(*m_a)->session()->pendingCount());
        QTRY_COMPARE_WITH_TIMEOUT(labelShown(*m_b, id), int(Label::Unsure), kBackMs);
        QTRY_COMPARE_WITH_TIMEOUT(page(*m_a)->session()->pendingCount(), 0, kBackMs);
        QCOMPARE(historyEntries(id, Label::Unsure), 1);
        QCOMPARE(
            onServer(m_url, {QStringLiteral("SELECT count(*) FROM label_history WHERE item_id = ?")}, {id}).toInt(), 1);
    }

    void labelsWaitWhileTheServerIsAway()
    {
        const qint64 fresh = freshItem();
        // An item B labeled safe: the label it had is what A's counts and undo go back to, though it cannot be read.
        qint64 safe = 0;
        for (qint64 id : model(*m_a)->ids()) {
            if (labelShown(*m_a, id) == int(Label::Safe) && !page(*m_a)->session()->pendingLabels().contains(id))
                safe = id;
        }
        QVERIFY(fresh > 0 && safe > 0);
        const qint64 safeBefore = count(*m_a, Label::Safe), noneBefore = count(*m_a, Label::None);

        QVERIFY(allowConnections(false));
        QVERIFY(endSessions());
        QVERIFY(labelByKey(*m_a, fresh, Qt::Key_N));
        QVERIFY(labelByKey(*m_a, safe, Qt::Key_U));
        // Shown at once, marked pending, and the status bar says why they wait.
        LabelSession *session = page(*m_a)->session();
        QCOMPARE(session->pendingCount(), 2);
        QCOMPARE(session->waitReason(), LabelSession::WaitReason::ServerAway);
        QCOMPARE(labelShown(*m_a, fresh), int(Label::Nsfw));
        QCOMPARE(labelShown(*m_a, safe), int(Label::Unsure));
        QVERIFY(pendingShown(*m_a, fresh) && pendingShown(*m_a, safe));
        const QString status = statusText(*m_a);
        QVERIFY2(status.contains(QLatin1String("Server unreachable: 2 label")), qPrintable(status));
        QVERIFY2(!status.contains(QLatin1String("project file")), qPrintable(status));
        QCOMPARE(count(*m_a, Label::Safe), safeBefore - 1);
        QCOMPARE(count(*m_a, Label::None), noneBefore - 1);
        // The history of the item shown cannot be read: it says so (not "never labeled"), and reads again later.
        const qint64 shownInA = page(*m_a)->shownItem();
        QVERIFY(shownInA > 0);
        QVERIFY2(page(*m_a)->history()->tree()->topLevelItem(0)->text(0).contains(QLatin1String("server")),
                 qPrintable(page(*m_a)->history()->tree()->topLevelItem(0)->text(0)));
        QCOMPARE(count(*m_a, Label::Nsfw) + count(*m_a, Label::Unsure) + count(*m_a, Label::Safe) +
                     count(*m_a, Label::None),
                 m_items);
        // They keep waiting while the server stays away (the window retrying meanwhile), and B knows nothing yet.
        QTest::qWait(1200);
        QCOMPARE(session->pendingCount(), 2);
        QVERIFY(statusText(*m_a).contains(QLatin1String("Server unreachable")));
        QCOMPARE(labelShown(*m_b, fresh), int(Label::None));
        QCOMPARE(labelShown(*m_b, safe), int(Label::Safe));

        // Back: both are written, once each, in order, and reach B.
        QElapsedTimer back;
        back.start();
        QVERIFY(allowConnections(true));
        // Each window reopens its connection when its next probe gets through (ProjectDatabase backs off to 8 s).
        QTRY_COMPARE_WITH_TIMEOUT(session->pendingCount(), 0, kBackMs);
        QTRY_COMPARE_WITH_TIMEOUT(labelShown(*m_b, fresh), int(Label::Nsfw), kBackMs);
        QTRY_COMPARE_WITH_TIMEOUT(labelShown(*m_b, safe), int(Label::Unsure), kBackMs);
        qInfo("server back: the waiting labels reached the other window after %lld ms", back.elapsed());
        QVERIFY(!pendingShown(*m_a, fresh));
        QVERIFY(!statusText(*m_a).contains(QLatin1String("Server unreachable")));
        QCOMPARE(page(*m_a)->shownItem(), shownInA);
        QTRY_VERIFY_WITH_TIMEOUT(
            !page(*m_a)->history()->tree()->topLevelItem(0)->text(0).contains(QLatin1String("server")), 2000);
        QCOMPARE(historyEntries(fresh, Label::Nsfw), 1);
        QCOMPARE(historyEntries(safe, Label::Unsure), 1);
        QCOMPARE(onServer(m_url, {QStringLiteral("SELECT previous FROM label_history WHERE item_id = ? AND label = ?")},
                          {safe, int(Label::Unsure)})
                     .toInt(),
                 int(Label::Safe));
        QCOMPARE(count(*m_a, Label::Safe), safeBefore - 1);
        QTRY_COMPARE_WITH_TIMEOUT(count(*m_b, Label::Safe), safeBefore - 1, kBackMs);
        // Undo in A goes back to what the item had (safe), not to "unlabeled" that the failed read would have said.
        QVERIFY(focusGallery(*m_a));
        QTest::keyClick(view(*m_a), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(labelShown(*m_a, safe), int(Label::Safe));
        QTRY_COMPARE_WITH_TIMEOUT(labelShown(*m_b, safe), int(Label::Safe), 1500);
    }

    void closingWhileTheServerIsAwayAsksAndWaits()
    {
        const qint64 id = freshItem();
        QVERIFY(allowConnections(false));
        QVERIFY(endSessions());
        QVERIFY(labelByKey(*m_a, id, Qt::Key_S));
        QCOMPARE(page(*m_a)->session()->pendingCount(), 1);
        // The server comes back while the window waits.
        QTimer::singleShot(800, this, [this] { allowConnections(true); });
        m_dialogs.expect([](QDialog *box) { test::ModalDialogs::click(box, QMessageBox::AcceptRole); });
        QElapsedTimer t;
        t.start();
        m_a->close();
        QVERIFY(!m_a->isVisible());
        QCOMPARE(m_dialogs.seen().size(), 1);
        QVERIFY2(m_dialogs.seen().first().contains(QLatin1String("server")), qPrintable(m_dialogs.seen().first()));
        QVERIFY(!m_dialogs.seen().first().contains(QLatin1String("project file")));
        QVERIFY(t.elapsed() >= 700); // it waited for the server
        QCOMPARE(historyEntries(id, Label::Safe), 1);
        QTRY_COMPARE_WITH_TIMEOUT(labelShown(*m_b, id), int(Label::Safe), kBackMs);
        m_a = openWindow();
        QVERIFY(m_a);
        page(*m_a)->session()->setAnnotator(QStringLiteral("anna"));
        QCOMPARE(labelShown(*m_a, id), int(Label::Safe));
    }

    void closingWhileTheServerIsAwayCanGiveUpTheLabels()
    {
        const qint64 id = freshItem();
        QVERIFY(allowConnections(false));
        QVERIFY(endSessions());
        QVERIFY(labelByKey(*m_a, id, Qt::Key_N));
        QCOMPARE(page(*m_a)->session()->pendingCount(), 1);
        m_dialogs.expect([](QDialog *box) { test::ModalDialogs::click(box, QMessageBox::DestructiveRole); });
        m_a->close();
        QVERIFY(!m_a->isVisible());
        QCOMPARE(m_dialogs.seen().size(), 1);
        // The user was told the count and that they are lost.
        QVERIFY2(m_dialogs.seen().first().contains(QLatin1String("1 label")), qPrintable(m_dialogs.seen().first()));
        m_a.reset(); // no "label not saved" box on the way out: the user chose
        QVERIFY(allowConnections(true));
        QCOMPARE(historyEntries(id, Label::Nsfw), 0);
        m_a = openWindow();
        QVERIFY(m_a);
        page(*m_a)->session()->setAnnotator(QStringLiteral("anna"));
        QCOMPARE(labelShown(*m_a, id), int(Label::None));
        QTest::qWait(500);
        QCOMPARE(labelShown(*m_b, id), int(Label::None));
    }

    void aServerRestartLosesNoLabel()
    {
        const QString dir = qEnvironmentVariable("NSFW_TEST_PG_DIR");
        if (dir.isEmpty())
            QSKIP("NSFW_TEST_PG_DIR is not set: the test server's folder is needed to restart it");
        const QString script = QStringLiteral(NSFW_SOURCE_DIR "/packaging/pgtest.sh");
        const qint64 id = freshItem();
        QVERIFY(id > 0);
        QProcess restart;
        restart.start(QStringLiteral("bash"), {script, QStringLiteral("restart"), dir});
        QVERIFY(restart.waitForStarted());
        // Label the moment the server is down (a new connection is refused), as a user would who did not notice.
        QElapsedTimer t;
        t.start();
        bool down = false;
        while (!down && t.elapsed() < 30000 && restart.state() == QProcess::Running) {
            const QString name = QStringLiteral("serverwindows-probe");
            {
                down = !test::addPostgresConnection(m_admin, name);
                QSqlDatabase::database(name, false).close();
            }
            QSqlDatabase::removeDatabase(name);
            if (!down)
                QTest::qWait(5);
        }
        QVERIFY2(down, "the server never looked down during its restart");
        QVERIFY(labelByKey(*m_a, id, Qt::Key_U));
        QCOMPARE(labelShown(*m_a, id), int(Label::Unsure));
        QCOMPARE(page(*m_a)->session()->pendingCount(), 1);
        QCOMPARE(page(*m_a)->session()->waitReason(), LabelSession::WaitReason::ServerAway);
        QVERIFY(statusText(*m_a).contains(QLatin1String("Server unreachable: 1 label")));
        QTRY_VERIFY_WITH_TIMEOUT(restart.state() == QProcess::NotRunning, 60000);
        QCOMPARE(restart.exitCode(), 0);
        qInfo("server down for about %lld ms after the restart began", t.elapsed());
        QTRY_COMPARE_WITH_TIMEOUT(page(*m_a)->session()->pendingCount(), 0, kBackMs);
        QTRY_COMPARE_WITH_TIMEOUT(labelShown(*m_b, id), int(Label::Unsure), kBackMs);
        QCOMPARE(historyEntries(id, Label::Unsure), 1);
    }

    void cleanupTestCase()
    {
        if (!m_latencies.empty()) {
            std::vector<double> sorted = m_latencies;
            std::sort(sorted.begin(), sorted.end());
            QStringList all;
            for (double ms : sorted)
                all << QString::number(ms, 'f', 1);
            std::vector<double> after; // from the key press returning in the one window to the cell in the other
            for (size_t i = 0; i < m_latencies.size(); ++i)
                after.push_back(m_latencies[i] - m_keyHandled[i]);
            qInfo("label in one window -> cell in the other: median %.1f ms (%s); of it the key press in the first "
                  "window (commit median %.1f ms, auto-advance) median %.1f ms, the rest (notification, reading the "
                  "change, the cell) median %.1f ms",
                  median(m_latencies), qPrintable(all.join(QStringLiteral(", "))), median(m_commits),
                  median(m_keyHandled), median(after));
        }
        if (!m_url.isEmpty() && !m_admin.isEmpty())
            allowConnections(true);
        m_a.reset();
        m_b.reset();
    }
};

QTEST_MAIN(TestServerWindows)
#include "tst_serverwindows.moc"
