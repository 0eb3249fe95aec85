//! Format throughput: GeoJSON export of N incidents and ACLED CSV import of
//! N rows (one transaction, one prepared statement) into a fresh database.
//! N is 100,000 so `cargo bench --no-run` stays CI-friendly while the
//! figure scales linearly to the million-row case timed by hand.

use std::hint::black_box;
use std::io::Write;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use incident_atlas::export::write_geojson;
use incident_atlas::import::{COLUMNS, import_into};
use incident_atlas::model::{
    Confidence, EventType, GeoPrecision, Incident, IncidentData, Location, Span, TimePrecision,
};

const N: usize = 100_000;

fn incidents(n: usize) -> Vec<Incident> {
    (0..n)
        .map(|i| Incident {
            id: i as i64 + 1,
            report_id: 1,
            source: format!("bench source {}", i % 50),
            data: IncidentData {
                event_date: NaiveDate::from_ymd_opt(2024, (i % 12) as u32 + 1, (i % 28) as u32 + 1)
                    .unwrap_or_default(),
                time_precision: TimePrecision::Day,
                event_type: EventType::ALL[i % 6],
                sub_event_type: "Armed clash".to_owned(),
                actor1: format!("Armed group {}", i % 17),
                actor2: "Civilians (Burkina Faso)".to_owned(),
                fatalities: Some((i % 13) as u32),
                location: Location {
                    name: format!("Village {i}"),
                    place_id: None,
                    latitude: 12.0 + (i % 1000) as f64 * 0.002,
                    longitude: -2.0 + (i % 700) as f64 * 0.003,
                    country: "Burkina Faso".to_owned(),
                    country_code: "BF".to_owned(),
                    admin1: "Sahel".to_owned(),
                    admin2: "Soum".to_owned(),
                    geo_precision: GeoPrecision::Exact,
                },
                notes: format!("Generated incident {i} for the benchmark."),
                evidence: Span::new(0, 0),
                weapons: vec![],
                confidence: Confidence::High,
                confidence_reasons: Vec::new(),
            },
            reviewed: false,
        })
        .collect()
}

fn acled_csv(n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n * 330);
    let _ = writeln!(out, "{}", COLUMNS.join(","));
    for i in 0..n {
        let _ = writeln!(
            out,
            "BEN{i},2024-{:02}-{:02},2024,1,Political violence,Battles,Armed clash,Armed group {},,2,Civilians (Burkina Faso),,7,27,,854,Western Africa,Burkina Faso,Sahel,Soum,,Village {i},{:.4},{:.4},1,Bench source,National,\"Generated row {i}, bench.\",{},,1700000000",
            i % 12 + 1,
            i % 28 + 1,
            i % 17,
            12.0 + (i % 1000) as f64 * 0.002,
            -2.0 + (i % 700) as f64 * 0.003,
            i % 13
        );
    }
    out
}

fn formats(c: &mut Criterion) {
    let mut group = c.benchmark_group("formats");
    group.sample_size(10);
    group.throughput(Throughput::Elements(N as u64));

    let all = incidents(N);
    group.bench_function("geojson_export_100k", |b| {
        b.iter(|| write_geojson(black_box(&all), std::io::sink()))
    });

    let dir = tempfile::tempdir().expect("temporary directory");
    let csv = dir.path().join("bench.csv");
    std::fs::write(&csv, acled_csv(N)).expect("writing the bench CSV");
    let mut run = 0u32;
    group.bench_function("acled_csv_import_100k", |b| {
        b.iter_batched(
            || {
                run += 1;
                dir.path().join(format!("bench-{run}.sqlite"))
            },
            |db| import_into(&db, &csv).expect("import"),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, formats);
criterion_main!(benches);
