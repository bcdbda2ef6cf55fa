//! The simulated world: who the customers are, where they go, and how they feel about it.
//!
//! Each customer is simulated start to finish before the next one: a persona and a region,
//! a hidden "mood" that both pushes them further down the funnel and makes them happier,
//! then a walk through the five stages with persona-driven touchpoint choices. The
//! relationships are deliberate so the app's views have something true to find:
//! converters are happier, the call centre and (in the East) delivery hurt, the mobile app
//! got better after its mid-year relaunch, and NPS follows satisfaction.

use super::comments::{Comment, COMMENTS_BAD, COMMENTS_GOOD, COMMENTS_OK};
use super::rng::Rng;

/// 2025-01-01T00:00:00 in seconds since the epoch: the simulated year starts here.
pub const YEAR_START: i64 = 1_735_689_600;
/// Events after 2025-12-31T23:59:59 are not observed yet, so a late journey is cut short.
pub const YEAR_END: i64 = YEAR_START + 365 * 86_400 - 1;
/// The mobile app relaunch (2025-06-01) that lifts its satisfaction.
const APP_RELAUNCH: i64 = YEAR_START + 151 * 86_400;

const MINUTE: i64 = 60;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

/// Funnel stages in order; the index is the stage code used everywhere below.
pub const STAGES: [&str; 5] = [
    "awareness",
    "consideration",
    "purchase",
    "retention",
    "advocacy",
];
pub const STAGES_CA: [&str; 5] = [
    "coneixement",
    "consideració",
    "compra",
    "fidelització",
    "recomanació",
];
pub const STAGES_ES: [&str; 5] = [
    "descubrimiento",
    "consideración",
    "compra",
    "fidelización",
    "recomendación",
];
pub const STAGES_PL: [&str; 5] = [
    "świadomość",
    "rozważanie",
    "zakup",
    "lojalność",
    "rekomendacja",
];
const CONSIDERATION: usize = 1;
const PURCHASE: usize = 2;
const RETENTION: usize = 3;

/// P(reaching stage k+1 | reached stage k) giving ≈100 → 65 → 35 → 20 → 8 %.
const STEP_PROB: [f64; 4] = [0.65, 0.35 / 0.65, 0.20 / 0.35, 0.08 / 0.20];

pub const JOURNEYS: [&str; 2] = ["purchase", "support"];
const J_PURCHASE: u8 = 0;
const J_SUPPORT: u8 = 1;

pub const CHANNELS: [&str; 4] = ["online", "store", "phone", "social"];
pub const CHANNELS_CA: [&str; 4] = ["en línia", "botiga", "telèfon", "xarxes socials"];
pub const CHANNELS_ES: [&str; 4] = ["en línea", "tienda", "teléfono", "redes sociales"];
pub const CHANNELS_PL: [&str; 4] = ["online", "sklep", "telefon", "media społecznościowe"];
const ONLINE: u8 = 0;
const STORE: u8 = 1;
const PHONE: u8 = 2;
const SOCIAL: u8 = 3;

pub const TOUCHPOINTS: [&str; 10] = [
    "Website",
    "Mobile app",
    "Email",
    "Social ads",
    "Store visit",
    "Call centre",
    "Live chat",
    "Checkout",
    "Delivery",
    "Support portal",
];
pub const TOUCHPOINTS_CA: [&str; 10] = [
    "Web",
    "App mòbil",
    "Correu electrònic",
    "Anuncis a xarxes",
    "Visita a botiga",
    "Centre de trucades",
    "Xat en directe",
    "Pagament",
    "Lliurament",
    "Portal de suport",
];
pub const TOUCHPOINTS_ES: [&str; 10] = [
    "Web",
    "App móvil",
    "Correo electrónico",
    "Anuncios en redes",
    "Visita a tienda",
    "Centro de llamadas",
    "Chat en directo",
    "Pago",
    "Entrega",
    "Portal de soporte",
];
pub const TOUCHPOINTS_PL: [&str; 10] = [
    "Strona WWW",
    "Aplikacja mobilna",
    "E-mail",
    "Reklamy w social media",
    "Wizyta w sklepie",
    "Infolinia",
    "Czat na żywo",
    "Płatność",
    "Dostawa",
    "Portal obsługi klienta",
];
const WEBSITE: u8 = 0;
const MOBILE_APP: u8 = 1;
const EMAIL: u8 = 2;
const SOCIAL_ADS: u8 = 3;
const STORE_VISIT: u8 = 4;
const CALL_CENTRE: u8 = 5;
const LIVE_CHAT: u8 = 6;
const CHECKOUT: u8 = 7;
const DELIVERY: u8 = 8;
const SUPPORT_PORTAL: u8 = 9;

