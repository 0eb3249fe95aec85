//! Versioned schema migrations, tracked by SQLite's `PRAGMA user_version`.
//!
//! `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`. Entries are
//! only ever appended: a database written by an older build replays exactly
//! the batches it has not seen, each in its own transaction, so a failure
//! leaves the file at the last complete version.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// The ordered SQL batches; the schema version is the number applied.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    r#"
CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    source_name  TEXT NOT NULL,
    published    TEXT NULL CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    ingested_at  TEXT NOT NULL
);

CREATE TABLE places (
    geonameid       INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    ascii_name      TEXT NOT NULL,
    alternate_names TEXT NOT NULL DEFAULT '',
    latitude        REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude       REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    feature_class   TEXT NOT NULL,
    feature_code    TEXT NOT NULL,
    country_code    TEXT NOT NULL,
    admin1_code     TEXT NOT NULL,
    admin2_code     TEXT NOT NULL,
    population      INTEGER NOT NULL DEFAULT 0,
    curated_source  TEXT NULL
);

CREATE TABLE admin_codes (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    ascii_name TEXT NOT NULL,
    geonameid  INTEGER NOT NULL
);

CREATE TABLE incidents (
    id             INTEGER PRIMARY KEY,
    report_id      INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    event_date     TEXT NOT NULL CHECK (event_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    time_precision INTEGER NOT NULL CHECK (time_precision BETWEEN 1 AND 3),
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1         TEXT NOT NULL,
    actor2         TEXT NOT NULL,
    fatalities     INTEGER NULL CHECK (fatalities IS NULL OR fatalities >= 0),
    location       TEXT NOT NULL,
    place_id       INTEGER NULL,
    latitude       REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude      REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    country        TEXT NOT NULL,
    country_code   TEXT NOT NULL,
    admin1         TEXT NOT NULL,
    admin2         TEXT NOT NULL,
    geo_precision  INTEGER NOT NULL CHECK (geo_precision BETWEEN 1 AND 3),
    notes          TEXT NOT NULL,
    evidence_start INTEGER NOT NULL CHECK (evidence_start >= 0),
    evidence_end   INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
    weapons        TEXT NOT NULL DEFAULT '[]'
);

CREATE INDEX incidents_event_date ON incidents(event_date);
CREATE INDEX incidents_report_id ON incidents(report_id);
CREATE INDEX incidents_lat_lon ON incidents(latitude, longitude);

-- Small facts about the database itself (e.g. whether samples were seeded).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"#,
    // 2: rows imported from ACLED-layout files. `source` is the row's own
    // ACLED `source` column (the report they hang from is one synthetic
    // report per imported file, holding the file's hash so a second import
    // of the same file is caught); `extra` is a JSON object of the ACLED
    // columns the model has no field for (assoc actors, inter codes, admin3,
    // tags, ...), written back verbatim on CSV export. NULL for extracted rows.
    r#"
ALTER TABLE incidents ADD COLUMN source TEXT NULL;
ALTER TABLE incidents ADD COLUMN extra TEXT NULL CHECK (extra IS NULL OR json_valid(extra));
"#,
    // 3: full-text search over report text and incident notes, places and
    // actors. External-content FTS5 tables hold only the index; triggers keep
    // them in step with their tables, and 'rebuild' indexes existing rows.
    r#"
CREATE VIRTUAL TABLE reports_fts USING fts5(
    text, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
    INSERT INTO reports_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
    INSERT INTO reports_fts(reports_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER reports_fts_update AFTER UPDATE OF text ON reports BEGIN
    INSERT INTO reports_fts(reports_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO reports_fts(rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO reports_fts(reports_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE incidents_fts USING fts5(
    notes, location, actor1, actor2, sub_event_type,
    content='incidents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_fts(rowid, notes, location, actor1, actor2, sub_event_type)
    VALUES (new.id, new.notes, new.location, new.actor1, new.actor2, new.sub_event_type);
END;
CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents BEGIN
    INSERT INTO incidents_fts(incidents_fts, rowid, notes, location, actor1, actor2, sub_event_type)
    VALUES ('delete', old.id, old.notes, old.location, old.actor1, old.actor2, old.sub_event_type);
END;
CREATE TRIGGER incidents_fts_update AFTER UPDATE ON incidents BEGIN
    INSERT INTO incidents_fts(incidents_fts, rowid, notes, location, actor1, actor2, sub_event_type)
    VALUES ('delete', old.id, old.notes, old.location, old.actor1, old.actor2, old.sub_event_type);
    INSERT INTO incidents_fts(rowid, notes, location, actor1, actor2, sub_event_type)
    VALUES (new.id, new.notes, new.location, new.actor1, new.actor2, new.sub_event_type);
END;
INSERT INTO incidents_fts(incidents_fts) VALUES ('rebuild');
"#,
    // 4: which reports told of each incident. A report whose incident matches
    // one already stored (`extract::same_incident`) is attached here instead of
    // adding a duplicate; the evidence span points into that report's text.
    // Existing incidents get a row for the report they came from.
    r#"
CREATE TABLE incident_sources (
    incident_id    INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    report_id      INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    evidence_start INTEGER NOT NULL CHECK (evidence_start >= 0),
    evidence_end   INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
    PRIMARY KEY (incident_id, report_id)
);
CREATE INDEX incident_sources_report_id ON incident_sources(report_id);
INSERT INTO incident_sources (incident_id, report_id, evidence_start, evidence_end)
    SELECT id, report_id, evidence_start, evidence_end FROM incidents;
"#,
    // 5: what re-reading a report must not undo. `edited` lists (as a JSON
    // array of `model::Field` names) the fields an analyst corrected;
    // `dismissed` remembers incidents an analyst deleted, by the sentence and
    // place they were read from, so they do not come back (and their corrected
    // fields, for an undo). `imported` marks
    // the reports that stand for an imported file: they have no text to read.
    r#"
ALTER TABLE incidents ADD COLUMN edited TEXT NOT NULL DEFAULT '[]';
ALTER TABLE reports ADD COLUMN imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1));
UPDATE reports SET imported = 1
    WHERE text LIKE 'Incidents imported from a % file, not read from a news report.%';
CREATE TABLE dismissed (
    report_id      INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    location       TEXT NOT NULL,
    edited         TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (report_id, evidence_start, evidence_end, location)
);
"#,
    // 6: places read from settlement lists (OpenStreetMap extracts, OCHA/HDX
    // tables) keep the list they came from, so `geocode --explain` and the
    // window can say it; NULL for GeoNames rows and curated places.
    r#"
ALTER TABLE places ADD COLUMN import_source TEXT NULL;
"#,
    // 7: how far each coding can be trusted and whether an analyst accepted
    // it. `confidence` is extraction output ('high', 'medium', 'low'; rows
    // stored before this existed were never assessed, hence 'medium');
    // `confidence_reasons` is a JSON array of short phrases, JSON rather
    // than a joined string because an imported reason may contain any
    // separator. `reviewed` is the analyst's acceptance and `reviewed_at`
    // when it was given (UTC, RFC 3339), NULL while unreviewed.
    r#"
ALTER TABLE incidents ADD COLUMN confidence TEXT NOT NULL DEFAULT 'medium'
    CHECK (confidence IN ('high', 'medium', 'low'));
ALTER TABLE incidents ADD COLUMN confidence_reasons TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(confidence_reasons));
ALTER TABLE incidents ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1));
ALTER TABLE incidents ADD COLUMN reviewed_at TEXT NULL;
"#,
    // 8: where and when each incident is, as an R*Tree box (Julian day,
    // latitude, longitude), kept by triggers. Looking for the same event in
    // another report asks for a few weeks and a few kilometres around an
    // incident; with only the B-tree indexes that scanned every incident of
    // the period (or of the latitude band), so ingest slowed as the store
    // grew. The R*Tree visits only the neighbourhood.
    r#"
CREATE VIRTUAL TABLE incidents_where_when USING rtree(
    id, day_from, day_to, lat_from, lat_to, lon_from, lon_to
);
INSERT INTO incidents_where_when
    SELECT id, julianday(event_date), julianday(event_date), latitude, latitude, longitude, longitude
    FROM incidents;
CREATE TRIGGER incidents_where_when_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_where_when VALUES (
        new.id, julianday(new.event_date), julianday(new.event_date),
        new.latitude, new.latitude, new.longitude, new.longitude);
END;
CREATE TRIGGER incidents_where_when_update AFTER UPDATE OF event_date, latitude, longitude ON incidents BEGIN
    UPDATE incidents_where_when SET
        day_from = julianday(new.event_date), day_to = julianday(new.event_date),
        lat_from = new.latitude, lat_to = new.latitude,
        lon_from = new.longitude, lon_to = new.longitude
    WHERE id = new.id;
END;
CREATE TRIGGER incidents_where_when_delete AFTER DELETE ON incidents BEGIN
    DELETE FROM incidents_where_when WHERE id = old.id;
END;
"#,
];

/// Brings `conn` up to the latest schema; a no-op when it is already there.
///
/// Two processes may open a new file at the same moment. Each batch runs
/// in a transaction that holds the write lock from its start, and reads the
/// version again under that lock, so the second process waits and then
/// finds the work done instead of creating the same tables again.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    // The common case, an up-to-date file, takes no write lock: the window
    // opening while a long import writes must not wait for it.
    if applied(conn)? == MIGRATIONS.len() {
        return Ok(());
    }
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Exclusive)
            .map_err(StoreError::sql("locking the database to migrate it"))?;
        let done = applied(&tx)?;
        let Some(batch) = MIGRATIONS.get(done) else {
            return Ok(());
        };
        let version = done + 1;
        let wrap = |source| StoreError::Migration { version, source };
        tx.execute_batch(batch).map_err(wrap)?;
        // The version moves inside the same transaction as the schema change.
        tx.pragma_update(None, "user_version", version as i64)
            .map_err(wrap)?;
        tx.commit().map_err(wrap)?;
    }
}

/// How many migrations the file has seen; refuses a file from a newer build.
fn applied(conn: &Connection) -> Result<usize, StoreError> {
    let current: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(StoreError::sql("reading schema version"))?;
    let applied = usize::try_from(current).map_err(|_| StoreError::Corrupt {
        what: "schema version",
        detail: format!("user_version is {current}"),
    })?;
    if applied > MIGRATIONS.len() {
        return Err(StoreError::TooNew {
            found: current,
            supported: MIGRATIONS.len(),
        });
    }
    Ok(applied)
}
