#include "trainsettings.h"

#include "train/recipe.h"

#include <QJsonArray>

#include <cmath>

namespace nsfw {

double TrainSettings::effectiveLearningRate() const
{
    if (learningRate > 0)
        return learningRate;
    switch (mode) {
    case Mode::Head: return 1e-3;
    case Mode::Partial: return 1e-4;
    case Mode::Full: return 5e-5;
    case Mode::Pretrained:
    case Mode::Auto: break; // each candidate has its own
    }
    return 0;
}

QString TrainSettings::effectiveSchedule() const
{
    if (!schedule.isEmpty())
        return schedule;
    return mode == Mode::Partial || mode == Mode::Full ? QStringLiteral("cosine") : QStringLiteral("constant");
}

int TrainSettings::effectiveEpochs() const
{
    if (epochs > 0)
        return epochs;
    return mode == Mode::Head ? 30 : mode == Mode::Pretrained ? 0 : 10;
}

int TrainSettings::effectiveHeadEpochs() const
{
    if ((mode != Mode::Partial && mode != Mode::Full) || linearHead())
        return 0; // a linear head's first stage is its probe, fitted rather than trained
    return headEpochs < 0 ? kDefaultHeadEpochs : headEpochs;
}

bool EarlyStopping::stopAfter(const EpochMetrics &m)
{
    const bool lowerLoss = m.validationLoss < m_lowestLoss;
    if (lowerLoss)
        m_lowestLoss = m.validationLoss;
    if (m.epoch == 0)
        return false;
    m_since = m.best || lowerLoss ? 0 : m_since + 1;
    return m_patience > 0 && m_since >= m_patience;
}

int TrainSettings::effectiveFolds() const
{
    if (folds > 0)
        return folds;
    return mode == Mode::Head ? 5 : 1;
}

QString TrainSettings::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Pretrained: return QStringLiteral("pretrained");
    case Mode::Head: return QStringLiteral("head");
    case Mode::Partial: return QStringLiteral("partial");
    case Mode::Full: return QStringLiteral("full");
    case Mode::Auto: return QStringLiteral("auto");
    }
    return {};
}

bool TrainSettings::parseMode(const QString &text, Mode *mode)
{
    for (Mode m : {Mode::Pretrained, Mode::Head, Mode::Partial, Mode::Full, Mode::Auto}) {
        if (text.compare(modeName(m), Qt::CaseInsensitive) == 0) {
            *mode = m;
            return true;
        }
    }
    return false;
}

QJsonObject TrainSettings::toJson() const
{
    return {{QStringLiteral("mode"), modeName(mode)},
            {QStringLiteral("blocks"), blocks},
            {QStringLiteral("epochs"), effectiveEpochs()},
            {QStringLiteral("learningRate"), effectiveLearningRate()},
            {QStringLiteral("weightDecay"), weightDecay},
            {QStringLiteral("batchSize"), batchSize},
            {QStringLiteral("patience"), patience},
            {QStringLiteral("seed"), QString::number(seed)},
            {QStringLiteral("validationFraction"), validationFraction},
            {QStringLiteral("folds"), effectiveFolds()},
            {QStringLiteral("optimizer"), optimizer},
            {QStringLiteral("freezeBatchNorm"), freezeBatchNorm},
            {QStringLiteral("augment"), augment},
            {QStringLiteral("balance"), balance},
            {QStringLiteral("inheritVideoLabels"), inheritVideoLabels},
            {QStringLiteral("threshold"), threshold},
            {QStringLiteral("scoreAll"), scoreAll},
            {QStringLiteral("schedule"), effectiveSchedule()},
            {QStringLiteral("warmup"), warmup},
            {QStringLiteral("layerDecay"), layerDecay},
            {QStringLiteral("labelSmoothing"), labelSmoothing},
            {QStringLiteral("emaDecay"), emaDecay},
            {QStringLiteral("mixup"), mixup},
            {QStringLiteral("flipAverage"), flipAverage},
            {QStringLiteral("refit"), refit},
            // The number a partial or full run trained (Retrain repeats it); other modes keep "the default".
            {QStringLiteral("headEpochs"), mode == Mode::Partial || mode == Mode::Full ? effectiveHeadEpochs() : -1},
            {QStringLiteral("head"), head},
            {QStringLiteral("ensemble"), ensemble},
            {QStringLiteral("budgetMinutes"), budgetMinutes},
            {QStringLiteral("modelDir"), modelDir},
            {QStringLiteral("fastDecode"), fastDecode}};
}

