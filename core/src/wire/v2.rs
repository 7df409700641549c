//! Schema 2, what this build writes: check-ins, deletions, plan, ledger and
//! the inner audit, and the sealed envelope of the passphrase lock.
//! Optional members are left out when empty and read as empty when absent
//! or null; members this build doesn't know are ignored.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

fn is_false(b: &bool) -> bool {
    !b
}

/// `null` reads as the default, like an absent member.
fn nullable<'de, D, T>(de: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(de)?.unwrap_or_default())
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    pub id: String,
    pub at: i64,
    /// `full` or `pulse`.
    pub m: String,
    pub cv: u32,
    #[serde(deserialize_with = "super::unique_map")]
    pub a: BTreeMap<String, u8>,
    /// `caring`, `routine` or `other`.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "nullable"
    )]
    pub r: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "nullable"
    )]
    pub n: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanStep {
    pub id: String,
    pub at: i64,
    #[serde(
        default,
        skip_serializing_if = "is_false",
        deserialize_with = "nullable"
    )]
    pub d: bool,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "nullable"
    )]
    pub t: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub at: i64,
    /// `drain` or `deposit`.
    pub f: String,
    /// `work`, `people`, `body`, `mind` or `other`.
    pub k: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "nullable"
    )]
    pub r: String,
    pub s: u8,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "nullable"
    )]
    pub c: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "nullable"
    )]
    pub w: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Audit {
    pub at: i64,
    /// `[value, rating]` pairs.
    pub v: Vec<(String, u8)>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Data {
    pub checkins: Vec<CheckIn>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "nullable"
    )]
    pub deleted: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "nullable"
    )]
    pub plan: Vec<PlanStep>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "nullable"
    )]
    pub ledger: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<Audit>,
}

/// What `assets/lock.js` writes: AES-GCM under a PBKDF2-SHA256 key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sealed {
    pub alg: String,
    pub kdf: String,
    pub iter: u64,
    pub salt: String,
    pub iv: String,
    pub ct: String,
}

/// `{"v":2,"data":{...}}`, or with the lock on `{"v":2,"sealed":{...}}`.
#[derive(Deserialize)]
pub struct Envelope {
    #[serde(default)]
    pub data: Option<Data>,
    #[serde(default)]
    pub sealed: Option<Sealed>,
}

/// The envelope as written (borrowing, so saving copies nothing twice).
#[derive(Serialize)]
pub struct Written<'a, T: Serialize> {
    pub v: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<&'a T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sealed: Option<&'a Sealed>,
}
