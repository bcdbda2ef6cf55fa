//! A stage column that is really a status ("furthest stage reached").
//!
//! Order exports carry one status per order (`created`, `shipped`, `delivered`,
//! `canceled`…), not one event per stage. Read as events, an order at `delivered` never
//! "reached" `created` and the funnel says 2 of 8,135 customers entered it. Read as a
//! status, a customer at `delivered` has passed every stage before it in the order, and end
//! states (canceled, returned…) are outcomes outside the funnel, not its last step.

use crate::dataset::{Dataset, MISSING};

/// Progress statuses (normalised) by position in an order's life, in English, Catalan,
/// Spanish, Polish and Portuguese (Olist and other Brazilian exports).
const PROGRESS: [&[&str]; 6] = [
    &[
        "created",
        "new",
        "pending",
        "placed",
        "creat",
        "pendent",
        "creado",
        "pendiente",
        "nuevo",
        "utworzone",
        "nowe",
        "oczekujace",
        "criado",
        "pendente",
        "novo",
    ],
    &[
        "approved",
        "paid",
        "confirmed",
        "aprovat",
        "pagat",
        "confirmat",
        "aprobado",
        "pagado",
        "confirmado",
        "zatwierdzone",
        "oplacone",
        "potwierdzone",
        "aprovado",
        "pago",
    ],
    &[
        "invoiced",
        "facturat",
        "facturado",
        "zafakturowane",
        "faturado",
    ],
    &[
        "processing",
        "preparing",
        "packed",
        "en preparacio",
        "preparat",
        "en proceso",
        "en preparacion",
        "preparado",
        "w realizacji",
        "przygotowane",
        "em processamento",
        "processando",
        "preparando",
    ],
    &[
        "shipped",
        "sent",
        "dispatched",
        "in transit",
        "enviat",
        "expedit",
        "enviado",
        "expedido",
        "en transito",
        "wyslane",
        "nadane",
        "w drodze",
        "em transito",
    ],
    &[
        "delivered",
        "completed",
        "complete",
        "lliurat",
        "entregat",
        "completat",
        "entregado",
        "completado",
        "dostarczone",
        "zrealizowane",
        "entregue",
        "concluido",
    ],
];

/// End states (normalised): outcomes that end an order without it going further.
const END: &[&str] = &[
    "canceled",
    "cancelled",
    "returned",
    "unavailable",
    "refunded",
    "failed",
    "rejected",
    "expired",
    "cancel.lat",
    "cancelat",
    "anul.lat",
    "retornat",
    "tornat",
    "no disponible",
    "reemborsat",
    "fallit",
    "rebutjat",
    "cancelado",
    "anulado",
    "devuelto",
    "reembolsado",
    "fallido",
    "rechazado",
    "anulowane",
    "zwrocone",
    "niedostepne",
    "zwrot",
    "nieudane",
    "odrzucone",
    "indisponivel",
    "devolvido",
    "falhou",
    "recusado",
];

/// Position (0 = created … 5 = delivered) of a recognised progress status.
pub fn progress_rank(name: &str) -> Option<usize> {
    let n = super::stages::normalize(name);
    PROGRESS
        .iter()
        .position(|names| names.contains(&n.as_str()))
}

/// Whether a stage name is an end state such as canceled or returned.
pub fn is_end_state(name: &str) -> bool {
    END.contains(&super::stages::normalize(name).as_str())
}

/// Whether the stage column looks like a status: every customer has one stage value (one
/// order each, or one status row per customer), there are at least two customers, and the
/// values include a known end state. Events of a real journey give customers several
/// stages, so they never qualify.
pub fn looks_like_status(ds: &Dataset) -> bool {
    let Some(col) = ds.stage.as_ref() else {
        return false;
    };
    if ds.customer_count() < 2 || !col.values.iter().any(|v| is_end_state(v)) {
        return false;
    }
    let mut first = vec![MISSING; ds.customer_count()];
    for (&cust, &stage) in ds.customer.codes.iter().zip(&col.codes) {
        if stage == MISSING {
            continue;
        }
        match first.get_mut(cust as usize) {
            Some(f) if *f == MISSING => *f = stage,
            Some(f) if *f != stage => return false,
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load_csv, CsvOptions};

    fn load(csv: &str) -> Dataset {
        load_csv(csv.as_bytes(), &CsvOptions::default())
            .expect("loads")
            .dataset
    }

    #[test]
    fn end_states_and_progress_are_recognised_in_five_languages() {
        for end in [
            "canceled",
            "Cancelled",
            "cancel·lat",
            "devuelto",
            "ANULOWANE",
            "indisponível",
        ] {
            assert!(is_end_state(end), "{end}");
        }
        assert!(!is_end_state("delivered"));
        assert_eq!(progress_rank("created"), Some(0));
        assert_eq!(progress_rank("Entregado"), Some(5));
        assert_eq!(progress_rank("wysłane"), Some(4));
        assert_eq!(progress_rank("canceled"), None);
    }

    #[test]
    fn one_status_per_customer_with_an_end_state_is_a_status_column() {
        let ds = load(
            "customer_id,timestamp,stage\n\
             a,2024-01-01,delivered\nb,2024-01-02,canceled\nc,2024-01-03,shipped\n",
        );
        assert!(looks_like_status(&ds));
    }

    #[test]
    fn a_journey_of_several_stages_per_customer_is_not() {
        let ds = load(
            "customer_id,timestamp,stage\n\
             a,2024-01-01,created\na,2024-01-02,delivered\nb,2024-01-02,canceled\n",
        );
        assert!(!looks_like_status(&ds));
    }

    #[test]
    fn without_an_end_state_one_stage_per_customer_is_not_enough() {
        let ds = load(
            "customer_id,timestamp,stage\n\
             a,2024-01-01,awareness\nb,2024-01-02,purchase\n",
        );
        assert!(!looks_like_status(&ds));
    }
}
