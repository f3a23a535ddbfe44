//! Locating the JDK of the build machine: `$JAVA_HOME`, else the real path of `javac` on
//! `PATH`; its `jmods/java.base.jmod` is the class library, its `javac` compiles `.java` inputs.

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

    /// The `javac` executable.
    pub fn javac(&self) -> PathBuf {
        self.home.join("bin/javac")
    }
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}
