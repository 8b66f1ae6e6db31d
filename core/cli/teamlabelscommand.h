#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace nsfw::cli {

/// The options of `team PROJECT rule|assign|queue|review` (parsed by teamCommand).
struct TeamLabelsOptions {
    QStringList annotators;        ///< assign: whose queues (default: a server project's annotators)
    std::optional<double> overlap; ///< assign: the share labelled twice (default: the project's last)
    quint64 seed = 1;              ///< assign: the order items are dealt in
    bool all = false;              ///< queue: labelled items too
    bool json = false;
};

bool isTeamLabelsAction(const QString &action);
/// Runs one of them; `argument` is rule's new rule or queue's annotator ("" for none).
int teamLabelsCommand(const QString &project, const QString &action, const QString &argument,
                      const TeamLabelsOptions &options);

} // namespace nsfw::cli
