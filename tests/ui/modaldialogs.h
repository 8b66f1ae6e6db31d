// Answers the window's modal dialogs (QMessageBox, QInputDialog, QFileDialog) the way a user would, from a test
// that drives the real window offscreen: the static dialog functions run their own event loop, so the answer has to
// come from a timer. Used by tst_serverwindows and tst_serverprojectdialogs.
#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <functional>

namespace nsfw::test {

/// Looks for a new modal dialog every 20 ms and gives it to the next expected step, in order. A dialog no step was
/// queued for is recorded (unexpected()) and rejected, so a test never hangs on one and can assert there was none.
/// Progress dialogs (the window's "waiting for ..." while it turns its event loop) are left alone.
class ModalDialogs : public QObject
{
public:
    using Step = std::function<void(QDialog *dialog)>;

    ModalDialogs()
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { look(); });
        m_timer.start();
    }

    /// The next modal dialog goes to step.
    void expect(Step step) { m_steps.push_back(std::move(step)); }
    int stepsLeft() const { return int(m_steps.size()); }
    /// The text of every dialog answered so far (a message box's text, an input dialog's label, a window title).
    const QStringList &seen() const { return m_seen; }
    const QStringList &unexpected() const { return m_unexpected; }
    void clear()
    {
        m_steps.clear();
        m_seen.clear();
        m_unexpected.clear();
    }

    /// Clicks the button of a message box that has this role (the first one).
    static void click(QDialog *dialog, QMessageBox::ButtonRole role)
    {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        if (!box)
            return;
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == role) {
                b->click();
                return;
            }
        }
    }
    /// Clicks a standard button of a message box.
    static void click(QDialog *dialog, QMessageBox::StandardButton which)
    {
        if (auto *box = qobject_cast<QMessageBox *>(dialog)) {
            if (QAbstractButton *b = box->button(which))
                b->click();
        }
    }

    static QString textOf(QDialog *dialog)
    {
        if (auto *box = qobject_cast<QMessageBox *>(dialog))
            return box->text();
        if (auto *input = qobject_cast<QInputDialog *>(dialog))
            return input->labelText();
        return dialog->windowTitle();
    }

private:
    void look()
    {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || qobject_cast<QProgressDialog *>(dialog) || !dialog->isVisible())
            return;
        if (dialog == m_last)
            return; // answered already, still closing
        m_last = dialog;
        const QString text = textOf(dialog);
        if (m_steps.empty()) {
            m_unexpected << text;
            dialog->reject();
            return;
        }
        m_seen << text;
        const Step step = std::move(m_steps.front());
        m_steps.pop_front();
        step(dialog);
    }

    QTimer m_timer;
    std::deque<Step> m_steps;
    QPointer<QDialog> m_last;
    QStringList m_seen;
    QStringList m_unexpected;
};

} // namespace nsfw::test
