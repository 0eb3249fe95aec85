//! Finishing a draft into an incident: its date (the publication's week
//! when the report gives none), its place (or the unit or country standing
//! in for a village the gazetteer lacks), its two sides, event type, notes
//! and confidence.
//!
//! The grammar's sides are decided here, once all sentences of the incident
//! are in, because a later sentence may name the group that acted.

use chrono::NaiveDate;

use crate::extract::actors::{ActorKind, Role as Side, actor_name};
use crate::extract::event_type::{Sides, classify};
use crate::gazetteer::Gazetteer;
use crate::model::{EventType, GeoPrecision, IncidentData, TimePrecision, distance_km};

use super::Resolved;
use super::draft::Draft;
use super::notes::{NoteParts, notes};

pub(super) fn finish(
    d: Draft,
    publication: Option<NaiveDate>,
    dominant: Option<ActorKind>,
    gazetteer: &Gazetteer,
) -> Result<IncidentData, String> {
    let (event_date, time_precision) = match (d.date, publication) {
        (Some((day, precision)), _) => (day, precision),
        (None, Some(p)) => (p, TimePrecision::Week),
        (None, None) => {
            return Err(
                "an incident was found but neither the report nor the caller gives a date"
                    .to_string(),
            );
        }
    };
    // A village the gazetteer lacks: its unit or country stands in, at
    // region precision, and the notes keep the village's name.
    let nearby = d
        .nearby
        .as_deref()
        .filter(|_| d.unresolved.is_empty() && d.date.is_some())
        .cloned();
    let place = d.place.or(nearby).or_else(|| {
        let village = d.unresolved.first()?;
        let mut unit = d.fallback.as_deref()?.clone();
        unit.precision = GeoPrecision::Region;
        unit.detail = Some(village.clone());
        Some(unit)
    });
    let Some(place) = place else {
        let names = if d.unresolved.is_empty() {
            "no place named".to_string()
        } else {
            format!("{} is not in the gazetteer", d.unresolved.join(", "))
        };
        return Err(format!(
            "an incident on {event_date} was not placed ({names}); add the place to the gazetteer and ingest again"
        ));
    };
    let location = gazetteer.location(&place.place, place.precision);

    let kinds: Vec<ActorKind> = d.actors.iter().map(|a| a.kind).collect();
    let mut groups: Vec<ActorKind> = Vec::new();
    // Armed groups that acted first, then the claimant, then named groups,
    // then "gunmen".
    for k in d
        .actors
        .iter()
        .filter(|a| a.role == Side::Agent && a.kind.is_armed_group())
        .map(|a| a.kind)
        .chain(d.claimant)
        .chain(kinds.iter().copied().filter(|k| k.is_named_group()))
        .chain(
            kinds
                .iter()
                .copied()
                .filter(|k| *k == ActorKind::UnnamedGroup),
        )
    {
        let covered = k == ActorKind::UnnamedGroup && groups.iter().any(|g| g.is_named_group());
        if !groups.contains(&k) && !covered {
            groups.push(k);
        }
    }
    if groups.first() == Some(&ActorKind::UnnamedGroup) && groups.iter().any(|g| g.is_named_group())
    {
        groups.retain(|g| *g != ActorKind::UnnamedGroup);
    }
    // Generic "fighters" in a report about one named group are that group,
    // unless the report calls them unidentified.
    let generic_only = groups.iter().all(|g| *g == ActorKind::UnnamedGroup) && !d.unidentified;
    let inferred = generic_only && dominant.is_some();
    if generic_only && let Some(g) = dominant {
        groups.retain(|g| *g != ActorKind::UnnamedGroup);
        groups.insert(0, g);
    }
    let has = |k: ActorKind| kinds.contains(&k);
    let sides = Sides {
        armed_groups: groups.len(),
        state_forces: kinds.iter().any(|k| k.is_state_side()),
        // Civilians quoted as witnesses ("residents said") are not victims.
        civilians: d.actors.iter().any(|a| {
            a.kind == ActorKind::Civilians
                && (a.role == Side::Patient
                    || (a.role == Side::Unknown
                        && (d.killing || d.cues.abduction || d.fatalities.is_some())))
        }),
        killing: d.killing || d.fatalities.is_some_and(|c| c.value > 0),
    };
    let (event_type, sub) = classify(&d.cues, &sides);
    let crowd = match event_type {
        EventType::Protests => Some("Protesters"),
        EventType::Riots => Some("Rioters"),
        _ => None,
    };
    let country_of = |k: ActorKind| {
        d.actors
            .iter()
            .filter(|a| a.kind == k)
            .find_map(|a| a.country)
    };
    // Grammar decides who acted: the first agent that is not a civilian.
    // A named group that acts in any sentence of the incident beats soldiers
    // a headline makes the subject ("Soldiers and VDP ambushed near
    // Arbinda" over "ISSP fighters ambushed a convoy").
    let agent = d
        .actors
        .iter()
        .find(|a| a.role == Side::Agent && a.kind.is_named_group())
        .or_else(|| {
            d.actors
                .iter()
                .find(|a| a.role == Side::Agent && a.kind != ActorKind::Civilians)
        });
    // A vehicle of soldiers that "hit an IED" is the target, not the
    // attacker: the grammar's agent is struck by the explosion.
    let struck_by_device =
        event_type == EventType::ExplosionsRemoteViolence && sub == "Remote explosive/landmine/IED";
    // Only states fly over the Sahel: an air or drone strike is the army's
    // unless the report names the group that flew it.
    let from_the_air = sub == "Air/drone strike" && !agent.is_some_and(|a| a.kind.is_named_group());
    // An army that says it repelled an attack on its post was attacked:
    // the other side is actor 1, whoever the grammar makes the subject.
    let attacked_post = (d.cues.defended || d.cues.military_site)
        && !from_the_air
        && agent.is_some_and(|a| a.kind.is_state_side());
    // Arrests are made by the state, of people ACLED counts as civilians.
    let arresting = (sub == "Arrests")
        .then(|| {
            [ActorKind::Police, ActorKind::Military]
                .into_iter()
                .find(|k| kinds.contains(k))
        })
        .flatten();
    let actor1_kind = match (agent, arresting) {
        _ if from_the_air => ActorKind::Military,
        (_, Some(state)) => state,
        (Some(_), None) if attacked_post => {
            groups.first().copied().unwrap_or(ActorKind::UnnamedGroup)
        }
        (Some(a), None) if a.kind.is_state_side() && !struck_by_device => a.kind,
        _ => groups.first().copied().unwrap_or(ActorKind::UnnamedGroup),
    };
    let same_side = |k: ActorKind| {
        k == actor1_kind
            || (k.is_armed_group()
                && actor1_kind.is_armed_group()
                && (k == ActorKind::UnnamedGroup || actor1_kind == ActorKind::UnnamedGroup))
            || (k.is_state_side() && actor1_kind.is_state_side())
    };
    let patient = d
        .actors
        .iter()
        .find(|a| a.role == Side::Patient && !same_side(a.kind));
    let actor2_kind = match patient {
        // Police that broke up a protest are its second side.
        _ if crowd.is_some() => matches!(
            sub,
            "Protest with intervention" | "Excessive force against protesters"
        )
        .then(|| {
            [ActorKind::Police, ActorKind::Military]
                .into_iter()
                .find(|k| has(*k))
        })
        .flatten(),
        _ if attacked_post => agent.map(|a| a.kind),
        _ if arresting.is_some() => Some(ActorKind::Civilians),
        Some(p) if p.kind == ActorKind::UnnamedGroup => {
            Some(groups.first().copied().unwrap_or(ActorKind::UnnamedGroup))
        }
        Some(p) => Some(p.kind),
        None if actor1_kind.is_state_side() => groups.first().copied(),
        None => {
            if let Some(g) = groups.get(1) {
                Some(*g)
            } else {
                let state = [ActorKind::Military, ActorKind::Police, ActorKind::Vdp]
                    .into_iter()
                    .find(|k| has(*k));
                match event_type {
                    EventType::Battles | EventType::ExplosionsRemoteViolence if state.is_some() => {
                        state
                    }
                    // Shells on a camp or a base are aimed at its garrison.
                    EventType::ExplosionsRemoteViolence if d.cues.military_site => {
                        Some(ActorKind::Military)
                    }
                    EventType::Battles if has(ActorKind::Civilians) => Some(ActorKind::Civilians),
                    EventType::ViolenceAgainstCivilians | EventType::ExplosionsRemoteViolence => {
                        Some(ActorKind::Civilians)
                    }
                    // Shops, granaries and schools looted or burned are
                    // the villagers' (ACLED codes them as the target).
                    EventType::StrategicDevelopments if sub == "Looting/property destruction" => {
                        Some(ActorKind::Civilians)
                    }
                    _ => None,
                }
            }
        }
    };
    let name = |k: ActorKind| match country_of(k)
        .and_then(|cc| Gazetteer::country_name(cc).map(|n| (cc, n)))
    {
        Some((cc, n)) if matches!(k, ActorKind::Military | ActorKind::Police) => {
            actor_name(k, n, cc, event_date)
        }
        _ => actor_name(k, &location.country, &location.country_code, event_date),
    };
    let actor1 = match crowd {
        Some(c) => format!("{c} ({})", location.country),
        None => name(actor1_kind),
    };
    let actor2 = actor2_kind.map(name).unwrap_or_default();
    let claimant = d.claimant.map(|k| short(k, &name(k)));

    let notes = notes(&NoteParts {
        date: event_date,
        precision: time_precision,
        actor1: if crowd.is_some() {
            actor1.clone()
        } else {
            short(actor1_kind, &actor1)
        },
        actor2: actor2_kind.map(|k| short(k, &actor2)),
        event_type,
        military_site: d.cues.military_site,
        place: &place,
        location_name: &location.name,
        fatalities: d.fatalities,
        claimed: d.claimed,
        looted: d.cues.looting,
        burned: d.cues.burning,
        weapons: &d.weapons,
        inferred,
        claimant,
    });
    let (confidence, confidence_reasons) =
        crate::extract::confidence::assess(&crate::extract::confidence::Signals {
            namesakes: namesakes(&place, gazetteer),
            place_absent: place.detail.is_some()
                || (!d.unresolved.is_empty() && place.precision == GeoPrecision::Region),
            date_from_publication: d.date.is_none(),
            actor_unnamed: actor1.starts_with("Unidentified Armed Group"),
            toll_vague: d.fatalities.is_some_and(|c| c.vague),
            toll_claimed: d.claimed && d.fatalities.is_some(),
            date_from_weekday: d.weekday_date,
            date_from_other_sentence: d.inherited_date,
        });
    Ok(IncidentData {
        event_date,
        time_precision,
        event_type,
        sub_event_type: sub.to_string(),
        actor1,
        actor2,
        fatalities: d.fatalities.map(|c| c.value),
        location,
        notes,
        evidence: d.evidence,
        weapons: d.weapons,
        confidence,
        confidence_reasons,
    })
}

