//! Invented rows in ACLED's CSV layout, generated so that every value
//! survives a round trip byte for byte (coordinates without trailing zeros,
//! ISO dates), and every point lies inside its own country.

/// ACLED's header row.
pub const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

/// Row `i` of a generated file, with its trailing newline.
pub fn row(i: usize) -> String {
    let (iso, country, admin1, lat0, lon0) = match i % 3 {
        0 => ("854", "Burkina Faso", "Sahel", 12, -2),
        1 => ("466", "Mali", "Mopti", 14, -4),
        _ => ("562", "Niger", "Tillaberi", 14, 1),
    };
    let frac = |k: usize| (k % 1000) * 10 + 1;
    let event = match i % 4 {
        0 => ("Battles", "Armed clash", ""),
        1 => ("Violence against civilians", "Attack", "Civilian targeting"),
        2 => (
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
            "",
        ),
        _ => ("Strategic developments", "Looting/property destruction", ""),
    };
    format!(
        "TST{i},2024-{month:02}-{day:02},2024,{tp},Political violence,{etype},{sub},Armed group {a},,2,Civilians ({country}),,7,27,{civ},{iso},Western Africa,{country},{admin1},District {d},,Village {i},{lat0}.{lat:04},{lon0}.{lon:04},{gp},Invented source {s},National,\"Generated row {i}, for tests.\",{fat},,17000{i:05}\n",
        month = i % 12 + 1,
        day = i % 28 + 1,
        tp = i % 3 + 1,
        etype = event.0,
        sub = event.1,
        civ = event.2,
        a = i % 17,
        d = i % 5,
        lat = frac(i * 37),
        lon = frac(i * 53),
        gp = i % 2 + 1,
        s = i % 9,
        fat = i % 13,
    )
}

/// A whole file of `n` rows.
pub fn csv(n: usize) -> String {
    let mut out = String::with_capacity(HEADER.len() + 1 + n * 330);
    out.push_str(HEADER);
    out.push('\n');
    for i in 0..n {
        out.push_str(&row(i));
    }
    out
}
