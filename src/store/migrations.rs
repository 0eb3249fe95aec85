//! Versioned schema migrations, tracked by SQLite's `PRAGMA user_version`.
//!
//! `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`. Entries are
//! only ever appended: a database written by an older build replays exactly
//! the batches it has not seen, each in its own transaction, so a failure
//! leaves the file at the last complete version.

use rusqlite::Connection;

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
];

/// Brings `conn` up to the latest schema; a no-op when it is already there.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
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
    for (index, batch) in MIGRATIONS.iter().enumerate().skip(applied) {
        let version = index + 1;
        let wrap = |source| StoreError::Migration { version, source };
        let tx = conn.transaction().map_err(wrap)?;
        tx.execute_batch(batch).map_err(wrap)?;
        // The version moves inside the same transaction as the schema change.
        tx.pragma_update(None, "user_version", version as i64)
            .map_err(wrap)?;
        tx.commit().map_err(wrap)?;
    }
    Ok(())
}
