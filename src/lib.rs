//! Self-assessment for China's low-income assistance (低收入人口 / 社会救助).
//!
//! - [`engine`]: the rules, a plain library (no web dependency).
//! - [`format`]: the JSON contract shared by the CLI and the JS API.
//! - [`report`]: the plain-text report.
//! - [`input`]: money and numbers as people type them (`3千`, `1.2万`, `３０００`).
//!
//! Assessing a household given as JSON, under a built-in policy pack:
//!
//! ```
//! use low_income_check::engine::outcome::{Category, Status};
//! use low_income_check::engine::{assess, policy::builtin, Day};
//! use low_income_check::format::parse_household;
//!
//! let household = parse_household(r#"{
//!     "place": { "pack": "shanxi", "area": "taiyuan/urban" },
//!     "members": [ { "age": 40 }, { "relation": "child", "age": 9 } ],
//!     "income": [ { "member": 0, "kind": "wages", "amount": "1400", "per": "month" } ]
//! }"#).expect("valid household");
//! let pack = builtin::load("shanxi").expect("known pack").expect("valid pack");
//! let assessment = assess(&household, &pack, Day::parse("2026-11-22").expect("day")).expect("assessed");
//!
//! // 1400 ÷ 2 = 700 元/人/月, below 太原's 760: 低保, and nothing declared, so likely.
//! let best = assessment.best.expect("a category");
//! assert_eq!((best.category, best.status), (Category::Dibao, Status::Likely));
//! let income = &assessment.results[0].checks[0];
//! assert_eq!(income.citation.to_string(), "民发〔2021〕57号《最低生活保障审核确认办法》 家庭收入低于当地最低生活保障标准");
//! assert!(income.explanation.to_string().contains("比低保标准低60元"));
//! ```

pub mod api;
#[cfg(not(target_arch = "wasm32"))]
pub mod batch;
pub mod call_record;
pub mod clock;
#[cfg(not(target_arch = "wasm32"))]
pub mod coverage;
// Every public item of the engine is documented; with clippy's `-D warnings` a new undocumented
// one fails the build.
#[warn(missing_docs)]
pub mod engine;
pub mod format;
pub mod input;
#[cfg(target_arch = "wasm32")]
pub mod js_api;
#[cfg(not(target_arch = "wasm32"))]
pub mod packgen;
pub mod report;
pub mod saved;
pub mod standards_page;
pub mod ui;
