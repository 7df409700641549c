//! Temper's functional core: everything that can be decided without a
//! browser. No web-sys, no leptos; tested natively with `cargo test`.

pub mod backup;
pub mod content;
pub mod draft;
pub mod explain;
pub mod helplines;
pub mod history;
pub mod i18n;
pub mod ics;
pub mod insight;
pub mod ledger;
pub mod passphrase;
pub mod plan;
pub mod profile;
pub mod reason;
pub mod route;
pub mod scoring;
pub mod store;
pub mod strategies;
pub mod wire;
