//! The JavaScript boundary (wasm32 only): the partner API (`assess`, `validatePolicy`; feature `api`,
//! bundle `api.js`) and the functions that mount the page or the embedded widget (feature `page`,
//! bundle `app.js`). Conversions only; the logic is in `api.rs` (tested natively) and the DTOs are
//! its serde types. Nothing here throws: every failure is a value.

#[cfg(feature = "page")]
pub use mount::*;
#[cfg(feature = "api")]
pub use partner::*;

#[cfg(feature = "api")]
mod partner {
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    use crate::api::{self, PolicyChoice};

    fn to_js<T: Serialize>(value: &T) -> JsValue {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap_or_else(|e| JsValue::from_str(&format!("无法输出结果：{e}")))
    }

    /// JSON text of a JS value: a string is taken as JSON text already, anything else is stringified.
    fn json_text(value: &JsValue) -> Result<String, String> {
        if let Some(text) = value.as_string() {
            return Ok(text);
        }
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| "输入无法转换为 JSON（是否有循环引用？）".to_string())
    }

    fn refused(input: &'static str, message: String) -> JsValue {
        to_js(&api::AssessResponse::Refused {
            ok: api::False,
            errors: vec![api::ApiError { input, path: String::new(), message }],
        })
    }

    /// `assess(household, policy?)`: `policy` may be omitted (the household's `place.pack`), a built-in
    /// pack id (`"shanxi"`), or a partner's pack (object or JSON text).
    #[wasm_bindgen(js_name = assess)]
    pub fn assess_js(household: JsValue, policy: JsValue) -> JsValue {
        let household = match json_text(&household) {
            Ok(text) => text,
            Err(message) => return refused("household", message),
        };
        let policy_text;
        let choice = if policy.is_undefined() || policy.is_null() {
            PolicyChoice::FromHousehold
        } else if let Some(text) = policy.as_string().filter(|t| !t.trim_start().starts_with('{')) {
            policy_text = text;
            PolicyChoice::Builtin(&policy_text)
        } else {
            policy_text = match json_text(&policy) {
                Ok(text) => text,
                Err(message) => return refused("policy", message),
            };
            PolicyChoice::Json(&policy_text)
        };
        to_js(&api::assess_json(&household, choice, crate::ui::today()))
    }

    /// `validatePolicy(pack)`: `{ ok: true, id, name, areas }` or `{ ok: false, errors }`.
    #[wasm_bindgen(js_name = validatePolicy)]
    pub fn validate_policy_js(pack: JsValue) -> JsValue {
        match json_text(&pack) {
            Ok(text) => to_js(&api::validate_policy_json(&text)),
            Err(message) => to_js(&api::ValidateResponse::Invalid {
                ok: api::False,
                errors: vec![api::ApiError { input: "policy", path: String::new(), message }],
            }),
        }
    }
}

#[cfg(feature = "page")]
mod mount {
    use wasm_bindgen::prelude::*;

    /// Mounts the full page (hash routes) into `root`; called by `boot.js`.
    #[wasm_bindgen(js_name = mountPage)]
    pub fn mount_page(root: web_sys::Element) {
        yew::Renderer::<crate::ui::App>::with_root_and_props(root, crate::ui::AppProps::default()).render();
    }

    /// Mounts the embedded widget into `root` (inside the custom element's shadow root): in-memory
    /// routes, so the host page's URL is never touched. `region` is `pack` or `pack/area-prefix`
    /// (`shanxi/taiyuan`); `mode` is `resident` or `hotline`.
    #[wasm_bindgen(js_name = mountWidget)]
    pub fn mount_widget(root: web_sys::Element, region: Option<String>, mode: Option<String>) {
        let props = crate::ui::AppProps::embedded(region.as_deref().unwrap_or(""), mode.as_deref() == Some("hotline"));
        yew::Renderer::<crate::ui::App>::with_root_and_props(root, props).render();
    }
}
