#include "settingsdialog.h"

#include "common/appinfo.h"
#include "gallery/wellbeing.h"
#include "shortcuts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSlider>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace nsfw::ui {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(generalPage(), tr("General"));
    tabs->addTab(wellbeingPage(), tr("Wellbeing"));
    tabs->addTab(keysPage(), tr("Keys"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(560, 520);
}

QWidget *SettingsDialog::generalPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_annotator = new QLineEdit(QSettings().value(QStringLiteral("annotator/name")).toString(), page);
    m_annotator->setPlaceholderText(defaultAnnotator());
    m_annotator->setToolTip(tr("Every label is recorded with this name. Empty: your user name."));
    form->addRow(tr("Annotator name:"), m_annotator);
    m_language = new QComboBox(page);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(configuredLanguage())));
    form->addRow(tr("Language:"), m_language);
    form->addRow(QString(), new QLabel(tr("A new language applies when the program starts again."), page));
    m_autoAdvance = new QCheckBox(tr("Show the next item after labeling one"), page);
    m_autoAdvance->setChecked(QSettings().value(QStringLiteral("labeling/autoAdvance"), true).toBool());
    form->addRow(tr("Auto-advance:"), m_autoAdvance);
    return page;
}

QWidget *SettingsDialog::wellbeingPage()
{
    const WellbeingSettings w = WellbeingSettings::load();
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    auto *intro = new QLabel(tr("Cover content you have not judged yet, or judged NSFW, so you see no more of it than "
                                "the task needs. Hold the reveal key to look."),
                             page);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_mode = new QComboBox(page);
    for (auto mode : {WellbeingSettings::Mode::Off, WellbeingSettings::Mode::Blur, WellbeingSettings::Mode::Pixelate,
                      WellbeingSettings::Mode::Greyscale})
        m_mode->addItem(WellbeingSettings::modeName(mode), int(mode));
    m_mode->setCurrentIndex(m_mode->findData(int(w.mode)));
    form->addRow(tr("Cover with:"), m_mode);
    m_strength = new QSlider(Qt::Horizontal, page);
    m_strength->setRange(1, 100);
    m_strength->setValue(w.strength);
    form->addRow(tr("Strength:"), m_strength);
    m_inGallery = new QCheckBox(tr("In the gallery and the timeline"), page);
    m_inGallery->setChecked(w.inGallery);
    m_inViewer = new QCheckBox(tr("In the viewer"), page);
    m_inViewer->setChecked(w.inViewer);
    form->addRow(tr("Where:"), m_inGallery);
    form->addRow(QString(), m_inViewer);
    m_unlabeled = new QCheckBox(tr("Unlabeled items (else only those the model predicts NSFW)"), page);
    m_unlabeled->setChecked(w.coverUnlabeled);
    m_unsure = new QCheckBox(tr("Items labeled unsure"), page);
    m_unsure->setChecked(w.coverUnsure);
    form->addRow(tr("Cover:"), new QLabel(tr("Items labeled or predicted NSFW, always"), page));
    form->addRow(QString(), m_unlabeled);
    form->addRow(QString(), m_unsure);
    m_hover = new QCheckBox(tr("Reveal a thumbnail while the mouse is over it"), page);
    m_hover->setChecked(w.revealOnHover);
    form->addRow(tr("Reveal:"), m_hover);
    m_reveal = new QKeySequenceEdit(Shortcuts::revealKey(), page);
    form->addRow(tr("Hold to reveal:"), m_reveal);
    return page;
}

QWidget *SettingsDialog::keysPage()
{
    const QList<ShortcutDef> defs = Shortcuts::definitions();
    m_keys = new QTableWidget(int(defs.size()), 2, this);
    m_keys->setHorizontalHeaderLabels({tr("Action"), tr("Keys (separate several with ;)")});
    m_keys->verticalHeader()->hide();
    for (int i = 0; i < defs.size(); ++i) {
        auto *name = new QTableWidgetItem(defs.at(i).text);
        name->setFlags(Qt::ItemIsEnabled);
        name->setData(Qt::UserRole, defs.at(i).id);
        m_keys->setItem(i, 0, name);
        m_keys->setItem(i, 1, new QTableWidgetItem(Shortcuts::toText(Shortcuts::keys(defs.at(i).id))));
    }
    m_keys->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_keys->horizontalHeader()->setStretchLastSection(true);
    return m_keys;
}

bool SettingsDialog::save()
{
    QSettings s;
    s.setValue(QStringLiteral("annotator/name"), m_annotator->text().trimmed());
    const QString oldLanguage = configuredLanguage();
    const QString language = m_language->currentData().toString();
    s.setValue(QStringLiteral("ui/language"), language);
    s.setValue(QStringLiteral("labeling/autoAdvance"), m_autoAdvance->isChecked());
    WellbeingSettings w = WellbeingSettings::load();
    w.mode = WellbeingSettings::Mode(m_mode->currentData().toInt());
    w.strength = m_strength->value();
    w.inGallery = m_inGallery->isChecked();
    w.inViewer = m_inViewer->isChecked();
    w.revealOnHover = m_hover->isChecked();
    w.coverUnlabeled = m_unlabeled->isChecked();
    w.coverUnsure = m_unsure->isChecked();
    w.save();
    Shortcuts::setRevealKey(m_reveal->keySequence());
    for (int i = 0; i < m_keys->rowCount(); ++i) {
        const QString id = m_keys->item(i, 0)->data(Qt::UserRole).toString();
        Shortcuts::setKeys(id, Shortcuts::fromText(m_keys->item(i, 1)->text()));
    }
    return language != oldLanguage;
}

} // namespace nsfw::ui
