//! `geocode`: place names looked up in the gazetteer, with the ranked
//! candidates printed as text, as JSON, or with every scoring reason.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::args::parse_country;
use super::output::{Output, finish};
use super::workspace;
use crate::gazetteer::{Candidate, Gazetteer, PlaceQuery};

#[derive(Debug, Args)]
pub(super) struct GeocodeArgs {
    /// Prefer places in this country (ISO 3166-1 alpha-2, e.g. BF).
    #[arg(long, value_parser = parse_country, value_name = "CC")]
    country: Option<String>,
    /// Print a JSON array with, per name, an array of candidates (best first).
    #[arg(long)]
    json: bool,
    /// Show every scoring reason with the points it added.
    #[arg(long, conflicts_with = "json")]
    explain: bool,
    /// A unit or town named beside the place in the report (e.g. "Loroum province").
    #[arg(long, value_name = "NAME")]
    hint: Option<String>,
    /// Place names to look up.
    #[arg(required = true, value_name = "NAME")]
    names: Vec<String>,
}

/// One candidate as `geocode --json` prints it.
#[derive(Serialize)]
struct CandidateJson<'a> {
    name: &'a str,
    ascii_name: &'a str,
    lat: f64,
    lon: f64,
    geonameid: i64,
    feature_class: &'a str,
    feature_code: &'a str,
    country_code: &'a str,
    admin1_code: &'a str,
    admin1: String,
    population: i64,
    score: f64,
    reasons: &'a [String],
    /// What each reason added to the score, in the same order.
    points: &'a [f64],
}

fn admin1_of(gazetteer: &Gazetteer, candidate: &Candidate) -> String {
    let place = &candidate.place;
    gazetteer
        .admin1_name(&place.country_code, &place.admin1_code)
        .map(|name| name.to_string())
        .unwrap_or_else(|| place.admin1_code.clone())
}

/// Looks every name up, then prints the candidates in the form asked for.
pub(super) fn run(db: Option<&Path>, args: GeocodeArgs) -> anyhow::Result<ExitCode> {
    let ws = workspace(db)?;
    let mut all = Vec::with_capacity(args.names.len());
    for name in &args.names {
        let candidates = ws.gazetteer.lookup(&PlaceQuery {
            name,
            country: args.country.as_deref(),
            admin_hint: args.hint.as_deref(),
            near: vec![],
        });
        all.push(candidates);
    }
    let mut out = Output::new();
    if args.explain {
        for (name, candidates) in args.names.iter().zip(&all) {
            explain(&mut out, &ws.gazetteer, name, candidates)?;
        }
        return finish(out, 0);
    }
    if args.json {
        let json: Vec<Vec<CandidateJson<'_>>> = all
            .iter()
            .map(|candidates| {
                candidates
                    .iter()
                    .map(|c| CandidateJson {
                        name: &c.place.name,
                        ascii_name: &c.place.ascii_name,
                        lat: c.place.latitude,
                        lon: c.place.longitude,
                        geonameid: c.place.geonameid,
                        feature_class: &c.place.feature_class,
                        feature_code: &c.place.feature_code,
                        country_code: &c.place.country_code,
                        admin1_code: &c.place.admin1_code,
                        admin1: admin1_of(&ws.gazetteer, c),
                        population: c.place.population,
                        score: c.score,
                        reasons: &c.reasons,
                        points: &c.points,
                    })
                    .collect()
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
        return finish(out, 0);
    }
    for (name, candidates) in args.names.iter().zip(&all) {
        writeln!(out, "{name}:")?;
        if candidates.is_empty() {
            writeln!(out, "  no match")?;
        }
        for (rank, c) in candidates.iter().enumerate() {
            let p = &c.place;
            writeln!(
                out,
                "  {}. {} [{}] {}, {}  {:.5}, {:.5}  geonameid {}  score {:.2}",
                rank + 1,
                p.name,
                p.feature_code,
                admin1_of(&ws.gazetteer, c),
                p.country_code,
                p.latitude,
                p.longitude,
                p.geonameid,
                c.score
            )?;
            if !c.reasons.is_empty() {
                writeln!(out, "     {}", c.reasons.join("; "))?;
            }
        }
    }
    finish(out, 0)
}

/// Prints the candidates with each reason and the points it added, so an
/// analyst can see why one namesake beat another.
fn explain(
    out: &mut dyn Write,
    gazetteer: &Gazetteer,
    name: &str,
    candidates: &[Candidate],
) -> anyhow::Result<()> {
    writeln!(out, "{name}:")?;
    if candidates.is_empty() {
        writeln!(out, "  no match")?;
    }
    for (rank, c) in candidates.iter().enumerate() {
        let p = &c.place;
        let origin = match &p.origin {
            crate::model::PlaceOrigin::GeoNames => String::new(),
            crate::model::PlaceOrigin::Curated { source } => format!(" (curated: {source})"),
            crate::model::PlaceOrigin::Imported { source } => format!(" (imported from {source})"),
        };
        writeln!(
            out,
            "  {}. {} [{} {}] {}, {}  {:.5}, {:.5}  geonameid {}{origin}",
            rank + 1,
            p.name,
            p.feature_class,
            p.feature_code,
            admin1_of(gazetteer, c),
            p.country_code,
            p.latitude,
            p.longitude,
            p.geonameid,
        )?;
        for (reason, points) in c.reasons.iter().zip(&c.points) {
            if *points == 0.0 {
                writeln!(out, "       {:>7}  {reason}", "")?;
            } else {
                writeln!(out, "       {points:>+7.2}  {reason}")?;
            }
        }
        writeln!(out, "       {:>7.2}  total", c.score)?;
    }
    Ok(())
}
