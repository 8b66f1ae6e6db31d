// The PostgreSQL backend: a project is one database on a server. Writers lock the rows they change (FOR NO KEY UPDATE) rather
// than the whole database; identity columns; a statement trigger NOTIFYs other clients of every change; caches live
// in this user's cache folder under the project's id; a training run holds a session advisory lock.
#include "backend.h"
#include "backends.h"
#include "labelrule.h"
#include "projectdatabase.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace nsfw {

namespace {

const QStringList kNotifyingTables = {QStringLiteral("items"), QStringLiteral("label_history"),
                                      QStringLiteral("runs"), QStringLiteral("run_epochs"),
                                      QStringLiteral("run_items"), QStringLiteral("item_scores"),
                                      QStringLiteral("meta")};

/// Other clients' commits arrive as notifications on the connection (the event loop of its thread delivers them);
/// a reconnection may have missed some, so it counts as a change.
class NotificationFeed : public ChangeFeed
{
public:
    NotificationFeed(ProjectDatabase &db, std::function<void()> wake)
        : m_db(db)
        , m_wake(std::move(wake))
    {
        subscribe();
    }

    bool poll(qint64 *historyHead) override
    {
        // Label history ids come from a sequence and concurrent transactions may commit them out of order, so an id
        // seen here says nothing about which entries are our own: the head stays where it is (0 never advances it)
        // and a change makes the watcher read every entry after the last one it reported.
        *historyHead = 0;
        // A connection that is idle learns of a server restart only when it next speaks: ask a trivial question.
        QSqlQuery probe(m_db.db());
        if (!probe.exec(QStringLiteral("SELECT 1")))
            m_db.isBusyError(probe.lastError());
        probe.finish();
        m_db.ensureConnected();
        bool changed = false;
        if (m_generation != m_db.connectionGeneration()) {
            changed = m_generation >= 0; // reconnected: notifications may have been missed
            subscribe();
        }
        changed = changed || m_pending;
        m_pending = false;
        return changed;
    }

    qint64 historyLookback() const override { return 256; }

private:
    void subscribe()
    {
        m_generation = m_db.connectionGeneration();
        QSqlDriver *driver = m_db.db().driver();
        if (!driver || !m_db.db().isOpen())
            return;
        const QString channel = QString::fromLatin1(PostgresBackend::kChannel);
        // A reopened connection has forgotten its subscriptions (QPSQL clears them on close).
        if (!driver->subscribedToNotifications().contains(channel))
            driver->subscribeToNotification(channel);
        QObject::disconnect(m_connection);
        m_connection = QObject::connect(
            driver, &QSqlDriver::notification, &m_context,
            [this, channel](const QString &name, QSqlDriver::NotificationSource source, const QVariant &) {
                if (name != channel || source != QSqlDriver::OtherSource)
                    return;
                m_pending = true;
                if (m_wake)
                    m_wake();
            });
    }

    ProjectDatabase &m_db;
    std::function<void()> m_wake;
    QObject m_context;
    QMetaObject::Connection m_connection;
    bool m_pending = false;
    int m_generation = -1;
};

} // namespace

QString PostgresBackend::driverName() const
{
    return QStringLiteral("QPSQL");
}

QString PostgresBackend::checkLocation(const ProjectLocation &, int) const
{
    if (!QSqlDatabase::isDriverAvailable(driverName()))
        return ProjectDatabase::tr("PostgreSQL projects need Qt's PostgreSQL driver: install the package "
                                   "libqt6sql6-psql.");
    return {};
}

void PostgresBackend::setUp(QSqlDatabase &db, const ProjectLocation &location) const
{
    location.configure(db);
    // libpq waits for the operating system's TCP timeout (minutes) when the host is away, unless told otherwise.
    if (!location.options().contains(QStringLiteral("connect_timeout"))) {
        const QString options = db.connectOptions();
        db.setConnectOptions(options + (options.isEmpty() ? QString() : QStringLiteral(";"))
                             + QStringLiteral("connect_timeout=5"));
    }
}