/// Channel of each touchpoint, same order as [`TOUCHPOINTS`].
const TOUCHPOINT_CHANNEL: [u8; 10] = [
    ONLINE, ONLINE, ONLINE, SOCIAL, STORE, PHONE, ONLINE, ONLINE, ONLINE, ONLINE,
];

/// How a touchpoint shifts satisfaction (before the time- and region-specific effects).
const TOUCHPOINT_MOOD: [f64; 10] = [0.0, 0.0, 0.0, -0.1, 0.3, -0.6, 0.1, -0.2, -0.3, -0.3];

pub const REGIONS: [&str; 4] = ["North", "South", "East", "West"];
const REGION_WEIGHT: [f64; 4] = [0.30, 0.25, 0.20, 0.25];
const EAST: u8 = 2;

struct Persona {
    name: &'static str,
    name_ca: &'static str,
    weight: f64,
    satisfaction: f64,
    conversion: f64,
    /// Basket size range in cents.
    basket: (u32, u32),
    /// Preference for each channel, same order as [`CHANNELS`].
    channels: [f64; 4],
}

const PERSONAS: [Persona; 4] = [
    Persona {
        name: "Bargain hunter",
        name_ca: "Caçador d'ofertes",
        weight: 0.30,
        satisfaction: 3.2,
        conversion: 0.9,
        basket: (2_000, 9_000),
        channels: [0.50, 0.15, 0.05, 0.30],
    },
    Persona {
        name: "Loyal regular",
        name_ca: "Client fidel",
        weight: 0.20,
        satisfaction: 3.9,
        conversion: 1.25,
        basket: (4_000, 22_000),
        channels: [0.35, 0.50, 0.10, 0.05],
    },
    Persona {
        name: "Busy professional",
        name_ca: "Professional enfeinat",
        weight: 0.30,
        satisfaction: 3.4,
        conversion: 1.0,
        basket: (6_000, 40_000),
        channels: [0.70, 0.10, 0.15, 0.05],
    },
    Persona {
        name: "First-time buyer",
        name_ca: "Comprador novell",
        weight: 0.20,
        satisfaction: 3.5,
        conversion: 0.8,
        basket: (2_000, 15_000),
        channels: [0.45, 0.15, 0.05, 0.35],
    },
];

/// Persona names in table order (for tests and documentation).
pub fn persona_names() -> [&'static str; 4] {
    [
        PERSONAS[0].name,
        PERSONAS[1].name,
        PERSONAS[2].name,
        PERSONAS[3].name,
    ]
}

/// Catalan persona names, same order as [`persona_names`].
pub fn persona_names_ca() -> [&'static str; 4] {
    [
        PERSONAS[0].name_ca,
        PERSONAS[1].name_ca,
        PERSONAS[2].name_ca,
        PERSONAS[3].name_ca,
    ]
}

/// Spanish persona names, same order as [`persona_names`].
pub const PERSONAS_ES: [&str; 4] = [
    "Cazador de ofertas",
    "Cliente fiel",
    "Profesional ocupado",
    "Comprador primerizo",
];
/// Polish persona names, same order as [`persona_names`].
pub const PERSONAS_PL: [&str; 4] = [
    "Łowca okazji",
    "Stały klient",
    "Zapracowany profesjonalista",
    "Nowy kupujący",
];

