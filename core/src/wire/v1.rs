//! Schema 1: check-ins and deletions only (Temper's first release).

use super::v2;
use serde::Deserialize;

/// `data` of a schema-1 envelope. A check-in has the same shape as in
/// schema 2.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Data {
    pub checkins: Vec<v2::CheckIn>,
    #[serde(default)]
    pub deleted: Vec<String>,
}

#[derive(Deserialize)]
pub struct Envelope {
    pub data: Data,
}

/// Schema 1 to 2: schema 2 adds `plan`, `ledger` and `audit`, all empty
/// here; everything else means the same.
pub fn migrate(d: Data) -> v2::Data {
    v2::Data {
        checkins: d.checkins,
        deleted: d.deleted,
        ..v2::Data::default()
    }
}
