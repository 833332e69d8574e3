//! Policy packs: the numbers policy sets, as dated, cited data (after OpenFisca's parameters).
//!
//! A pack says which variant of each rule a province uses (the rule's logic and the articles it
//! cites live in the rule's module, beside the seed sentence it encodes) and gives every number that
//! rule needs — multipliers, months, ages, local 低保标准 — as a [`Param`]: a list of values, each
//! with a unit, an effective date and a source. The engine takes the value in force on the day of the
//! assessment. Formulas hold no number that policy sets.
//!
//! Built-in packs live in `www/policy/*.json`; a partner may pass its own, which goes through the
//! same [`PolicyPack::from_json`] and is refused with a message naming the field at fault.
//!
//! The parts: `schema` (the types, re-exported here, so `policy::MarginalRule` names them), `json`
//! ([`PolicyPack::from_json`], [`json_message`]), `validate` ([`PolicyPack::validate`], what serde
//! cannot check) and [`builtin`] (the built-in packs, compiled in). The generated packs use the
//! schema; nothing in the schema, the reader or the validator uses them.

pub mod builtin;
mod json;
mod schema;
mod validate;

pub use json::{json_message, MAX_ECHOED_PATH, MAX_PACK_BYTES};
pub use schema::*;
