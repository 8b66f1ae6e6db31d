#pragma once

#include "train/trainsettings.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace nsfw {

/// Fine-tunes the pretrained model on a project's labels (or, in mode Pretrained, only evaluates and
/// scores with the model as shipped). run() does the whole run in the calling thread with its own
/// database connection; the window moves a Trainer to a QThread (see TrainingSession), the CLI calls
/// run() directly. Progress comes out as value types; cancel() is safe from any thread and takes
/// effect between two batches.
///
/// The binary decision is the pretrained model's own: p(nsfw) = Hentai + Porn + Sexy of its softmax, so
/// epoch 0 is exactly the pretrained judgement and the fine-tuned weights keep nsfwjs's topology.
class Trainer : public QObject
{
    Q_OBJECT

public:
    Trainer(const QString &projectPath, const TrainSettings &settings, QObject *parent = nullptr);
    ~Trainer() override;

    TrainResult run();
    void cancel() { m_cancel = true; }
    bool isCancelled() const { return m_cancel; }

Q_SIGNALS:
    void started(qint64 runId);
    void progress(const nsfw::TrainProgress &progress);
    void stepLoss(const nsfw::StepLoss &step);
    void epochFinished(const nsfw::EpochMetrics &metrics);
    void finished(const nsfw::TrainResult &result);

private:
    struct Run;
    QString m_projectPath;
    TrainSettings m_settings;
    std::atomic<bool> m_cancel{false};
};

} // namespace nsfw
