#pragma once

#include <QString>

namespace nsfw {

/// Median timing of one training step (forward, backward, AdamW step) on random input, as the trainer
/// runs it: p(nsfw) = Hentai + Porn + Sexy, binary cross-entropy, BatchNorm frozen.
struct StepTiming {
    double stepMs = 0;
    double imagesPerSecond = 0;
    QString error;
};

/// mode: "full" or "partial" (the last `blocks` blocks); channelsLast: memory format of weights and input.
StepTiming timeTrainingStep(const QString &modelDir, const QString &mode, int blocks, int batch, int runs, int warmup,
                            bool channelsLast);
/// Median seconds of one head-only epoch over `items` cached feature rows (batch `batch`, AdamW), as the
/// trainer runs it from the feature cache.
double timeHeadEpoch(const QString &modelDir, int items, int batch, int runs, QString *error);

} // namespace nsfw
