//! Resolving mentions to places: each mention is looked up in the gazetteer
//! by its role (a unit, a town, a district's town, a site qualified by a
//! larger place), kept only in a country the report points to unless the
//! place is notable, and the sentence's places are ordered best first.
//!
//! Separate from finding mentions because it is where the gazetteer's
//! doubts (namesakes, near misses, units named after their seat) are
//! settled.

use crate::extract::words::fold_word;
use crate::gazetteer::{Gazetteer, PlaceQuery};
use crate::model::{GeoPrecision, Place, distance_km};

use super::context::{COUNTRY_IDS, Context};
use super::vocabulary::is_admin_nouns;
use super::{Mention, Resolved, Role, SentencePlaces};

/// Looks every mention up and orders the results best first.
pub fn resolve(mentions: &[Mention], ctx: &Context, gazetteer: &Gazetteer) -> SentencePlaces {
    let mut result = SentencePlaces::default();
    // Admin units named in the sentence guide the other lookups.
    let mut hints: Vec<(String, (f64, f64))> = Vec::new();
    let mut unit_country: Option<String> = None;
    for m in mentions.iter().filter(|m| m.role == Role::Admin) {
        if let Some(p) = lookup_unit_or_town(&m.written, &m.unit, ctx.country, gazetteer)
            .filter(|p| ctx.allows(&p.country_code) || is_notable(p))
        {
            hints.push((m.written.clone(), (p.latitude, p.longitude)));
            if p.feature_class == "A" && unit_country.is_none() {
                unit_country = Some(p.country_code.clone());
            }
        }
    }
    // "Torodi (Tillabéri region)" in a report mostly about Burkina Faso:
    // the unit beside the name says which country's Torodi.
    let unit_ctx = unit_country
        .as_deref()
        .filter(|cc| Some(*cc) != ctx.country)
        .and_then(|cc| COUNTRY_IDS.iter().map(|(c, _)| *c).find(|c| *c == cc))
        .map(|cc| Context {
            country: Some(cc),
            ..ctx.clone()
        });
    let ctx = unit_ctx.as_ref().unwrap_or(ctx);
    for m in mentions {
        let found = resolve_one(m, ctx, &hints, gazetteer)
            .filter(|r| ctx.allows(&r.place.country_code) || is_notable(&r.place));
        if let Some(r) = found {
            if !result
                .resolved
                .iter()
                .any(|x| x.place.geonameid == r.place.geonameid)
            {
                result.resolved.push(r);
            }
        } else if matches!(m.role, Role::Site | Role::District) {
            result.unresolved.push(m.written.clone());
        }
    }
    let rank = |r: &Resolved| match (r.role, r.precision) {
        (Role::Site, GeoPrecision::Exact) => 0,
        (Role::Site, _) => 1,
        (Role::District, _) => 2,
        // A department coded near its seat is as fine as a district.
        (Role::Admin, GeoPrecision::Near) => 2,
        (Role::Passing, GeoPrecision::Exact) => 3,
        // "15 km north of Torodi (Tillabéri region)": near the town beats
        // the whole region.
        (Role::Reference, _) => 4,
        (Role::Admin, _) => 5,
        (Role::Passing, _) => 6,
        (Role::Capital, _) => 7,
    };
    result.resolved.sort_by_key(rank);
    // "near Karimama, some 50 km upstream from Malanville" in a report on
    // Benin: a name found only in another country gives way to the places
    // the sentence names in the report's own.
    if let Some(main) = ctx.country
        && result
            .resolved
            .iter()
            .any(|r| r.place.country_code == main && r.role != Role::Capital)
    {
        let (keep, abroad): (Vec<Resolved>, Vec<Resolved>) = result
            .resolved
            .into_iter()
            .partition(|r| r.place.country_code == main || is_notable(&r.place));
        result.unresolved.extend(
            abroad
                .into_iter()
                .filter(|r| r.role == Role::Site)
                .map(|r| r.written),
        );
        result.resolved = keep;
    }
    // A site the gazetteer lacks, in a unit it knows ("the village of
    // Nadjoundi in Kpendjal prefecture"): the unit stands in, and says for
    // whom, so the analyst sees the fallback.
    if let Some(missing) = result.unresolved.first()
        && let Some(unit) = result
            .resolved
            .iter_mut()
            .find(|r| r.role == Role::Admin && r.detail.is_none())
    {
        unit.detail = Some(missing.clone());
    }
    let admin_written = mentions
        .iter()
        .find(|m| m.role == Role::Admin)
        .map(|m| format!("{} {}", m.written, m.unit).trim().to_string());
    for r in &mut result.resolved {
        if r.context.is_none() {
            r.context.clone_from(&admin_written);
        }
    }
    result
}

