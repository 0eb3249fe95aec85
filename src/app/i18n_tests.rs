//! The window in French and English: the toolbar switch, the remembered
//! choice, the locale rule, and catalogues that agree with each other and
//! with the code.

use std::collections::BTreeSet;
use std::path::Path;

use egui_kittest::kittest::Queryable as _;
use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry;

use super::AtlasApp;
use super::i18n::{self, ENGLISH_FTL, FRENCH_FTL, Language, tr, tr_args, tr_in};
use super::tests::{harness, harness_of, workspace};

/// The message ids of a catalogue; it must parse without an error.
fn message_ids(source: &str) -> BTreeSet<String> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("the catalogue does not parse: {errors:?}"),
    };
    let mut ids = BTreeSet::new();
    for entry in resource.entries() {
        if let Entry::Message(message) = entry {
            assert!(
                ids.insert(message.id.name.to_owned()),
                "{} is defined twice",
                message.id.name
            );
        }
    }
    ids
}

/// Every `tr("…")`, `tr_args("…"` and `tr_in(…, "…"` key written in the
/// window's source, plus the keys kept in constants and `match` arms (the
/// strings that look like keys right after a `=>` or in a `const`).
fn keys_used_in(folder: &Path, keys: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            keys_used_in(&path, keys);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n_tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines() {
            for marker in ["tr(\"", "tr_args(\"", "tr_error(\"", "=> \"", "&str = \""] {
                let mut rest = line;
                while let Some(at) = rest.find(marker) {
                    rest = &rest[at + marker.len()..];
                    let Some(end) = rest.find('"') else { break };
                    let key = &rest[..end];
                    if looks_like_key(key) {
                        keys.insert(key.to_owned());
                    }
                    rest = &rest[end..];
                }
            }
            // `tr_in(language, "key", …)` on one line: the first quoted text.
            if let Some(at) = line.find("tr_in(")
                && let Some(key) = line[at..].split('"').nth(1)
                && looks_like_key(key)
            {
                keys.insert(key.to_owned());
            }
            // `tr_in(language, "key", …)` spread over lines: the key is the
            // only quoted catalogue-like string on its own line.
            let trimmed = line.trim();
            if let Some(key) = trimmed
                .strip_prefix('"')
                .and_then(|t| t.strip_suffix("\","))
                .filter(|k| looks_like_key(k) && k.contains('-'))
            {
                keys.insert(key.to_owned());
            }
        }
    }
}

/// Catalogue keys are lower-case words joined by hyphens, with a hyphen.
fn looks_like_key(text: &str) -> bool {
    text.contains('-')
        && !text.starts_with('-')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn the_english_and_french_catalogues_have_the_same_keys() {
    let english = message_ids(ENGLISH_FTL);
    let french = message_ids(FRENCH_FTL);
    let only_english: Vec<_> = english.difference(&french).collect();
    let only_french: Vec<_> = french.difference(&english).collect();
    assert!(
        only_english.is_empty(),
        "missing in fr.ftl: {only_english:?}"
    );
    assert!(only_french.is_empty(), "missing in en.ftl: {only_french:?}");
    assert!(english.len() > 200, "{} keys", english.len());
}

#[test]
fn every_key_the_window_uses_is_in_both_catalogues() {
    let english = message_ids(ENGLISH_FTL);
    let mut used = BTreeSet::new();
    keys_used_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app"),
        &mut used,
    );
    // The scan finds what it should: keys passed directly, through a
    // variable set in a `match`, and through a constant.
    for key in [
        "toolbar-zoom-in",
        "undo-deleted",
        "basemap-osm",
        "picture-saved",
        "basemap-attribution",
        "picture-credits-tiles",
    ] {
        assert!(used.contains(key), "the scan missed {key}");
    }
    let missing: Vec<_> = used.iter().filter(|k| !english.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "keys used but not in the catalogues: {missing:?}"
    );
}

