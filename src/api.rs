//! The partner API's data transfer objects and logic, independent of JavaScript so it is tested
//! natively; `js_api.rs` only converts between these and `JsValue`s. Every outcome is a value —
//! `{ ok: true, … }` or `{ ok: false, errors: [{ path, message }] }` — never an exception.

use serde::Serialize;

use crate::engine::assessment::Assessment;
use crate::engine::household::FieldError;
use crate::engine::policy::{builtin, PolicyPack};
use crate::engine::{assess, Day};
use crate::format::parse_household;

/// Which policy pack to assess under.
pub enum PolicyChoice<'a> {
    /// The built-in pack the household names in `place.pack` (default `national`).
    FromHousehold,
    /// A built-in pack by id.
    Builtin(&'a str),
    /// A partner's own pack, as JSON text.
    Json(&'a str),
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum AssessResponse {
    Assessed { ok: True, assessment: Box<Assessment> },
    Refused { ok: False, errors: Vec<ApiError> },
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ValidateResponse {
    Valid { ok: True, id: String, name: String, areas: usize },
    Invalid { ok: False, errors: Vec<ApiError> },
}

/// `true` in JSON, as a type: the response's discriminant for TypeScript (`ok: true`).
#[derive(Debug, Clone, Copy)]
pub struct True;
/// `false` in JSON.
#[derive(Debug, Clone, Copy)]
pub struct False;

impl Serialize for True {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(true)
    }
}

impl Serialize for False {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(false)
    }
}

/// One problem with the input: `where` names the input (`household` or `policy`), `path` the field.
#[derive(Debug, Clone, Serialize)]
pub struct ApiError {
    #[serde(rename = "in")]
    pub input: &'static str,
    pub path: String,
    pub message: String,
}

fn errors(input: &'static str, list: Vec<FieldError>) -> Vec<ApiError> {
    list.into_iter().map(|e| ApiError { input, path: e.path, message: e.message }).collect()
}

fn load_pack(choice: PolicyChoice, household_pack: Option<&str>) -> Result<PolicyPack, Vec<ApiError>> {
    let refuse = |message: String| vec![ApiError { input: "policy", path: String::new(), message }];
    match choice {
        PolicyChoice::Json(text) => PolicyPack::from_json(text).map_err(|e| errors("policy", e)),
        PolicyChoice::Builtin(id) => match builtin::load(id) {
            Some(result) => result.map_err(|e| errors("policy", e)),
            None => Err(refuse(format!(
                "没有内置政策包“{}”；可用：{}",
                crate::engine::date::echoed(id, 40),
                builtin::IDS.join("、")
            ))),
        },
        PolicyChoice::FromHousehold => {
            let id = household_pack.unwrap_or("national");
            match builtin::load(id) {
                Some(result) => result.map_err(|e| errors("policy", e)),
                None => Err(vec![ApiError {
                    input: "household",
                    path: "place.pack".to_string(),
                    message: format!(
                        "没有内置政策包“{}”；可用：{}",
                        crate::engine::date::echoed(id, 40),
                        builtin::IDS.join("、")
                    ),
                }]),
            }
        }
    }
}

/// Assesses a household given as JSON text under the chosen pack, on `today` unless it names `as_of`.
pub fn assess_json(household: &str, policy: PolicyChoice, today: Day) -> AssessResponse {
    let household = match parse_household(household) {
        Ok(h) => h,
        Err(e) => return AssessResponse::Refused { ok: False, errors: errors("household", e) },
    };
    let pack = match load_pack(policy, household.place.pack.as_deref()) {
        Ok(p) => p,
        Err(errors) => return AssessResponse::Refused { ok: False, errors },
    };
    match assess(&household, &pack, today) {
        Ok(assessment) => AssessResponse::Assessed { ok: True, assessment: Box::new(assessment) },
        Err(crate::engine::AssessError::Invalid(e)) => {
            AssessResponse::Refused { ok: False, errors: errors("household", e) }
        }
        Err(other) => AssessResponse::Refused {
            ok: False,
            errors: vec![ApiError { input: "household", path: String::new(), message: other.to_string() }],
        },
    }
}

/// Validates a partner's pack given as JSON text.
pub fn validate_policy_json(pack: &str) -> ValidateResponse {
    match PolicyPack::from_json(pack) {
        Ok(p) => ValidateResponse::Valid { ok: True, id: p.id, name: p.name, areas: p.areas.len() },
        Err(e) => ValidateResponse::Invalid { ok: False, errors: errors("policy", e) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> Day {
        Day::parse("2026-11-22").expect("day")
    }

    fn json(value: impl Serialize) -> serde_json::Value {
        serde_json::to_value(value).expect("serialises")
    }

    #[test]
    fn a_valid_household_gives_ok_true_and_the_assessment_with_money_as_strings() {
        let r = json(assess_json(
            r#"{"place":{"pack":"shanxi","area":"taiyuan/urban"},"members":[{"age":40}],"income":[{"member":0,"kind":"wages","amount":"500","per":"month"}]}"#,
            PolicyChoice::FromHousehold,
            day(),
        ));
        assert_eq!(r["ok"], true);
        assert_eq!(r["assessment"]["best"]["category"], "dibao");
        assert_eq!(r["assessment"]["household"]["net_income"], "6000");
        assert_eq!(r["assessment"]["standard"]["monthly"], "760");
    }

    #[test]
    fn bad_input_gives_ok_false_with_the_input_and_path_of_each_problem() {
        let r = json(assess_json(r#"{"members":[{"age":-3}]}"#, PolicyChoice::FromHousehold, day()));
        assert_eq!(r["ok"], false);
        assert_eq!(r["errors"][0]["in"], "household");
        assert_eq!(r["errors"][0]["path"], "members[0].age");
        let r = json(assess_json(r#"{"members":[{"age":30}]}"#, PolicyChoice::Builtin("atlantis"), day()));
        assert_eq!(r["errors"][0]["in"], "policy");
        let r = json(assess_json(r#"{"members":[{"age":30}]}"#, PolicyChoice::Json("{\"format\":1}"), day()));
        assert_eq!(r["ok"], false);
        assert_eq!(r["errors"][0]["in"], "policy");
        let r = json(assess_json("not json", PolicyChoice::FromHousehold, day()));
        assert!(r["errors"][0]["message"].as_str().unwrap_or_default().contains("JSON"));
    }

    #[test]
    fn a_partner_pack_is_validated_and_used() {
        let pack = include_str!("../examples/pack-partner-example.json");
        let v = json(validate_policy_json(pack));
        assert_eq!(v["ok"], true);
        assert_eq!(v["id"], "partner/taiyuan-xiaodian");
        let r = json(assess_json(
            r#"{"place":{"area":"xiaodian"},"members":[{"age":40}]}"#,
            PolicyChoice::Json(pack),
            day(),
        ));
        assert_eq!(r["assessment"]["pack"]["id"], "partner/taiyuan-xiaodian");
        let bad = pack.replace("\"yuan_per_month\"", "\"months\"");
        let v = json(validate_policy_json(&bad));
        assert_eq!(v["ok"], false);
        assert!(v["errors"][0]["path"].as_str().unwrap_or_default().ends_with(".unit"));
    }
}
