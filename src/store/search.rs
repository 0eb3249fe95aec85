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