#[test]
fn a_locale_names_french_by_its_language_whatever_its_region_or_encoding() {
    for locale in ["fr", "fr-FR", "fr_BF.UTF-8", "FR-ca", "fr_ML@euro"] {
        assert_eq!(Language::from_locale(locale), Language::French, "{locale}");
    }
    for locale in [
        "en",
        "en-US",
        "en_GB.UTF-8",
        "de-DE",
        "ar_TD",
        "",
        "C",
        "POSIX",
        "fra",
    ] {
        assert_eq!(Language::from_locale(locale), Language::English, "{locale}");
    }
}

#[test]
fn a_missing_key_falls_back_to_english_then_to_the_key() {
    assert_eq!(tr_in(Language::French, "toolbar-undo", &[]), "Annuler");
    assert_eq!(tr_in(Language::French, "no-such-key", &[]), "no-such-key");
    assert_eq!(tr("no-such-key"), "no-such-key");
    // A message left out of one catalogue shows the other's text.
    let partial = i18n::bundle("toolbar-undo = Annuler\n", "fr");
    let english = i18n::bundle(ENGLISH_FTL, "en");
    assert_eq!(
        i18n::lookup(&partial, &english, "toolbar-undo", &[]),
        "Annuler"
    );
    assert_eq!(
        i18n::lookup(&partial, &english, "filters-heading", &[]),
        "Filters"
    );
    assert_eq!(
        i18n::lookup(&partial, &english, "no-such-key", &[]),
        "no-such-key"
    );
}

#[test]
fn counts_take_each_languages_plural_and_arguments_are_not_wrapped_in_marks() {
    let count = |language, n: usize| tr_in(language, "incident-count", &[("n", n.into())]);
    assert_eq!(count(Language::English, 1), "1 incident");
    assert_eq!(count(Language::English, 0), "0 incidents");
    assert_eq!(count(Language::French, 0), "0 incident");
    assert_eq!(count(Language::French, 1), "1 incident");
    assert_eq!(count(Language::French, 2), "2 incidents");
    assert_eq!(
        tr_in(
            Language::French,
            "export-wrote",
            &[("n", 3.into()), ("path", "/tmp/a.geojson".into())]
        ),
        "3 incidents écrits dans /tmp/a.geojson"
    );
}

#[test]
fn a_new_window_speaks_english_on_a_new_thread() {
    assert_eq!(i18n::current(), Language::English);
    let app = AtlasApp::new(workspace()).unwrap();
    assert_eq!(app.persisted().language, Language::English);
    assert_eq!(tr_args("queue-left", &[("n", 2.into())]), "2 left");
}

#[test]
fn the_toolbar_switch_turns_the_window_french_and_back() {
    let mut harness = harness();
    harness.get_by_label("Filters");
    harness.get_by_label("Language").click();
    harness.run();
    harness.get_by_label("Français").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().persisted().language, Language::French);
    harness.get_by_label("Langue");
    harness.get_by_label("Filtres");
    harness.get_by_label("Zoom avant");
    harness.get_by_label("Panneau Liste");
    harness.get_by_label("Effacer les filtres");
    harness.get_by_label_contains("Revue (");
    assert!(harness.query_by_label_contains("Review (").is_none());
    harness.get_by_label("Exporter en GeoJSON");
    harness.get_by_label("Rechercher");
    assert!(harness.query_by_label("Zoom in").is_none());
    // ACLED's event types stay in ACLED's English.
    harness.get_by_label("Battles");
    harness.get_by_label("Violence against civilians");

    harness.get_by_label("Langue").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().persisted().language, Language::English);
    harness.get_by_label("Filters");
    harness.get_by_label("Zoom in");
    harness.get_by_label("Export GeoJSON");
    assert!(harness.query_by_label("Filtres").is_none());
}

