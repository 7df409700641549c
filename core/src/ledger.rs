//! The energy ledger (seed 000's bank account) and the inner audit: pure
//! arithmetic over entries the person records.

use crate::content::RestKind;

use crate::content::keyed_enum;

keyed_enum!(
    /// Whether something took energy or gave it.
    Flow {
        Drain => "drain",
        Deposit => "deposit",
    }
);

keyed_enum!(
    /// What kind of thing it was.
    Area {
        Work => "work",
        People => "people",
        Body => "body",
        Mind => "mind",
        Other => "other",
    }
);

keyed_enum!(
    /// For drains: the seed's three questions.
    Changeable {
        ICan => "can",
        NeedHelp => "help",
        Cannot => "cannot",
    }
);

/// Longest description kept on a ledger entry, in characters.
pub const MAX_WHAT_CHARS: usize = 100;

/// One quick ledger entry. Stored in `data.ledger`; short field names, as
/// for check-ins.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    /// Milliseconds since the Unix epoch.
    pub at: i64,
    pub flow: Flow,
    pub area: Area,
    pub rest: Option<RestKind>,
    /// 1 (small) ..= 5 (large).
    pub size: u8,
    /// Only for drains.
    pub change: Option<Changeable>,
    /// An optional short description ("late meeting").
    pub what: String,
}

impl Entry {
    pub fn is_valid(&self) -> bool {
        (1..=5).contains(&self.size)
            && (self.flow == Flow::Drain || self.change.is_none())
            && self.what.chars().count() <= MAX_WHAT_CHARS
    }
    fn signed(&self) -> i32 {
        let s = i32::from(self.size);
        if self.flow == Flow::Deposit {
            s
        } else {
            -s
        }
    }
}

pub const WEEK_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// Deposits minus drains for entries in `[from, to)`.
pub fn balance(entries: &[Entry], from: i64, to: i64) -> i32 {
    entries
        .iter()
        .filter(|e| (from..to).contains(&e.at))
        .map(Entry::signed)
        .sum()
}

/// The balance of the seven days up to `now`.
pub fn week_balance(entries: &[Entry], now: i64) -> i32 {
    balance(entries, now - WEEK_MS + 1, now + 1)
}

/// The text key saying what a week's balance means.
pub fn verdict(balance: i32) -> &'static str {
    match balance {
        b if b > 0 => "ledger.week.plus",
        0 => "ledger.week.even",
        _ => "ledger.week.minus",
    }
}

/// A balance as shown: "+3", "0", "-2".
pub fn signed(balance: i32) -> String {
    if balance > 0 {
        format!("+{balance}")
    } else {
        balance.to_string()
    }
}

/// Areas by how often they appear as `flow`, then by total size; most first.
pub fn most_frequent(entries: &[Entry], flow: Flow) -> Vec<(Area, u32, u32)> {
    let mut out: Vec<(Area, u32, u32)> = Vec::new();
    for e in entries.iter().filter(|e| e.flow == flow) {
        match out.iter_mut().find(|(a, _, _)| *a == e.area) {
            Some(row) => {
                row.1 += 1;
                row.2 += u32::from(e.size);
            }
            None => out.push((e.area, 1, u32::from(e.size))),
        }
    }
    out.sort_by_key(|a| std::cmp::Reverse((a.1, a.2)));
    out
}

/// How many drains can be changed, need help to change, and can't be
/// changed, in that order (drains with no answer are not counted).
pub fn changeable_counts(entries: &[Entry]) -> [(Changeable, usize); 3] {
    [Changeable::ICan, Changeable::NeedHelp, Changeable::Cannot].map(|c| {
        let n = entries
            .iter()
            .filter(|e| e.flow == Flow::Drain && e.change == Some(c))
            .count();
        (c, n)
    })
}

/// Inner audit: at most this many values.
pub const MAX_VALUES: usize = 5;

