#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QKeySequenceEdit;
class QLineEdit;
class QSlider;
class QTableWidget;

namespace nsfw::ui {

/// Per-user settings: annotator name, language, wellbeing, labeling keys, auto-advance.
/// Everything is written to QSettings on OK; the window then reloads it.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    /// Writes the settings. Returns true when the language changed (it applies on restart).
    bool save();
    QLineEdit *annotatorEdit() const { return m_annotator; }
    QComboBox *languageCombo() const { return m_language; }
    QComboBox *wellbeingMode() const { return m_mode; }

private:
    QWidget *generalPage();
    QWidget *wellbeingPage();
    QWidget *keysPage();

    QLineEdit *m_annotator = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_autoAdvance = nullptr;
    QComboBox *m_mode = nullptr;
    QSlider *m_strength = nullptr;
    QCheckBox *m_inGallery = nullptr;
    QCheckBox *m_inViewer = nullptr;
    QCheckBox *m_hover = nullptr;
    QCheckBox *m_unlabeled = nullptr;
    QCheckBox *m_unsure = nullptr;
    QTableWidget *m_keys = nullptr;
    QKeySequenceEdit *m_reveal = nullptr;
};

} // namespace nsfw::ui
