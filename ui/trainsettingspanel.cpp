#include "trainsettingspanel.h"

#include "messagelabel.h"

#include "model/modellocator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace nsfw::ui {

namespace {
const QString kSettingsKey = QStringLiteral("training/lastSettings");
}

TrainSettingsPanel::TrainSettingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new QComboBox(this))
    , m_mode(new QComboBox(this))
    , m_blocks(new QSpinBox(this))
    , m_epochs(new QSpinBox(this))
    , m_lr(new QDoubleSpinBox(this))
    , m_batch(new QSpinBox(this))
    , m_validation(new QDoubleSpinBox(this))
    , m_folds(new QSpinBox(this))
    , m_threshold(new QDoubleSpinBox(this))
    , m_optimizer(new QComboBox(this))
    , m_schedule(new QComboBox(this))
    , m_layerDecay(new QDoubleSpinBox(this))
    , m_labelSmoothing(new QDoubleSpinBox(this))
    , m_headEpochs(new QSpinBox(this))
    , m_head(new QComboBox(this))
    , m_ema(new QDoubleSpinBox(this))
    , m_mixup(new QDoubleSpinBox(this))
    , m_flipAverage(new QCheckBox(tr("Average each score with the mirror image's"), this))
    , m_refit(new QCheckBox(tr("Train the final model on all labels"), this))
    , m_ensemble(new QSpinBox(this))
    , m_budget(new QSpinBox(this))
    , m_patience(new QSpinBox(this))
    , m_seed(new QSpinBox(this))
    , m_augment(new QCheckBox(tr("Augment (crop, flip, colour)"), this))
    , m_balance(new QCheckBox(tr("Balance the classes"), this))
    , m_freezeBn(new QCheckBox(tr("Keep BatchNorm as pretrained"), this))
    , m_scoreAll(new QCheckBox(tr("Score every item afterwards"), this))
    , m_fastDecode(new QCheckBox(tr("Decode big JPEGs at reduced scale"), this))
    , m_train(new QPushButton(tr("Train"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_phase(new QLabel(this))
    , m_status(new MessageLabel(this))
{
    m_mode->addItem(tr("Auto (tries head, partial and full)"), int(TrainSettings::Mode::Auto));
    m_mode->addItem(tr("Head only (fast)"), int(TrainSettings::Mode::Head));
    m_mode->addItem(tr("Last blocks (partial)"), int(TrainSettings::Mode::Partial));
    m_mode->addItem(tr("Whole network (full)"), int(TrainSettings::Mode::Full));
    m_mode->addItem(tr("Pretrained model only (score, no training)"), int(TrainSettings::Mode::Pretrained));
    m_mode->setToolTip(tr("Head only trains the classifier on cached backbone features: an epoch takes seconds. "
                          "Partial also retrains the last blocks of the backbone, full the whole network "
                          "(minutes per epoch on a CPU). Auto tries them within the time budget and trains the "
                          "one with the best validation AP. The pretrained model only evaluates and scores."));
    m_budget->setRange(1, 24 * 60);
    m_budget->setSuffix(tr(" min"));
    m_budget->setToolTip(tr("Auto: the time the whole run may take; half of it goes to trying candidates"));
    // The pretrained models found (the set-up script's, the model package's); the one used when none is chosen
    // is kept as "" so settings stay valid when that folder moves.
    QString error;
    const QString defaultDir = locateModel(QString(), &error);
    for (const ModelChoice &c : availableModels()) {
        const QString title = c.title == c.name ? c.name : QStringLiteral("%1 (%2)").arg(c.title, c.name);
        m_model->addItem(title, c.dir == defaultDir ? QString() : c.dir);
        m_model->setItemData(m_model->count() - 1, c.blocks, Qt::UserRole + 1);
        m_model->setItemData(m_model->count() - 1, QDir::toNativeSeparators(c.dir), Qt::ToolTipRole);
    }
    if (m_model->findData(QString()) < 0)
        m_model->insertItem(0, tr("Default (%1)").arg(QLatin1String(kDefaultModelName)), QString());
    m_model->setToolTip(tr("The pretrained model to fine-tune (its profile says its input, classes and blocks)"));
    m_blocks->setRange(1, 100);
    m_blocks->setToolTip(tr("Partial mode: how many of the last backbone blocks are retrained"));
    m_epochs->setRange(0, 500);
    m_epochs->setSpecialValueText(tr("auto (head: 30, else 10)"));
    m_lr->setDecimals(6);
    m_lr->setRange(0, 1);
    m_lr->setSingleStep(0.0001);
    m_lr->setSpecialValueText(tr("mode default"));
    m_lr->setToolTip(tr("0 uses the mode's default: head 0.001, partial 0.0001, full 0.00005"));
    m_batch->setRange(1, 512);
    m_validation->setRange(0.05, 0.5);
    m_validation->setSingleStep(0.05);
    m_validation->setDecimals(2);
    m_validation->setToolTip(tr("Share of the labeled items held out to validate every epoch; the frames of a "
                                "video and exact duplicates always stay on one side"));
    m_folds->setRange(0, 20);
    m_folds->setSpecialValueText(tr("auto (head: 5, else 1)"));
    m_folds->setToolTip(tr("Cross-validation: the labeled items are split into this many folds (a video's frames "
                           "in one), one model per fold judges the items it did not train on, so every label gets "
                           "an out-of-sample score for the curves, the confusion cells and the label-error audit. "
                           "The run's model is then trained on all labels. 1: one validation split (the share "
                           "below). Each fold costs a training run: cheap in head mode, long in partial and full."));
    m_threshold->setRange(0.001, 0.999);
    m_threshold->setDecimals(3);
    m_threshold->setSingleStep(0.05);
    m_threshold->setToolTip(tr("Initial decision threshold (change it afterwards on the curve)"));
    m_optimizer->addItem(QStringLiteral("AdamW"), QStringLiteral("adamw"));
    m_optimizer->addItem(tr("SGD with momentum"), QStringLiteral("sgd"));
    m_schedule->addItem(tr("Default (cosine; head mode: constant)"), QString());
    m_schedule->addItem(tr("Constant"), QStringLiteral("constant"));
    m_schedule->addItem(tr("Warm-up, then cosine decay"), QStringLiteral("cosine"));
    m_schedule->setToolTip(tr("The learning rate over the steps: constant, or rising from 0 over the first tenth of "
                              "the steps and then decaying along a cosine towards 0"));
    m_layerDecay->setRange(0.05, 1.0);
    m_layerDecay->setDecimals(2);
    m_layerDecay->setSingleStep(0.05);
    m_layerDecay->setToolTip(tr("Partial and full: each block down the backbone learns at this times the rate of the "
                                "block above it (1: one rate for the backbone)"));
    m_labelSmoothing->setRange(0, 0.5);
    m_labelSmoothing->setDecimals(2);
    m_labelSmoothing->setSingleStep(0.05);
    m_labelSmoothing->setToolTip(tr("Train towards 1 - e/2 and e/2 instead of 1 and 0 (0: off)"));
    m_headEpochs->setRange(-1, 200);
    m_headEpochs->setSpecialValueText(tr("default (%1)").arg(TrainSettings::kDefaultHeadEpochs));
    m_headEpochs->setToolTip(tr("Partial and full: the head first trains alone this many epochs on the pretrained "
                                "backbone's features, then the blocks train under it (0: off)"));
    m_head->addItem(tr("The model's own"), QStringLiteral("model"));
    m_head->addItem(tr("Linear, fitted as a probe first (LP-FT)"), QStringLiteral("linear"));
    m_head->setObjectName(QStringLiteral("head"));
    m_head->setToolTip(tr("Linear: the model's head is replaced by one linear layer onto safe and NSFW, fitted first "
                          "as a logistic-regression probe on the frozen features; the blocks then train under it"));
    m_ema->setObjectName(QStringLiteral("ema"));
    m_ema->setRange(0, 0.999);
    m_ema->setDecimals(3);
    m_ema->setSingleStep(0.05);
    m_ema->setSpecialValueText(tr("off"));
    m_ema->setToolTip(tr("Weight averaging: each epoch is judged, and the run keeps, a moving average of the weights "
                         "with this decay per step"));
    m_mixup->setObjectName(QStringLiteral("mixup"));
    m_mixup->setRange(0, 2);
    m_mixup->setDecimals(2);
    m_mixup->setSingleStep(0.1);
    m_mixup->setSpecialValueText(tr("off"));
    m_mixup->setToolTip(tr("Mixup: train on blends of two pictures of a batch and of their labels, the share drawn "
                            "from Beta(a, a)"));
    m_flipAverage->setObjectName(QStringLiteral("flipAverage"));
    m_flipAverage->setToolTip(tr("Partial and full: the run, and its model wherever it scores, take the mean of each "
                                 "picture's score and its mirror image's (twice the scoring time)"));
    m_refit->setObjectName(QStringLiteral("refit"));
    m_refit->setToolTip(tr("Partial and full with one validation split: once the split has chosen the epoch, train the "
                           "run's model again on every label, the validation pictures too, for that many epochs "
                           "(about twice the time; the validation figures stay the split's)"));
    m_ensemble->setObjectName(QStringLiteral("ensemble"));
    m_ensemble->setRange(1, TrainSettings::kMaxEnsemble);
    m_ensemble->setSpecialValueText(tr("one model"));
    m_ensemble->setSuffix(tr(" models"));
    m_ensemble->setToolTip(tr("Partial and full: the final model is an ensemble of this many, each trained as the "
                              "first with its own seed, averaging their scores (a training per model; the model grows "
                              "by the layers they train)"));
    m_patience->setRange(0, 100);
    m_patience->setSpecialValueText(tr("off"));
    m_patience->setToolTip(tr("Stop after this many epochs in which neither the validation average precision nor the "
                               "validation loss improved"));
    m_seed->setRange(0, 1000000);
    m_fastDecode->setObjectName(QStringLiteral("fastDecode"));
    m_fastDecode->setToolTip(tr("Faster training and scoring of big photos (libjpeg decodes them at 1/2, 1/4 or 1/8 "
                                "of their size); the pictures are then not nsfwjs's, and scores move slightly. The "
                                "run's model scores with it too."));

    auto *box = new QGroupBox(tr("Fine-tuning"), this);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("Retrain:"), m_mode);
    form->addRow(tr("Time budget:"), m_budget);
    form->addRow(tr("Blocks:"), m_blocks);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Learning rate:"), m_lr);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Folds:"), m_folds);
    form->addRow(tr("Validation share:"), m_validation);
    form->addRow(tr("Threshold:"), m_threshold);
    auto *moreToggle = new QCheckBox(tr("More options"), this);
    auto *more = new QWidget(this);
    auto *moreForm = new QFormLayout(more);
    moreForm->setContentsMargins(0, 0, 0, 0);
    moreForm->addRow(tr("Optimizer:"), m_optimizer);
    moreForm->addRow(tr("Schedule:"), m_schedule);
    moreForm->addRow(tr("Layer decay:"), m_layerDecay);
    moreForm->addRow(tr("Label smoothing:"), m_labelSmoothing);
    moreForm->addRow(tr("Head:"), m_head);
    moreForm->addRow(tr("Head first (epochs):"), m_headEpochs);
    moreForm->addRow(tr("Weight averaging:"), m_ema);
    moreForm->addRow(tr("Mixup:"), m_mixup);
    moreForm->addRow(tr("Ensemble:"), m_ensemble);
    moreForm->addRow(tr("Early stop after:"), m_patience);
    moreForm->addRow(tr("Seed:"), m_seed);
    moreForm->addRow(m_augment);
    moreForm->addRow(m_balance);
    moreForm->addRow(m_freezeBn);
    moreForm->addRow(m_scoreAll);
    moreForm->addRow(m_flipAverage);
    moreForm->addRow(m_refit);
    moreForm->addRow(m_fastDecode);
    // The advanced options fold away; their values stay in effect.
    connect(moreToggle, &QCheckBox::toggled, more, &QWidget::setVisible);
    more->hide();
    form->addRow(moreToggle);
    form->addRow(more);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &TrainSettingsPanel::updateEnabled);
    connect(m_model, &QComboBox::currentIndexChanged, this, &TrainSettingsPanel::updateBlockRange);
    connect(m_folds, &QSpinBox::valueChanged, this, &TrainSettingsPanel::updateEnabled);
    connect(m_head, &QComboBox::currentIndexChanged, this, &TrainSettingsPanel::updateEnabled);
    m_train->setDefault(true);
    m_train->setToolTip(tr("Train in the background; labeling goes on meanwhile"));
    connect(m_train, &QPushButton::clicked, this, [this] {
        // Saved as chosen: "auto" stays auto when the mode changes next time.
        QJsonObject saved = settings().toJson();
        saved.insert(QStringLiteral("folds"), m_folds->value());
        saved.insert(QStringLiteral("epochs"), m_epochs->value());
        saved.insert(QStringLiteral("headEpochs"), m_headEpochs->value());
        saved.insert(QStringLiteral("schedule"), m_schedule->currentData().toString()); // "": the mode's default
        QSettings().setValue(kSettingsKey, QJsonDocument(saved).toJson(QJsonDocument::Compact));
        Q_EMIT trainRequested(settings());
    });
    connect(m_cancel, &QPushButton::clicked, this, &TrainSettingsPanel::cancelRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_train, 1);
    buttons->addWidget(m_cancel);
    m_progress->setTextVisible(true);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_phase->setWordWrap(true);
    m_status->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_phase);
    layout->addWidget(m_status);

    TrainSettings s;
    s.mode = TrainSettings::Mode::Auto; // the window's default: the tool chooses within the budget
    const QByteArray saved = QSettings().value(kSettingsKey).toByteArray();
    if (!saved.isEmpty()) {
        const QJsonObject o = QJsonDocument::fromJson(saved).object();
        s = TrainSettings::fromJson(o);
        s.folds = o.value(QStringLiteral("folds")).toInt(0); // settings saved before folds existed: auto
        s.headEpochs = o.value(QStringLiteral("headEpochs")).toInt(-1); // saved before head first: the default
        if (!o.contains(QStringLiteral("refit"))) {
            // Saved before the refit and the mode's schedule: their "constant" was the default then, not a choice.
            s.refit = true;
            if (s.schedule == QLatin1String("constant"))
                s.schedule.clear();
        } else {
            s.schedule = o.value(QStringLiteral("schedule")).toString();
        }
    }
    setSettings(s);
    setRunning(false);
}