/// Each value's gap (10 minus how much last week reflected it, 0-10),
/// biggest first. Ratings above 10 count as 10; values past the fifth are
/// ignored.
pub fn audit_gaps(ratings: &[(String, u8)]) -> Vec<(String, u8)> {
    let mut out: Vec<(String, u8)> = ratings
        .iter()
        .take(MAX_VALUES)
        .map(|(v, r)| (v.clone(), 10 - (*r).min(10)))
        .collect();
    out.sort_by_key(|a| std::cmp::Reverse(a.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn e(at: i64, flow: Flow, area: Area, size: u8) -> Entry {
        let change = (flow == Flow::Drain).then_some(Changeable::NeedHelp);
        Entry {
            id: format!("e{at}"),
            at,
            flow,
            area,
            rest: None,
            size,
            change,
            what: String::new(),
        }
    }

    #[test]
    fn changeable_counts_only_drains_with_an_answer() {
        let mut entries = vec![
            e(1, Flow::Drain, Area::Work, 3),
            e(2, Flow::Drain, Area::Work, 2),
            e(3, Flow::Deposit, Area::Body, 2),
        ];
        entries[0].change = Some(Changeable::ICan);
        entries.push(Entry {
            change: None,
            ..e(4, Flow::Drain, Area::Mind, 1)
        });
        // A deposit carrying an answer (hand-edited) is not a drain.
        entries[2].change = Some(Changeable::Cannot);
        assert_eq!(
            changeable_counts(&entries),
            [
                (Changeable::ICan, 1),
                (Changeable::NeedHelp, 1),
                (Changeable::Cannot, 0)
            ]
        );
        assert!(changeable_counts(&[]).iter().all(|(_, n)| *n == 0));
    }

    #[test]
    fn weekly_balance_counts_only_the_last_seven_days() {
        let now = 100 * WEEK_MS;
        let entries = [
            e(now, Flow::Deposit, Area::Body, 3),
            e(now - WEEK_MS + 1, Flow::Drain, Area::Work, 5),
            e(now - WEEK_MS, Flow::Drain, Area::Work, 4), // eight days' edge: out
            e(now + 1, Flow::Deposit, Area::Mind, 2),     // future: out
        ];
        assert_eq!(week_balance(&entries, now), 3 - 5);
        assert_eq!(balance(&entries, 0, i64::MAX), 3 - 5 - 4 + 2);
    }

    #[test]
    fn most_frequent_drains_and_deposits() {
        let entries = [
            e(1, Flow::Drain, Area::Work, 2),
            e(2, Flow::Drain, Area::People, 5),
            e(3, Flow::Drain, Area::Work, 1),
            e(4, Flow::Deposit, Area::Body, 1),
        ];
        assert_eq!(
            most_frequent(&entries, Flow::Drain),
            [(Area::Work, 2, 3), (Area::People, 1, 5)]
        );
        assert_eq!(most_frequent(&entries, Flow::Deposit), [(Area::Body, 1, 1)]);
    }

    #[test]
    fn entries_are_validated() {
        assert!(e(0, Flow::Drain, Area::Work, 5).is_valid());
        assert!(!e(0, Flow::Drain, Area::Work, 0).is_valid());
        assert!(!e(0, Flow::Drain, Area::Work, 6).is_valid());
        let mut deposit = e(0, Flow::Deposit, Area::Work, 3);
        deposit.change = Some(Changeable::ICan);
        assert!(!deposit.is_valid());
    }

    #[test]
    fn audit_gaps_biggest_first_and_capped() {
        let ratings: Vec<(String, u8)> = [
            ("care", 8),
            ("craft", 3),
            ("family", 10),
            ("growth", 12),
            ("fairness", 5),
            ("sixth", 0),
        ]
        .iter()
        .map(|(v, r)| (v.to_string(), *r))
        .collect();
        let gaps = audit_gaps(&ratings);
        assert_eq!(gaps.len(), MAX_VALUES);
        assert_eq!(gaps[0], ("craft".to_string(), 7));
        assert_eq!(gaps[1], ("fairness".to_string(), 5));
        assert!(gaps.iter().all(|(v, _)| v != "sixth"));
    }

    proptest! {
        #[test]
        fn balance_is_deposits_minus_drains(sizes in proptest::collection::vec((any::<bool>(), 1u8..=5), 0..50)) {
            let entries: Vec<Entry> = sizes.iter().enumerate()
                .map(|(i, (d, s))| e(i as i64, if *d { Flow::Deposit } else { Flow::Drain }, Area::Other, *s))
                .collect();
            let deposits: i32 = sizes.iter().filter(|x| x.0).map(|x| i32::from(x.1)).sum();
            let drains: i32 = sizes.iter().filter(|x| !x.0).map(|x| i32::from(x.1)).sum();
            prop_assert_eq!(balance(&entries, 0, i64::MAX), deposits - drains);
        }
    }
}
