//! What customers write in the free-text field, in English and Catalan.
//!
//! A comment is stored as a tone plus an index so the same event renders in either
//! language; the tone follows the event's satisfaction, so text analytics agree with scores.

/// Free-text comments by tone. Some carry commas and quotes on purpose, so every export
/// path has to quote correctly.
pub const COMMENTS_BAD: [&str; 8] = [
    "Slow delivery, \"again\"",
    "Waited 40 minutes on hold",
    "Checkout kept failing, had to retry three times",
    "The app logged me out mid-order",
    "Said \"free shipping\" but charged me anyway",
    "Nobody answered my email",
    "Parcel arrived damaged",
    "Too many steps to return an item",
];
pub const COMMENTS_OK: [&str; 6] = [
    "Fine",
    "OK, nothing special",
    "Found what I needed eventually",
    "Prices could be clearer",
    "Average experience",
    "Delivery was on time, packaging so-so",
];
pub const COMMENTS_GOOD: [&str; 8] = [
    "Great staff, very helpful",
    "Fast and easy",
    "Loved the new app!",
    "Café corner in the store is lovely",
    "Arrived a day early",
    "The chat agent sorted it in minutes",
    "Will recommend to friends",
    "Best prices I found, \"no-brainer\"",
];
pub const COMMENTS_BAD_CA: [&str; 8] = [
    "Lliurament lent, \"una altra vegada\"",
    "40 minuts esperant al telèfon",
    "El pagament fallava; ho vaig haver de repetir",
    "L'app em va tancar la sessió",
    "Deien \"enviament gratuït\" però me'l van cobrar",
    "Ningú no va respondre el correu",
    "El paquet va arribar malmès",
    "Massa passos per tornar un article",
];
pub const COMMENTS_OK_CA: [&str; 6] = [
    "Correcte",
    "Bé, res especial",
    "Al final vaig trobar el que buscava",
    "Els preus podrien ser més clars",
    "Experiència normal",
    "Puntual; l'embalatge, regular",
];
pub const COMMENTS_GOOD_CA: [&str; 8] = [
    "Personal molt amable",
    "Ràpid i fàcil",
    "M'encanta la nova app!",
    "La cafeteria de la botiga és fantàstica",
    "Va arribar un dia abans",
    "El xat m'ho va resoldre en minuts",
    "Ho recomanaré als amics",
    "Els millors preus; \"sense dubte\"",
];

/// A comment as a tone and an index into that tone's list, so any locale can render it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comment {
    Bad(u8),
    Ok(u8),
    Good(u8),
}

impl Comment {
    pub fn text(self) -> &'static str {
        match self {
            Comment::Bad(i) => COMMENTS_BAD[i as usize],
            Comment::Ok(i) => COMMENTS_OK[i as usize],
            Comment::Good(i) => COMMENTS_GOOD[i as usize],
        }
    }
    pub fn text_ca(self) -> &'static str {
        match self {
            Comment::Bad(i) => COMMENTS_BAD_CA[i as usize],
            Comment::Ok(i) => COMMENTS_OK_CA[i as usize],
            Comment::Good(i) => COMMENTS_GOOD_CA[i as usize],
        }
    }
}
