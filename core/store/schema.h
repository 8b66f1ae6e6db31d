#pragma once

#include <QList>
#include <QStringList>

namespace nsfw::schema {

/// Migration N (1-based) is element N-1: the statements that bring user_version N-1 to N.
const QList<QStringList> &migrations();

} // namespace nsfw::schema
