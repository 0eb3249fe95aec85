//! How well extraction codes the evaluation corpus (`tests/corpus/`): each
//! `NNN.txt` report against the analyst's coding in `expected.tsv`.
//!
//! An extracted incident matches an expected one when its point lies within
//! 25 km of the expected place and its date is within a day. Precision and
//! recall count matched incidents; each field's accuracy is measured over
//! matched pairs only, so a missed incident is not counted twice. The
//! figures are printed (`--nocapture`) and held above floors a little below
//! what the rules reach today, so that a regression fails the test.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::extract;
use crate::gazetteer::{Gazetteer, bundled};
use crate::model::IncidentData;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let (places, admin) = bundled().expect("the bundled gazetteer parses");
        Gazetteer::new(places, admin)
    })
}

/// One row of `expected.tsv`.
#[derive(Debug, Clone)]
struct Expected {
    report: String,
    date: NaiveDate,
    time_precision: u8,
    geonameid: i64,
    geo_precision: u8,
    event_type: String,
    sub_event_type: String,
    actor1: String,
    actor2: String,
    fatalities: Option<u32>,
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn parse_expected(text: &str) -> Vec<Expected> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("report\t") && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 10, "expected.tsv row with 10 columns: {l:?}");
            Expected {
                report: c[0].to_string(),
                date: NaiveDate::parse_from_str(c[1], "%Y-%m-%d").expect("a date"),
                time_precision: c[2].parse().expect("a time precision"),
                geonameid: c[3].parse().expect("a geonameid"),
                geo_precision: c[4].parse().expect("a geo precision"),
                event_type: c[5].to_string(),
                sub_event_type: c[6].to_string(),
                actor1: c[7].to_string(),
                actor2: c[8].to_string(),
                fatalities: (!c[9].is_empty()).then(|| c[9].parse().expect("a count")),
            }
        })
        .collect()
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

fn matches(e: &Expected, got: &IncidentData) -> bool {
    let place = gazetteer()
        .place(e.geonameid)
        .expect("every expected geonameid is in the bundled gazetteer");
    let near = km(
        (place.latitude, place.longitude),
        (got.location.latitude, got.location.longitude),
    ) <= 25.0;
    near && (got.event_date - e.date).num_days().abs() <= 1
}

/// Counts of one evaluation run.
#[derive(Debug, Default)]
struct Score {
    expected: usize,
    extracted: usize,
    matched: usize,
    /// field name -> (right, compared)
    fields: BTreeMap<&'static str, (usize, usize)>,
    misses: Vec<String>,
}

impl Score {
    fn field(&mut self, name: &'static str, right: bool, detail: impl FnOnce() -> String) {
        let f = self.fields.entry(name).or_default();
        f.1 += 1;
        if right {
            f.0 += 1;
        } else {
            self.misses.push(format!("  {name}: {}", detail()));
        }
    }

    fn accuracy(&self, name: &str) -> f64 {
        self.fields
            .get(name)
            .map_or(0.0, |(r, n)| *r as f64 / (*n).max(1) as f64)
    }

    fn precision(&self) -> f64 {
        self.matched as f64 / self.extracted.max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.matched as f64 / self.expected.max(1) as f64
    }
}

