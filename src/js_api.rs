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
    use wasm_bindgen::JsCast;

    use crate::api::{self, PolicyChoice};
    use crate::engine::policy::MAX_PACK_BYTES;
    use crate::format::MAX_HOUSEHOLD_BYTES;

    fn to_js<T: Serialize>(value: &T) -> JsValue {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap_or_else(|e| JsValue::from_str(&format!("无法输出结果：{e}")))
    }

    /// The input as a JS string: a string is taken as JSON text already (or a pack id), anything
    /// else is stringified by the browser, outside wasm memory.
    fn js_text(value: &JsValue) -> Result<js_sys::JsString, String> {
        if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
            return Ok(text.clone());
        }
        let text = js_sys::JSON::stringify(value).map_err(|_| "输入无法转换为 JSON（是否有循环引用？）".to_string())?;
        // `undefined` and functions stringify to `undefined`, not to text.
        JsValue::from(text)
            .dyn_into::<js_sys::JsString>()
            .map_err(|_| "缺少输入，或输入不是对象或 JSON 文本".to_string())
    }

    /// Copies the text into wasm memory only when it can be within `max_bytes`: a JS string's
    /// length counts UTF-16 units, and each unit is at least one byte of UTF-8, so a string of more
    /// units is refused before a byte of it is copied (wasm memory, once grown, is never given back;
    /// two maximal strings had exhausted it). One within is copied (at most 3 × `max_bytes`) and its
    /// exact byte count checked by the reader.
    fn bounded(text: &js_sys::JsString, max_bytes: usize, what: &str) -> Result<String, String> {
        let units = usize::try_from(text.length()).unwrap_or(usize::MAX);
        if units > max_bytes {
            return Err(format!("{what}过大（{units} 个字符，上限 {max_bytes} 字节，一个汉字算 3 字节）"));
        }
        text.as_string().ok_or_else(|| "输入不是有效的文本".to_string())
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
        let household = match js_text(&household).and_then(|t| bounded(&t, MAX_HOUSEHOLD_BYTES, "输入")) {
            Ok(text) => text,
            Err(message) => return refused("household", message),
        };
        let policy_text = if policy.is_undefined() || policy.is_null() {
            None
        } else {
            match js_text(&policy).and_then(|t| bounded(&t, MAX_PACK_BYTES, "政策包")) {
                Ok(text) => Some((policy.is_string(), text)),
                Err(message) => return refused("policy", message),
            }
        };
        let choice = match &policy_text {
            None => PolicyChoice::FromHousehold,
            Some((true, text)) if !text.trim_start().starts_with('{') => PolicyChoice::Builtin(text),
            Some((_, text)) => PolicyChoice::Json(text),
        };
        to_js(&api::assess_json(&household, choice, crate::clock::today()))
    }

    /// `validatePolicy(pack)`: `{ ok: true, id, name, areas }` or `{ ok: false, errors }`.
    #[wasm_bindgen(js_name = validatePolicy)]
    pub fn validate_policy_js(pack: JsValue) -> JsValue {
        match js_text(&pack).and_then(|t| bounded(&t, MAX_PACK_BYTES, "政策包")) {
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

    /// A mounted widget: whether its region was found, and a way to take it down (embed.js remounts
    /// it when an attribute changes).
    #[wasm_bindgen]
    pub struct Widget {
        app: Option<yew::AppHandle<crate::ui::App>>,
        region_known: bool,
    }

    #[wasm_bindgen]
    impl Widget {
        /// False when the `region` asked for is not a built-in pack or area (the widget says so too).
        #[wasm_bindgen(getter, js_name = regionKnown)]
        pub fn region_known(&self) -> bool {
            self.region_known
        }

        pub fn destroy(&mut self) {
            if let Some(app) = self.app.take() {
                app.destroy();
            }
        }
    }

    /// Mounts the embedded widget into `root` (inside the custom element's shadow root): in-memory
    /// routes, so the host page's URL is never touched. `region` is `pack` or `pack/area` (the API's
    /// area ids; a city's id places the visitor in the city as a whole, no district chosen); `mode` is `resident` or `hotline`;
    /// `area_kind` is `urban` or `rural`. `on_result` is called with `{ best, categories }` — each a
    /// category code, its name, status and status label, nothing of the answers — once per
    /// completed assessment the user sees.
    #[wasm_bindgen(js_name = mountWidget)]
    pub fn mount_widget(
        root: web_sys::Element,
        region: Option<String>,
        mode: Option<String>,
        area_kind: Option<String>,
        on_result: Option<js_sys::Function>,
    ) -> Widget {
        let mut props =
            crate::ui::AppProps::embedded(region.as_deref().unwrap_or(""), mode.as_deref() == Some("hotline"));
        props.area_kind = match area_kind.as_deref() {
            Some("rural") => Some(crate::engine::household::AreaKind::Rural),
            Some("urban") => Some(crate::engine::household::AreaKind::Urban),
            _ => None,
        };
        props.on_result = on_result.map(|f| {
            yew::Callback::from(
                move |outcome: std::rc::Rc<Result<crate::engine::Assessment, crate::ui::NotAssessed>>| {
                    if let Ok(a) = outcome.as_ref() {
                        let _ = f.call1(&JsValue::NULL, &summary(a));
                    }
                },
            )
        });
        let region_known = !props.region_unknown;
        let app = yew::Renderer::<crate::ui::App>::with_root_and_props(root, props).render();
        Widget { app: Some(app), region_known }
    }

    /// What a host may know of an assessment: the categories and their statuses, no answer.
    fn summary(a: &crate::engine::Assessment) -> JsValue {
        let entry =
            |category: crate::engine::outcome::Category, status: crate::engine::outcome::Status, label: &str| {
                let object = js_sys::Object::new();
                for (key, value) in [
                    ("category", JsValue::from_str(category.code())),
                    ("name", JsValue::from_str(category.name())),
                    ("status", JsValue::from_str(status.code())),
                    ("status_label", JsValue::from_str(label)),
                ] {
                    let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
                }
                JsValue::from(object)
            };
        let categories = js_sys::Array::new();
        for r in &a.results {
            categories.push(&entry(r.category, r.status, &r.status_label()));
        }
        let detail = js_sys::Object::new();
        let best = a.best.as_ref().map_or(JsValue::NULL, |b| entry(b.category, b.status, &b.status_label));
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("best"), &best);
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("categories"), &categories);
        detail.into()
    }
}