#[test]
fn the_chosen_language_survives_a_restart_and_an_older_state_opens_in_english() {
    let mut harness = harness();
    harness
        .state_mut()
        .apply(super::Command::SetLanguage(Language::French));
    harness.run();
    let state = harness.state().persisted();
    assert_eq!(state.language, Language::French);

    // Through the same serde eframe's storage uses.
    let text = serde_json::to_string(&state).unwrap();
    let mut app = AtlasApp::new(workspace()).unwrap();
    app.restore(serde_json::from_str(&text).unwrap());
    let mut harness = harness_of(app);
    harness.run();
    assert_eq!(harness.state().persisted().language, Language::French);
    harness.get_by_label("Filtres");
    harness.get_by_label("Zoom arrière");

    let old: super::State = serde_json::from_str(r#"{"zoom": 7.0}"#).unwrap();
    assert_eq!(old.language, Language::English);
}

#[test]
fn the_map_picture_is_worded_in_the_language_it_is_handed() {
    let french = super::map_picture::credits(Language::French, Some("sahel.mbtiles"));
    assert!(french.contains("Frontières"), "{french}");
    assert!(french.contains("Tuiles : sahel.mbtiles"), "{french}");
    // The worker thread that saves the picture has English as its own
    // language; the text it makes is worded by the language handed to it.
    let saved = std::thread::spawn(|| {
        tr_in(
            Language::French,
            "picture-saved",
            &[
                ("width", 10.into()),
                ("height", 20.into()),
                ("path", "/tmp/carte.png".into()),
            ],
        )
    })
    .join()
    .unwrap();
    assert_eq!(
        saved,
        "Image de la carte (10×20 pixels) enregistrée dans /tmp/carte.png"
    );
}

#[test]
fn the_date_axis_names_months_in_the_windows_language() {
    use crate::view::TickParts;
    let day = chrono::NaiveDate::from_ymd_opt(2025, 2, 4).unwrap();
    i18n::set_current(Language::English);
    assert_eq!(i18n::tick_label(day, TickParts::DayMonth), "4 Feb");
    assert_eq!(i18n::tick_label(day, TickParts::MonthYear), "Feb 2025");
    i18n::set_current(Language::French);
    assert_eq!(i18n::tick_label(day, TickParts::DayMonth), "4 févr.");
    assert_eq!(i18n::tick_label(day, TickParts::MonthYear), "févr. 2025");
    assert_eq!(i18n::tick_label(day, TickParts::Year), "2025");
    for month in 1..=12 {
        let key = format!("month-short-{month}");
        assert_ne!(tr(&key), key, "{key} is missing");
    }
    i18n::set_current(Language::English);
}

#[test]
fn confidence_reasons_stored_in_english_are_shown_in_the_windows_language() {
    use crate::extract::confidence_reason as r;
    let stored = [
        r::PLACE_ABSENT.to_owned(),
        r::ONE_NAMESAKE.to_owned(),
        format!("3{}", r::NAMESAKES_SUFFIX),
        r::DATE_FROM_WEEKDAY.to_owned(),
        r::DATE_FROM_OTHER_SENTENCE.to_owned(),
        r::DATE_FROM_PUBLICATION.to_owned(),
        r::ACTOR_UNNAMED.to_owned(),
        r::TOLL_VAGUE.to_owned(),
        r::TOLL_CLAIMED.to_owned(),
        crate::import::acled::outside_country_reason("Mali", "Burkina Faso"),
    ];
    // In English each reads exactly as stored.
    i18n::set_current(Language::English);
    for reason in &stored {
        assert_eq!(&i18n::reason(reason), reason);
    }
    // In French each is translated, keeping its figures and names.
    i18n::set_current(Language::French);
    for reason in &stored {
        assert_ne!(&i18n::reason(reason), reason, "{reason} is not translated");
    }
    assert_eq!(
        i18n::reason(&stored[2]),
        "3 autres lieux portent le même nom"
    );
    assert!(
        i18n::reason(&stored[9]).contains("Mali")
            && i18n::reason(&stored[9]).contains("Burkina Faso")
    );
    // A reason typed by an analyst or read from another tool stays as it is.
    assert_eq!(i18n::reason("checked by phone"), "checked by phone");
    i18n::set_current(Language::English);
}
