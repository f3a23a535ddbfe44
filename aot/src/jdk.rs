//! Locating the JDK of the build machine: `$JAVA_HOME`, else the real path of `javac` on
//! `PATH`; its `jmods/java.base.jmod` (and the few other modules of [`PLATFORM_MODULES`]) are
//! the class library, its `javac` compiles `.java` inputs.

use std::path::{Path, PathBuf};

/// A JDK installation.
pub struct Jdk {
    /// The JDK's home directory.
    pub home: PathBuf,
}

impl Jdk {
    /// Finds the JDK, with a message saying what was tried on failure.
    pub fn locate() -> Result<Jdk, String> {
        if let Some(home) = std::env::var_os("JAVA_HOME").filter(|h| !h.is_empty()) {
            let home = PathBuf::from(home);
            return Jdk::check(home.clone()).ok_or_else(|| {
                format!(
                    "JAVA_HOME={} has no jmods/java.base.jmod (a full JDK 17 is needed)",
                    home.display()
                )
            });
        }
        let javac = find_in_path("javac")
            .ok_or("no JDK found: set JAVA_HOME or put javac (JDK 17) on PATH")?;
        let real = std::fs::canonicalize(&javac).unwrap_or(javac);
        let home = real
            .parent()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .ok_or("cannot derive the JDK home from javac")?;
        Jdk::check(home.clone()).ok_or_else(|| {
            format!(
                "the JDK at {} has no jmods/java.base.jmod (install openjdk-17-jdk-headless)",
                home.display()
            )
        })
    }

    fn check(home: PathBuf) -> Option<Jdk> {
        home.join("jmods/java.base.jmod")
            .is_file()
            .then_some(Jdk { home })
    }

    /// `java.base.jmod`.
    pub fn java_base(&self) -> PathBuf {
        self.home.join("jmods/java.base.jmod")
    }

    /// The jmods of the other modules roast compiles against besides java.base, those of
    /// [`PLATFORM_MODULES`] that this JDK has. Their classes are JDK classes like
    /// java.base's (`Class.getModule` reports java.base for all of them).
    pub fn platform_modules(&self) -> Vec<PathBuf> {
        PLATFORM_MODULES
            .iter()
            .map(|m| self.home.join(format!("jmods/{m}.jmod")))
            .filter(|p| p.is_file())
            .collect()
    }

    /// The `javac` executable.
    pub fn javac(&self) -> PathBuf {
        self.home.join("bin/javac")
    }
}

/// Modules of the Java SE platform that are plain Java over java.base (no natives of their
/// own, no services roast would have to discover): `java.util.logging`, `java.sql`'s value
/// types and interfaces, `sun.misc.Unsafe`. Their classes are read lazily, only when the
/// program reaches them. Modules with natives or service lookups of their own (java.desktop,
/// java.net.http, java.prefs, jdk.localedata, ...) are not included: a program using them
/// fails at run time with NoClassDefFoundError naming the class.
pub const PLATFORM_MODULES: &[&str] = &[
    "java.logging",
    "java.sql",
    "java.transaction.xa",
    "jdk.unsupported",
];

fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}