/// An admin mention ("Loroum province", "région du Sahel"): the unit first,
/// asked for with the unit word the report used; a town of that name only
/// when no unit has it.
/// The lookups lend the gazetteer's place; only what a mention resolves to
/// is cloned (a place carries all its alternate names).
pub(super) fn lookup_unit_or_town<'g>(
    name: &str,
    unit: &str,
    country: Option<&str>,
    gazetteer: &'g Gazetteer,
) -> Option<&'g Place> {
    let asked = if unit.is_empty() {
        name.to_string()
    } else {
        format!("{name} {unit}")
    };
    if let Some(c) = gazetteer.rank_admin(&asked, country).first() {
        return Some(c.place);
    }
    // "le département de l'Atacora": Benin's departments are its
    // first-order units, which the unit word alone would not look for.
    if !unit.is_empty()
        && let Some(c) = gazetteer.rank_admin(name, country).first()
    {
        return Some(c.place);
    }
    lookup_town(name, country, gazetteer)
}

/// A qualifier ("Wuriyanga, Djibo"): a bare name beside a place is the town
/// (Djibo the town, not the department of the same name); a name written
/// with its unit word ("Yagha province") is the unit.
fn lookup_town_or_unit<'g>(
    name: &str,
    country: Option<&str>,
    gazetteer: &'g Gazetteer,
) -> Option<&'g Place> {
    let last = name.rsplit(' ').next().map(fold_word).unwrap_or_default();
    if is_admin_nouns(&last) {
        let bare = name.rsplit_once(' ').map_or(name, |(b, _)| b);
        return lookup_unit_or_town(bare, &last, country, gazetteer);
    }
    lookup_town(name, country, gazetteer)
        .or_else(|| gazetteer.rank_admin(name, country).first().map(|c| c.place))
}

/// The best populated place of that name.
fn lookup_town<'g>(
    name: &str,
    country: Option<&str>,
    gazetteer: &'g Gazetteer,
) -> Option<&'g Place> {
    let q = PlaceQuery {
        name,
        country,
        admin_hint: None,
        near: Vec::new(),
    };
    gazetteer
        .rank(&q)
        .into_iter()
        .map(|c| c.place)
        .find(|p| p.feature_class == "P")
}

fn precision_of(place: &Place, wanted: GeoPrecision) -> GeoPrecision {
    if place.feature_class == "A" {
        GeoPrecision::Region
    } else {
        wanted
    }
}

fn resolve_one(
    m: &Mention,
    ctx: &Context,
    hints: &[(String, (f64, f64))],
    gazetteer: &Gazetteer,
) -> Option<Resolved> {
    let make = |place: Place, precision: GeoPrecision, detail: Option<String>| Resolved {
        precision: precision_of(&place, precision),
        place,
        role: m.role,
        written: m.written.clone(),
        detail,
        context: m.context.clone(),
    };
    match m.role {
        Role::Admin => {
            let p = lookup_unit_or_town(&m.written, &m.unit, ctx.country, gazetteer)?;
            // A department or province named after its seat ("le
            // département de Tillia"): near the seat, as ACLED codes it,
            // rather than only the unit.
            // Burkina Faso's provinces (ADM2) carry the names of rivers and
            // old kingdoms (Tapoa, seat Diapaga); its departments, and the
            // neighbours' departments, cercles and communes, their seat's.
            let named_after_seat = match p.feature_code.as_str() {
                "ADM3" => true,
                "ADM2" => p.country_code != "BF",
                _ => false,
            };
            if named_after_seat && let Some(seat) = seat_of(p, gazetteer) {
                return Some(make(seat.clone(), GeoPrecision::Near, None));
            }
            return Some(make(p.clone(), GeoPrecision::Region, None));
        }
        Role::District => {
            if let Some(p) = lookup_place(&m.written, ctx, None, &[], gazetteer) {
                return Some(make(p.clone(), GeoPrecision::Near, None));
            }
            let p = gazetteer.rank_admin(&m.written, ctx.country).first()?.place;
            return Some(make(p.clone(), GeoPrecision::Region, None));
        }
        _ => {}
    }
    let wanted = match m.role {
        Role::Reference => GeoPrecision::Near,
        _ if m.near => GeoPrecision::Near,
        _ => GeoPrecision::Exact,
    };
    let mut near: Vec<(f64, f64)> = hints.iter().map(|h| h.1).collect();
    let admin_hint = m
        .qualifier
        .clone()
        .or_else(|| hints.first().map(|h| h.0.clone()));
    let qual_place = m
        .qualifier
        .as_deref()
        .and_then(|q| lookup_town_or_unit(q, ctx.country, gazetteer));
    if let Some(q) = &qual_place {
        near.push((q.latitude, q.longitude));
    }
    if let Some(p) = lookup_place(&m.written, ctx, admin_hint.as_deref(), &near, gazetteer) {
        return Some(make(p.clone(), wanted, None));
    }
    // "Kalamba, Kaya": the village is unknown, the town it is near is not.
    let q = qual_place?;
    Some(Resolved {
        precision: precision_of(q, GeoPrecision::Near),
        place: q.clone(),
        role: m.role,
        written: m.qualifier.clone().unwrap_or_default(),
        detail: Some(m.written.clone()),
        context: None,
    })
}

