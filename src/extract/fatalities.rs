//! Death tolls: numbers next to words of killing, in English and French.
//!
//! Conventions (ACLED's, written down here because they change totals):
//! - "at least 40", "more than 40", "over 40" count as 40; "10-15",
//!   "between 10 and 15", "entre 10 et 15" as 10.
//! - Tolls joined by "and"/"et" add up: "twelve soldiers and four VDP died"
//!   is 16.
//! - Vague plurals are coded at the lowest figure they imply, with the
//!   values ACLED publishes: "tens" and "des dizaines" = 10, "dozens" and
//!   "several dozen" = 12, "scores" = 20, "hundreds" and "des centaines" =
//!   100; "several", "a number of", "plusieurs" = 3. The count is then
//!   marked `vague` so notes can say so.
//! - "no deaths", "no casualties", "aucun mort" = 0.
//! - The wounded are not dead: a number tied to "wounded"/"injured"/"blessés"
//!   is skipped, and so are sizes of forces ("1,000 fighters") because they
//!   are not next to a word of killing.
//! - Cumulative tolls ("since 2021", "last year") are filtered out earlier,
//!   with the background sentences (see `incidents`).

use super::lexicon::{Kind, lexicon};
use super::words::{Word, words};

/// A death toll read from a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub value: u32,
    /// A vague word ("dozens") coded low by convention.
    pub vague: bool,
    /// Whose deaths: the attackers' ("six terroristes neutralisés"), the
    /// others' ("deux militaires"), or not said. Two figures for two sides
    /// add up: ACLED counts every death of the event.
    pub attackers: Option<bool>,
}

const HURT_WORDS: &[&str] = &[
    "wounded", "wounding", "injured", "injuring", "hurt", "blessant", "blesses", "blessees",
    "blesse",
];

const UNITS: &[&str] = &[
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "percent",
    "%",
    "years",
    "year",
    "ans",
    "hours",
    "heures",
    "days",
    "jours",
    "fighters",
    "vehicles",
    "motorbikes",
    "motorcycles",
    "tonnes",
    "m",
];

fn small_number(w: &str) -> Option<u32> {
    const EN: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const FR: &[&str] = &[
        "zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize",
    ];
    if let Some(n) = EN.iter().position(|x| *x == w) {
        return u32::try_from(n).ok();
    }
    if w == "une" {
        return Some(1);
    }
    FR.iter()
        .position(|x| *x == w)
        .and_then(|n| u32::try_from(n).ok())
}

fn tens(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" | "vingt" => 20,
        "thirty" | "trente" => 30,
        "forty" | "quarante" => 40,
        "fifty" | "cinquante" => 50,
        "sixty" | "soixante" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" | "cent" => 100,
        _ => return None,
    })
}

/// French approximations: "une soixantaine" = 60.
fn approximate(w: &str) -> Option<u32> {
    Some(match w {
        "dizaine" => 10,
        "douzaine" | "dozen" => 12,
        "quinzaine" => 15,
        "vingtaine" => 20,
        "trentaine" => 30,
        "quarantaine" => 40,
        "cinquantaine" => 50,
        "soixantaine" => 60,
        "centaine" => 100,
        _ => return None,
    })
}

/// The number a word stands for: digits, "forty", "twenty-one", "dix-sept".
pub fn number_word(w: &str) -> Option<u32> {
    let digits: String = w.chars().filter(|c| *c != ',').collect();
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        return digits.parse().ok();
    }
    if let Some((a, b)) = w.split_once('-') {
        // "10-15": a range counts as its lower bound.
        if let (Ok(lo), true) = (a.parse::<u32>(), b.chars().all(|c| c.is_ascii_digit())) {
            return Some(lo);
        }
        let hi = tens(a)?;
        let b = b.strip_prefix("et-").unwrap_or(b);
        return Some(hi + small_number(b).or_else(|| tens(b))?);
    }
    small_number(w)
        .or_else(|| tens(w))
        .or_else(|| approximate(w))
}

