# Incident Atlas: the window's English text.
# Every key here must also be in fr.ftl (a test checks both ways).
# ACLED event and sub-event type names are never put here: they stay in
# ACLED's English, the shared coding standard.

## Toolbar

language-label = Language
toolbar-zoom-in = Zoom in
toolbar-zoom-out = Zoom out
toolbar-fit = Fit to shown
toolbar-fit-hover = Fit the map to the incidents shown
toolbar-filters-panel = Filters panel
toolbar-list-panel = List panel
toolbar-details-panel = Details panel
toolbar-review = Review ({ $n } left)
toolbar-review-hover = Walk the unreviewed incidents shown, lowest confidence first: A accept, D dismiss, C correct, N/P next/previous, Esc leave
toolbar-undo = Undo

## Side panels and the map

panel-import = Import a report
panel-export = Export
panel-picture = Map picture
map-window-shown = { $window } · { $n } shown
nearby-title = Near this point
legend-title = Legend
markers-zoom-hover = Click to zoom in on these incidents

## Errors the window reports (the cause after the colon is the domain's)

error-deleting = deleting: { $error }
error-saving-place = saving the place: { $error }
error-reading-gazetteer = reading the gazetteer back: { $error }
error-reading-report = reading the report: { $error }
error-undoing = undoing: { $error }
error-accepting = accepting: { $error }
error-saving = saving: { $error }
error-searching = searching: { $error }
error-reading-incidents = reading incidents: { $error }
place-added = Added { $name } to the gazetteer.
reread-done = Report read again: { $done }.
reread-failed = Reading the report again: { $error }
outside-added = { $n } incident(s) added to this database by another program.
outside-removed = { $n } incident(s) removed from this database by another program.
outside-changed = Incidents changed in this database by another program.

## Confidence levels

confidence-high = high
confidence-medium = medium
confidence-low = low

## Filters

filters-heading = Filters
filters-clear = Clear filters
filters-match = { $shown } of { $total } incidents match
filters-search = Search
filters-search-hint = words in reports or notes
filters-event-types = Event types
filters-actor = Actor
filters-actor-hint = part of a name
filters-country = Country
filters-admin1 = Admin 1
filters-min-deaths = Min. deaths
filters-geo-precision = Geo precision
filters-time-precision = Time precision
filters-unreviewed = Unreviewed only
filters-any = Any
filter-geo-exact = Place itself (1)
filter-geo-near = Near the place (2)
filter-geo-region = Region only (3)
filter-time-day = Exact day (1)
filter-time-week = Within the week (2)
filter-time-month = Within the month (3)

## Incident list

list-heading = Incidents
list-date = Date
list-deaths = Deaths
list-place-type = Place · type
list-confidence = Conf.
list-ascending = (asc)
list-descending = (desc)
list-ok = ok
list-confidence-hover = { $level } confidence: { $why } ({ $reviewed })
nothing-doubtful = nothing made it doubtful
list-reviewed = reviewed
list-not-reviewed = not reviewed yet

## Details

