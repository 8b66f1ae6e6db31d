#pragma once

#include "train/trainsettings.h"

#include <QObject>
#include <QPointer>

class QThread;

namespace nsfw {

class Trainer;

/// The window's handle on a training run: owns a worker thread with a Trainer on it and re-emits the
/// trainer's value-type signals in the thread that owns the session (queued: the GUI never blocks on
/// training). One run at a time; destroying the session cancels a running run and waits for it.
class TrainingSession : public QObject
{
    Q_OBJECT

public:
    explicit TrainingSession(QObject *parent = nullptr);
    ~TrainingSession() override;

    bool isRunning() const { return m_thread != nullptr; }
    /// Starts a run in the background; false when one is already running.
    bool start(const QString &projectPath, const TrainSettings &settings);
    /// Asks the running run to stop after the current batch (finished() follows with "cancelled").
    void cancel();
    /// Blocks until the current run has ended (for tests and shutdown).
    void wait();

Q_SIGNALS:
    void started(qint64 runId);
    void progress(const nsfw::TrainProgress &progress);
    void stepLoss(const nsfw::StepLoss &step);
    void epochFinished(const nsfw::EpochMetrics &metrics);
    void finished(const nsfw::TrainResult &result);

private:
    QThread *m_thread = nullptr;
    QPointer<Trainer> m_trainer;
};

} // namespace nsfw