TrainSettings TrainSettingsPanel::settings() const
{
    TrainSettings s;
    s.mode = TrainSettings::Mode(m_mode->currentData().toInt());
    s.modelDir = m_model->currentData().toString();
    s.blocks = m_blocks->value();
    s.epochs = m_epochs->value();
    s.learningRate = m_lr->value();
    s.batchSize = m_batch->value();
    s.validationFraction = m_validation->value();
    s.folds = m_folds->value();
    s.threshold = m_threshold->value();
    s.optimizer = m_optimizer->currentData().toString();
    s.schedule = m_schedule->currentData().toString();
    s.layerDecay = m_layerDecay->value();
    s.labelSmoothing = m_labelSmoothing->value();
    s.headEpochs = m_headEpochs->value();
    s.head = m_head->currentData().toString();
    s.emaDecay = m_ema->value();
    s.mixup = m_mixup->value();
    // Head mode scores cached features: no flip there (the box is disabled, its tick kept for the other modes).
    s.flipAverage = m_flipAverage->isChecked() && s.mode != TrainSettings::Mode::Head
                    && s.mode != TrainSettings::Mode::Pretrained;
    s.refit = m_refit->isChecked();
    // Only partial and full train an ensemble, and only a final model trained on every label.
    s.ensemble = (s.mode == TrainSettings::Mode::Partial || s.mode == TrainSettings::Mode::Full)
                         && (s.refit || s.effectiveFolds() > 1)
                     ? m_ensemble->value()
                     : 1;
    s.budgetMinutes = m_budget->value();
    s.patience = m_patience->value();
    s.seed = quint64(m_seed->value());
    s.augment = m_augment->isChecked();
    s.balance = m_balance->isChecked();
    s.freezeBatchNorm = m_freezeBn->isChecked();
    s.scoreAll = m_scoreAll->isChecked();
    s.fastDecode = m_fastDecode->isChecked();
    return s;
}

