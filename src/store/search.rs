//! Full-text search over report text and incident notes, places and actors,
//! through the FTS5 tables of migration 3.
//!
//! The analyst types words, not FTS5 syntax: each word is quoted (so `-`,
//! `"` or `OR` cannot break the query) and matched as a prefix, and all words
//! must appear. The query string is always bound as a parameter.

use super::{Store, StoreError};

/// The FTS5 query for what the analyst typed; `None` when there is no word in it.
pub fn fts_query(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The per-row trigger of migration 3 that indexes a new incident, as
/// written there; `resume_incident_fts` puts it back word for word.
const INCIDENTS_FTS_INSERT_TRIGGER: &str = "
CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_fts(rowid, notes, location, actor1, actor2, sub_event_type)
    VALUES (new.id, new.notes, new.location, new.actor1, new.actor2, new.sub_event_type);
END;";

/// For a bulk insert inside the caller's transaction: drops the per-row FTS
/// insert trigger (indexing row by row made an import about four times
/// slower) and returns the highest incident id before the new rows. Only
/// inserts may run until `resume_incident_fts`; updates and deletes still
/// go through their own triggers. Rolling the transaction back restores
/// the trigger with everything else.
pub fn suspend_incident_fts(conn: &rusqlite::Connection) -> rusqlite::Result<i64> {
    conn.execute_batch("DROP TRIGGER IF EXISTS incidents_fts_insert")?;
    conn.query_row("SELECT COALESCE(MAX(id), 0) FROM incidents", [], |row| {
        row.get(0)
    })
}

/// Indexes every incident with an id above `after` in one statement and
/// puts the insert trigger back, in the same transaction.
pub fn resume_incident_fts(conn: &rusqlite::Connection, after: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO incidents_fts(rowid, notes, location, actor1, actor2, sub_event_type)
         SELECT id, notes, location, actor1, actor2, sub_event_type FROM incidents
         WHERE id > ?1 ORDER BY id",
        [after],
    )?;
    conn.execute_batch(INCIDENTS_FTS_INSERT_TRIGGER)
}

impl Store {
    /// Ids (ascending) of the incidents whose notes, place, actors or
    /// sub-event match `query`, or the text of a report that told of them.
    pub fn search(&self, query: &str) -> Result<Vec<i64>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn
            .prepare(
                "SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?1
                 UNION
                 SELECT i.id FROM incidents i
                 JOIN reports_fts ON reports_fts.rowid = i.report_id
                 WHERE reports_fts MATCH ?1
                 UNION
                 SELECT s.incident_id FROM incident_sources s
                 JOIN reports_fts ON reports_fts.rowid = s.report_id
                 WHERE reports_fts MATCH ?1
                 ORDER BY 1",
            )
            .map_err(StoreError::sql("searching"))?;
        stmt.query_map([fts], |row| row.get(0))
            .and_then(Iterator::collect)
            .map_err(StoreError::sql("searching"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_become_quoted_prefixes_so_syntax_cannot_break_the_query() {
        assert_eq!(fts_query("Djibo"), Some("\"Djibo\"*".to_string()));
        assert_eq!(
            fts_query("  drone -strike \"OR\" "),
            Some("\"drone\"* \"strike\"* \"OR\"*".to_string())
        );
        assert_eq!(fts_query(" - \" "), None);
    }
}
