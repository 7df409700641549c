//! Schema 3, what this build writes: schema 2 with one member more, a plan
//! step's own text (`w`), for steps a person writes themselves. Check-ins,
//! ledger entries, the audit and the sealed envelope are schema 2's types.
//! `PlanStep` and `Data` repeat schema 2's members on purpose: each
//! schema's types are a frozen record of its bytes, and schema 2's must
//! keep reading what schema 2 wrote.

use super::v2::{self, is_false, nullable};
use serde::{Deserialize, Serialize};

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
    /// The step's text, for a step of one's own (id `own.<id>`); empty for
    /// a step from the strategy library.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "nullable"
    )]
    pub w: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Data {
    pub checkins: Vec<v2::CheckIn>,
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
    pub ledger: Vec<v2::Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<v2::Audit>,
}

/// `{"v":3,"data":{...}}`, or with the lock on `{"v":3,"sealed":{...}}`.
#[derive(Deserialize)]
pub struct Envelope {
    #[serde(default)]
    pub data: Option<Data>,
    #[serde(default)]
    pub sealed: Option<v2::Sealed>,
}

#[cfg(test)]
mod tests {
    //! Schema 3's members are fixed, as schema 2's were (`v2::tests`).
    use super::*;
    use crate::wire::v2::tests::members;
    use crate::wire::Written;
    use serde_json::Value;
    use std::collections::BTreeSet;

    #[test]
    fn schema_3_is_schema_2_and_a_plan_steps_own_text() {
        let s = |t: &str| t.to_string();
        let data = Data {
            checkins: vec![v2::CheckIn {
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
                id: s("own.x"),
                at: 2,
                d: true,
                t: s("2026-12-31"),
                w: s("Walk at lunch"),
            }],
            ledger: vec![v2::Entry {
                id: s("l1"),
                at: 3,
                f: s("drain"),
                k: s("work"),
                r: s("mental"),
                s: 3,
                c: s("help"),
                w: s("what"),
            }],
            audit: Some(v2::Audit {
                at: 4,
                v: vec![(s("Family"), 3)],
            }),
        };
        let written = Written {
            v: 3,
            data: Some(&data),
            sealed: None,
        };
        let v: Value = serde_json::from_str(&serde_json::to_string(&written).unwrap()).unwrap();
        let mut got = BTreeSet::new();
        members(&v, "", &mut got);
        let schema_2 = v2::tests::DATA_MEMBERS;
        let mut documented: BTreeSet<String> = schema_2.iter().map(|m| m.to_string()).collect();
        documented.insert(".data.plan[].w".into());
        assert_eq!(
            got, documented,
            "schema 3 changed: write a new schema version and a migration instead"
        );
    }

    #[test]
    fn schema_2_data_migrates_with_no_own_text() {
        let raw = r#"{"checkins":[],"deleted":["z"],"plan":[{"id":"boundaries.2","at":5,"d":true,"t":"2026-12-31"}]}"#;
        let old: v2::Data = serde_json::from_str(raw).unwrap();
        let new = v2::migrate(old);
        assert_eq!(new.deleted, ["z"]);
        assert_eq!(
            new.plan,
            [PlanStep {
                id: "boundaries.2".into(),
                at: 5,
                d: true,
                t: "2026-12-31".into(),
                w: String::new(),
            }]
        );
        // Written as schema 3, a step from the library has no `w`.
        let text = serde_json::to_string(&new).unwrap();
        assert!(!text.contains("\"w\""), "{text}");
    }
}
