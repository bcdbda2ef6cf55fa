//! What customers write in the free-text field, in English, Catalan, Spanish and Polish.
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

pub const COMMENTS_BAD_ES: [&str; 8] = [
    "Entrega lenta, \"otra vez\"",
    "40 minutos esperando al teléfono",
    "El pago fallaba; tuve que repetirlo tres veces",
    "La app me cerró la sesión a mitad del pedido",
    "Decían \"envío gratis\" pero me lo cobraron",
    "Nadie respondió a mi correo",
    "El paquete llegó dañado",
    "Demasiados pasos para devolver un artículo",
];
pub const COMMENTS_OK_ES: [&str; 6] = [
    "Correcto",
    "Bien, nada especial",
    "Al final encontré lo que buscaba",
    "Los precios podrían ser más claros",
    "Experiencia normal",
    "Llegó a tiempo; el embalaje, regular",
];
pub const COMMENTS_GOOD_ES: [&str; 8] = [
    "Personal muy amable",
    "Rápido y fácil",
    "¡Me encanta la nueva app!",
    "La cafetería de la tienda es genial",
    "Llegó un día antes",
    "El chat me lo resolvió en minutos",
    "Lo recomendaré a mis amigos",
    "Los mejores precios; \"sin duda\"",
];
pub const COMMENTS_BAD_PL: [&str; 8] = [
    "Wolna dostawa, \"znowu\"",
    "40 minut czekania na infolinii",
    "Płatność nie przechodziła, trzy razy próbowałem",
    "Aplikacja wylogowała mnie w trakcie zamówienia",
    "Miała być \"darmowa dostawa\", a jednak zapłaciłem",
    "Nikt nie odpowiedział na mojego maila",
    "Paczka przyszła uszkodzona",
    "Za dużo kroków, żeby zwrócić produkt",
];
pub const COMMENTS_OK_PL: [&str; 6] = [
    "W porządku",
    "OK, nic szczególnego",
    "W końcu znalazłem, czego szukałem",
    "Ceny mogłyby być czytelniejsze",
    "Przeciętnie",
    "Dostawa na czas, opakowanie takie sobie",
];
pub const COMMENTS_GOOD_PL: [&str; 8] = [
    "Świetna obsługa, bardzo pomocna",
    "Szybko i łatwo",
    "Nowa aplikacja jest super!",
    "Kawiarnia w sklepie jest urocza",
    "Przyszło dzień wcześniej",
    "Konsultant na czacie załatwił sprawę w kilka minut",
    "Polecę znajomym",
    "Najlepsze ceny, \"bez dwóch zdań\"",
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
    pub fn text_es(self) -> &'static str {
        match self {
            Comment::Bad(i) => COMMENTS_BAD_ES[i as usize],
            Comment::Ok(i) => COMMENTS_OK_ES[i as usize],
            Comment::Good(i) => COMMENTS_GOOD_ES[i as usize],
        }
    }
    pub fn text_pl(self) -> &'static str {
        match self {
            Comment::Bad(i) => COMMENTS_BAD_PL[i as usize],
            Comment::Ok(i) => COMMENTS_OK_PL[i as usize],
            Comment::Good(i) => COMMENTS_GOOD_PL[i as usize],
        }
    }
}
