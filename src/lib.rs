//! Self-assessment for China's low-income assistance (低收入人口 / 社会救助).
//!
//! - [`engine`]: the rules, a plain library (no web dependency).
//! - [`format`]: the JSON contract shared by the CLI and the JS API.
//! - [`report`]: the plain-text report.

pub mod engine;
pub mod format;
pub mod report;
