//! Schema 2: check-ins, deletions, plan, ledger and the inner audit, and
//! the sealed envelope of the passphrase lock. Schema 3 keeps every type
//! here except the plan step and `Data`. Optional members are left out
//! when empty and read as empty when absent or null; members this build
//! doesn't know are ignored.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub(super) fn is_false(b: &bool) -> bool {
    !b
}

/// `null` reads as the default, like an absent member.
pub(super) fn nullable<'de, D, T>(de: D) -> Result<T, D::Error>
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

/// Schema 2 to 3: schema 3 adds a plan step's own text (`w`), which no
/// schema-2 step has; everything else means the same.
pub fn migrate(d: Data) -> super::v3::Data {
    super::v3::Data {
        checkins: d.checkins,
        deleted: d.deleted,
        plan: d
            .plan
            .into_iter()
            .map(|p| super::v3::PlanStep {
                id: p.id,
                at: p.at,
                d: p.d,
                t: p.t,
                w: String::new(),
            })
            .collect(),
        ledger: d.ledger,
        audit: d.audit,
    }
}

#[cfg(test)]
pub(super) mod tests {
    //! Schema 2's members are fixed. A Temper that stores something new
    //! writes a new schema version (with its `wire` module and migration):
    //! an older Temper then opens the data read-only and never writes over
    //! it, so nothing it doesn't know is dropped (README, "Stored data
    //! format"). Every struct here is built with a literal, so a new member
    //! can't be added without this test seeing it.
    use super::*;
    use crate::wire::Written;
    use serde_json::Value;
    use std::collections::BTreeSet;

    /// Schema 2's members outside the sealed envelope.
    pub(in crate::wire) const DATA_MEMBERS: &[&str] = &[
        ".v",
        ".data",
        ".data.checkins",
        ".data.checkins[].id",
        ".data.checkins[].at",
        ".data.checkins[].m",
        ".data.checkins[].cv",
        ".data.checkins[].a",
        ".data.checkins[].r",
        ".data.checkins[].n",
        ".data.deleted",
        ".data.plan",
        ".data.plan[].id",
        ".data.plan[].at",
        ".data.plan[].d",
        ".data.plan[].t",
        ".data.ledger",
        ".data.ledger[].id",
        ".data.ledger[].at",
        ".data.ledger[].f",
        ".data.ledger[].k",
        ".data.ledger[].r",
        ".data.ledger[].s",
        ".data.ledger[].c",
        ".data.ledger[].w",
        ".data.audit",
        ".data.audit.at",
        ".data.audit.v",
    ];
    const SEALED_MEMBERS: &[&str] = &[
        ".sealed",
        ".sealed.alg",
        ".sealed.kdf",
        ".sealed.iter",
        ".sealed.salt",
        ".sealed.iv",
        ".sealed.ct",
    ];

    pub(in crate::wire) fn members(v: &Value, at: &str, out: &mut BTreeSet<String>) {
        match v {
            // Answers are a map from question ids, not members.
            Value::Object(_) if at.ends_with(".a") => {}
            Value::Object(m) => {
                for (k, x) in m {
                    let here = format!("{at}.{k}");
                    members(x, &here, out);
                    out.insert(here);
                }
            }
            Value::Array(xs) => xs.iter().for_each(|x| members(x, &format!("{at}[]"), out)),
            _ => {}
        }
    }

    #[test]
    fn schema_2_has_exactly_its_documented_members() {
        let s = |t: &str| t.to_string();
        let data = Data {
            checkins: vec![CheckIn {
                id: s("a"),
                at: 1,
                m: s("full"),
                cv: 1,
                a: [(s("ex1"), 2)].into(),
                r: s("other"),
                n: s("note"),
            }],
            deleted: vec![s("gone")],
            plan: vec![PlanStep {
                id: s("boundaries.1"),
                at: 2,
                d: true,
                t: s("2026-12-31"),
            }],
            ledger: vec![Entry {
                id: s("l1"),
                at: 3,
                f: s("drain"),
                k: s("work"),
                r: s("mental"),
                s: 3,
                c: s("help"),
                w: s("what"),
            }],
            audit: Some(Audit {
                at: 4,
                v: vec![(s("Family"), 3)],
            }),
        };
        let sealed = Sealed {
            alg: s("AES-GCM"),
            kdf: s("PBKDF2-SHA256"),
            iter: 600_000,
            salt: s("c2FsdA"),
            iv: s("aXY"),
            ct: s("Y3Q"),
        };
        let mut got = BTreeSet::new();
        for written in [
            Written {
                v: 2,
                data: Some(&data),
                sealed: None,
            },
            Written {
                v: 2,
                data: None,
                sealed: Some(&sealed),
            },
        ] {
            let v: Value = serde_json::from_str(&serde_json::to_string(&written).unwrap()).unwrap();
            members(&v, "", &mut got);
        }
        let documented = DATA_MEMBERS.iter().chain(SEALED_MEMBERS);
        let documented: BTreeSet<String> = documented.map(|m| m.to_string()).collect();
        assert_eq!(
            got, documented,
            "schema 2 changed: write a new schema version and a migration instead"
        );
    }
}
