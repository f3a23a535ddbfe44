//! `java.util.TimeZone` natives: the platform's time-zone ID as the JDK finds it on Linux
//! (`TZ`, then `/etc/timezone`, then the `/etc/localtime` symlink into a zoneinfo tree) and
//! the GMT-offset fallback ID. The zone rules themselves come from the JDK's Java code.

use crate::object::Obj;
use crate::strings::java_string;

/// The zoneinfo directories a `TZ` value or `/etc/localtime` link may point into.
const ZONEINFO_DIRS: &[&str] = &[
    "/usr/share/zoneinfo/",
    "/usr/lib/zoneinfo/",
    "/usr/share/lib/zoneinfo/",
];

fn raw(o: Option<Obj>) -> *mut u8 {
    o.map_or(std::ptr::null_mut(), Obj::raw)
}

/// The zone ID named by a `TZ` value or a zoneinfo path: a leading `:` and a zoneinfo
/// directory prefix are dropped, as are the `posix/` and `right/` subtrees.
fn zone_id_from(value: &str) -> Option<String> {
    let mut id = value.strip_prefix(':').unwrap_or(value);
    for dir in ZONEINFO_DIRS {
        if let Some(rest) = id.strip_prefix(dir) {
            id = rest;
        } else if let Some(pos) = id.find("/zoneinfo/") {
            id = &id[pos + "/zoneinfo/".len()..];
        }
    }
    let id = id
        .strip_prefix("posix/")
        .or_else(|| id.strip_prefix("right/"))
        .unwrap_or(id);
    (!id.is_empty() && !id.starts_with('/')).then(|| id.to_string())
}

/// The platform zone ID, as the JDK's `TimeZone_md.c` finds it on Linux.
fn platform_zone_id() -> Option<String> {
    if let Ok(tz) = std::env::var("TZ") {
        if !tz.is_empty() {
            return zone_id_from(&tz);
        }
    }
    if let Ok(text) = std::fs::read_to_string("/etc/timezone") {
        let line = text.lines().next().unwrap_or("").trim();
        if !line.is_empty() {
            return Some(line.to_string());
        }
    }
    let link = std::fs::read_link("/etc/localtime").ok()?;
    zone_id_from(&link.to_string_lossy())
}

/// TimeZone.getSystemTimeZoneID(javaHome): the platform zone ID, or null.
#[export_name = "java/util/TimeZone.getSystemTimeZoneID(Ljava/lang/String;)Ljava/lang/String;"]
pub extern "C" fn timezone_system_id(_java_home: *mut u8) -> *mut u8 {
    raw(platform_zone_id().and_then(|id| java_string(&id)))
}

/// TimeZone.getSystemGMTOffsetID(): `GMT` or `GMT±hh:mm` for the C library's current offset.
#[export_name = "java/util/TimeZone.getSystemGMTOffsetID()Ljava/lang/String;"]
pub extern "C" fn timezone_gmt_offset_id() -> *mut u8 {
    raw(java_string(&gmt_offset_id(local_offset_seconds())))
}

fn gmt_offset_id(offset: i64) -> String {
    if offset == 0 {
        return "GMT".to_string();
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.abs() / 60;
    format!("GMT{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The local time's offset from UTC in seconds, from the C library (`tm_gmtoff`).
fn local_offset_seconds() -> i64 {
    /// `struct tm` of glibc (x86-64 and aarch64).
    #[repr(C)]
    struct Tm {
        fields: [i32; 9],
        gmtoff: i64,
        zone: *const u8,
    }
    extern "C" {
        fn time(t: *mut i64) -> i64;
        fn localtime_r(t: *const i64, out: *mut Tm) -> *mut Tm;
    }
    let mut tm = Tm {
        fields: [0; 9],
        gmtoff: 0,
        zone: std::ptr::null(),
    };
    // SAFETY: `time` with a null argument and `localtime_r` into a local struct of glibc's layout.
    unsafe {
        let now = time(std::ptr::null_mut());
        if localtime_r(&now, &mut tm).is_null() {
            return 0;
        }
    }
    tm.gmtoff
}
