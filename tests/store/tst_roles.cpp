// Roles of a server project (issue 16): annotators, reviewers and admins are PostgreSQL logins, and the server holds
// them to their role whatever program they use. An annotator's login reads items and adds labels under its own name
// (the current label follows through the owner's trigger), and cannot import, train, rewrite history or label under
// another name: through the tool, and "even with its own SQL" on its own connection. A reviewer adjudicates; an
// admin manages annotators but makes no admins; a removed member cannot connect; a member does not migrate; a project
// file has no roles. Logins are server-wide: each run names its own.
#include "media/importer.h"
#include "store/itemquery.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/projectteam.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "store/teamlabels.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace nsfw;

namespace {

/// What a statement on a connection gave: ok, or the server's SQLSTATE.
struct Outcome {
    bool ok = false;
    QString code;
    QString text;
};

Outcome runSql(ProjectDatabase &db, const QString &sql)
{
    QSqlQuery q(db.db());
    Outcome o;
    o.ok = q.exec(sql);
    o.code = q.lastError().nativeErrorCode();
    o.text = q.lastError().text();
    return o;
}

} // namespace

class TestRoles : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_url; ///< the owner's (the test server's superuser)
    QString m_suffix;
    QVector<qint64> m_items;

    QString login(const char *who) const { return QLatin1String(who) + m_suffix; }
    static QString password(const QString &login) { return login + QStringLiteral("-secret"); }

    /// The project's URL as a member logs in: their name and password.
    QString urlOf(const QString &login, const QString &pass) const
    {
        QUrl url(m_url);
        url.setUserName(login);
        url.setPassword(pass);
        return url.toString();
    }
    QString urlOf(const QString &login) const { return urlOf(login, password(login)); }

    std::unique_ptr<ProjectDatabase> open(const QString &url, QString *error = nullptr)
    {
        QString why;
        auto db = ProjectDatabase::open(url, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &why);
        if (error)
            *error = why;
        else if (!db)
            qWarning() << why;
        return db;
    }

    test::WorkbenchRun team(const QStringList &arguments, const QString &url = QString(),
                            const QString &memberPassword = QString())
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!memberPassword.isEmpty())
            env.insert(QStringLiteral("NSFW_WORKBENCH_MEMBER_PASSWORD"), memberPassword);
        return test::runWorkbench(QStringList{QStringLiteral("team"), url.isEmpty() ? m_url : url} + arguments, env);
    }

    QString currentLabel(qint64 id)
    {
        auto db = open(m_url);
        return db ? labelName(ItemStore(*db).item(id)->label) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        NSFW_REQUIRE_BACKEND(QStringLiteral("postgresql"));
        QVERIFY(!test::workbenchBinary().isEmpty());
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_dir.filePath("cache")));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath("config")));
        qputenv("NSFW_WORKBENCH_MEDIA_ROOT", QFile::encodeName(m_dir.path()));
        m_suffix = QStringLiteral("_%1_%2")
                       .arg(QCoreApplication::applicationPid())
                       .arg(QRandomGenerator::global()->bounded(1000000));
        QString error;
        m_url = test::freshPostgresDatabase(&error);
        QVERIFY2(!m_url.isEmpty(), qPrintable(error));
        auto db = ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->team().role, TeamRole::Owner);
        ItemStore items(*db);
        for (int i = 0; i < 4; ++i) {
            Item item;
            item.path = QStringLiteral("pictures/%1.png").arg(i);
            item.contentHash = QStringLiteral("%1").arg(i, 40, 10, QLatin1Char('0'));
            item.width = item.height = 16;
            const qint64 id = items.insert(item, &error);
            QVERIFY2(id > 0, qPrintable(error));
            m_items << id;
        }
        // Pictures for the import an annotator tries.
        QVERIFY(QDir().mkpath(m_dir.filePath("incoming")));
        for (int i = 0; i < 2; ++i) {
            QImage image(32, 24, QImage::Format_RGB32);
            image.fill(QColor(40 * i, 200, 90));
            QVERIFY(image.save(m_dir.filePath(QStringLiteral("incoming/new%1.png").arg(i))));
        }
    }

    void addMembers()
    {
        // Before any member: the owner alone, roles not set up, and the owner's name is what the settings say.
        test::WorkbenchRun r = team({QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QJsonObject listed = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(listed[QStringLiteral("rolesSetUp")].toBool(), false);
        QCOMPARE(listed[QStringLiteral("members")].toArray().size(), 1);

        QFile file(m_dir.filePath("annotator-password"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(password(login("ann")).toUtf8() + "\n");
        file.close();
        r = team({QStringLiteral("add-member"), login("ann"), QStringLiteral("--role"), QStringLiteral("annotator"),
                  QStringLiteral("--password-file"), file.fileName()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("with the role annotator")), qPrintable(r.out));
        r = team({QStringLiteral("add-member"), login("rev"), QStringLiteral("--role"), QStringLiteral("reviewer")},
                 QString(), password(login("rev")));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = team({QStringLiteral("add-member"), login("adm"), QStringLiteral("--role"), QStringLiteral("admin")},
                 QString(), password(login("adm")));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = team({QStringLiteral("add-member"), login("x"), QStringLiteral("--role"), QStringLiteral("boss")});
        QCOMPARE(r.code, 2);

        r = team({QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        listed = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(listed[QStringLiteral("rolesSetUp")].toBool(), true);
        QHash<QString, QString> roles;
        for (const QJsonValue &m : listed[QStringLiteral("members")].toArray())
            roles.insert(m[QStringLiteral("name")].toString(), m[QStringLiteral("role")].toString());
        QCOMPARE(roles.value(QStringLiteral("postgres")), QStringLiteral("owner"));
        QCOMPARE(roles.value(login("ann")), QStringLiteral("annotator"));
        QCOMPARE(roles.value(login("rev")), QStringLiteral("reviewer"));
        QCOMPARE(roles.value(login("adm")), QStringLiteral("admin"));
        QCOMPARE(roles.size(), 4);
        r = team({QStringLiteral("list")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(login("rev") + QStringLiteral("\\s+reviewer"))), qPrintable(r.out));
    }

    void passwordsMatter()
    {
        QString error;
        auto wrong = open(urlOf(login("ann"), QStringLiteral("not-the-password")), &error);
        QVERIFY2(!wrong, "the test server checks the passwords of logins other than postgres (packaging/pgtest.sh)");
        QVERIFY2(error.contains(QStringLiteral("password")), qPrintable(error));
        auto right = open(urlOf(login("ann")), &error);
        QVERIFY2(right, qPrintable(error));
    }

    void annotatorReadsAndLabelsAsThemself()
    {
        auto db = open(urlOf(login("ann")));
        QVERIFY(db);
        QCOMPARE(db->team().role, TeamRole::Annotator);
        QCOMPARE(db->team().login, login("ann"));
        // The name recorded is the login, whatever the settings or a caller ask for.
        QVERIFY(db->annotatorIsLogin());
        QCOMPARE(db->annotator(QStringLiteral("somebody-else")), login("ann"));
        QCOMPARE(ItemQuery(*db).ids({}, {}).size(), m_items.size());

        LabelStore labels(*db);
        QString error;
        QCOMPARE(labels.setLabel({m_items[0]}, Label::Nsfw, db->annotator(), QStringLiteral("manual"), &error), 1);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(currentLabel(m_items[0]), QStringLiteral("nsfw")); // the owner's trigger moved items.label
        const QVector<HistoryEntry> history = labels.history(m_items[0]);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().annotator, login("ann"));

        // Another name through the store: the server refuses, and says so as a role.
        QCOMPARE(labels.setLabel({m_items[1]}, Label::Safe, login("rev"), QStringLiteral("manual"), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("(annotator) adds labels only under your own login")),
                 qPrintable(error));
        QCOMPARE(currentLabel(m_items[1]), QString()); // unlabeled

        // The command line binds the name too, and refuses --annotator for someone else.
        test::WorkbenchRun r = test::runWorkbench(
            {QStringLiteral("label"), urlOf(login("ann")), QStringLiteral("safe"), QString::number(m_items[2])});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(currentLabel(m_items[2]), QStringLiteral("safe"));
        QCOMPARE(LabelStore(*db).history(m_items[2]).last().annotator, login("ann"));
        r = test::runWorkbench({QStringLiteral("label"), urlOf(login("ann")), QStringLiteral("nsfw"),
                                QString::number(m_items[2]), QStringLiteral("--annotator"), login("rev")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("your login")), qPrintable(r.err));
        QCOMPARE(currentLabel(m_items[2]), QStringLiteral("safe"));
    }

    void annotatorCannotImport()
    {
        // The window's and the command's importer: refused before a file is read, with the role in the message.
        ImportOptions options;
        options.paths = {m_dir.filePath("incoming")};
        Importer importer(urlOf(login("ann")), options);
        const ImportSummary summary = importer.run();
        QVERIFY2(summary.error.contains(QStringLiteral("cannot import")), qPrintable(summary.error));
        QCOMPARE(summary.imported, 0);
        const test::WorkbenchRun r =
            test::runWorkbench({QStringLiteral("import"), urlOf(login("ann")), m_dir.filePath("incoming")});
        QVERIFY2(r.code == 1, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
        QVERIFY2(r.err.contains(QStringLiteral("(annotator) cannot import; ask an admin")), qPrintable(r.err));

        // Its own SQL: no row goes into items, nor does an item change.
        auto db = open(urlOf(login("ann")));
        QVERIFY(db);
        Outcome o = runSql(*db, QStringLiteral("INSERT INTO items (kind, path, content_hash, imported_at)"
                                               " VALUES (0, 'sneaked.png', 'ffff', 0)"));
        QVERIFY(!o.ok);
        QCOMPARE(o.code, QStringLiteral("42501"));
        o = runSql(*db, QStringLiteral("UPDATE items SET label = 0"));
        QCOMPARE(o.code, QStringLiteral("42501"));
        o = runSql(*db, QStringLiteral("DELETE FROM items"));
        QCOMPARE(o.code, QStringLiteral("42501"));
        o = runSql(*db, QStringLiteral("SELECT label FROM items WHERE id = %1 FOR UPDATE").arg(m_items[0]));
        QCOMPARE(o.code, QStringLiteral("42501"));
        auto owner = open(m_url);
        QCOMPARE(ItemQuery(*owner).ids({}, {}).size(), m_items.size());
    }

    void annotatorCannotTrain()
    {
        auto db = open(urlOf(login("ann")));
        QVERIFY(db);
        QVERIFY(!db->refusal(ProjectDatabase::Action::Train).isEmpty());
        RunLock lock(*db);
        QString error;
        QVERIFY2(lock.tryAcquire(&error), qPrintable(error));
        QCOMPARE(RunStore(*db).create({}, QStringLiteral("nsfwjs"), lock, &error), 0);
        QVERIFY2(error.contains(QStringLiteral("(annotator) cannot train; ask an admin")), qPrintable(error));
        lock.release();
        // The command is refused before it reads or computes anything (the model, the labels, the pictures).
        const test::WorkbenchRun train =
            test::runWorkbench({QStringLiteral("train"), urlOf(login("ann")), QStringLiteral("--mode"),
                                QStringLiteral("head"), QStringLiteral("--model"), m_dir.filePath("no-model")});
        QVERIFY(train.code != 0);
        QVERIFY2(QString(train.out + train.err).contains(QStringLiteral("(annotator) cannot train")),
                 qPrintable(train.out + train.err));
        // Its own SQL: no run, no scores, no settings.
        for (const QString &sql :
             {QStringLiteral("INSERT INTO runs (created_ms, status, settings, model) VALUES (0, 'running', '{}', 'm')"),
              QStringLiteral("INSERT INTO item_scores (run_id, item_id, score) VALUES (1, %1, 0.5)").arg(m_items[0]),
              QStringLiteral("UPDATE meta SET value = 'x' WHERE key = 'project_id'"),
              QStringLiteral("INSERT INTO training_exclusions (item_id, reason, annotator, at_ms)"
                             " VALUES (%1, 'x', current_user, 0)")
                  .arg(m_items[0])}) {
            const Outcome o = runSql(*db, sql);
            QVERIFY2(!o.ok && o.code == QLatin1String("42501"), qPrintable(sql + QStringLiteral(": ") + o.text));
        }
        auto owner = open(m_url);
        QCOMPARE(RunStore(*owner).runs().size(), 0);
    }

    void annotatorCannotChangeHistoryOrUseAnotherName()
    {
        auto db = open(urlOf(login("ann")));
        QVERIFY(db);
        const qint64 item = m_items[0];
        const auto insert = [&](const QString &annotator, const QString &source) {
            return runSql(*db, QStringLiteral("INSERT INTO label_history (item_id, label, previous, annotator, at_ms,"
                                              " source) VALUES (%1, 0, 1, '%2', 0, '%3')")
                                   .arg(item)
                                   .arg(annotator, source));
        };
        Outcome o = runSql(*db, QStringLiteral("UPDATE label_history SET annotator = 'nobody'"));
        QCOMPARE(o.code, QStringLiteral("42501"));
        o = runSql(*db, QStringLiteral("DELETE FROM label_history"));
        QCOMPARE(o.code, QStringLiteral("42501"));
        o = insert(login("rev"), QStringLiteral("manual"));
        QVERIFY2(!o.ok && o.code == QLatin1String("42501"), qPrintable(o.text));
        // SET ROLE changes current_user, not session_user: still their own name only.
        QVERIFY(
            runSql(*db, QStringLiteral("SET ROLE %1").arg(ProjectTeam::groupRole(db->projectId(), TeamRole::Annotator)))
                .ok);
        o = insert(ProjectTeam::groupRole(db->projectId(), TeamRole::Annotator), QStringLiteral("manual"));
        QCOMPARE(o.code, QStringLiteral("42501"));
        QVERIFY(runSql(*db, QStringLiteral("RESET ROLE")).ok);
        // Adjudication is the reviewers'.
        o = insert(login("ann"), QStringLiteral("adjudicated"));
        QCOMPARE(o.code, QStringLiteral("42501"));
        QCOMPARE(currentLabel(item), QStringLiteral("nsfw"));
        // Their own name, their own SQL: allowed, and the current label follows.
        o = insert(login("ann"), QStringLiteral("manual"));
        QVERIFY2(o.ok, qPrintable(o.text));
        QCOMPARE(currentLabel(item), QStringLiteral("safe"));
    }

    void reviewerAdjudicates()
    {
        auto db = open(urlOf(login("rev")));
        QVERIFY(db);
        QCOMPARE(db->team().role, TeamRole::Reviewer);
        const QString sql = QStringLiteral("INSERT INTO label_history (item_id, label, previous, annotator, at_ms,"
                                           " source) VALUES (%1, 1, 0, '%2', 0, 'adjudicated')")
                                .arg(m_items[0]);
        Outcome o = runSql(*db, sql.arg(login("rev")));
        QVERIFY2(o.ok, qPrintable(o.text));
        QCOMPARE(currentLabel(m_items[0]), QStringLiteral("nsfw"));
        o = runSql(*db, sql.arg(login("ann")));
        QCOMPARE(o.code, QStringLiteral("42501"));
        QVERIFY(!db->refusal(ProjectDatabase::Action::Import).isEmpty());
        // Not a manager.
        const test::WorkbenchRun r = team({QStringLiteral("list")}, urlOf(login("rev")));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Only the owner")), qPrintable(r.err));
    }

    // Labelling as a team under roles: only the owner or an admin changes the rule or deals queues (the server's
    // grants, not only the command); under consensus the trigger, the owner's function, still moves the label when
    // members write, and an adjudication settles a disagreement.
    void teamLabellingUnderRoles()
    {
        auto ann = open(urlOf(login("ann")));
        auto rev = open(urlOf(login("rev")));
        QVERIFY(ann && rev);
        QString error;
        QVERIFY(!TeamLabels(*ann).setRule(LabelRule::Consensus, &error));
        QVERIFY2(error.contains(QStringLiteral("annotator")), qPrintable(error));
        QVERIFY(!TeamLabels(*ann).assign({login("ann")}, 0.0, 1, &error));
        const test::WorkbenchRun r = team({QStringLiteral("rule"), QStringLiteral("consensus")}, urlOf(login("ann")));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Only the owner")), qPrintable(r.err));
        auto owner = open(m_url);
        QVERIFY(TeamLabels(*owner).setRule(LabelRule::Consensus, &error));
        const qint64 item = m_items[3];
        QCOMPARE(LabelStore(*ann).setLabel({item}, Label::Safe, login("ann"), QStringLiteral("manual"), &error), 1);
        QCOMPARE(currentLabel(item), QStringLiteral("safe"));
        QCOMPARE(LabelStore(*rev).setLabel({item}, Label::Nsfw, login("rev"), QStringLiteral("manual"), &error), 1);
        QCOMPARE(currentLabel(item), QString()); // they disagree
        QCOMPARE(TeamLabels(*rev).reviewQueue(&error).size(), 1);
        QCOMPARE(LabelStore(*ann).setLabel({item}, Label::Nsfw, login("ann"), QStringLiteral("adjudicated"), &error),
                 -1); // not an annotator's
        QCOMPARE(LabelStore(*rev).setLabel({item}, Label::Safe, login("rev"), QStringLiteral("adjudicated"), &error), 1);
        QCOMPARE(currentLabel(item), QStringLiteral("safe"));
        QVERIFY(TeamLabels(*rev).reviewQueue(&error).isEmpty());
        QVERIFY(TeamLabels(*owner).setRule(LabelRule::Latest, &error)); // as the tests below expect it
    }

    void adminManagesAnnotators()
    {
        auto db = open(urlOf(login("adm")));
        QVERIFY(db);
        QCOMPARE(db->team().role, TeamRole::Admin);
        QVERIFY(db->refusal(ProjectDatabase::Action::Import).isEmpty());
        QVERIFY(db->refusal(ProjectDatabase::Action::Train).isEmpty());
        // An existing login (made by the owner as reviewer) becomes an annotator; an admin cannot make admins.
        test::WorkbenchRun r =
            team({QStringLiteral("add-member"), login("rev"), QStringLiteral("--role"), QStringLiteral("annotator")},
                 urlOf(login("adm")));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = team({QStringLiteral("add-member"), login("ann"), QStringLiteral("--role"), QStringLiteral("admin")},
                 urlOf(login("adm")));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Only the owner")), qPrintable(r.err));
        r = team({QStringLiteral("add-member"), login("rev"), QStringLiteral("--role"), QStringLiteral("reviewer")},
                 urlOf(login("adm")));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        auto reviewer = open(urlOf(login("rev")));
        QVERIFY(reviewer);
        QCOMPARE(reviewer->team().role, TeamRole::Reviewer);
        // An admin writes what an annotator may not: a run, under any name.
        QVERIFY(runSql(*db, QStringLiteral("INSERT INTO runs (created_ms, status, settings, model)"
                                           " VALUES (0, 'cancelled', '{}', 'm')"))
                    .ok);
    }

    void memberDoesNotMigrate()
    {
        auto owner = open(m_url);
        QVERIFY(owner);
        const int latest = ProjectDatabase::latestSchemaVersion();
        QVERIFY(runSql(*owner, QStringLiteral("UPDATE nsfw_project SET schema_version = %1").arg(latest - 1)).ok);
        QString error;
        auto member = open(urlOf(login("ann")), &error);
        QVERIFY(!member);
        QVERIFY2(error.contains(QStringLiteral("only its owner (postgres)")), qPrintable(error));
        // Nothing was tried: the version is still the one set above.
        QSqlQuery q(owner->db());
        QVERIFY(q.exec(QStringLiteral("SELECT schema_version FROM nsfw_project")) && q.next());
        QCOMPARE(q.value(0).toInt(), latest - 1);
        QVERIFY(runSql(*owner, QStringLiteral("UPDATE nsfw_project SET schema_version = %1").arg(latest)).ok);
    }

    void removedMemberCannotConnect()
    {
        auto session = open(urlOf(login("ann")));
        QVERIFY(session);
        const test::WorkbenchRun r = team({QStringLiteral("remove-member"), login("ann")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QString error;
        auto again = open(urlOf(login("ann")), &error);
        QVERIFY(!again);
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        // A session open at the time has no rights left (the owner's superuser also ended it).
        const Outcome o = runSql(*session, QStringLiteral("SELECT count(*) FROM items"));
        QVERIFY(!o.ok);
        const test::WorkbenchRun listed = team({QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(!listed.out.contains(login("ann")));
        const test::WorkbenchRun twice = team({QStringLiteral("remove-member"), login("ann")});
        QCOMPARE(twice.code, 1);
        QVERIFY2(twice.err.contains(QStringLiteral("no member")), qPrintable(twice.err));
    }

    void fileProjectHasNoRoles()
    {
        const QString path = m_dir.filePath("local.nwproj");
        QString error;
        QVERIFY2(ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error),
                 qPrintable(error));
        const test::WorkbenchRun r = test::runWorkbench({QStringLiteral("team"), path, QStringLiteral("list")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Roles need a server project")), qPrintable(r.err));
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY(db);
        QCOMPARE(db->team().role, TeamRole::None);
        QVERIFY(!db->annotatorIsLogin());
        QCOMPARE(db->annotator(QStringLiteral("alice")), QStringLiteral("alice"));
    }
};

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
