//! One module per screen. Screens render core data and call the adapters
//! through `state`; they compute nothing of their own.

pub mod checkin;
pub mod help;
pub mod history;
pub mod home;
pub mod lock;
pub mod plan;
pub mod results;
pub mod simple;
pub mod welcome;