void TrainSettingsPanel::setSettings(const TrainSettings &s)
{
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(int(s.mode))));
    int model = m_model->findData(s.modelDir);
    if (model < 0 && !s.modelDir.isEmpty()) { // a folder given elsewhere (the CLI, older settings)
        m_model->addItem(QFileInfo(s.modelDir).fileName(), s.modelDir);
        m_model->setItemData(m_model->count() - 1, QDir::toNativeSeparators(s.modelDir), Qt::ToolTipRole);
        model = m_model->count() - 1;
    }
    m_model->setCurrentIndex(qMax(0, model));
    updateBlockRange();
    m_blocks->setValue(s.blocks);
    m_epochs->setValue(s.epochs);
    m_lr->setValue(s.learningRate);
    m_batch->setValue(s.batchSize);
    m_validation->setValue(s.validationFraction);
    m_folds->setValue(s.folds);
    m_threshold->setValue(s.threshold);
    m_optimizer->setCurrentIndex(qMax(0, m_optimizer->findData(s.optimizer)));
    m_schedule->setCurrentIndex(qMax(0, m_schedule->findData(s.schedule)));
    m_layerDecay->setValue(s.layerDecay);
    m_labelSmoothing->setValue(s.labelSmoothing);
    m_headEpochs->setValue(s.headEpochs);
    m_head->setCurrentIndex(qMax(0, m_head->findData(s.head)));
    m_ema->setValue(s.emaDecay);
    m_mixup->setValue(s.mixup);
    m_flipAverage->setChecked(s.flipAverage);
    m_refit->setChecked(s.refit);
    m_ensemble->setValue(s.ensemble);
    m_budget->setValue(qRound(s.budgetMinutes));
    m_patience->setValue(s.patience);
    m_seed->setValue(int(s.seed));
    m_augment->setChecked(s.augment);
    m_balance->setChecked(s.balance);
    m_freezeBn->setChecked(s.freezeBatchNorm);
    m_scoreAll->setChecked(s.scoreAll);
    m_fastDecode->setChecked(s.fastDecode);
    updateEnabled();
}

