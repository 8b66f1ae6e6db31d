// Numbered migrations of the project schema. Migration N brings a project from schema version N-1 to N, on
// either backend: the statements are written once with a few tokens the backend expands (Backend::expand), and on
// SQLite they expand to exactly the text the first versions wrote. Never edit a migration that has shipped: add the
// next one.
#include "schema.h"

namespace nsfw::schema {

const QList<QStringList> &migrations()
{
    static const QList<QStringList> kMigrations = {
        // 1: items, label history (the current label is the latest entry), project settings.
        {
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT){without_rowid}"),
            QStringLiteral(
                "CREATE TABLE items ("
                " id {id},"
                " kind {int} NOT NULL CHECK (kind IN (0, 1, 2)),"
                " path TEXT,"
                " parent_id {int} REFERENCES items(id) ON DELETE CASCADE,"
                " frame_index {int},"
                " timestamp_ms {int},"
                " content_hash TEXT,"
                " width {int} NOT NULL DEFAULT 0,"
                " height {int} NOT NULL DEFAULT 0,"
                " fps {real},"
                " frame_count {int},"
                " duration_ms {int},"
                " file_size {int},"
                " imported_at {int} NOT NULL,"
                " label {int} CHECK (label IS NULL OR label IN (0, 1, 2)),"
                " missing {int} NOT NULL DEFAULT 0,"
                " CHECK ((kind = 2) = (parent_id IS NOT NULL))"
                ")"),
            QStringLiteral("CREATE UNIQUE INDEX items_by_hash ON items(content_hash) WHERE kind <> 2"),
            QStringLiteral("CREATE UNIQUE INDEX frames_by_parent ON items(parent_id, frame_index) WHERE kind = 2"),
            QStringLiteral("CREATE INDEX items_by_kind_label ON items(kind, label)"),
            QStringLiteral("CREATE INDEX items_by_label ON items(label)"),
            QStringLiteral("CREATE INDEX items_by_path ON items(path)"),
            QStringLiteral(
                "CREATE TABLE label_history ("
                " id {id},"
                " item_id {int} NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " label {int} CHECK (label IS NULL OR label IN (0, 1, 2)),"
                " previous {int},"
                " annotator TEXT NOT NULL,"
                " at_ms {int} NOT NULL,"
                " source TEXT NOT NULL"
                ")"),
            QStringLiteral("CREATE INDEX label_history_by_item ON label_history(item_id, id)"),
            // The items.label column is a cache of the latest history entry, kept by the database itself so
            // that no code path can write one without the other (the backend writes the trigger).
            QStringLiteral("{current_label_trigger}"),
        },
        // 2: training runs, their per-epoch metrics, the best epoch's validation scores, and model scores of
        // every item (for the gallery's filters and sorts). A run of mode "pretrained" holds the scores of
        // the model as shipped.
        {
            QStringLiteral(
                "CREATE TABLE runs ("
                " id {id},"
                " created_ms {int} NOT NULL,"
                " finished_ms {int},"
                " status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled', 'failed')),"
                " error TEXT,"
                " settings TEXT NOT NULL,"
                " model TEXT NOT NULL,"
                " threshold {real},"
                " best_epoch {int},"
                " best_metrics TEXT,"
                " checkpoint TEXT,"
                " pid {int},"
                " host TEXT"
                ")"),
            QStringLiteral(
                "CREATE TABLE run_epochs ("
                " run_id {int} NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                " epoch {int} NOT NULL,"
                " metrics TEXT NOT NULL,"
                " PRIMARY KEY (run_id, epoch)"
                "){without_rowid}"),
            QStringLiteral(
                "CREATE TABLE run_items ("
                " run_id {int} NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                " item_id {int} NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " split {int} NOT NULL CHECK (split IN (0, 1)),"
                " label {int} NOT NULL CHECK (label IN (0, 1)),"
                " score {real},"
                " PRIMARY KEY (run_id, item_id)"
                "){without_rowid}"),
            QStringLiteral(
                "CREATE TABLE item_scores ("
                " run_id {int} NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                " item_id {int} NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " score {real} NOT NULL,"
                " PRIMARY KEY (run_id, item_id)"
                "){without_rowid}"),
            QStringLiteral("CREATE INDEX item_scores_by_score ON item_scores(run_id, score)"),
            QStringLiteral("CREATE INDEX item_scores_by_item ON item_scores(item_id)"),
            QStringLiteral("CREATE INDEX run_items_by_item ON run_items(item_id)"),
        },
        // 3: the items a run could not read (JSON array of {item, path, reason}), so a run never leaves out
        // pictures silently.
        {
            QStringLiteral("ALTER TABLE runs ADD COLUMN unreadable TEXT"),
        },
        // 4: the project's identity (caches on each machine and the media root mapping are keyed by it, not by a
        // path) and, on a server, a notification to other clients whenever a table changes.
        {
            QStringLiteral("INSERT INTO meta (key, value) VALUES ('project_id', {random_id})"),
            QStringLiteral("{notify_triggers}"),
        },
        // 5: cross-validated runs judge every labeled item out-of-sample: the fold whose model scored each one
        // (NULL for a run with one validation split).
        {
            QStringLiteral("ALTER TABLE run_items ADD COLUMN fold {int}"),
        },
        // 6: perceptual hashes of images and videos (a video's first frame), for finding near-copies: the whole and
        // the margin-trimmed picture's pHash as integers (to search by bits), the rest packed in base64
        // (PerceptualHash::signature); `version` says how they were computed, and others are computed again.
        {
            QStringLiteral(
                "CREATE TABLE media_hashes ("
                " item_id {int} PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,"
                " version {int} NOT NULL,"
                " phash {int} NOT NULL,"
                " phash_trimmed {int} NOT NULL,"
                " signature TEXT NOT NULL"
                "){without_rowid}"),
        },
        // 7: near-copies found, what people decided about them, and what the dataset health checks measured.
        // near_pairs: the pairs the default rule takes (item_a < item_b), kept so that a new import is compared
        // with the project rather than the project with itself again; media_hashes.paired says which hashes have
        // been compared with every hash stored before them.
        // not_duplicates: pairs a person said are not copies (item_a < item_b), never grouped again.
        // training_exclusions: items kept out of training (the other copies of a group kept once); still scored.
        // media_stats: each image's and video's health measures (JSON by name, MediaStats), versioned like hashes.
        {
            QStringLiteral(
                "CREATE TABLE near_pairs ("
                " item_a {int} NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " item_b {int} NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " PRIMARY KEY (item_a, item_b),"
                " CHECK (item_a < item_b)"
                "){without_rowid}"),
            QStringLiteral("CREATE INDEX near_pairs_by_b ON near_pairs(item_b)"),
            QStringLiteral("ALTER TABLE media_hashes ADD COLUMN paired {int} NOT NULL DEFAULT 0"),
            QStringLiteral(
                "CREATE TABLE not_duplicates ("
                " item_a {int} NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " item_b {int} NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " annotator TEXT NOT NULL,"
                " at_ms {int} NOT NULL,"
                " PRIMARY KEY (item_a, item_b),"
                " CHECK (item_a < item_b)"
                "){without_rowid}"),
            QStringLiteral("CREATE INDEX not_duplicates_by_b ON not_duplicates(item_b)"),
            QStringLiteral(
                "CREATE TABLE training_exclusions ("
                " item_id {int} PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,"
                " reason TEXT NOT NULL,"
                " annotator TEXT NOT NULL,"
                " at_ms {int} NOT NULL"
                "){without_rowid}"),
            QStringLiteral(
                "CREATE TABLE media_stats ("
                " item_id {int} PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,"
                " version {int} NOT NULL,"
                " stats TEXT NOT NULL"
                "){without_rowid}"),
            QStringLiteral("{notify_trigger not_duplicates}"),
            QStringLiteral("{notify_trigger training_exclusions}"),
        },
        // 8: where a video's shots change (VideoSampler's cuts at import: the first frame of each new shot, its time
        // and the grey difference that marked it), for the timeline.
        {
            QStringLiteral(
                "CREATE TABLE video_cuts ("
                " item_id {int} NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " frame_index {int} NOT NULL,"
                " ms {int} NOT NULL,"
                " difference {real} NOT NULL,"
                " PRIMARY KEY (item_id, frame_index)"
                "){without_rowid}"),
        },
        // 9: work for `worker` processes on several machines: chunks of items (a JSON array of ids) to score with a
        // run's model (model_key: FeatureCache::modelKey of its folder, so a worker with another model refuses); kind
        // is "score", the one kind so far. A worker claims a queued chunk, or a claimed one whose lease (the
        // database's clock, ms) ran out, and marks it done in the transaction that writes its results; attempts
        // counts claims; unreadable is a JSON array of {item, path, reason}.
        {
            QStringLiteral(
                "CREATE TABLE work_chunks ("
                " id {id},"
                " kind TEXT NOT NULL,"
                " run_id {int} NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                " model_key TEXT NOT NULL,"
                " items TEXT NOT NULL,"
                " state TEXT NOT NULL CHECK (state IN ('queued', 'claimed', 'done')),"
                " worker TEXT,"
                " lease_until_ms {int},"
                " attempts {int} NOT NULL DEFAULT 0,"
                " scored {int},"
                " unreadable TEXT,"
                " done_ms {int}"
                ")"),
            QStringLiteral("CREATE INDEX work_chunks_by_job ON work_chunks(run_id, kind, state, id)"),
        },
        // 10: roles on a server (ProjectTeam: annotators, reviewers and admins are logins the server holds to their
        // rights). The current-label trigger runs as the project's owner, with a fixed search path, and the row lock a
        // label write takes is a function of the owner's too, so a member who may only add label history still moves
        // items.label. Nothing on a file: it has no logins.
        {
            QStringLiteral("{owner_functions}"),
        },
        // 11: team labelling (issue 16). The current-label trigger follows the project's label rule (meta
        // "label_rule", LabelRule: the latest entry unless it says consensus: the adjudicated label, else the one all
        // annotators give). assignments: which annotators' queues hold an item (TeamLabels::assign; two for the
        // overlap share).
        {
            QStringLiteral("{label_rule_trigger}"),
            QStringLiteral(
                "CREATE TABLE assignments ("
                " item_id {int} NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " annotator TEXT NOT NULL,"
                " at_ms {int} NOT NULL,"
                " PRIMARY KEY (item_id, annotator)"
                "){without_rowid}"),
            QStringLiteral("CREATE INDEX assignments_by_annotator ON assignments(annotator, item_id)"),
            QStringLiteral("{notify_trigger assignments}"),
        },
        // 12: backbone features shared by the machines of a project (issue 16). `worker --features` claims chunks of
        // kind "features", which belong to no run (run_id NULL) but to a model and its preprocessing (model_key:
        // FeatureCache::storeKey), and writes item_features: one float32 vector (little-endian) per model and
        // content key, the key the feature caches use. Training reads them before computing its own.
        {
            QStringLiteral("{work_chunks_without_run}"),
            QStringLiteral("CREATE INDEX work_chunks_by_model ON work_chunks(model_key, kind, state, id)"),
            QStringLiteral(
                "CREATE TABLE item_features ("
                " model_key TEXT NOT NULL,"
                " content_key TEXT NOT NULL,"
                " data {blob} NOT NULL,"
                " PRIMARY KEY (model_key, content_key)"
                "){without_rowid}"),
        },
    };
    return kMigrations;
}

} // namespace nsfw::schema
