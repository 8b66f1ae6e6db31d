#pragma once

#include <QString>

#include <optional>

namespace nsfw {

/// Which label of an item training uses (items.label), a project setting (meta key "label_rule").
///
/// - Latest (the default): the latest history entry, whoever wrote it. One person, or several who correct each
///   other.
/// - Consensus (a team labelling with overlap, issue 16): the latest adjudication if there is one (a history entry
///   whose source starts with "adjudicated", written by a reviewer or admin; one that clears the label withdraws it);
///   otherwise the label every annotator of the item gives, each by their own latest entry; no label while they
///   disagree (the item waits in the reviewer's queue). With one annotator that is their latest label.
///
/// The database keeps items.label itself, by the history's insert trigger (migration 11), so no client and no
/// member's own SQL can write one without the other; changing the rule recomputes every item (TeamLabels::setRule).
enum class LabelRule { Latest, Consensus };

namespace labelrule {

inline constexpr char kMetaKey[] = "label_rule";

QString name(LabelRule rule);
std::optional<LabelRule> parse(const QString &name);

/// The SQL of an item's label under the project's rule (read from meta where it runs): `item` is an expression of
/// the item id, `latest` one of its latest entry's label. Plain SQL both backends run (trigger bodies, updates).
QString currentLabelSql(const QString &item, const QString &latest);
/// The consensus label alone (NULL while the annotators disagree or nobody labeled).
QString consensusLabelSql(const QString &item);
/// The latest entry's label of the item with id `item`, as a scalar subquery.
QString latestLabelSql(const QString &item);
/// An annotator's latest own label of the item (the annotator bound as one `?`), as a scalar subquery.
QString ownLabelSql(const QString &item);
/// True for an item whose annotators' latest own labels differ and that no standing adjudication settles (the
/// reviewer's queue, under either rule).
QString disputedSql(const QString &item);

} // namespace labelrule

} // namespace nsfw