void TrainSettingsPanel::updateBlockRange()
{
    const int blocks = m_model->currentData(Qt::UserRole + 1).toInt();
    m_blocks->setMaximum(blocks > 0 ? blocks : 100);
    m_blocks->setSuffix(blocks > 0 ? tr(" of %1").arg(blocks) : QString());
}

void TrainSettingsPanel::updateEnabled()
{
    const auto mode = TrainSettings::Mode(m_mode->currentData().toInt());
    const bool trains = mode != TrainSettings::Mode::Pretrained;
    m_blocks->setEnabled(!m_running && mode == TrainSettings::Mode::Partial);
    m_lr->setEnabled(!m_running && trains && mode != TrainSettings::Mode::Auto); // auto: each candidate's own
    const bool automatic = mode == TrainSettings::Mode::Auto;
    const bool underHead = mode == TrainSettings::Mode::Partial || mode == TrainSettings::Mode::Full || automatic;
    m_layerDecay->setEnabled(!m_running && underHead);
    m_headEpochs->setEnabled(!m_running && underHead && m_head->currentData().toString() != QLatin1String("linear"));
    m_flipAverage->setEnabled(!m_running && underHead);
    m_refit->setEnabled(!m_running && underHead);
    m_ensemble->setEnabled(!m_running && (mode == TrainSettings::Mode::Partial || mode == TrainSettings::Mode::Full));
    m_budget->setEnabled(!m_running && automatic);
    for (QWidget *w : std::initializer_list<QWidget *>{m_epochs, m_batch, m_optimizer, m_schedule, m_labelSmoothing,
                                                       m_head, m_ema, m_mixup, m_patience, m_augment, m_balance,
                                                       m_freezeBn})
        w->setEnabled(!m_running && trains);
    for (QWidget *w : std::initializer_list<QWidget *>{m_model, m_mode, m_threshold, m_seed, m_scoreAll, m_fastDecode})
        w->setEnabled(!m_running);
    // The validation share applies to a one-split run only.
    const bool oneSplit = mode == TrainSettings::Mode::Pretrained || settings().effectiveFolds() <= 1;
    m_folds->setEnabled(!m_running && trains);
    m_validation->setEnabled(!m_running && trains && oneSplit);
    m_train->setText(trains ? tr("Train") : tr("Evaluate and score"));
}

