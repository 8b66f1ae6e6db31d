#pragma once

// <qcustomplot.h> for the plot widgets' .cpp files only. It declares its signals and loops with the Qt
// keywords that the build turns off (QT_NO_KEYWORDS, because LibTorch names a method slots()), so they are
// mapped to the Q_ macros for the length of the header.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef foreach
#undef emit
#undef slots
#undef signals

namespace nsfw::ui {

/// A named graph with a pen of the given colour and width, and markers of the given shape.
inline QCPGraph *addGraph(QCustomPlot *plot, const QString &name, const QColor &color, double width,
                          QCPScatterStyle::ScatterShape shape = QCPScatterStyle::ssNone)
{
    QCPGraph *g = plot->addGraph();
    g->setName(name);
    g->setPen(QPen(color, width));
    if (shape != QCPScatterStyle::ssNone)
        g->setScatterStyle(QCPScatterStyle(shape, color, color, 6));
    return g;
}

} // namespace nsfw::ui