Backend::Identity PostgresBackend::identify(QSqlDatabase &db) const
{
    Identity id;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM pg_catalog.pg_class c"
                               "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                               "  WHERE n.nspname = current_schema()),"
                               " to_regclass('nsfw_project') IS NOT NULL"))
        || !q.next()) {
        id.error = q.lastError().text();
        return id;
    }
    id.objects = q.value(0).toInt();
    const bool marked = q.value(1).toBool();
    q.finish();
    if (!marked)
        return id;
    if (!q.exec(QStringLiteral("SELECT application_id, schema_version FROM nsfw_project")) || !q.next()) {
        id.error = q.lastError().text();
        return id;
    }
    id.applicationId = q.value(0).toInt();
    id.version = q.value(1).toInt();
    return id;
}

QStringList PostgresBackend::configureStatements() const
{
    // Every commit waits for the server's WAL flush (the default, stated so a server setting cannot weaken it).
    return {QStringLiteral("SET synchronous_commit = on"), QStringLiteral("SET client_min_messages = warning")};
}

QString PostgresBackend::busyTimeoutStatement(int ms) const
{
    // 0 means "wait forever" to PostgreSQL; the shortest wait is 1 ms.
    return QStringLiteral("SET lock_timeout = %1").arg(std::max(1, ms));
}

QString PostgresBackend::beginStatement() const
{
    return QStringLiteral("BEGIN");
}

QStringList PostgresBackend::migrationLockStatements() const
{
    return {QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(ProjectDatabase::kApplicationId)};
}

QStringList PostgresBackend::expand(const QString &statement) const
{
    if (statement == QLatin1String("{current_label_trigger}"))
        return {QStringLiteral("CREATE FUNCTION label_history_sets_current() RETURNS trigger LANGUAGE plpgsql AS $$"
                               " BEGIN UPDATE items SET label = NEW.label WHERE id = NEW.item_id; RETURN NULL; END $$"),
                QStringLiteral("CREATE TRIGGER label_history_sets_current AFTER INSERT ON label_history"
                               " FOR EACH ROW EXECUTE FUNCTION label_history_sets_current()")};
    if (statement == QLatin1String("{notify_triggers}")) {
        // One notification per transaction and table at most: the server folds identical ones.
        QStringList s{QStringLiteral("CREATE FUNCTION nsfw_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$"
                                     " BEGIN PERFORM pg_notify('%1', TG_TABLE_NAME); RETURN NULL; END $$")
                          .arg(QLatin1String(kChannel))};
        for (const QString &table : kNotifyingTables)
            s << QStringLiteral("CREATE TRIGGER %1_notify AFTER INSERT OR UPDATE OR DELETE ON %1"
                                " FOR EACH STATEMENT EXECUTE FUNCTION nsfw_notify_change()")
                     .arg(table);
        return s;
    }
    if (statement == QLatin1String("{owner_functions}")) {
        // SECURITY DEFINER: run with the owner's rights; the search path is fixed to the project's schema, so a
        // caller's own objects of the same names are never used instead. EXECUTE stays granted to PUBLIC.
        return {QStringLiteral("DO $$ BEGIN EXECUTE format('ALTER FUNCTION label_history_sets_current() SECURITY DEFINER"
                               " SET search_path = pg_catalog, %I', current_schema()); END $$"),
                QStringLiteral("DO $$ BEGIN EXECUTE format('CREATE FUNCTION nsfw_label_for_write(item BIGINT)"
                               " RETURNS SETOF BIGINT LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, %I"
                               " AS $f$ SELECT label FROM items WHERE id = item FOR NO KEY UPDATE $f$',"
                               " current_schema()); END $$")};
    }
    if (statement == QLatin1String("{label_rule_trigger}")) {
        // The same function, now following the label rule; still the owner's (SECURITY DEFINER, migration 10): a
        // replaced function takes the attributes its statement gives. The body goes through format() for the
        // schema's name: its quotes doubled, its % (LIKE patterns) written %%.
        QString body = QStringLiteral("BEGIN UPDATE items SET label = %1 WHERE id = NEW.item_id; RETURN NULL; END")
                           .arg(labelrule::currentLabelSql(QStringLiteral("NEW.item_id"), QStringLiteral("NEW.label")));
        body.replace(QLatin1Char('\''), QLatin1String("''")).replace(QLatin1Char('%'), QLatin1String("%%"));
        return {QStringLiteral("DO $$ BEGIN EXECUTE format('CREATE OR REPLACE FUNCTION label_history_sets_current()"
                               " RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, %I"
                               " AS $f$ %1 $f$', current_schema()); END $$")
                    .arg(body)};
    }
    if (statement == QLatin1String("{work_chunks_without_run}"))
        return {QStringLiteral("ALTER TABLE work_chunks ALTER COLUMN run_id DROP NOT NULL")};
    if (statement.startsWith(QLatin1String("{notify_trigger ")) && statement.endsWith(QLatin1Char('}'))) {
        // A table added after migration 4 notifies like the first ones (nsfw_notify_change exists since then).
        const QString table = statement.mid(16, statement.size() - 17);
        return {QStringLiteral("CREATE TRIGGER %1_notify AFTER INSERT OR UPDATE OR DELETE ON %1"
                               " FOR EACH STATEMENT EXECUTE FUNCTION nsfw_notify_change()")
                    .arg(table)};
    }
    QString s = statement;
    s.replace(QLatin1String("{id}"), QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"))
        .replace(QLatin1String("{int}"), QLatin1String("BIGINT"))
        .replace(QLatin1String("{real}"), QLatin1String("DOUBLE PRECISION"))
        .replace(QLatin1String("{blob}"), QLatin1String("BYTEA"))
        .replace(QLatin1String("{without_rowid}"), QString())
        .replace(QLatin1String("{random_id}"), QLatin1String("replace(gen_random_uuid()::text, '-', '')"));
    return {s};
}

QStringList PostgresBackend::stampStatements(int version, bool first) const
{
    if (first)
        return {QStringLiteral("CREATE TABLE nsfw_project (application_id BIGINT NOT NULL,"
                               " schema_version BIGINT NOT NULL)"),
                QStringLiteral("INSERT INTO nsfw_project VALUES (%1, %2)").arg(ProjectDatabase::kApplicationId).arg(version)};
    return {QStringLiteral("UPDATE nsfw_project SET schema_version = %1").arg(version)};
}

bool PostgresBackend::isBusyError(const QSqlError &error) const
{
    return isPostgresBusy(error);
}

bool PostgresBackend::isPostgresBusy(const QSqlError &error)
{
    // QPSQL reports the SQLSTATE: lock_not_available (lock_timeout), serialization_failure, deadlock_detected.
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("55P03") || code == QLatin1String("40001") || code == QLatin1String("40P01");
}

bool PostgresBackend::isDisconnectError(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    // connection_exception (08...), admin_shutdown, crash_shutdown, cannot_connect_now; a lost socket has no
    // SQLSTATE at all.
    if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01") || code == QLatin1String("57P02")
        || code == QLatin1String("57P03"))
        return true;
    return code.isEmpty() && error.type() != QSqlError::NoError;
}

