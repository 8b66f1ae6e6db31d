// The label rule's SQL, written once for both backends: the history's insert trigger (migration 11) and
// TeamLabels::setRule run it, so items.label is computed in one place whoever writes the history.
#include "labelrule.h"

#include "projectteam.h"

namespace nsfw::labelrule {

QString name(LabelRule rule)
{
    return rule == LabelRule::Consensus ? QStringLiteral("consensus") : QStringLiteral("latest");
}

std::optional<LabelRule> parse(const QString &text)
{
    if (text == QLatin1String("latest"))
        return LabelRule::Latest;
    if (text == QLatin1String("consensus"))
        return LabelRule::Consensus;
    return std::nullopt;
}

QString latestLabelSql(const QString &item)
{
    return QStringLiteral("(SELECT lr_h.label FROM label_history lr_h WHERE lr_h.item_id = %1"
                          " ORDER BY lr_h.id DESC LIMIT 1)")
        .arg(item);
}

namespace {

QString adjudicatedPattern()
{
    return QLatin1String(kAdjudicationSource) + QLatin1Char('%');
}

/// The latest adjudication's label of the item (NULL: none, or it cleared the label), as a scalar subquery.
QString adjudicationSql(const QString &item)
{
    return QStringLiteral("(SELECT lr_a.label FROM label_history lr_a WHERE lr_a.item_id = %1"
                          " AND lr_a.source LIKE '%2' ORDER BY lr_a.id DESC LIMIT 1)")
        .arg(item, adjudicatedPattern());
}

/// `aggregate` over the labels of every annotator's latest own entry on the item (adjudications aside), as a
/// scalar subquery over the alias lr_o.
QString ownLabelsSql(const QString &item, const QString &aggregate)
{
    return QStringLiteral("(SELECT %2 FROM label_history lr_o WHERE lr_o.item_id = %1 AND lr_o.label IS NOT NULL"
                          " AND lr_o.id = (SELECT max(lr_p.id) FROM label_history lr_p WHERE lr_p.item_id = %1"
                          " AND lr_p.annotator = lr_o.annotator AND lr_p.source NOT LIKE '%3'))")
        .arg(item, aggregate, adjudicatedPattern());
}

} // namespace

QString consensusLabelSql(const QString &item)
{
    // The latest adjudication's label; when there is none, or it cleared the label: the one label of every
    // annotator's latest own entry, none when they differ.
    return QStringLiteral("COALESCE(%1, %2)")
        .arg(adjudicationSql(item),
             ownLabelsSql(item, QStringLiteral("CASE WHEN count(DISTINCT lr_o.label) = 1 THEN min(lr_o.label) END")));
}

QString ownLabelSql(const QString &item)
{
    return QStringLiteral("(SELECT lr_w.label FROM label_history lr_w WHERE lr_w.item_id = %1 AND lr_w.annotator = ?"
                          " ORDER BY lr_w.id DESC LIMIT 1)")
        .arg(item);
}

QString disputedSql(const QString &item)
{
    return QStringLiteral("(%1 IS NULL AND %2 > 1)")
        .arg(adjudicationSql(item), ownLabelsSql(item, QStringLiteral("count(DISTINCT lr_o.label)")));
}

QString currentLabelSql(const QString &item, const QString &latest)
{
    return QStringLiteral("CASE WHEN (SELECT lr_m.value FROM meta lr_m WHERE lr_m.key = '%1') = 'consensus'"
                          " THEN %2 ELSE %3 END")
        .arg(QLatin1String(kMetaKey), consensusLabelSql(item), latest);
}

} // namespace nsfw::labelrule
