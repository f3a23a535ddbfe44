//! The object cache: the machine code of one unit (see `lower::LoweredProgram`), stored under
//! a key that hashes the unit's LLVM bitcode together with everything else that shapes code
//! generation: the LLVM version, `emit::CODEGEN_REVISION` (the pass pipeline and target
//! machine settings), target triple and optimization level.
//!
//! Invariants:
//! - A key names exactly one object: the bitcode is the whole input of code generation (it
//!   carries every layout, offset and symbol the lowering chose, so a change of the compiler
//!   or of the runtime contract changes the bitcode), so an entry can be reused by any build
//!   of any program, by any build of roast, that produces the same unit.
//! - A unit's bitcode includes the `available_externally` copies of other classes' small
//!   callees (`lower::inline_copies`), so the key covers their code too: a change to a
//!   copied callee (or to a lowering fact its copy uses) gives its callers' units new keys.
//! - Entries are written to a temporary file and renamed into place, so concurrent builds
//!   sharing a cache never see a partial object.
//! - A cache that cannot be used (no home directory, read-only file system) only costs time:
//!   the build goes on without it.

use std::path::{Path, PathBuf};

/// Where compiled units are kept between builds.
pub struct ObjectCache {
    dir: Option<PathBuf>,
    config: String,
}

impl ObjectCache {
    /// Opens the cache in `dir` (None: `$ROAST_CACHE_DIR`, `$XDG_CACHE_HOME/roast` or
    /// `~/.cache/roast`), or a disabled cache when `enabled` is false. `codegen` describes
    /// the code generator settings (triple, CPU, optimization).
    pub fn open(dir: Option<&Path>, enabled: bool, codegen: &str) -> ObjectCache {
        let dir = if enabled {
            dir.map(Path::to_path_buf).or_else(default_dir)
        } else {
            None
        };
        let dir = dir.and_then(|d| {
            let objects = d.join("objects");
            std::fs::create_dir_all(&objects).ok().map(|_| objects)
        });
        ObjectCache {
            dir,
            config: format!(
                "{}|{}|{codegen}",
                crate::lower::emit::CODEGEN_REVISION,
                llvm_version()
            ),
        }
    }

    /// Is the cache in use?
    pub fn enabled(&self) -> bool {
        self.dir.is_some()
    }

    /// The key of a unit with this bitcode.
    pub fn key(&self, bitcode: &[u8]) -> u128 {
        let mut input = Vec::with_capacity(bitcode.len() + self.config.len() + 1);
        input.extend_from_slice(self.config.as_bytes());
        input.push(0);
        input.extend_from_slice(bitcode);
        twox_hash::XxHash3_128::oneshot(&input)
    }

    fn path(&self, key: u128) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(format!("{key:032x}.o")))
    }

    /// The cached object of `key`, if there is one.
    pub fn lookup(&self, key: u128) -> Option<PathBuf> {
        self.path(key).filter(|p| p.is_file())
    }

    /// Moves a freshly compiled object into the cache; returns where it now is (the object
    /// stays where it was if the cache is disabled or cannot be written).
    pub fn store(&self, key: u128, object: &Path) -> PathBuf {
        let Some(dest) = self.path(key) else {
            return object.to_path_buf();
        };
        // Unique per process and store, so that threads and concurrent builds never share one.
        static STORES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = STORES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = dest.with_extension(format!("tmp{}-{n}", std::process::id()));
        let stored = std::fs::copy(object, &tmp).is_ok() && std::fs::rename(&tmp, &dest).is_ok();
        if stored {
            dest
        } else {
            let _ = std::fs::remove_file(&tmp);
            object.to_path_buf()
        }
    }
}

fn default_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("ROAST_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("roast"));
    }
    std::env::var_os("HOME")
        .filter(|d| !d.is_empty())
        .map(|h| PathBuf::from(h).join(".cache/roast"))
}

/// The version of the LLVM library roast runs on.
fn llvm_version() -> String {
    let (mut major, mut minor, mut patch) = (0u32, 0u32, 0u32);
    // SAFETY: LLVMGetVersion only writes the three integers it is given.
    unsafe { inkwell::llvm_sys::core::LLVMGetVersion(&mut major, &mut minor, &mut patch) };
    format!("LLVM {major}.{minor}.{patch}")
}
