#include "trainingsession.h"

#include "trainer.h"

#include <QCoreApplication>
#include <QThread>

namespace nsfw {

TrainingSession::TrainingSession(QObject *parent)
    : QObject(parent)
{
}

TrainingSession::~TrainingSession()
{
    cancel();
    wait();
}

bool TrainingSession::start(const QString &projectPath, const TrainSettings &settings)
{
    if (m_thread)
        return false;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("training"));
    auto *trainer = new Trainer(projectPath, settings);
    trainer->moveToThread(m_thread);
    m_trainer = trainer;
    connect(trainer, &Trainer::started, this, &TrainingSession::started);
    connect(trainer, &Trainer::progress, this, &TrainingSession::progress);
    connect(trainer, &Trainer::stepLoss, this, &TrainingSession::stepLoss);
    connect(trainer, &Trainer::epochFinished, this, &TrainingSession::epochFinished);
    // run() executes in the worker thread: the lambda's context object lives there.
    connect(m_thread, &QThread::started, trainer, [trainer] { trainer->run(); QThread::currentThread()->quit(); });
    connect(m_thread, &QThread::finished, trainer, &QObject::deleteLater);
    connect(trainer, &Trainer::finished, this, [this](const TrainResult &result) {
        QThread *thread = m_thread;
        m_thread = nullptr;
        if (thread) {
            thread->wait();
            thread->deleteLater();
        }
        Q_EMIT finished(result);
    });
    m_thread->start();
    return true;
}

void TrainingSession::cancel()
{
    if (m_trainer)
        m_trainer->cancel(); // an atomic flag: safe from this thread
}

void TrainingSession::wait()
{
    if (m_thread)
        m_thread->wait();
    // Deliver the queued finished() so isRunning() is false afterwards.
    QCoreApplication::sendPostedEvents(this);
}

} // namespace nsfw