/// One generated event, as small codes into the tables above (cheap to make a million of).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GenEvent {
    /// Customer number; rendered as `C` + six digits.
    pub customer: u32,
    /// Seconds since the epoch, whole minutes.
    pub timestamp: i64,
    pub journey: u8,
    pub stage: u8,
    pub touchpoint: u8,
    pub persona: u8,
    pub region: u8,
    pub satisfaction: Option<u8>,
    pub effort: Option<u8>,
    pub nps: Option<u8>,
    pub revenue_cents: Option<u32>,
    pub comment: Option<Comment>,
}

impl GenEvent {
    pub fn journey_name(&self) -> &'static str {
        JOURNEYS[self.journey as usize]
    }
    pub fn stage_name(&self) -> &'static str {
        STAGES[self.stage as usize]
    }
    pub fn touchpoint_name(&self) -> &'static str {
        TOUCHPOINTS[self.touchpoint as usize]
    }
    pub fn channel_name(&self) -> &'static str {
        CHANNELS[TOUCHPOINT_CHANNEL[self.touchpoint as usize] as usize]
    }
    pub fn persona_name(&self) -> &'static str {
        PERSONAS[self.persona as usize].name
    }
    pub fn region_name(&self) -> &'static str {
        REGIONS[self.region as usize]
    }
    pub fn stage_name_ca(&self) -> &'static str {
        STAGES_CA[self.stage as usize]
    }
    pub fn touchpoint_name_ca(&self) -> &'static str {
        TOUCHPOINTS_CA[self.touchpoint as usize]
    }
    pub fn channel_name_ca(&self) -> &'static str {
        CHANNELS_CA[TOUCHPOINT_CHANNEL[self.touchpoint as usize] as usize]
    }
    pub fn persona_name_ca(&self) -> &'static str {
        PERSONAS[self.persona as usize].name_ca
    }
    /// Index into [`CHANNELS`] (and its translations) of the event's touchpoint's channel.
    pub fn channel_index(&self) -> usize {
        TOUCHPOINT_CHANNEL[self.touchpoint as usize] as usize
    }
}

/// Touchpoints a stage can use, with their base weight before channel preference.
fn stage_touchpoints(stage: usize) -> &'static [(u8, f64)] {
    match stage {
        0 => &[
            (SOCIAL_ADS, 5.0),
            (WEBSITE, 2.0),
            (EMAIL, 2.0),
            (STORE_VISIT, 2.5),
            (MOBILE_APP, 1.0),
        ],
        1 => &[
            (WEBSITE, 3.0),
            (MOBILE_APP, 2.0),
            (LIVE_CHAT, 1.0),
            (STORE_VISIT, 2.5),
            (EMAIL, 1.0),
            (CALL_CENTRE, 1.5),
        ],
        2 => &[
            (WEBSITE, 2.0),
            (MOBILE_APP, 1.5),
            (LIVE_CHAT, 0.5),
            (CHECKOUT, 1.0),
            (STORE_VISIT, 1.0),
        ],
        3 => &[
            (EMAIL, 2.0),
            (MOBILE_APP, 2.0),
            (CHECKOUT, 1.0),
            (STORE_VISIT, 1.0),
            (SUPPORT_PORTAL, 0.5),
        ],
        _ => &[
            (EMAIL, 1.0),
            (SOCIAL_ADS, 2.0),
            (WEBSITE, 1.5),
            (MOBILE_APP, 1.0),
        ],
    }
}

/// Where a purchase is completed.
const TRANSACTION_TOUCHPOINTS: [(u8, f64); 3] =
    [(CHECKOUT, 4.0), (STORE_VISIT, 3.0), (CALL_CENTRE, 1.5)];
