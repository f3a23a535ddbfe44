//! Start-up of an interpret-program executable (`roast build --interpret-program`): the
//! natives behind `RoastVM.runInterpretedMain`, which loads the main class through the
//! SDK's application class loader (`java.lang.RoastAppClassLoader`, which defines the
//! embedded program class files) and calls its `main` here.
//!
//! Invariants:
//! - `main` runs with the thread's frame-record list cut below it, so stack traces and
//!   `StackWalker`s end at `main` like HotSpot's (the launcher's compiled frames hold no
//!   interpreter roots; the list is restored when `main` returns).
//! - The main class is initialized first (JVMS §5.5, as the java launcher does); an
//!   exception of its initializer stays pending and `main` is not called.

use crate::classes::desc_of_mirror;
use crate::object::{cstr, DescExt, Obj};

/// JVM access flag `ACC_STATIC`.
const STATIC: u32 = 0x0008;

/// The main class of an interpret-program build (binary name), or None.
pub fn interpreted_main() -> Option<&'static str> {
    extern "C" {
        static roast_interpreted_main: [u8; 0];
    }
    // SAFETY: the compiler always emits this NUL-terminated constant (empty when the
    // program is compiled).
    let name = cstr(unsafe { roast_interpreted_main.as_ptr() });
    (!name.is_empty()).then_some(name)
}

/// RoastVM.interpretedMainClass: the main class to interpret, or null for compiled builds.
#[export_name = "java/lang/RoastVM.interpretedMainClass()Ljava/lang/String;"]
pub extern "C" fn interpreted_main_class() -> *mut u8 {
    interpreted_main()
        .and_then(crate::strings::java_string)
        .map_or(std::ptr::null_mut(), |s| s.raw())
}

/// RoastVM.invokeMain: initializes `class` and calls its `public static void
/// main(String[])` with `args`; the callee's exception stays pending.
#[export_name = "java/lang/RoastVM.invokeMain(Ljava/lang/Class;[Ljava/lang/String;)V"]
pub extern "C" fn invoke_main(class: *mut u8, args: *mut u8) {
    let Some(desc) = Obj::from_raw(class).and_then(desc_of_mirror) else {
        crate::throw::npe(None);
        return;
    };
    let main = desc.meta().and_then(|m| {
        if m.methods.is_null() {
            return None;
        }
        // SAFETY: the metadata holds `n_methods` contiguous records.
        let methods = unsafe { std::slice::from_raw_parts(m.methods, m.n_methods as usize) };
        methods.iter().find(|mm| {
            cstr(mm.name) == "main"
                && cstr(mm.descriptor) == "([Ljava/lang/String;)V"
                && mm.access & STATIC != 0
                && !mm.entry.is_null()
        })
    });
    let Some(main) = main else {
        crate::throw::linkage(
            3,
            &format!(
                "main method not found in class {}",
                crate::classes::java_name(desc)
            ),
        );
        return;
    };
    crate::classes::roast_init_class(desc);
    if crate::thread::pending().is_some() {
        return;
    }
    // SAFETY: `entry` is the method's entry point (an interpreter thunk or compiled code)
    // with the C convention for `void (ref)`.
    let entry: extern "C" fn(*mut u8) = unsafe { std::mem::transmute(main.entry) };
    let state = crate::thread::state();
    let below = state.top_frame;
    state.top_frame = std::ptr::null_mut();
    entry(args);
    crate::thread::state().top_frame = below;
}
