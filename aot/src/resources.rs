//! Which class-path resources (files that are not classes) are embedded in the executable,
//! where `Class.getResourceAsStream` finds them at run time.
//!
//! Rules (a closed world without configuration files):
//! - every resource of the user's inputs (directories and jars given to `roast build`) is
//!   embedded: the program may read any of them by a computed name;
//! - a resource of the JDK (java.base's `classes/` files such as `java/lang/uniName.dat`) is
//!   embedded only when compiled code names it: some string literal of a reachable method is
//!   a prefix of the resource's file name (`"uniName.dat"`, `"nfc"` for `nfc.nrm`,
//!   `"hijrah-config-"` for `hijrah-config-Hijrah-umalqura_islamic-umalqura.properties`), at
//!   least [`MIN_PREFIX`] characters long, or ends with `/` + its file name (a path literal).
//!   This keeps the 150 KB Unicode name table out of programs that never call
//!   `Character.getName`;
//! - files of the JDK home (`/lib/tzdb.dat`, `/conf/net.properties`: a jmod's `lib/` and
//!   `conf/` entries, named with a leading `/`) by the same literal rule. At run time they
//!   appear under the `java.home` recorded at build time (`runtime/src/natives/io.rs`), so
//!   the JDK's code that reads `java.home/lib/tzdb.dat` works on machines without a JDK.
//!
//! Invariant: the result is sorted by name with no duplicates, and each name's bytes come
//! from the first class-path entry that has it, as class lookups do.

use crate::classpath::ClassPath;

/// Shortest string literal that selects JDK resources by prefix.
const MIN_PREFIX: usize = 3;

/// An embedded resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// Path inside its class-path entry, e.g. `config/app.properties`.
    pub name: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// The resources to embed, given the string literals of the compiled code.
pub fn select(classpath: &ClassPath, literals: &[String]) -> Result<Vec<Resource>, String> {
    let mut selected = Vec::new();
    for (name, user) in classpath.resources() {
        if name == "META-INF/MANIFEST.MF" && !user {
            continue;
        }
        if !user && !named_by_literal(&name, literals) {
            continue;
        }
        match classpath.read_resource(&name) {
            Some(Ok(bytes)) => selected.push(Resource { name, bytes }),
            Some(Err(e)) => return Err(format!("cannot embed resource {name}: {e}")),
            None => {}
        }
    }
    Ok(selected)
}

/// Does a literal name the JDK resource `name` (see the module rules)?
fn named_by_literal(name: &str, literals: &[String]) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    literals.iter().any(|l| {
        (l.len() >= MIN_PREFIX && file.starts_with(l.as_str()))
            || l.strip_suffix(file).is_some_and(|dir| dir.ends_with('/'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn file_name_prefix_selects() {
        let l = lits(&["uniName.dat", "nfc", "hijrah-config-"]);
        assert!(named_by_literal("java/lang/uniName.dat", &l));
        assert!(named_by_literal(
            "jdk/internal/icu/impl/data/icudt67b/nfc.nrm",
            &l
        ));
        assert!(named_by_literal(
            "java/time/chrono/hijrah-config-Hijrah-umalqura_islamic-umalqura.properties",
            &l
        ));
        assert!(!named_by_literal("java/util/currency.data", &l));
    }

    #[test]
    fn short_literals_and_directory_names_do_not_select() {
        let l = lits(&["un", "java/lang", "", "lang/"]);
        assert!(!named_by_literal("java/lang/uniName.dat", &l));
    }

    #[test]
    fn path_literals_select() {
        let l = lits(&["/jdk/internal/icu/impl/data/icudt67b/uprops.icu"]);
        assert!(named_by_literal(
            "jdk/internal/icu/impl/data/icudt67b/uprops.icu",
            &l
        ));
        assert!(!named_by_literal(
            "jdk/internal/icu/impl/data/icudt67b/ubidi.icu",
            &l
        ));
        // "xuprops.icu" does not end with "/uprops.icu".
        assert!(!named_by_literal("a/uprops.icu", &lits(&["xuprops.icu"])));
    }
}