const SUPPORT_TOUCHPOINTS: [(u8, f64); 4] = [
    (CALL_CENTRE, 4.0),
    (LIVE_CHAT, 2.0),
    (SUPPORT_PORTAL, 1.5),
    (EMAIL, 1.0),
];

/// Streams events customer after customer, stopping at exactly `rows`.
#[derive(Debug, Clone)]
pub struct Events {
    rng: Rng,
    remaining: usize,
    next_customer: u32,
    buf: Vec<GenEvent>,
    pos: usize,
}

impl Events {
    pub fn new(rows: usize, seed: u64) -> Events {
        Events {
            rng: Rng::new(seed),
            remaining: rows,
            next_customer: 1,
            buf: Vec::with_capacity(32),
            pos: 0,
        }
    }
}

impl Iterator for Events {
    type Item = GenEvent;

    fn next(&mut self) -> Option<GenEvent> {
        if self.remaining == 0 {
            return None;
        }
        if self.pos >= self.buf.len() {
            self.buf.clear();
            self.pos = 0;
            let id = self.next_customer;
            self.next_customer += 1;
            simulate_customer(&mut self.rng, id, &mut self.buf);
        }
        let e = self.buf[self.pos];
        self.pos += 1;
        self.remaining -= 1;
        Some(e)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

/// Everything fixed about one customer for the whole journey.
struct Customer {
    id: u32,
    persona: u8,
    region: u8,
    /// Customer-level satisfaction before touchpoint effects.
    base: f64,
    /// Furthest stage this customer will reach (if the year does not end first).
    furthest: usize,
}

/// Simulates one customer and appends their events, in time order, to `out`.
fn simulate_customer(rng: &mut Rng, id: u32, out: &mut Vec<GenEvent>) {
    let c = draw_customer(rng, id);
    let t = start_time(rng);
    let mut w = Walk { rng, c: &c, out, t };
    for stage in 0..=c.furthest {
        if stage > 0 {
            w.t += stage_gap(w.rng, stage);
        }
        if !w.stage(stage) {
            return;
        }
    }
}

/// Persona, region and mood, and from them how far the customer gets.
fn draw_customer(rng: &mut Rng, id: u32) -> Customer {
    let weights: [f64; 4] = [
        PERSONAS[0].weight,
        PERSONAS[1].weight,
        PERSONAS[2].weight,
        PERSONAS[3].weight,
    ];
    let persona = rng.pick_weighted(&weights);
    let region = rng.pick_weighted(&REGION_WEIGHT) as u8;
    let mood = rng.normal();
    let p = &PERSONAS[persona];

    let mut furthest = 0;
    for step in STEP_PROB {
        let prob = (step * p.conversion * (1.0 + 0.12 * mood)).clamp(0.02, 0.95);
        if !rng.chance(prob) {
            break;
        }
        furthest += 1;
    }
    // Converters are happier; those who gave up early less so.
    const OUTCOME: [f64; 5] = [-0.6, -0.3, 0.2, 0.4, 0.7];
    Customer {
        id,
        persona: persona as u8,
        region,
        base: p.satisfaction + 0.45 * mood + OUTCOME[furthest],
        furthest,
    }
}

/// Start any day of the first ~11 months, in waking hours (evenings busiest).
fn start_time(rng: &mut Rng) -> i64 {
    const HOUR_WEIGHT: [f64; 16] = [
        1.0, 2.0, 3.0, 3.0, 3.0, 4.0, 4.0, 3.0, 3.0, 3.0, 4.0, 5.0, 6.0, 6.0, 4.0, 2.0,
    ];
    let hour = 7 + rng.pick_weighted(&HOUR_WEIGHT) as i64;
    YEAR_START + rng.below(330) as i64 * DAY + hour * HOUR + rng.below(60) as i64 * MINUTE
}

/// Time from the last event of stage−1 to the first event of `stage`.
fn stage_gap(rng: &mut Rng, stage: usize) -> i64 {
    let u = rng.unit();
    let (min, spread) = match stage {
        1 => (HOUR, 14 * DAY),
        2 => (10 * MINUTE, 7 * DAY),
        3 => (DAY, 4 * DAY),
        _ => (2 * DAY, 20 * DAY),
    };
    round_minute(min + (u * u * spread as f64) as i64)
}

fn within_stage_gap(rng: &mut Rng, stage: usize) -> i64 {
    let u = rng.unit();
    if stage == RETENTION {
        // Repeat visits after a purchase are days to weeks apart.
        round_minute(DAY + (u * u * 30.0 * DAY as f64) as i64)
    } else {
        round_minute(3 * MINUTE + (u * u * 10.0 * HOUR as f64) as i64)
    }
}

fn round_minute(secs: i64) -> i64 {
    (secs / MINUTE).max(1) * MINUTE
}

/// The state of one customer's walk through the funnel.
struct Walk<'a> {
    rng: &'a mut Rng,
    c: &'a Customer,
    out: &'a mut Vec<GenEvent>,
    t: i64,
}

impl Walk<'_> {
    /// The events of one stage; false once the year is over.
    fn stage(&mut self, stage: usize) -> bool {
        let n = match stage {
            0 => self.rng.range(1, 3),
            1 => self.rng.range(1, 4),
            2 => self.rng.range(1, 2),
            3 => self.rng.range(1, 4),
            _ => self.rng.range(1, 2),
        } as usize;
        for k in 0..n {
            if k > 0 {
                self.t += within_stage_gap(self.rng, stage);
            }
            let tp = if stage == PURCHASE && k + 1 == n {
                // The last purchase-stage event is the transaction itself.
                self.pick_touchpoint(&TRANSACTION_TOUCHPOINTS)
            } else if stage == RETENTION && k == 0 {
                // Orders placed online or by phone are followed by a delivery.
                match self.out.last().map(|e| e.touchpoint) {
                    Some(STORE_VISIT) => self.pick_touchpoint(stage_touchpoints(stage)),
                    _ => DELIVERY,
                }
            } else {
                self.pick_touchpoint(stage_touchpoints(stage))
            };
            let pays = (stage == PURCHASE && k + 1 == n)
                || (stage == RETENTION && matches!(tp, CHECKOUT | STORE_VISIT));
            if !self.emit(J_PURCHASE, stage, tp, pays) {
                return false;
            }
            // A delivery problem or a question sometimes turns into a support episode.
            if ((stage == RETENTION && k == 0 && self.rng.chance(0.3))
                || (stage == CONSIDERATION
                    && k + 1 == n
                    && self.c.furthest == CONSIDERATION
                    && self.rng.chance(0.15)))
                && !self.support(stage)
            {
                return false;
            }
        }
        true
    }