TrainSettings TrainSettings::fromJson(const QJsonObject &o)
{
    TrainSettings s;
    parseMode(o.value(QStringLiteral("mode")).toString(), &s.mode);
    s.blocks = o.value(QStringLiteral("blocks")).toInt(s.blocks);
    s.epochs = o.value(QStringLiteral("epochs")).toInt(s.epochs);
    s.learningRate = o.value(QStringLiteral("learningRate")).toDouble(0);
    s.weightDecay = o.value(QStringLiteral("weightDecay")).toDouble(s.weightDecay);
    s.batchSize = o.value(QStringLiteral("batchSize")).toInt(s.batchSize);
    s.patience = o.value(QStringLiteral("patience")).toInt(s.patience);
    s.seed = o.value(QStringLiteral("seed")).toString(QStringLiteral("1")).toULongLong();
    s.validationFraction = o.value(QStringLiteral("validationFraction")).toDouble(s.validationFraction);
    s.folds = o.value(QStringLiteral("folds")).toInt(1); // runs from before cross-validation used one split
    s.optimizer = o.value(QStringLiteral("optimizer")).toString(s.optimizer);
    s.freezeBatchNorm = o.value(QStringLiteral("freezeBatchNorm")).toBool(s.freezeBatchNorm);
    s.augment = o.value(QStringLiteral("augment")).toBool(s.augment);
    s.balance = o.value(QStringLiteral("balance")).toBool(s.balance);
    s.inheritVideoLabels = o.value(QStringLiteral("inheritVideoLabels")).toBool(s.inheritVideoLabels);
    s.threshold = o.value(QStringLiteral("threshold")).toDouble(s.threshold);
    s.scoreAll = o.value(QStringLiteral("scoreAll")).toBool(s.scoreAll);
    s.schedule = o.value(QStringLiteral("schedule")).toString(QStringLiteral("constant")); // older runs: constant
    s.warmup = o.value(QStringLiteral("warmup")).toDouble(s.warmup);
    s.layerDecay = o.value(QStringLiteral("layerDecay")).toDouble(s.layerDecay);
    s.labelSmoothing = o.value(QStringLiteral("labelSmoothing")).toDouble(s.labelSmoothing);
    s.emaDecay = o.value(QStringLiteral("emaDecay")).toDouble(0);
    s.mixup = o.value(QStringLiteral("mixup")).toDouble(0);
    s.flipAverage = o.value(QStringLiteral("flipAverage")).toBool(false);
    s.refit = o.value(QStringLiteral("refit")).toBool(false); // runs from before it kept the split's model
    s.fastDecode = o.value(QStringLiteral("fastDecode")).toBool(false);
    s.headEpochs = o.value(QStringLiteral("headEpochs")).toInt(0); // runs from before it had no head-first stage
    s.head = o.value(QStringLiteral("head")).toString(s.head);
    s.ensemble = o.value(QStringLiteral("ensemble")).toInt(1);
    s.budgetMinutes = o.value(QStringLiteral("budgetMinutes")).toDouble(s.budgetMinutes);
    s.modelDir = o.value(QStringLiteral("modelDir")).toString();
    return s;
}

