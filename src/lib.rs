//! Incident Atlas: news reports about attacks in, incidents on a map, GeoJSON out.
//!
//! The domain modules (`model`, `gazetteer`, `extract`, `store`, `export`,
//! `basemap`, `ingest`) never import egui; the window lives in `app`.
#![deny(clippy::unwrap_used)]

pub mod basemap;
pub mod cli;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod import;
pub mod ingest;
pub mod model;
pub mod samples;
pub mod setup;
pub mod store;
pub mod tiles;
pub mod view;

#[cfg(feature = "gui")]
pub mod app;