details-heading = Incident
details-empty = Click a marker on the map or a row of the list to see its details.
details-found-by-search = Found by the search
details-show-on-map = Show on map
details-clear-selection = Clear selection
details-delete = Delete incident
details-reread = Read report again
details-corrected = Corrected by hand: { $fields } (kept when the report is read again)
details-whole-report = Whole report
details-also-reported = Also reported by ({ $n })
details-report-ref = { $source } (report #{ $id })
details-not-a-number = “{ $text }” is not a number of deaths
details-confidence = Confidence: { $level }
details-reviewed = Reviewed: accepted by an analyst
details-not-reviewed = Not reviewed yet
details-mark-reviewed = Mark reviewed
details-not-reported = not reported
details-no-report-text = The report text is not available.
not-a-date = “{ $text }” is not a date like 2024-03-23
field-date = Date
field-time-precision = Time precision
field-place = Place
field-geo-precision = Geo precision
field-point = Point
field-country = Country
field-admin1 = Admin 1
field-admin2 = Admin 2
field-event-type = Event type
field-sub-type = Sub-type
field-actor1 = Actor 1
field-actor2 = Actor 2
field-fatalities = Fatalities
field-weapons = Weapons
field-source = Source
field-notes = Notes
field-evidence = Evidence
precision-time-day = exact day
precision-time-week = within the week
precision-time-month = within the month
precision-geo-exact = the place itself
precision-geo-near = near the place
precision-geo-region = region only
snippet-in-report = in its report:
snippet-in-fields = in its fields:

## Location candidates and the gazetteer

review-candidates = Location candidates
review-no-place = The gazetteer knows no place called “{ $name }”.
review-current = { $text } (current)
review-use = Use this place
review-why = Why
review-region-unknown = region unknown
review-curated = curated: { $source }
review-from = from { $source }
reverse-outside = Outside the bundled boundaries.
reverse-none = The gazetteer knows no place near here.
reverse-move = Move selected incident here
curation-add-here = Add a place here…
curation-name = Name
curation-alternates = Alternate names
curation-country-code = Country code
curation-source = Source
curation-add = Add place
curation-needed = A name and a source are needed.

## Review strip

queue-title = Review
queue-left = { $n } left
queue-showing = (showing number { $p })
queue-accept = Accept (A)
queue-dismiss = Dismiss (D)
queue-correct = Correct (C)
queue-previous = Previous (P)
queue-next = Next (N)
queue-leave = Leave review (Esc)
queue-done = Nothing left to review among the incidents shown.
queue-start = Press N to start with the first incident of the queue.
queue-confidence = { $level } confidence

## Undo

undo-deleted = Deleted { $type } at { $place }
undo-accepted = Accepted { $type } at { $place }
undo-edited = Edited { $type } at { $place }

## Import

import-heading = Import a report
import-text = Report text
import-text-hint = Paste a news report here…
import-published = Published
import-ingest = Ingest
import-date-hint = YYYY-MM-DD
import-from-file = From file…
import-file-hint = report.txt; acled.csv; layer.geojson or a folder
import-ingest-file = Ingest file
import-pick-hover = Pick a report (.txt) or an incident table (.csv, .geojson)
import-progress = { $done } of { $total } files
import-duplicate = This report is already stored (report #{ $id }); nothing new was added.
import-no-date = no publication date found
import-published-on = published { $date }
import-stored = Report #{ $id } stored ({ $published }): { $n } incident(s) extracted.
import-incident-line = • { $date } { $type } at { $place }
import-to-check = To check:
import-stopped = the import stopped before it finished
import-failed = The import failed: { $error }
import-reading-folder = reading folder { $path }: { $error }
import-no-reports = { $path } holds no .txt reports
import-files-read = { $files } file(s) read: { $incidents } incident(s) stored, { $failed } failed.
import-already-stored = already stored
incident-count = { $n ->
    [one] { $n } incident
   *[other] { $n } incidents
}

## Export

export-format = Format
export-file = File
export-pick-hover = { $n ->
    [one] Pick the folder and name, then the { $n } incident shown is written there
   *[other] Pick the folder and name, then the { $n } incidents shown are written there
}
export-button = Export { $format }
export-hover = { $n ->
    [one] Writes the { $n } incident shown on the map
   *[other] Writes the { $n } incidents shown on the map
}
export-writing = { $n ->
    [one] Writing { $n } incident to { $path }…
   *[other] Writing { $n } incidents to { $path }…
}
export-wrote = Wrote { $n } incident(s) to { $path }
export-stopped = the export stopped before it finished; the file was not replaced

## File dialog

dialog-import-title = Import a report or incident table
dialog-export-title = Export the shown incidents
dialog-picture-title = Save the map picture
dialog-mbtiles-title = Open an MBTiles basemap
dialog-import-button = Choose report file…
dialog-export-button = Choose export file…
dialog-picture-button = Choose picture file…
dialog-mbtiles-button = Choose tiles file…
dialog-open = Open
dialog-save = Save
dialog-cancel = Cancel
dialog-new-folder = New Folder
dialog-new-folder-name = New folder
dialog-rename = Rename
dialog-file = File:
dialog-show-hidden = Show Hidden
dialog-refresh = Refresh
dialog-parent = Parent Folder

## Basemap

basemap-label = Basemap
basemap-outlines = Offline outlines
basemap-mbtiles = MBTiles file…
basemap-osm = OpenStreetMap (online)
basemap-tiles-file = Tiles file
basemap-open = Open tiles
basemap-attribution = Offline MBTiles basemap

## Map picture

picture-title-label = Picture title
picture-file-label = Picture file
picture-print = Twice the screen resolution (print)
picture-save = Save map picture
picture-taking = Taking the picture…
picture-no-screenshot = the window gave no screenshot (this renderer may not support it)
picture-not-drawn = the map has not been drawn yet
picture-saving = Saving the map picture to { $path }…
picture-saved = Map picture ({ $width }×{ $height } pixels) saved to { $path }
picture-failed = the map picture could not be painted
picture-credit-osm = © OpenStreetMap contributors
picture-credits = Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0) · Made with Incident Atlas
picture-credits-tiles = Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0) · Tiles: { $tiles } · Made with Incident Atlas
picture-all-dates = All dates
picture-shown = { $n ->
    [one] { $when } · { $n } incident shown
   *[other] { $when } · { $n } incidents shown
}

