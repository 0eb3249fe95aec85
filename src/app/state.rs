//! What the atlas remembers between sessions (through eframe's storage):
//! where the map looks, the time window, the filters, the timeline's
//! settings, which panels are open and the language. Runtime state (the
//! loaded incidents, the selection, whether the timeline is playing) is
//! never persisted.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::basemap_choice::BasemapChoice;
use super::i18n::Language;
use super::map_view::{HOME_LAT, HOME_LON, HOME_ZOOM};
use crate::model::TimeWindow;
use crate::view::{Filters, Playback, SortKey, Step};

/// The persisted part of the window's state. Every field has a default, so
/// a file written by an older build (or a corrupt one) still opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The map centre as (lon, lat).
    pub centre: [f64; 2],
    pub zoom: f64,
    /// `None` means "every date".
    pub window: Option<TimeWindow>,
    pub filters: Filters,
    pub playback: Playback,
    /// The histogram's bar width.
    pub bins: Step,
    pub sort: SortKey,
    pub panels: Panels,
    /// What the map draws under the outlines.
    pub basemap: BasemapChoice,
    /// The folder a file was last chosen or written in: the file dialog
    /// opens there, and a typed name without a folder lands there.
    pub last_folder: Option<PathBuf>,
    /// The language the window speaks. A state saved before there was a
    /// choice opens in English, as those builds did.
    pub language: Language,
}

impl Default for State {
    fn default() -> State {
        State {
            centre: [HOME_LON, HOME_LAT],
            zoom: HOME_ZOOM,
            window: None,
            filters: Filters::default(),
            playback: Playback::default(),
            bins: Step::Month,
            sort: SortKey::default(),
            panels: Panels::default(),
            basemap: BasemapChoice::default(),
            last_folder: None,
            language: Language::default(),
        }
    }
}

/// Which side panels are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Panels {
    pub filters: bool,
    pub list: bool,
    pub details: bool,
}

impl Default for Panels {
    fn default() -> Panels {
        Panels {
            filters: true,
            list: true,
            details: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventType;

    #[test]
    fn the_state_round_trips_through_json_and_missing_fields_take_defaults() {
        let mut state = State {
            zoom: 8.5,
            ..State::default()
        };
        state.filters.hidden_types.insert(EventType::Riots);
        state.filters.search = "drone".into();
        state.panels.list = false;
        state.playback.playing = true;
        state.last_folder = Some(PathBuf::from("/home/analyst/briefings"));
        let text = serde_json::to_string(&state).unwrap();
        let back: State = serde_json::from_str(&text).unwrap();
        // The timeline always opens paused.
        state.playback.playing = false;
        assert_eq!(back, state);

        let old: State = serde_json::from_str(r#"{"zoom": 7.0}"#).unwrap();
        assert_eq!(old.zoom, 7.0);
        assert_eq!(old.filters, Filters::default());
        assert!(old.panels.details);
        assert_eq!(old.last_folder, None);
        assert_eq!(old.language, Language::English);
    }

    #[test]
    fn every_basemap_choice_round_trips_and_the_old_mbtiles_shape_still_loads() {
        for basemap in [
            BasemapChoice::Outlines,
            BasemapChoice::MbTiles("/maps/sahel.mbtiles".into()),
            BasemapChoice::OpenStreetMap,
        ] {
            let state = State {
                basemap,
                ..State::default()
            };
            let text = serde_json::to_string(&state).unwrap();
            assert_eq!(serde_json::from_str::<State>(&text).unwrap(), state);
        }

        let old = |json: &str| serde_json::from_str::<State>(json).unwrap().basemap;
        assert_eq!(
            old(r#"{"basemap": {"mbtiles": "/maps/sahel.mbtiles"}}"#),
            BasemapChoice::MbTiles("/maps/sahel.mbtiles".into())
        );
        assert_eq!(
            old(r#"{"basemap": {"mbtiles": null}}"#),
            BasemapChoice::Outlines
        );
        assert_eq!(old(r#"{"basemap": {}}"#), BasemapChoice::Outlines);
        assert_eq!(old(r#"{"zoom": 7.0}"#), BasemapChoice::Outlines);
    }

    #[test]
    fn a_state_that_chose_openstreetmap_keeps_the_shape_older_builds_read() {
        let state = State {
            basemap: BasemapChoice::OpenStreetMap,
            ..State::default()
        };
        let value = serde_json::to_value(&state).unwrap();
        // An older build reads `mbtiles` only, so it falls back to outlines.
        assert_eq!(value["basemap"]["mbtiles"], serde_json::Value::Null);
        assert_eq!(value["basemap"]["openstreetmap"], true);
    }
}