/// A number (or vague quantity) starting at word `i`: value, vagueness, words used.
fn quantity_at(ws: &[Word<'_>], i: usize) -> Option<(u32, bool, usize)> {
    let w = ws[i].folded.as_ref();
    let next = ws.get(i + 1).map(|w| w.folded.as_ref());
    if matches!(w, "between" | "entre")
        && let Some(lo) = next.and_then(number_word)
        && ws.get(i + 2).is_some_and(|a| a.is_any(&["and", "et"]))
        && ws.get(i + 3).and_then(|h| number_word(&h.folded)).is_some()
    {
        return Some((lo, false, 4));
    }
    if let Some((n, value)) = lexicon().at(Kind::Vague, ws, i)
        && let Ok(v) = value.parse::<u32>()
    {
        return Some((v, true, n));
    }
    // "une vingtaine", "a dozen": a round figure, coded as such.
    if let ("une" | "a", Some(n)) = (w, next)
        && let Some(v) = approximate(n)
    {
        return Some((v, false, 2));
    }
    let v = number_word(w)?;
    // "14 November", "July 21": the day of a date.
    let beside_month =
        |k: Option<&Word<'_>>| k.is_some_and(|x| super::dates::month(&x.folded).is_some());
    if beside_month(ws.get(i + 1)) || (i > 0 && beside_month(ws.get(i - 1))) {
        return None;
    }
    // Years are not tolls.
    if (1900..=2100).contains(&v) && ws[i].text.len() == 4 {
        return None;
    }
    // "one" is only a toll right next to a death word (see `fatalities`).
    Some((v, false, 1))
}

/// The death toll stated in a sentence, if any.
pub fn fatalities(sentence: &str) -> Option<Count> {
    fatalities_in(&words(sentence))
}

/// [`fatalities`] over words already split.
pub fn fatalities_in(ws: &[Word<'_>]) -> Option<Count> {
    if let Some(zero) = no_deaths(ws) {
        return Some(zero);
    }
    // Death words, and phrases ("tombés au champ d'honneur", "ont trouvé
    // la mort") where they start.
    let lex = lexicon();
    let deaths: Vec<usize> = (0..ws.len())
        .filter(|&i| ws[i].has(Kind::Death) || lex.at(Kind::Death, ws, i).is_some())
        .collect();
    if deaths.is_empty() {
        return None;
    }
    // (distance, count, 1 when the figure does not say whose dead) of the
    // best toll so far, and its index in `seen`.
    let mut best: Option<(usize, Count, usize)> = None;
    let mut best_at = 0;
    // (first word, words used, count) of every toll-like number.
    let mut seen: Vec<(usize, usize, Count)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some((value, vague, used)) = quantity_at(ws, i) else {
            i += 1;
            continue;
        };
        let after = ws.get(i + used);
        // "14 km", "forty cattle", "deux motos": measures and things, not people.
        let is_unit = after.is_some_and(|a| a.is_any(UNITS) || a.has(Kind::Thing))
            || ws.get(i + used + 1).is_some_and(|a| {
                a.has(Kind::Thing) && ws[i + used].is_any(&["head", "tetes", "of", "de"])
            });
        let distance = deaths
            .iter()
            .map(|d| if *d >= i { d - i } else { i - d })
            .min()
            .unwrap_or(usize::MAX);
        let hurt_between = deaths.iter().all(|d| {
            let (a, b) = if *d > i { (i, *d) } else { (*d, i) };
            ws[a..=b].iter().any(|w| w.is_any(HURT_WORDS))
        });
        let hurt_next = after.is_some_and(|a| a.is_any(HURT_WORDS));
        // "30 people, including 18 soldiers", "six civils, dont deux enfants":
        // a part of a toll already given.
        let part = i > 0 && ws[i - 1].is_any(&["including", "dont", "among", "parmi"]);
        // "one" far from the death word is usually not a toll, unless it
        // names a person: "un soldat est tombé au champ d'honneur".
        let weak_one = used == 1
            && matches!(ws[i].folded.as_ref(), "one" | "un" | "une")
            && distance > 2
            && !ws.get(i + 1).is_some_and(|w| w.has(Kind::Victim));
        // "Au moins dix-huit civils, dont des personnes âgées et un
        // adolescent, ont été exécutés": a figure that names people may sit
        // further from its verb.
        let names_people = victims_after(ws, i + used).is_some();
        let reach = if names_people { 16 } else { 7 };
        if !is_unit && !hurt_between && !hurt_next && !weak_one && !part && distance <= reach {
            let count = Count {
                value,
                vague,
                attackers: victims_after(ws, i + used).or_else(|| victims_before(ws, i)),
            };
            seen.push((i, used, count));
            // A figure that says whose deaths it counts beats a closer one
            // that does not ("une vingtaine de terroristes neutralisés et
            // plusieurs motos détruites").
            // "trois morts", "une trentaine de morts": a death word right
            // after says as much as a noun of people.
            let informative = count.attackers.is_some()
                || ws[i + used..(i + used + 2).min(ws.len())]
                    .iter()
                    .any(|w| w.has(Kind::Death));
            let rank = (usize::from(!informative), distance);
            if best.is_none_or(|(d, _, r)| rank < (r, d)) {
                best = Some((distance, count, usize::from(!informative)));
                best_at = seen.len() - 1;
            }
        }
        i += used;
    }
    // "shot dead a herder", "killed a local councillor", "a tué un
    // enseignant": one person, named by the article.
    let k = best_at;
    let Some((_, mut count, _)) = best else {
        return deaths.iter().find_map(|&d| {
            let after = ws
                .get(d + 1)
                .filter(|w| w.is("dead"))
                .map_or(d + 1, |_| d + 2);
            let article = ws.get(after)?;
            let noun = ws
                .iter()
                .skip(after + 1)
                .take(3)
                .any(|w| w.has(Kind::Victim));
            (article.is_any(&["a", "an", "un", "une"]) && noun && !ws[d].has(Kind::Attacker))
                .then_some(Count {
                    value: 1,
                    vague: false,
                    attackers: Some(false),
                })
        });
    };
    // "douze soldats et quatre VDP": a number joined to the chosen one by
    // "and"/"et", one or two nouns apart, is part of the same toll.
    let joined = |a: &(usize, usize, Count), b: &(usize, usize, Count)| {
        let gap = b.0.saturating_sub(a.0 + a.1);
        (2..=3).contains(&gap) && ws[b.0 - 1].is_any(&["and", "et"])
    };
    for other in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
        let Some(o) = seen.get(other) else { continue };
        let pair = if other < k {
            (o, &seen[k])
        } else {
            (&seen[k], o)
        };
        if joined(pair.0, pair.1) {
            count.value += o.2.value;
            count.vague |= o.2.vague;
        }
    }
    // Two figures for the two sides ("trois VDP y ont perdu la vie, et les
    // assaillants auraient laissé une dizaine de corps"): every death counts.
    if let Some(side) = count.attackers {
        for (j, o) in seen.iter().enumerate() {
            if j != k && o.2.attackers.is_some_and(|a| a != side) && o.2.value > 0 {
                count.value += o.2.value;
                count.vague |= o.2.vague;
                count.attackers = None;
                break;
            }
        }
    }
    Some(count)
}

