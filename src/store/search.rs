//! Full-text search over report text and incident notes, places and actors,
//! through the FTS5 tables of migration 3.
//!
//! The analyst types words, not FTS5 syntax: each word is quoted (so `-`,
//! `"` or `OR` cannot break the query) and matched as a prefix, and all words
//! must appear. The query string is always bound as a parameter.
//!
//! Each hit carries FTS5's `snippet` of the text that matched, so the window
//! can show why an incident came up: a town named in its own place or notes,
//! or only somewhere in a report that told of it.

use super::{Store, StoreError};

/// Where FTS5 marks a matched word in a snippet. Control characters, which
/// report text read through `ingest` does not contain, so they cannot be
/// confused with the text itself.
const MATCH_START: char = '\u{2}';
const MATCH_END: char = '\u{3}';

/// How many words of context a snippet keeps around the matches.
const SNIPPET_WORDS: i32 = 12;

/// One incident found by a search, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub incident_id: i64,
    /// True when only a report's text matched, not the incident's own
    /// place, notes, actors or sub-event.
    pub in_report: bool,
    pub snippet: Snippet,
}

/// A few words of the matching text, the matched words marked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The text in order, each piece with whether it is a matched word.
    pub parts: Vec<(String, bool)>,
}

impl Snippet {
    /// Splits FTS5 snippet output at the match markers.
    pub fn parse(marked: &str) -> Snippet {
        let mut parts: Vec<(String, bool)> = Vec::new();
        let mut matched = false;
        let mut current = String::new();
        for c in marked.chars() {
            if c == MATCH_START || c == MATCH_END {
                if !current.is_empty() {
                    parts.push((std::mem::take(&mut current), matched));
                }
                matched = c == MATCH_START;
            } else {
                current.push(c);
            }
        }
        if !current.is_empty() {
            parts.push((current, matched));
        }
        Snippet { parts }
    }

    /// The matched words, in order.
    pub fn matches(&self) -> Vec<&str> {
        self.parts
            .iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.as_str())
            .collect()
    }

    /// The snippet as plain text.
    pub fn text(&self) -> String {
        self.parts.iter().map(|(t, _)| t.as_str()).collect()
    }
}

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
        let mut ids: Vec<i64> = self
            .search_hits(query)?
            .into_iter()
            .map(|h| h.incident_id)
            .collect();
        ids.sort_unstable();
        Ok(ids)
    }

    /// The incidents `search` finds, each once with the snippet that shows
    /// why, in ascending id order. A match in the incident's own fields is
    /// preferred over one in a report's text.
    pub fn search_hits(&self, query: &str) -> Result<Vec<SearchHit>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        // Column -1: FTS5 picks the column with the most matches.
        let mut stmt = self
            .conn
            .prepare(
                "SELECT rowid, 0, snippet(incidents_fts, -1, ?2, ?3, '…', ?4)
                 FROM incidents_fts WHERE incidents_fts MATCH ?1
                 UNION ALL
                 SELECT i.id, 1, snippet(reports_fts, -1, ?2, ?3, '…', ?4) FROM incidents i
                 JOIN reports_fts ON reports_fts.rowid = i.report_id
                 WHERE reports_fts MATCH ?1
                 UNION ALL
                 SELECT s.incident_id, 1, snippet(reports_fts, -1, ?2, ?3, '…', ?4)
                 FROM incident_sources s
                 JOIN reports_fts ON reports_fts.rowid = s.report_id
                 WHERE reports_fts MATCH ?1
                 ORDER BY 1, 2",
            )
            .map_err(StoreError::sql("searching"))?;
        let rows: Vec<(i64, bool, String)> = stmt
            .query_map(
                rusqlite::params![
                    fts,
                    MATCH_START.to_string(),
                    MATCH_END.to_string(),
                    SNIPPET_WORDS
                ],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .and_then(Iterator::collect)
            .map_err(StoreError::sql("searching"))?;
        let mut hits: Vec<SearchHit> = Vec::with_capacity(rows.len());
        for (incident_id, in_report, marked) in rows {
            // Rows come by id, the incident's own match first: keep that one.
            if hits.last().is_some_and(|h| h.incident_id == incident_id) {
                continue;
            }
            hits.push(SearchHit {
                incident_id,
                in_report,
                snippet: Snippet::parse(&marked),
            });
        }
        Ok(hits)
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

    #[test]
    fn a_snippet_is_split_at_the_match_markers() {
        let snippet = Snippet::parse("…gunmen attacked \u{2}Djibo\u{3} on \u{2}Sunday\u{3}…");
        assert_eq!(snippet.matches(), ["Djibo", "Sunday"]);
        assert_eq!(snippet.text(), "…gunmen attacked Djibo on Sunday…");
        assert_eq!(snippet.parts[0], ("…gunmen attacked ".to_string(), false));
    }

    #[test]
    fn each_hit_says_which_words_matched_and_whether_only_its_report_did() {
        use crate::model::IncidentData;
        let mut store = Store::open_in_memory().unwrap();
        // Apart in place and time, so the store keeps them as two events.
        let at = |place: &str, lat: f64, lon: f64, days: u64, notes: &str| {
            let mut data = IncidentData::example();
            data.location.name = place.into();
            data.location.latitude = lat;
            data.location.longitude = lon;
            data.event_date = data.event_date + chrono::Days::new(days);
            data.notes = notes.into();
            data
        };
        let report = "A convoy struck a mine near Djibo. Shops were looted in Kaya the same day.";
        let added = store
            .add_report(
                "r.txt",
                None,
                report,
                &[
                    at("Djibo", 14.10, -1.63, 0, "A convoy struck a mine."),
                    at("Kaya", 13.09, -1.08, 20, "Shops were looted."),
                ],
            )
            .unwrap();
        let [djibo, kaya] = added.incident_ids[..] else {
            panic!("two incidents expected: {:?}", added.incident_ids);
        };

        let hits = store.search_hits("looted").unwrap();
        assert_eq!(hits.len(), 2, "{hits:?}");
        let kaya_hit = hits.iter().find(|h| h.incident_id == kaya).unwrap();
        assert!(!kaya_hit.in_report, "Kaya's own notes say it");
        assert_eq!(kaya_hit.snippet.matches(), ["looted"]);
        // Djibo only comes up because its report tells of Kaya's looting.
        let djibo_hit = hits.iter().find(|h| h.incident_id == djibo).unwrap();
        assert!(djibo_hit.in_report);
        assert_eq!(djibo_hit.snippet.matches(), ["looted"]);
        assert!(
            djibo_hit
                .snippet
                .text()
                .contains("Shops were looted in Kaya")
        );

        // A prefix query marks the whole word it matched.
        let hits = store.search_hits("conv").unwrap();
        let own = hits.iter().find(|h| h.incident_id == djibo).unwrap();
        assert_eq!(own.snippet.matches(), ["convoy"]);
        assert_eq!(
            store.search("looted").unwrap(),
            vec![djibo.min(kaya), djibo.max(kaya)]
        );
    }
}
