//! What the atlas remembers between sessions (through eframe's storage):
//! where the map looks, the time window, the filters, the timeline's
//! settings and which panels are open. Runtime state (the loaded incidents,
//! the selection, whether the timeline is playing) is never persisted.

use serde::{Deserialize, Serialize};

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
}

/// The map's background: our own outlines on plain land, or raster tiles
/// from an MBTiles file the analyst has (the outlines stay drawn on top).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BasemapChoice {
    /// `Some(path)`: tiles from that MBTiles file.
    pub mbtiles: Option<String>,
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
        let text = serde_json::to_string(&state).unwrap();
        let back: State = serde_json::from_str(&text).unwrap();
        // The timeline always opens paused.
        state.playback.playing = false;
        assert_eq!(back, state);

        let old: State = serde_json::from_str(r#"{"zoom": 7.0}"#).unwrap();
        assert_eq!(old.zoom, 7.0);
        assert_eq!(old.filters, Filters::default());
        assert!(old.panels.details);
    }
}