QString TrainSettings::validate() const
{
    if (epochs < 0 || epochs > 1000)
        return tr("epochs must be between 1 and 1000 (0: the mode's default)");
    if (batchSize < 1 || batchSize > 4096)
        return tr("the batch size must be between 1 and 4096");
    if (!(validationFraction > 0 && validationFraction < 1))
        return tr("the validation fraction must be between 0 and 1");
    if (folds < 0 || folds > 20)
        return tr("folds must be between 1 and 20 (0: the mode's default)");
    if (blocks < 0 || blocks > 100)
        return tr("blocks must be between 0 and 100");
    if (learningRate < 0 || !std::isfinite(learningRate))
        return tr("the learning rate must be positive");
    if (optimizer != QLatin1String("adamw") && optimizer != QLatin1String("sgd"))
        return tr("the optimizer must be adamw or sgd");
    if (!(threshold >= 0 && threshold <= 1))
        return tr("the threshold must be between 0 and 1");
    if (!schedule.isEmpty() && !recipe::Schedule::isKnown(schedule))
        return tr("the schedule must be constant or cosine");
    if (!(warmup >= 0 && warmup < 1))
        return tr("the warm-up share must be at least 0 and below 1");
    if (!(layerDecay > 0 && layerDecay <= 1))
        return tr("the layer decay must be above 0 and at most 1");
    if (!(labelSmoothing >= 0 && labelSmoothing < 1))
        return tr("label smoothing must be at least 0 and below 1");
    if (!(emaDecay >= 0 && emaDecay < 1))
        return tr("the weight-averaging decay must be at least 0 and below 1");
    if (!(mixup >= 0 && mixup <= 10))
        return tr("mixup's alpha must be between 0 and 10");
    if (flipAverage && (mode == Mode::Head || mode == Mode::Pretrained))
        return tr("test-time flip averaging needs partial, full or auto mode (head mode scores the cached features "
                  "of the pictures as they are)");
    if (!(budgetMinutes > 0 && budgetMinutes <= 7 * 24 * 60))
        return tr("the time budget must be above 0 and at most a week (in minutes)");
    if (headEpochs < -1 || headEpochs > 1000)
        return tr("head-first epochs must be between 0 and 1000");
    if (head != QLatin1String("model") && head != QLatin1String("linear"))
        return tr("the head must be model or linear");
    if (ensemble < 1 || ensemble > kMaxEnsemble)
        return tr("an ensemble has between 1 and %1 models").arg(kMaxEnsemble);
    if (ensemble > 1 && mode != Mode::Partial && mode != Mode::Full)
        return tr("an ensemble needs partial or full mode");
    if (ensemble > 1 && !refit && effectiveFolds() <= 1)
        return tr("an ensemble's models train on every label: it needs the refit or cross-validation");
    return {};
}

QJsonObject EpochMetrics::toJson() const
{
    auto num = [](double v) { return std::isnan(v) ? QJsonValue() : QJsonValue(v); };
    return {{QStringLiteral("epoch"), epoch},
            {QStringLiteral("trainLoss"), num(trainLoss)},
            {QStringLiteral("validationLoss"), num(validationLoss)},
            {QStringLiteral("ap"), num(averagePrecision)},
            {QStringLiteral("auc"), num(rocAuc)},
            {QStringLiteral("accuracy"), confusion.accuracy()},
            {QStringLiteral("precision"), confusion.precision()},
            {QStringLiteral("recall"), confusion.recall()},
            {QStringLiteral("f1"), confusion.f1()},
            {QStringLiteral("confusion"), confusion.toJson()},
            {QStringLiteral("curve"), curve.toJson()},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("best"), best},
            {QStringLiteral("intervals"), intervals.resamples > 0 ? QJsonValue(intervals.toJson()) : QJsonValue()},
            {QStringLiteral("stepLosses"), [this] {
                 QJsonArray a;
                 for (float v : stepLosses)
                     a.append(double(v));
                 return a;
             }()}};
}

EpochMetrics EpochMetrics::fromJson(const QJsonObject &o)
{
    EpochMetrics m;
    m.epoch = o.value(QStringLiteral("epoch")).toInt();
    m.trainLoss = o.value(QStringLiteral("trainLoss")).toDouble(qQNaN());
    m.validationLoss = o.value(QStringLiteral("validationLoss")).toDouble(qQNaN());
    m.averagePrecision = o.value(QStringLiteral("ap")).toDouble(qQNaN());
    m.rocAuc = o.value(QStringLiteral("auc")).toDouble(qQNaN());
    m.confusion = ConfusionMatrix::fromJson(o.value(QStringLiteral("confusion")).toObject());
    m.curve = PrCurve::fromJson(o.value(QStringLiteral("curve")).toObject());
    m.seconds = o.value(QStringLiteral("seconds")).toDouble();
    m.best = o.value(QStringLiteral("best")).toBool();
    if (o.value(QStringLiteral("intervals")).isObject())
        m.intervals = MetricIntervals::fromJson(o.value(QStringLiteral("intervals")).toObject());
    for (const QJsonValue v : o.value(QStringLiteral("stepLosses")).toArray())
        m.stepLosses.append(float(v.toDouble()));
    return m;
}

} // namespace nsfw
