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
