//! The stored format as serde types, one module per schema version.
//!
//! These types are the bytes on disk (localStorage, backup files, drafts),
//! field for field, with the short names documented in the README. They are
//! kept apart from the domain types in `store`, `plan` and `ledger`: a wire
//! type says what a file may contain; converting it into a domain type
//! (`TryFrom`, in `store::codec`) checks what it must satisfy. A schema
//! change adds a module here and a migration, a plain function from one
//! version's wire data to the next.

pub mod v1;
pub mod v2;
pub mod v3;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Just the schema version of an envelope; every other member is skipped.
#[derive(Deserialize)]
pub struct Head {
    pub v: u64,
}

/// Any schema's envelope as written (borrowing, so saving copies nothing twice).
#[derive(Serialize)]
pub struct Written<'a, T: Serialize> {
    pub v: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<&'a T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sealed: Option<&'a v2::Sealed>,
}

/// The schema version and, if there is one, the sealed envelope; any data
/// is skipped unread.
#[derive(Deserialize)]
pub struct SealedHead {
    pub v: u64,
    #[serde(default)]
    pub sealed: Option<v2::Sealed>,
}

/// A JSON object of `key: value` read into a sorted map, refusing a key
/// that appears twice (serde's maps would silently keep the last one).
/// Used for check-in answers and language files.
pub fn unique_map<'de, D, V>(de: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Unique<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for Unique<V> {
        type Value = BTreeMap<String, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<String, V>()? {
                if out.contains_key(&k) {
                    return Err(serde::de::Error::custom(format_args!(
                        "the key \"{}\" appears twice",
                        k.chars().take(40).collect::<String>()
                    )));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    de.deserialize_map(Unique(std::marker::PhantomData))
}