/// Other populated places of the same name more than 25 km from the one
/// chosen: the namesakes an analyst may want to rule out.
fn namesakes(place: &Resolved, gazetteer: &Gazetteer) -> usize {
    if place.precision == GeoPrecision::Region || place.detail.is_some() {
        return 0;
    }
    let q = crate::gazetteer::PlaceQuery {
        name: &place.written,
        country: None,
        admin_hint: None,
        near: Vec::new(),
    };
    gazetteer
        .rank(&q)
        .iter()
        .filter(|c| {
            !c.guessed
                && c.place.feature_class == "P"
                && c.place.geonameid != place.place.geonameid
                && distance_km(
                    c.place.latitude,
                    c.place.longitude,
                    place.place.latitude,
                    place.place.longitude,
                ) > 25.0
        })
        .count()
}

/// The name an analyst uses in prose.
fn short(kind: ActorKind, full: &str) -> String {
    match kind {
        ActorKind::Jnim => "JNIM".to_string(),
        ActorKind::Vdp => "VDP".to_string(),
        ActorKind::Military => "soldiers".to_string(),
        ActorKind::Civilians => "civilians".to_string(),
        ActorKind::Police => "police".to_string(),
        ActorKind::Wagner => "Wagner".to_string(),
        _ => full.to_string(),
    }
}
