//! The JSON formats that are the contract of the CLI and the JS API (documented in
//! `docs/FORMATS.md`): parsing a household with every error named by its path, and writing an
//! assessment.

use crate::engine::household::{FieldError, Household};
use crate::engine::policy::json_message;

/// Households larger than this are refused before parsing; a real one is a few kilobytes.
pub const MAX_HOUSEHOLD_BYTES: usize = 256 * 1024;

/// Parses and validates a household. Type errors stop at the first (serde reads in one pass) and
/// name its path; cross-field problems are all reported together.
pub fn parse_household(text: &str) -> Result<Household, Vec<FieldError>> {
    if text.len() > MAX_HOUSEHOLD_BYTES {
        return Err(vec![FieldError {
            path: String::new(),
            message: format!("输入过大（{} 字节，上限 {} 字节）", text.len(), MAX_HOUSEHOLD_BYTES),
        }]);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let household: Household = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|e| vec![FieldError { path: e.path().to_string(), message: json_message(e.inner()) }])?;
    deserializer.end().map_err(|e| vec![FieldError { path: String::new(), message: json_message(&e) }])?;
    let errors = household.validate();
    if errors.is_empty() {
        Ok(household)
    } else {
        Err(errors)
    }
}
