#include "projectdatabase.h"

#include "common/appinfo.h"
#include "common/logging.h"
#include "runstore.h"
#include "schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QDateTime>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>
#include <chrono>

namespace nsfw {

namespace {

std::atomic<int> s_connectionCounter{0};

QString mediaRootKey(const QString &projectId)
{
    return QStringLiteral("mediaRoots/") + projectId;
}

} // namespace

int ProjectDatabase::latestSchemaVersion()
{
    return static_cast<int>(schema::migrations().size());
}

std::unique_ptr<ProjectDatabase> ProjectDatabase::open(const QString &location, OpenMode mode, const QString &role,
                                                       QString *error)
{
    QString parseError;
    const ProjectLocation parsed = ProjectLocation::parse(location, &parseError);
    if (!parsed.isValid()) {
        if (error)
            *error = parseError.isEmpty() ? tr("No project was given.") : parseError;
        return nullptr;
    }
    return open(parsed, mode, role, error);
}

std::unique_ptr<ProjectDatabase> ProjectDatabase::open(const ProjectLocation &location, OpenMode mode,
                                                       const QString &role, QString *error, Refusal *refusal)
{
    if (refusal)
        *refusal = Refusal::None;
    auto fail = [error, refusal](const QString &message, Refusal why = Refusal::Other) {
        if (error)
            *error = message;
        if (refusal)
            *refusal = why;
        return std::unique_ptr<ProjectDatabase>();
    };

    std::unique_ptr<ProjectDatabase> self(new ProjectDatabase);
    self->m_backend = Backend::create(location.kind());
    self->m_location = location;
    self->m_role = role;
    const QString name = location.text();
    const QString refused = self->m_backend->checkLocation(location, int(mode));
    if (!refused.isEmpty())
        return fail(refused);

    self->m_connectionName = QStringLiteral("nsfw-%1-%2").arg(role).arg(s_connectionCounter.fetch_add(1));
    self->m_db = QSqlDatabase::addDatabase(self->m_backend->driverName(), self->m_connectionName);
    self->m_backend->setUp(self->m_db, location);
    if (!self->m_db.open())
        return fail(tr("Cannot open %1: %2").arg(name, self->m_db.lastError().text()));

    // Read-only checks first.
    const Backend::Identity id = self->m_backend->identify(self->m_db);
    if (!id.error.isEmpty())
        return fail(tr("%1 is not an NSFW Workbench project: %2").arg(name, id.error));
    const bool ours = id.applicationId == kApplicationId;
    const bool empty = id.objects == 0 && id.version == 0;
    if (!ours && !empty)
        return fail(location.isServer()
                        ? tr("The database %1 holds tables of another application, not an NSFW Workbench project. "
                             "Use an empty database.")
                              .arg(name)
                        : tr("%1 is an SQLite database of another application, not an NSFW Workbench project.")
                              .arg(name));
    if (location.isServer() && empty && mode == OpenMode::OpenExisting)
        return fail(tr("The database %1 is empty, not an NSFW Workbench project yet: run `nsfw-workbench init %1` "
                       "first.")
                        .arg(name),
                    Refusal::EmptyDatabase);
    if (location.isServer() && ours && mode == OpenMode::CreateNew)
        return fail(tr("%1 is already an NSFW Workbench project; open it instead.").arg(name));
    if (id.version > latestSchemaVersion())
        return fail(tr("%1 was written by a newer version of NSFW Workbench (project format %2; this version "
                       "reads up to %3). Please update the application.")
                        .arg(name)
                        .arg(id.version)
                        .arg(latestSchemaVersion()));

    QString err;
    if (!self->configure(&err))
        return fail(tr("Cannot configure %1: %2").arg(name, err));
    if (location.isServer() && ours) {
        // Who this login is in the project's team, read before anything is written: only the owner may alter the
        // tables, so a member (or anybody else) never starts a migration it would fail half-way through.
        if (!self->readProjectId(&err))
            return fail(tr("Cannot read %1: %2").arg(name, err));
        self->m_team = ProjectTeam::readAccess(self->m_db, self->m_projectId);
        if (id.version < latestSchemaVersion() && self->m_team.role != TeamRole::Owner)
            return fail(tr("%1 is in an older project format (%2; this version uses %3), and only its owner (%4) can "
                           "upgrade it, which you are not (%5): ask them to open it once with this version.")
                            .arg(name)
                            .arg(id.version)
                            .arg(latestSchemaVersion())
                            .arg(self->m_team.owner, self->m_team.login));
    }
    // A project already at this schema needs no write lock to open: opening never waits for another writer (an
    // import, a second window) to finish its transaction.
    if (ours && id.version == latestSchemaVersion())
        self->m_schemaVersion = id.version;
    else if (!self->migrate(&err))
        return fail(tr("Cannot upgrade %1: %2").arg(name, err));
    if (!self->readProjectId(&err))
        return fail(tr("Cannot read %1: %2").arg(name, err));
    if (location.isServer() && !(ours && id.version == latestSchemaVersion())) {
        // A new project is its creator's; a migrated one may have made tables the members have no rights on yet.
        self->m_team = ProjectTeam::readAccess(self->m_db, self->m_projectId);
        if (!ProjectTeam(*self).refreshGrants(&err))
            qCWarning(lcStore) << "cannot give the project's roles their rights after the upgrade:" << err;
    }
    self->m_cacheDir = self->m_backend->cacheDir(location, self->m_projectId);
    if (location.isServer()) {
        const QString env = qEnvironmentVariable("NSFW_WORKBENCH_MEDIA_ROOT");
        self->m_mediaRoot = env.isEmpty() ? rememberedMediaRoot(self->m_projectId) : QDir(env).absolutePath();
    } else {
        self->m_mediaRoot = QFileInfo(location.filePath()).absolutePath();
    }
    // A training run left "running" by a process that died is marked failed now, not shown running forever.
    RunStore(*self).recoverInterrupted();
    qCDebug(lcStore) << "opened" << name << "as" << role << "schema" << self->m_schemaVersion;
    return self;
}

bool ProjectDatabase::annotatorIsLogin() const
{
    return m_team.rolesExist
           && (m_team.role == TeamRole::Annotator || m_team.role == TeamRole::Reviewer
               || m_team.role == TeamRole::Admin);
}

QString ProjectDatabase::annotator(const QString &preferred) const
{
    if (annotatorIsLogin())
        return m_team.login;
    return preferred.trimmed().isEmpty() ? defaultAnnotator() : preferred.trimmed();
}

QString ProjectDatabase::refusal(Action action) const
{
    if (m_team.role != TeamRole::Annotator && m_team.role != TeamRole::Reviewer)
        return {};
    const QString role = ProjectTeam::roleName(m_team.role);
    switch (action) {
    case Action::Import:
        return tr("Your role in %1 (%2) cannot import; ask an admin of the project.").arg(displayName(), role);
    case Action::Train:
        return tr("Your role in %1 (%2) cannot train; ask an admin of the project.").arg(displayName(), role);
    }
    return {};
}

QString ProjectDatabase::errorText(const QSqlError &error) const
{
    // 42501: permission denied, also a row that a row-level security policy refuses (a label under another name).
    if (!isServer() || error.nativeErrorCode() != QLatin1String("42501") || m_team.role == TeamRole::Owner)
        return error.text();
    const QString role = m_team.role == TeamRole::None ? tr("no member") : ProjectTeam::roleName(m_team.role);
    QString server = error.databaseText().trimmed();
    server.remove(QLatin1String("(42501)"));
    if (server.startsWith(QLatin1String("ERROR:")))
        server = server.mid(6);
    server = server.trimmed();
    if (server.contains(QLatin1String("row-level security")))
        return tr("Your role in %1 (%2) adds labels only under your own login, %3%4.")
            .arg(displayName(), role, m_team.login,
                 m_team.role == TeamRole::Annotator ? tr(", and no adjudications") : QString());
    return tr("Your role in %1 (%2) does not allow this (%3); ask an admin of the project.")
        .arg(displayName(), role, server);
}

bool ProjectDatabase::configure(QString *error)
{
    for (const QString &statement : m_backend->configureStatements()) {
        if (!exec(statement, error))
            return false;
    }
    if (m_location.isServer() && !exec(m_backend->busyTimeoutStatement(m_busyTimeoutMs), error))
        return false;
    return true;
}

bool ProjectDatabase::readProjectId(QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'project_id'"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (q.next())
        m_projectId = q.value(0).toString();
    return true;
}

bool ProjectDatabase::hasMediaRoot() const
{
    return !m_mediaRoot.isEmpty() && QFileInfo(m_mediaRoot).isDir();
}

QString ProjectDatabase::mediaRootMissingMessage(const ProjectDatabase &db)
{
    if (db.mediaRoot().isEmpty())
        return tr("The media root of %1 is not mapped on this machine: run `nsfw-workbench media-root %1 FOLDER` (the "
                  "folder the project's media paths are relative to), or open the project in the window.")
            .arg(db.displayName());
    return tr("The media root of %1 on this machine, %2, does not exist: map it again with `nsfw-workbench media-root "
              "%1 FOLDER`.")
        .arg(db.displayName(), db.mediaRoot());
}

QString ProjectDatabase::rememberedMediaRoot(const QString &projectId)
{
    if (projectId.isEmpty())
        return {};
    return QSettings().value(mediaRootKey(projectId)).toString();
}

bool ProjectDatabase::setMediaRoot(const QString &dir, QString *error)
{
    if (!m_location.isServer()) {
        if (error)
            *error = tr("A project file's media root is the folder it is in.");
        return false;
    }
    const QFileInfo info(dir);
    if (!info.isDir()) {
        if (error)
            *error = tr("The folder %1 does not exist.").arg(dir);
        return false;
    }
    m_mediaRoot = info.absoluteFilePath();
    QSettings settings;
    settings.setValue(mediaRootKey(m_projectId), m_mediaRoot);
    settings.sync();
    return true;
}

ProjectDatabase::~ProjectDatabase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool ProjectDatabase::exec(const QString &sql, QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError().text();
        m_lastErrorBusy = isBusyError(q.lastError());
        if (m_lastErrorBusy)
            qCDebug(lcStore) << "busy:" << sql << q.lastError().text();
        else
            qCWarning(lcStore) << "failed:" << sql << q.lastError().text();
        return false;
    }
    m_lastErrorBusy = false;
    return true;
}

