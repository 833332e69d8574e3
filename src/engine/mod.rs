//! The eligibility engine: a plain library. It imports nothing from yew, wasm-bindgen or the
//! browser, reads no clock and does no I/O, so the page, the JS API, the CLI and the tests all run
//! the same code on the same inputs and get the same answers.

pub mod apply;
pub mod assessment;
pub mod assistance;
pub mod by_standard;
pub mod check_key;
pub mod citation;
pub mod context;
pub mod date;
pub mod household;
pub mod income;
pub mod money;
pub mod outcome;
pub mod policy;
pub mod rules;

pub use assessment::{assess, screen, AssessError, Assessment, Screening};
pub use date::Day;
pub use household::{FieldError, Household};
pub use policy::PolicyPack;