/// The attackers named in the four words before a figure ("les
/// assaillants auraient laissé une dizaine de corps").
fn victims_before(ws: &[Word<'_>], at: usize) -> Option<bool> {
    ws[at.saturating_sub(4)..at]
        .iter()
        .rev()
        .find_map(|w| w.has(Kind::Attacker).then_some(true))
}

/// Whose deaths a figure counts, from the noun in the three words after it:
/// the attackers ("terroristes", "assailants", "jihadists") or the others
/// (soldiers, volunteers, civilians); `None` when no noun says.
fn victims_after(ws: &[Word<'_>], from: usize) -> Option<bool> {
    ws.iter().skip(from).take(3).find_map(|w| {
        if w.has(Kind::Attacker) {
            Some(true)
        } else if w.has(Kind::Victim) {
            Some(false)
        } else {
            None
        }
    })
}

fn no_deaths(ws: &[Word<'_>]) -> Option<Count> {
    // "sans faire de victimes", "without casualties" (data/lexicon).
    if lexicon().any(Kind::NoDeaths, ws) {
        return Some(Count {
            value: 0,
            vague: false,
            attackers: None,
        });
    }
    // "Aucune n'a été tuée", "none were killed".
    for (i, w) in ws.iter().enumerate() {
        if w.is_any(&["aucun", "aucune", "none", "personne"])
            && ws[i + 1..(i + 5).min(ws.len())]
                .iter()
                .any(|x| x.has(Kind::Death))
            && !ws[..i]
                .iter()
                .any(|x| number_word(&x.folded).is_some() && x.has(Kind::Death))
        {
            return Some(Count {
                value: 0,
                vague: false,
                attackers: None,
            });
        }
    }
    for pair in ws.windows(2) {
        let (a, b) = (pair[0].folded.as_ref(), pair[1].folded.as_ref());
        let zero = matches!(
            (a, b),
            (
                "no",
                "deaths" | "casualties" | "fatalities" | "victims" | "one"
            ) | ("aucun", "mort" | "deces")
                | ("aucune", "victime" | "perte")
                | ("nobody", "was")
        );
        if zero {
            // "no one was killed" needs the killing word; "no casualties" stands alone.
            if b == "one" || a == "nobody" {
                if ws.iter().any(|w| w.has(Kind::Death) || w.is("hurt")) {
                    return Some(Count {
                        value: 0,
                        vague: false,
                        attackers: None,
                    });
                }
                continue;
            }
            return Some(Count {
                value: 0,
                vague: false,
                attackers: None,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Option<u32> {
        fatalities(s).map(|c| c.value)
    }

    #[test]
    fn digits_and_number_words_next_to_killing_are_tolls() {
        assert_eq!(n("Gunmen killed 40 soldiers at the post."), Some(40));
        assert_eq!(n("Forty soldiers were killed."), Some(40));
        assert_eq!(n("Twenty-one villagers died in the fire."), Some(21));
        assert_eq!(n("quarante militaires ont été tués"), Some(40));
        assert_eq!(n("une soixantaine de soldats tués"), Some(60));
        assert_eq!(n("at least 12 people were killed"), Some(12));
        assert_eq!(n("more than 30 civilians lost their lives"), Some(30));
        assert_eq!(n("between 10-15 herders were killed"), Some(10));
        assert_eq!(n("between 5 and 7 gendarmes dead"), Some(5));
        assert_eq!(n("affirmant avoir tué entre 10 et 15 soldats"), Some(10));
    }

    #[test]
    fn a_part_of_a_toll_is_not_the_toll() {
        assert_eq!(
            n("Au moins six civils, dont deux enfants, ont été tués mercredi"),
            Some(6)
        );
        assert_eq!(
            n("killing at least 30 people, including 18 soldiers"),
            Some(30)
        );
    }

    #[test]
    fn tolls_joined_by_and_add_up() {
        assert_eq!(n("douze soldats et quatre VDP ont perdu la vie"), Some(16));
        assert_eq!(n("killing 9 soldiers and 3 volunteers"), Some(12));
        assert_eq!(n("killing 5 and wounding 12 others"), Some(5));
    }

    #[test]
    fn vague_plurals_are_coded_low_and_marked() {
        assert_eq!(
            fatalities("dozens of soldiers and civilians were killed"),
            Some(Count {
                value: 12,
                vague: true,
                attackers: Some(false),
            })
        );
        assert_eq!(n("tens of villagers were killed"), Some(10));
        assert_eq!(n("scores of people were killed"), Some(20));
        assert_eq!(n("des dizaines de civils ont été tués"), Some(10));
        assert_eq!(n("several traders were killed"), Some(3));
    }

    #[test]
    fn explicit_absence_of_deaths_is_zero() {
        assert_eq!(n("The blast caused no casualties."), Some(0));
        assert_eq!(n("no one was killed, officials said"), Some(0));
        assert_eq!(n("Aucune n'a été tuée, selon des proches."), Some(0));
    }

    #[test]
    fn wounded_distances_forces_and_years_are_not_tolls() {
        assert_eq!(n("12 people were wounded in the attack"), None);
        assert_eq!(n("more than 1,000 fighters attacked the barracks"), None);
        assert_eq!(
            n("the ambush 15 km from town killed nobody we know of"),
            None
        );
        assert_eq!(n("the 2024 attack killed civilians"), None);
        assert_eq!(n("killing 5 and wounding 12 others"), Some(5));
        assert_eq!(
            n("on 14 November 2024, killing at least 12 soldiers"),
            Some(12)
        );
    }
}