fn evaluate() -> Score {
    let dir = corpus_dir();
    let expected = parse_expected(
        &std::fs::read_to_string(dir.join("expected.tsv")).expect("tests/corpus/expected.tsv"),
    );
    let mut reports: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    reports.sort();
    let mut score = Score::default();
    for path in reports {
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a report name")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("a report");
        let extraction = extract(&text, None, gazetteer());
        let got = extraction.incidents;
        let want: Vec<&Expected> = expected.iter().filter(|e| e.report == id).collect();
        score.expected += want.len();
        score.extracted += got.len();
        let mut used = vec![false; got.len()];
        for e in want {
            let found = got
                .iter()
                .enumerate()
                .find(|(k, g)| !used[*k] && matches(e, g));
            let Some((k, g)) = found else {
                score.misses.push(format!(
                    "{id}: missed {} at {} {:?}",
                    e.date, e.geonameid, extraction.warnings
                ));
                continue;
            };
            used[k] = true;
            score.matched += 1;
            score.misses.push(format!("{id}: matched {}", e.date));
            score.field(
                "time_precision",
                g.time_precision.code() == e.time_precision,
                || format!("{} vs {}", g.time_precision.code(), e.time_precision),
            );
            score.field("place", g.location.place_id == Some(e.geonameid), || {
                format!(
                    "{:?} {} vs {}",
                    g.location.place_id, g.location.name, e.geonameid
                )
            });
            score.field(
                "geo_precision",
                g.location.geo_precision.code() == e.geo_precision,
                || format!("{} vs {}", g.location.geo_precision.code(), e.geo_precision),
            );
            score.field("event_type", g.event_type.label() == e.event_type, || {
                format!("{} vs {}", g.event_type, e.event_type)
            });
            score.field(
                "sub_event_type",
                g.sub_event_type == e.sub_event_type,
                || format!("{} vs {}", g.sub_event_type, e.sub_event_type),
            );
            score.field("actor1", g.actor1 == e.actor1, || {
                format!("{} vs {}", g.actor1, e.actor1)
            });
            score.field("actor2", g.actor2 == e.actor2, || {
                format!("{} vs {}", g.actor2, e.actor2)
            });
            score.field("fatalities", g.fatalities == e.fatalities, || {
                format!("{:?} vs {:?}", g.fatalities, e.fatalities)
            });
        }
        for (k, g) in got.iter().enumerate().filter(|(k, _)| !used[*k]) {
            let _ = k;
            score.misses.push(format!(
                "{id}: spurious {} {} at {} ({})",
                g.event_date, g.event_type, g.location.name, g.notes
            ));
        }
    }
    score
}

#[test]
fn the_corpus_is_coded_close_to_the_analyst() {
    let s = evaluate();
    println!("{}", s.misses.join("\n"));
    println!(
        "corpus: {} expected, {} extracted, {} matched; precision {:.2}, recall {:.2}",
        s.expected,
        s.extracted,
        s.matched,
        s.precision(),
        s.recall()
    );
    for (name, (right, n)) in &s.fields {
        println!(
            "  {name:<15} {right}/{n} = {:.2}",
            *right as f64 / (*n).max(1) as f64
        );
    }
    assert!(s.expected >= 30, "the corpus has at least 30 incidents");
    // Measured on 2026-11-22 over 37 reports (36 incidents): precision
    // 1.00, recall 1.00 once facility, street, zone and "between X and Y"
    // phrasings were read as places. Over matched pairs: place,
    // geo_precision and time_precision 1.00, fatalities 0.97, event_type,
    // sub_event_type and both actors 0.94 (016 and 036, protests, are coded
    // as attacks; 014 loses its second actor and its summed toll).
    let floors = [
        ("time_precision", 0.97),
        ("place", 0.97),
        ("geo_precision", 0.97),
        ("event_type", 0.92),
        ("sub_event_type", 0.92),
        ("actor1", 0.92),
        ("actor2", 0.92),
        ("fatalities", 0.95),
    ];
    assert!(s.precision() >= 0.97, "precision {:.2}", s.precision());
    assert!(s.recall() >= 0.97, "recall {:.2}", s.recall());
    for (name, floor) in floors {
        assert!(
            s.accuracy(name) >= floor,
            "{name} accuracy {:.2}",
            s.accuracy(name)
        );
    }
}

#[test]
fn every_expected_row_names_a_report_of_the_corpus() {
    let dir = corpus_dir();
    let text = std::fs::read_to_string(dir.join("expected.tsv")).expect("expected.tsv");
    let rows = parse_expected(&text);
    assert!(!rows.is_empty());
    for r in rows {
        assert!(
            dir.join(format!("{}.txt", r.report)).is_file(),
            "{}",
            r.report
        );
        assert!(gazetteer().place(r.geonameid).is_some(), "{}", r.geonameid);
    }
}
