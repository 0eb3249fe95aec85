//! What the window does once an import has stored incidents: the analyst
//! wants to check what came in, so the new incidents are made visible (the
//! time window grows to their dates), the first is selected with its
//! details read afresh (an older incident that gained this report as a
//! source shows "Also reported by" at once), and the map centres on them.

use super::AtlasApp;
use crate::model::TimeWindow;

impl AtlasApp {
    /// Selects and shows the stored incidents `ids` (in the report's order);
    /// ids no longer stored are skipped. With none, the selected incident's
    /// details are still read again: the import may have added a source.
    pub(super) fn show_imported(&mut self, ids: &[i64]) {
        let imported: Vec<&crate::model::Incident> = ids
            .iter()
            .filter_map(|id| self.incidents.iter().find(|i| i.id == *id))
            .collect();
        let Some(first) = imported.first() else {
            self.refresh_selection();
            return;
        };
        let first = first.id;
        let dates = imported.iter().map(|i| i.data.event_date);
        if let (Some(from), Some(to)) = (dates.clone().min(), dates.max())
            && let Some(window) = self.state.window
            && !(window.contains(from) && window.contains(to))
        {
            self.state.window = Some(TimeWindow::new(window.from.min(from), window.to.max(to)));
        }
        let n = imported.len() as f64;
        let lon = imported
            .iter()
            .map(|i| i.data.location.longitude)
            .sum::<f64>()
            / n;
        let lat = imported
            .iter()
            .map(|i| i.data.location.latitude)
            .sum::<f64>()
            / n;
        self.map.centre_on(lon, lat);
        self.select(first);
        self.scroll_to = Some(first);
    }
}
