//! What the window shows, computed without egui: which incidents pass the
//! filters, the histogram bins, the playback steps, where markers go and how
//! they cluster, and the Review mode's queue. Kept apart from `app` so it is
//! unit-tested and benchmarked on plain data, and so a frame's work can be
//! measured without a window.

mod clusters;
mod date_axis;
mod date_input;
mod filters;
mod fit;
#[cfg(test)]
pub(crate) mod fixture;
mod histogram;
mod marker_style;
mod mercator;
mod playback;
mod review_queue;
mod sort;
mod step;

pub use clusters::{Cluster, MarkerLayout, layout};
pub use date_axis::{Tick, TickParts, date_ticks};
pub use date_input::{DATE_FORMS, parse_typed_date};
pub use filters::{Filters, in_window, visible};
pub use fit::{Fit, fit};
pub use histogram::{Bin, bins};
pub use marker_style::{MarkerStyle, radius};
pub use mercator::{Viewport, lon_lat_of, mercator};
pub use playback::{Playback, WindowMode, first_window, next_window, play_from};
pub use review_queue::{after_leaving, review_queue, step as review_step};
pub use sort::{SortKey, sort_rows};
pub use step::Step;