fn lookup_place<'g>(
    name: &str,
    ctx: &Context,
    admin_hint: Option<&str>,
    near: &[(f64, f64)],
    gazetteer: &'g Gazetteer,
) -> Option<&'g Place> {
    let q = PlaceQuery {
        name,
        country: ctx.country,
        admin_hint,
        near: near.to_vec(),
    };
    // Ranked without reasons: only the places are read here.
    let found = gazetteer.rank(&q);
    // A name one or two letters off is trusted only close to a place the
    // sentence names: "Kalamba, Kaya" must not become a Kalomba 90 km away.
    let usable = |c: &crate::gazetteer::Ranked<'_>| {
        matches!(c.place.feature_class.as_str(), "P" | "A")
            && (!c.guessed
                || near.iter().any(|&(lat, lon)| {
                    distance_km(lat, lon, c.place.latitude, c.place.longitude) < 40.0
                }))
    };
    if let Some(c) = found
        .iter()
        .find(|c| usable(c) && ctx.allows(&c.place.country_code))
    {
        return Some(c.place);
    }
    // Outside the countries the report points to, only a town that stands
    // for itself (a seat, a large town), never a village's namesake: a
    // Malian village absent from the gazetteer must not become the
    // Burkina hamlet of the same name.
    let abroad = if ctx.country.is_some() {
        gazetteer.rank(&PlaceQuery { country: None, ..q })
    } else {
        found
    };
    abroad
        .into_iter()
        .find(|c| usable(c) && is_notable(c.place))
        .map(|c| c.place)
}

/// The town a second- or third-order unit is named after: a populated
/// place of the unit's bare name in the same country, within 40 km of the
/// unit's point.
fn seat_of<'g>(unit: &Place, gazetteer: &'g Gazetteer) -> Option<&'g Place> {
    let bare = crate::gazetteer::display_bare_name(&unit.name);
    let q = PlaceQuery {
        name: bare,
        country: Some(&unit.country_code),
        admin_hint: None,
        near: vec![(unit.latitude, unit.longitude)],
    };
    gazetteer.rank(&q).into_iter().map(|c| c.place).find(|p| {
        p.feature_class == "P"
            && p.country_code == unit.country_code
            && fold_word(&p.name) == fold_word(bare)
            && distance_km(p.latitude, p.longitude, unit.latitude, unit.longitude) < 40.0
    })
}

/// A place that names itself beyond doubt: a region, a seat of government,
/// a town of 10,000 or more, in Burkina Faso, Mali, Niger, Togo or Benin. A village that merely shares its department's
/// name (Kona, Burkina Faso) is not: its namesake abroad may be meant.
fn is_notable(place: &Place) -> bool {
    // Only in the five countries the atlas covers: a Nigerian or Chadian
    // town of the same name is never what a Sahel report meant.
    if !COUNTRY_IDS.iter().any(|(cc, _)| *cc == place.country_code) {
        return false;
    }
    if place.feature_class == "A" {
        return place.feature_code == "ADM1";
    }
    place.feature_code.starts_with("PPLA")
        || place.feature_code == "PPLC"
        || place.population >= 10_000
}
