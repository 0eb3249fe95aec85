//! One frame's data work with 100,000 incidents: the time window and filters
//! (`view::visible`), then marker projection and clustering (`view::layout`).
//! The goal is well under 4 ms so the map stays smooth while the timeline plays.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use incident_atlas::model::{
    Confidence, EventType, GeoPrecision, Incident, IncidentData, Location, Span, TimePrecision,
    TimeWindow,
};
use incident_atlas::view::{Filters, Viewport, layout, mercator, visible};

const COUNT: u64 = 100_000;

/// A fixed pseudo-random sequence (no dependency, same every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn incidents() -> Vec<Incident> {
    let start = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
    let mut random = Lcg(7);
    let mut incidents: Vec<Incident> = (0..COUNT)
        .map(|n| {
            let day = (random.next() * 1095.0) as u64;
            let event_type = EventType::ALL[(random.next() * 6.0) as usize % 6];
            let geo = [
                GeoPrecision::Exact,
                GeoPrecision::Near,
                GeoPrecision::Region,
            ][(random.next() * 3.0) as usize % 3];
            Incident {
                id: n as i64 + 1,
                report_id: 1,
                source: "bench".into(),
                data: IncidentData {
                    event_date: start.checked_add_days(Days::new(day)).unwrap_or(start),
                    time_precision: TimePrecision::Day,
                    event_type,
                    sub_event_type: "Armed clash".into(),
                    actor1: if n % 3 == 0 { "JNIM" } else { "ISSP" }.into(),
                    actor2: "Military Forces of Burkina Faso".into(),
                    fatalities: Some((random.next() * 30.0) as u32),
                    location: Location {
                        name: "Somewhere".into(),
                        place_id: None,
                        // Burkina Faso, Mali and Niger.
                        latitude: 10.0 + random.next() * 10.0,
                        longitude: -8.0 + random.next() * 16.0,
                        country: "Burkina Faso".into(),
                        country_code: "BF".into(),
                        admin1: "Sahel".into(),
                        admin2: "Soum".into(),
                        geo_precision: geo,
                    },
                    notes: String::new(),
                    evidence: Span::default(),
                    weapons: vec![],
                    confidence: Confidence::High,
                    confidence_reasons: Vec::new(),
                },
                reviewed: false,
            }
        })
        .collect();
    incidents.sort_by_key(|i| (i.data.event_date, i.id));
    incidents
}

/// A 1280 × 800 map at zoom 6 centred on Burkina Faso, as the window opens.
fn viewport() -> Viewport {
    let world = 256.0 * 2f64.powi(6);
    let centre = mercator(-1.5, 12.3);
    Viewport {
        origin: [640.0 - centre[0] * world, 400.0 - centre[1] * world],
        world,
        rect: [0.0, 0.0, 1280.0, 800.0],
    }
}

fn frame(c: &mut Criterion) {
    let incidents = incidents();
    let points: Vec<[f64; 2]> = incidents
        .iter()
        .map(|i| mercator(i.data.location.longitude, i.data.location.latitude))
        .collect();
    let viewport = viewport();
    let everything = Filters::default();
    let mut battles = Filters::default();
    for t in EventType::ALL {
        if t != EventType::Battles {
            battles.hidden_types.insert(t);
        }
    }
    battles.actor = "jnim".into();
    battles.min_fatalities = 5;
    let a = NaiveDate::from_ymd_opt(2023, 3, 1).unwrap_or_default();
    let b = NaiveDate::from_ymd_opt(2023, 5, 31).unwrap_or_default();
    let quarter = Some(TimeWindow::new(a, b));

    c.bench_function("frame: all 100k, no filters, cluster", |bench| {
        bench.iter(|| {
            let shown = visible(&incidents, None, &everything, None);
            let drawn = layout(&points, &shown, &viewport, 40.0);
            black_box(drawn.drawn())
        })
    });
    c.bench_function(
        "frame: 3-month window, type+actor+deaths filters, cluster",
        |bench| {
            bench.iter(|| {
                let shown = visible(&incidents, quarter, &battles, None);
                let drawn = layout(&points, &shown, &viewport, 40.0);
                black_box(drawn.drawn())
            })
        },
    );
    c.bench_function("frame: 3-month window, no clustering", |bench| {
        bench.iter(|| {
            let shown = visible(&incidents, quarter, &everything, None);
            let drawn = layout(&points, &shown, &viewport, 0.0);
            black_box(drawn.drawn())
        })
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
