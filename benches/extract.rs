//! Extraction throughput: one ~5 KB report (the evaluation corpus's texts
//! joined under a single publication line) read into incidents with the
//! bundled gazetteer, on one core. Criterion's "elements" figure is reports
//! per second; the goal is at least 1,000.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use incident_atlas::extract::extract;
use incident_atlas::gazetteer::{Gazetteer, bundled};

/// About 5 KB of report text built from `tests/corpus/*.txt`.
fn report() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    names.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    names.sort();
    let mut text = String::from("Published: 2025-05-14\n");
    for p in names {
        let Ok(t) = std::fs::read_to_string(&p) else {
            continue;
        };
        // Drop each report's own publication line; keep the body.
        let body: Vec<&str> = t.lines().skip(1).collect();
        text.push_str(&body.join("\n"));
        text.push('\n');
        if text.len() >= 5_000 {
            break;
        }
    }
    text
}

fn extraction(c: &mut Criterion) {
    let Ok((places, admin)) = bundled() else {
        eprintln!("the bundled gazetteer did not load; nothing to measure");
        return;
    };
    let gazetteer = Gazetteer::new(places, admin);
    let text = report();
    let published = NaiveDate::from_ymd_opt(2025, 5, 14);
    let found = extract(&text, published, &gazetteer).incidents.len();
    eprintln!("bench report: {} bytes, {found} incidents", text.len());
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(1));
    group.bench_function("5KB report with geocoding", |b| {
        b.iter(|| extract(black_box(&text), published, &gazetteer))
    });
    // The same text with an empty gazetteer: the cost of everything but
    // geocoding (no incident is placed, so none is kept).
    let empty = Gazetteer::new(Vec::new(), Vec::new());
    group.bench_function("5KB report without gazetteer", |b| {
        b.iter(|| extract(black_box(&text), published, &empty))
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