bool ProjectDatabase::isBusyError(const QSqlError &error)
{
    // QPSQL's isOpen() is libpq's connection status: a connection the server ended is "not open" (and its
    // statements fail without an error of their own).
    if (!m_db.isOpen()) {
        if (!m_lost)
            qCWarning(lcStore) << "lost the connection to" << m_location.text() << error.text();
        m_lost = true;
        return true;
    }
    if (m_backend->isDisconnectError(error)) {
        if (!m_lost) {
            // An error without an SQLSTATE may be the driver's own: only a connection that cannot answer a trivial
            // question is lost (in a failed transaction the question fails with an SQLSTATE of its own).
            QSqlQuery probe(m_db);
            if (probe.exec(QStringLiteral("SELECT 1")) || !m_backend->isDisconnectError(probe.lastError()))
                return m_backend->isBusyError(error);
            qCWarning(lcStore) << "lost the connection to" << m_location.text() << error.text();
        }
        m_lost = true;
        return true;
    }
    return m_backend->isBusyError(error);
}

bool ProjectDatabase::ensureConnected()
{
    if (!m_lost && m_db.isOpen())
        return true;
    m_lost = true;
    if (m_transactionDepth > 0)
        return false; // the transaction is gone with the connection; its owner rolls back first
    // Reaching a server whose host is away can take seconds (connect_timeout): a throwaway connection on a thread
    // of its own finds out first, so the thread owning this connection (the window's) never waits on the network.
    // After a failed try the next waits longer, up to 8 s.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_probe.valid()) {
        if (now - m_lastReconnectMs < m_reconnectDelayMs)
            return false;
        m_lastReconnectMs = now;
        m_probe = std::async(std::launch::async, [backend = m_backend.get(), location = m_location] {
            static std::atomic<int> counter{0};
            const QString name = QStringLiteral("nsfw-probe-%1").arg(counter.fetch_add(1));
            bool reachable = false;
            {
                QSqlDatabase probe = QSqlDatabase::addDatabase(backend->driverName(), name);
                backend->setUp(probe, location);
                reachable = probe.open();
                probe.close();
            }
            QSqlDatabase::removeDatabase(name);
            return reachable;
        });
        return false;
    }
    if (m_probe.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;
    const bool reachable = m_probe.get();
    m_lastReconnectMs = now;
    if (!reachable) {
        m_reconnectDelayMs = std::min(2 * m_reconnectDelayMs, 8000);
        qCDebug(lcStore) << "the server is still unreachable; next try in" << m_reconnectDelayMs << "ms";
        return false;
    }
    m_db.close();
    if (!m_db.open()) {
        qCDebug(lcStore) << "reconnecting failed:" << m_db.lastError().text();
        return false;
    }
    m_reconnectDelayMs = kFirstReconnectDelayMs;
    m_lost = false;
    QString err;
    if (!configure(&err)) {
        m_lost = true;
        return false;
    }
    ++m_generation;
    qCInfo(lcStore) << "reconnected to" << m_location.text();
    return true;
}

