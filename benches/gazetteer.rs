//! Lookup speed: exact names, spelling variants and typos, against the
//! bundled gazetteer and against a synthetic gazetteer of 1,000,000 names
//! (a full GeoNames country dump is ten to a hundred times the bundled one).
//! The goal is under 20 µs per lookup, typos included, so that extraction
//! of a long report and the window's search box never wait on the gazetteer.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use incident_atlas::gazetteer::{Gazetteer, PlaceQuery, bundled};
use incident_atlas::model::{Place, PlaceOrigin};

/// Syllables of the synthetic names: 32 of them, so four make 2^20 names.
const SYLLABLES: [&str; 32] = [
    "ba", "bo", "da", "di", "djo", "fa", "ga", "go", "ka", "ki", "kou", "la", "lo", "ma", "mo",
    "na", "ni", "nou", "pa", "sa", "se", "si", "so", "ta", "ti", "tou", "wa", "ya", "yo", "za",
    "zi", "rem",
];
const SYNTHETIC: u32 = 1_000_000;

/// The i-th synthetic name: four syllables picked by a bijective scramble
/// of i, so every name is distinct and neighbours do not look alike.
fn synthetic_name(i: u32) -> String {
    let n = i.wrapping_mul(0x9E37_79B1) & 0xF_FFFF;
    (0..4)
        .map(|k| SYLLABLES[((n >> (5 * k)) & 31) as usize])
        .collect::<String>()
}

fn synthetic_gazetteer() -> Gazetteer {
    let places = (0..SYNTHETIC)
        .map(|i| {
            let name = synthetic_name(i);
            let mut cap = name.clone();
            if let Some(first) = cap.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            Place {
                geonameid: i64::from(i) + 1,
                name: cap.clone(),
                ascii_name: cap,
                alternate_names: Vec::new(),
                latitude: 10.0 + f64::from(i % 1000) * 0.005,
                longitude: -5.0 + f64::from(i / 1000) * 0.009,
                feature_class: "P".to_string(),
                feature_code: "PPL".to_string(),
                country_code: "BF".to_string(),
                admin1_code: String::new(),
                admin2_code: String::new(),
                population: i64::from(i % 5000),
                origin: PlaceOrigin::GeoNames,
            }
        })
        .collect();
    Gazetteer::new(places, Vec::new())
}

/// A typo: one letter dropped in the middle and, for long names, two
/// letters swapped further on.
fn typo(name: &str) -> String {
    let mut b: Vec<u8> = name.bytes().collect();
    b.remove(b.len() / 2);
    if b.len() > 6 {
        let k = b.len() - 3;
        b.swap(k, k + 1);
    }
    String::from_utf8(b).unwrap_or_default()
}

fn query(name: &str) -> PlaceQuery<'_> {
    PlaceQuery {
        name,
        country: Some("BF"),
        admin_hint: None,
        near: Vec::new(),
    }
}

fn bench_bundled(c: &mut Criterion) {
    let Ok((places, codes)) = bundled() else {
        return;
    };
    let g = Gazetteer::new(places, codes);
    let mut group = c.benchmark_group("bundled");
    for (label, name) in [
        ("exact Kaya", "Kaya"),
        ("exact Fada N'Gourma", "Fada N'Gourma"),
        ("variant Djibbo", "Djibbo"),
        ("fuzzy Barsaloghu", "Barsaloghu"),
        ("fuzzy Tillabery", "Tillabery"),
        ("miss Qwertyuiop", "Qwertyuiop"),
    ] {
        group.bench_function(label, |b| b.iter(|| g.lookup(black_box(&query(name)))));
    }
    group.bench_function("admin province du Seno", |b| {
        b.iter(|| g.lookup_admin(black_box("province du Séno"), Some("BF")))
    });
    group.bench_function("reverse 5 nearest", |b| {
        b.iter(|| g.reverse(black_box(13.1), black_box(-1.1), 5))
    });
    group.finish();
}

fn bench_synthetic(c: &mut Criterion) {
    let g = synthetic_gazetteer();
    let names: Vec<String> = (0..1000).map(|i| synthetic_name(i * 997 + 13)).collect();
    let typos: Vec<String> = names.iter().map(|n| typo(n)).collect();
    let mut group = c.benchmark_group("synthetic 1M names");
    let mut k = 0usize;
    group.bench_function("exact", |b| {
        b.iter(|| {
            k = (k + 1) % names.len();
            g.lookup(black_box(&query(&names[k])))
        })
    });
    group.bench_function("fuzzy", |b| {
        b.iter(|| {
            k = (k + 1) % typos.len();
            g.lookup(black_box(&query(&typos[k])))
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench_bundled, bench_synthetic
}
criterion_main!(benches);