QString PostgresBackend::forUpdate() const
{
    // A label changes no key: NO KEY UPDATE still orders writers of one item, and does not wait for transactions that
    // merely reference the item (a background pass storing hashes, measures or near-copy pairs holds KEY SHARE on it).
    return QStringLiteral(" FOR NO KEY UPDATE");
}

QString PostgresBackend::labelForWrite() const
{
    // FOR NO KEY UPDATE needs the UPDATE right on items, which members lack: the owner's function takes the lock.
    return QStringLiteral("SELECT t.label FROM nsfw_label_for_write(?) AS t(label)");
}

QString PostgresBackend::idsFromJsonArray() const
{
    return QStringLiteral("(SELECT CAST(value AS BIGINT) AS id FROM json_array_elements_text(CAST(? AS json)))");
}

QStringList PostgresBackend::afterExplicitIds(const QString &table) const
{
    return {QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'),"
                           " coalesce((SELECT max(id) FROM %1), 0) + 1, false)")
                .arg(table)};
}

QString PostgresBackend::cacheDir(const ProjectLocation &, const QString &projectId) const
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/projects/")
           + projectId;
}

QStringList PostgresBackend::ownPaths(const ProjectLocation &, const QString &cacheDir) const
{
    return {cacheDir};
}

QString PostgresBackend::runLockKey(const ProjectLocation &location) const
{
    return location.text();
}

std::unique_ptr<ChangeFeed> PostgresBackend::changeFeed(ProjectDatabase &db, std::function<void()> wake) const
{
    return std::make_unique<NotificationFeed>(db, std::move(wake));
}

std::unique_ptr<Backend> Backend::create(ProjectLocation::Kind kind)
{
    if (kind == ProjectLocation::Kind::Postgres)
        return std::make_unique<PostgresBackend>();
    return std::make_unique<SqliteBackend>();
}

} // namespace nsfw