bool ProjectDatabase::setBusyTimeout(int ms)
{
    if (ms == m_busyTimeoutMs)
        return true;
    if (!exec(m_backend->busyTimeoutStatement(std::max(0, ms))))
        return false;
    m_busyTimeoutMs = std::max(0, ms);
    return true;
}

bool ProjectDatabase::migrate(QString *error)
{
    const auto &steps = schema::migrations();
    // The write lock (BEGIN IMMEDIATE; an advisory lock on a server), so two processes opening an old project
    // migrate it once; the version is read again under it.
    Transaction tx(*this);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    for (const QString &statement : m_backend->migrationLockStatements()) {
        if (!exec(statement, error))
            return false;
    }
    const Backend::Identity id = m_backend->identify(m_db);
    if (!id.error.isEmpty()) {
        if (error)
            *error = id.error;
        return false;
    }
    const int current = id.applicationId == kApplicationId ? id.version : 0;
    if (current > steps.size()) {
        if (error)
            *error = tr("project format %1 is newer than this version understands").arg(current);
        return false;
    }
    for (int version = current + 1; version <= steps.size(); ++version) {
        for (const QString &templ : steps[version - 1]) {
            for (const QString &statement : m_backend->expand(templ)) {
                if (!exec(statement, error))
                    return false;
            }
        }
        for (const QString &statement : m_backend->stampStatements(version, current == 0 && version == 1)) {
            if (!exec(statement, error))
                return false;
        }
        qCDebug(lcStore) << "migrated" << m_location.text() << "to schema" << version;
    }
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return false;
    }
    m_schemaVersion = static_cast<int>(steps.size());
    return true;
}