## Timeline

timeline-shown = { $total ->
    [one] { $window } · { $shown } of { $total } incident shown
   *[other] { $window } · { $shown } of { $total } incidents shown
}
timeline-empty = No incidents yet: paste a report on the left and press Ingest.
timeline-from = From
timeline-to = To
timeline-from-date = From date
timeline-to-date = To date
timeline-not-a-date = { $name }: “{ $text }” is not a date. Type it as { $forms }.
timeline-play = Play
timeline-pause = Pause
timeline-space = Space
timeline-step-back = Step back
timeline-left-arrow = Left arrow
timeline-step-forward = Step forward
timeline-right-arrow = Right arrow
timeline-step = Step
timeline-speed = steps/s
timeline-frame = Frame
timeline-frame-hover = How many steps each frame of the playback spans
timeline-sliding = Sliding
timeline-cumulative = Cumulative
timeline-follow = Map follows
timeline-follow-hover = Move the map to each frame's incidents while playing
timeline-bars = Bars
timeline-all-dates = Show all dates
step-day = Day
step-week = Week
step-month = Month
step-days = { $n ->
    [one] day
   *[other] days
}
step-weeks = { $n ->
    [one] week
   *[other] weeks
}
step-months = { $n ->
    [one] month
   *[other] months
}
basemap-hover = OpenStreetMap downloads tiles from tile.openstreetmap.org and caches them on disk; the other two work offline.
details-reread-hover = Extract the report again with the current rules and gazetteer; your corrections and deletions are kept
picture-save-hover = The map as shown, with the title, the date window, the legend, a scale bar, a north arrow and the data credits

# The timeline's date axis: months abbreviated.
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

# Why a coding is doubtful (stored in English; shown in the window's language).
reason-place-absent = the place named is not in the gazetteer; a larger unit was coded
reason-one-namesake = another place has the same name
reason-namesakes = { $n } other places have the same name
reason-date-from-weekday = the day is worked out from a weekday
reason-date-from-other-sentence = the date comes from another sentence
reason-date-from-publication = no date in the text; the publication date was used
reason-actor-unnamed = the attackers are not named
reason-toll-vague = the death toll is a vague quantity
reason-toll-claimed = the death toll comes only from a claim
reason-outside-country = the point lies in { $inside }, not in { $stated }: check its coordinates
