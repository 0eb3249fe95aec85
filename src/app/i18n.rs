//! The window's languages. Many analysts in the Sahel work in French, so
//! every piece of interface text comes from one message catalogue per
//! language (`assets/i18n/en.ftl`, `assets/i18n/fr.ftl`, Project Fluent),
//! looked up by key. Fluent was chosen because counts need each language's
//! own plural rules ("0 incident" in French, "0 incidents" in English), which
//! its selectors give without code.
//!
//! The window's current language is per thread: the window draws on one
//! thread and each UI test runs on its own, so tests never see each other's
//! switch. Text made on another thread (the map picture is saved on a
//! worker) is formatted with `tr_in`, given the language explicitly.
//!
//! A missing key never panics: the English text is used, then the key.
//! ACLED event and sub-event type names are never translated: they are the
//! shared coding standard, and exports keep them as they are.

use std::cell::Cell;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// The English catalogue: every key exists here.
pub const ENGLISH_FTL: &str = include_str!("../../assets/i18n/en.ftl");
/// The French catalogue.
pub const FRENCH_FTL: &str = include_str!("../../assets/i18n/fr.ftl");

/// A language the window speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    #[default]
    English,
    French,
}

impl Language {
    /// Every language, in the order the toolbar offers them.
    pub const ALL: [Language; 2] = [Language::English, Language::French];

    /// The language a locale name asks for: "fr", "fr-FR", "fr_BF.UTF-8"
    /// are French, anything else English (the fallback for every language
    /// the window does not speak).
    pub fn from_locale(locale: &str) -> Language {
        let primary = locale
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .trim();
        if primary.eq_ignore_ascii_case("fr") {
            Language::French
        } else {
            Language::English
        }
    }

    /// The system's language, for a fresh start with nothing remembered.
    pub fn system() -> Language {
        sys_locale::get_locale().map_or(Language::English, |l| Language::from_locale(&l))
    }

    /// The language's own name, shown in the switch whatever the current
    /// language is, so an analyst can always find theirs.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::French => "Français",
        }
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        match self {
            Language::English => &ENGLISH,
            Language::French => &FRENCH,
        }
    }
}

static ENGLISH: LazyLock<FluentBundle<FluentResource>> =
    LazyLock::new(|| bundle(ENGLISH_FTL, "en"));
static FRENCH: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(FRENCH_FTL, "fr"));

/// A bundle of one catalogue. A catalogue with a syntax error keeps the
/// messages that parsed (the others fall back), rather than failing.
pub(super) fn bundle(source: &str, tag: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around arguments would end up inside labels
    // and file paths; both languages are left-to-right.
    bundle.set_use_isolating(false);
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    // Duplicate keys keep the first; the catalogue tests catch them.
    let _ = bundle.add_resource(resource);
    bundle
}

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
}

/// The language this thread's window text is in.
pub fn current() -> Language {
    CURRENT.with(Cell::get)
}

/// Switches this thread's window text to `language`.
pub fn set_current(language: Language) {
    CURRENT.with(|c| c.set(language));
}

/// The text for `key` in the current language.
pub fn tr(key: &str) -> String {
    tr_in(current(), key, &[])
}

/// The text for `key` in the current language, with Fluent arguments
/// (counts, names, paths).
pub fn tr_args(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    tr_in(current(), key, args)
}

/// A confidence reason, stored and exported in English, in the current
/// language; a reason this build does not know (from an imported file, or
/// typed by an analyst) is shown as it is.
pub fn reason(text: &str) -> String {
    use crate::extract::confidence_reason as r;
    let key = match text {
        r::PLACE_ABSENT => Some("reason-place-absent"),
        r::ONE_NAMESAKE => Some("reason-one-namesake"),
        r::DATE_FROM_WEEKDAY => Some("reason-date-from-weekday"),
        r::DATE_FROM_OTHER_SENTENCE => Some("reason-date-from-other-sentence"),
        r::DATE_FROM_PUBLICATION => Some("reason-date-from-publication"),
        r::ACTOR_UNNAMED => Some("reason-actor-unnamed"),
        r::TOLL_VAGUE => Some("reason-toll-vague"),
        r::TOLL_CLAIMED => Some("reason-toll-claimed"),
        _ => None,
    };
    if let Some(key) = key {
        return tr(key);
    }
    if let Some(n) = text
        .strip_suffix(r::NAMESAKES_SUFFIX)
        .and_then(|n| n.parse::<i64>().ok())
    {
        return tr_args("reason-namesakes", &[("n", n.into())]);
    }
    if let Some((inside, stated)) = crate::import::acled::outside_country_parts(text) {
        return tr_args(
            "reason-outside-country",
            &[("inside", inside.into()), ("stated", stated.into())],
        );
    }
    text.to_owned()
}

/// A date-axis label in the current language: the month abbreviated as the
/// catalogue writes it ("Mar" / "mars"), the day and year as numbers.
pub fn tick_label(date: chrono::NaiveDate, parts: crate::view::TickParts) -> String {
    use chrono::Datelike;
    let month = tr(&format!("month-short-{}", date.month()));
    match parts {
        crate::view::TickParts::DayMonth => format!("{} {month}", date.day()),
        crate::view::TickParts::MonthYear => format!("{month} {}", date.year()),
        crate::view::TickParts::Year => date.year().to_string(),
    }
}

/// The text for `key` in `language`: for threads other than the window's.
/// Falls back to English, then to the key itself.
pub fn tr_in(language: Language, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    lookup(language.bundle(), Language::English.bundle(), key, args)
}

/// `key` from `first`, else from `fallback`, else the key itself.
pub(super) fn lookup(
    first: &FluentBundle<FluentResource>,
    fallback: &FluentBundle<FluentResource>,
    key: &str,
    args: &[(&str, FluentValue<'_>)],
) -> String {
    format(first, key, args)
        .or_else(|| format(fallback, key, args))
        .unwrap_or_else(|| key.to_owned())
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: &[(&str, FluentValue<'_>)],
) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    // A missing argument is shown by its name; the text is still usable.
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned(),
    )
}

/// The toolbar's language switch: each language under its own name.
/// Returns the language picked, if the analyst picked another.
pub fn choice(ui: &mut egui::Ui, current: Language) -> Option<Language> {
    let mut picked = None;
    let label = ui.label(tr("language-label"));
    egui::ComboBox::from_id_salt("language")
        .selected_text(current.name())
        .show_ui(ui, |ui| {
            for language in Language::ALL {
                if ui
                    .selectable_label(language == current, language.name())
                    .clicked()
                    && language != current
                {
                    picked = Some(language);
                }
            }
        })
        .response
        .labelled_by(label.id);
    picked
}

/// "`what`: `cause`" in the current language, the cause as the domain says it.
pub fn tr_error(key: &str, error: &dyn std::error::Error) -> String {
    tr_args(
        key,
        &[("error", super::error_chain::error_chain(error).into())],
    )
}
