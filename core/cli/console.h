#pragma once

#include <QString>
#include <QTextStream>

namespace nsfw::cli {

/// Standard output (results) and standard error (progress, messages), UTF-8.
QTextStream &out();
QTextStream &err();
/// True when standard error is a terminal, so progress may redraw one line.
bool errIsTerminal();

} // namespace nsfw::cli