QString ProjectDatabase::storedPath(const QString &absolutePath) const
{
    const QString clean = QDir::cleanPath(absolutePath);
    if (m_mediaRoot.isEmpty())
        return clean;
    const QString prefix = m_mediaRoot.endsWith(QLatin1Char('/')) ? m_mediaRoot : m_mediaRoot + QLatin1Char('/');
    if (clean.startsWith(prefix))
        return clean.mid(prefix.size());
    return clean;
}

QString ProjectDatabase::absolutePath(const QString &storedPath) const
{
    // An unmapped media root leaves a relative path relative: it is not found, and the window asks for the root.
    if (QDir::isAbsolutePath(storedPath) || m_mediaRoot.isEmpty())
        return storedPath;
    return QDir::cleanPath(m_mediaRoot + QLatin1Char('/') + storedPath);
}

Transaction::Transaction(ProjectDatabase &db)
    : m_db(db)
{
    QString sql;
    if (m_db.m_transactionDepth == 0) {
        if (!m_db.ensureConnected()) {
            m_error = ProjectDatabase::tr("The connection to %1 is lost; reconnecting.").arg(m_db.displayName());
            m_db.m_lastErrorBusy = true;
            return;
        }
        sql = m_db.m_backend->beginStatement();
    } else {
        m_savepoint = QStringLiteral("sp%1").arg(m_db.m_transactionDepth);
        sql = QStringLiteral("SAVEPOINT ") + m_savepoint;
    }
    m_active = m_db.exec(sql, &m_error);
    if (m_active)
        ++m_db.m_transactionDepth;
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    --m_db.m_transactionDepth;
    if (m_savepoint.isEmpty()) {
        m_db.exec(QStringLiteral("ROLLBACK"));
    } else {
        m_db.exec(QStringLiteral("ROLLBACK TO ") + m_savepoint);
        m_db.exec(QStringLiteral("RELEASE ") + m_savepoint);
    }
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    const QString sql = m_savepoint.isEmpty() ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + m_savepoint;
    if (!m_db.exec(sql, &m_error))
        return false; // still active: the destructor rolls back
    m_active = false;
    --m_db.m_transactionDepth;
    return true;
}

} // namespace nsfw