    /// One to three support contacts, hours apart; false once the year is over.
    fn support(&mut self, stage: usize) -> bool {
        let m = self.rng.range(1, 3);
        for _ in 0..m {
            self.t += round_minute(
                10 * MINUTE + (self.rng.unit() * self.rng.unit() * 20.0 * HOUR as f64) as i64,
            );
            let tp = self.pick_touchpoint(&SUPPORT_TOUCHPOINTS);
            if !self.emit(J_SUPPORT, stage, tp, false) {
                return false;
            }
        }
        true
    }

    fn pick_touchpoint(&mut self, choices: &[(u8, f64)]) -> u8 {
        let prefs = &PERSONAS[self.c.persona as usize].channels;
        let mut weights = [0.0f64; 8];
        for (w, (tp, base)) in weights.iter_mut().zip(choices) {
            *w = base * prefs[TOUCHPOINT_CHANNEL[*tp as usize] as usize];
        }
        choices[self.rng.pick_weighted(&weights[..choices.len()])].0
    }

    /// Appends one event at the current time; false once the year is over.
    fn emit(&mut self, journey: u8, stage: usize, tp: u8, pays: bool) -> bool {
        if self.t > YEAR_END {
            return false;
        }
        let rng = &mut *self.rng;
        let c = self.c;
        let mut lat = c.base + TOUCHPOINT_MOOD[tp as usize] + 0.6 * rng.normal();
        if tp == MOBILE_APP {
            lat += if self.t < APP_RELAUNCH { -0.5 } else { 0.3 };
        }
        if tp == DELIVERY && c.region == EAST {
            lat -= 0.8;
        }
        if journey == J_SUPPORT {
            lat -= 0.3;
        }
        if stage == c.furthest && stage < 4 {
            // Frustration at the step where they gave up.
            lat -= 0.3;
        }
        let satisfaction = rng.chance(0.6).then(|| lat.round().clamp(1.0, 5.0) as u8);
        let effort_p = match (journey, stage) {
            (J_SUPPORT, _) => 0.5,
            (_, 1) => 0.2,
            (_, 2) => 0.35,
            _ => 0.05,
        };
        // CES agreement scale: 7 = "it was very easy", so happier customers answer higher.
        let effort = rng.chance(effort_p).then(|| {
            (4.0 + (lat - 3.0) * 1.3 + 0.8 * rng.normal())
                .round()
                .clamp(1.0, 7.0) as u8
        });
        let nps_p = match (journey, stage) {
            (J_SUPPORT, _) => 0.3,
            (_, 0) => 0.02,
            (_, 1) => 0.03,
            (_, 2) => 0.6,
            (_, 3) => 0.4,
            _ => 0.7,
        };
        let nps = rng.chance(nps_p).then(|| {
            let l = 0.7 * c.base + 0.3 * lat;
            (2.4 * l - 1.5 + 1.2 * rng.normal())
                .round()
                .clamp(0.0, 10.0) as u8
        });
        let revenue_cents = pays.then(|| {
            let (lo, hi) = PERSONAS[c.persona as usize].basket;
            let u = rng.unit();
            lo + ((hi - lo) as f64 * u * u.sqrt()) as u32
        });
        let comment = rng.chance(0.05).then(|| {
            if lat < 2.6 {
                Comment::Bad(rng.below(COMMENTS_BAD.len() as u64) as u8)
            } else if lat < 3.8 {
                Comment::Ok(rng.below(COMMENTS_OK.len() as u64) as u8)
            } else {
                Comment::Good(rng.below(COMMENTS_GOOD.len() as u64) as u8)
            }
        });
        self.out.push(GenEvent {
            customer: c.id,
            timestamp: self.t,
            journey,
            stage: stage as u8,
            touchpoint: tp,
            persona: c.persona,
            region: c.region,
            satisfaction,
            effort,
            nps,
            revenue_cents,
            comment,
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emits_exactly_the_requested_rows() {
        assert_eq!(Events::new(0, 1).count(), 0);
        assert_eq!(Events::new(1, 1).count(), 1);
        assert_eq!(Events::new(1234, 9).count(), 1234);
    }

    #[test]
    fn each_customer_is_in_time_order_within_the_year() {
        let mut last: Option<(u32, i64)> = None;
        for e in Events::new(20_000, 3) {
            assert!(e.timestamp >= YEAR_START && e.timestamp <= YEAR_END);
            assert_eq!(e.timestamp % 60, 0);
            if let Some((c, t)) = last {
                if c == e.customer {
                    assert!(e.timestamp > t, "customer {c} goes back in time");
                } else {
                    assert_eq!(e.customer, c + 1, "customers are consecutive");
                }
            }
            last = Some((e.customer, e.timestamp));
        }
    }

    #[test]
    fn revenue_only_where_money_changes_hands() {
        for e in Events::new(20_000, 5) {
            if e.revenue_cents.is_some() {
                assert!(e.stage == 2 || e.stage == 3, "revenue at stage {}", e.stage);
                assert_eq!(e.journey, J_PURCHASE);
            }
        }
    }
}
