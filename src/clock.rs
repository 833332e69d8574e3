//! The one clock: today's date for the page, the JS API and the CLI. The engine itself never reads
//! a clock (it is given the day), so an assessment can always be repeated for a past day.

use crate::engine::Day;

/// Today: in the browser, from the device's clock in its own time zone (JavaScript's `Date`: it
/// always names a real calendar day, so the fallback is never taken; the standard clock,
/// `SystemTime`, panics on this target); elsewhere, in Beijing time (UTC+8), the day residents mean.
pub fn today() -> Day {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        Day::from_ymd(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8).unwrap_or(Day::MIN)
    }
    #[cfg(not(target_arch = "wasm32"))]
    Day::from(time::OffsetDateTime::now_utc().to_offset(time::macros::offset!(+8)).date())
}