void TrainSettingsPanel::setRefusal(const QString &refusal)
{
    m_refusal = refusal;
    m_train->setToolTip(refusal.isEmpty() ? tr("Train in the background; labeling goes on meanwhile") : refusal);
    m_train->setEnabled(!m_running && refusal.isEmpty());
}

void TrainSettingsPanel::setRunning(bool running)
{
    m_running = running;
    m_train->setEnabled(!running && m_refusal.isEmpty());
    m_cancel->setEnabled(running);
    if (running) {
        m_progress->setFormat(QStringLiteral("%p%"));
        m_progress->setRange(0, 0); // busy until the first progress report
        m_phase->setText(tr("Starting…"));
    } else {
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_progress->setFormat(QString()); // idle: no "0 %"
        m_phase->clear();
    }
    updateEnabled();
}

QString TrainSettingsPanel::formatDuration(double seconds)
{
    const int s = int(std::lround(seconds));
    if (s >= 3600)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    if (s >= 60)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 s").arg(s);
}

void TrainSettingsPanel::showProgress(const TrainProgress &p)
{
    if (!m_running)
        return;
    if (p.total > 0) {
        // Scale large counts into an int range.
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000.0 * double(p.done) / double(p.total)));
    } else {
        m_progress->setRange(0, 0);
    }
    static const QHash<QString, const char *> phases = {
        {QStringLiteral("preparing"), QT_TR_NOOP("Preparing")},
        {QStringLiteral("hashing"), QT_TR_NOOP("Finding near-copies")},
        {QStringLiteral("features"), QT_TR_NOOP("Computing backbone features")},
        {QStringLiteral("training"), QT_TR_NOOP("Training")},
        {QStringLiteral("fitting the linear head"), QT_TR_NOOP("Fitting the linear head")},
        {QStringLiteral("evaluating"), QT_TR_NOOP("Evaluating")},
        {QStringLiteral("scoring"), QT_TR_NOOP("Scoring every item")},
    };
    const char *name = phases.value(p.phase);
    QString text = name ? tr(name) : p.phase;
    if (p.epoch > 0 && p.phase == QStringLiteral("training"))
        text = tr("%1, epoch %2").arg(text).arg(p.epoch);
    if (p.total > 0)
        text += QStringLiteral(" · %1 / %2").arg(p.done).arg(p.total);
    if (p.etaSeconds >= 0)
        text += QStringLiteral(" · ") + tr("about %1 left").arg(formatDuration(p.etaSeconds));
    m_phase->setText(text);
}

QString TrainSettingsPanel::progressText() const
{
    return m_phase->text();
}

void TrainSettingsPanel::setStatus(const QString &text)
{
    m_status->setMessage(text);
    m_status->setVisible(!text.isEmpty());
}

} // namespace nsfw::ui
