//! The class path: an ordered list of places to find class files.
//!
//! Entries are directories, `.jar`/`.zip` archives, `.jmod` files (a 4-byte `JM\x01\x00`
//! header followed by a zip whose classes live under `classes/`), single `.class` files and
//! in-memory classes. Invariants:
//! - lookups honour order: the first entry that has a class wins;
//! - archives are opened and indexed once, at [`ClassPath::add`]; entries are decompressed
//!   lazily on [`ClassPath::find`], so adding `java.base.jmod` is cheap;
//! - bad input (missing files, broken archives, bad headers) is a [`LoadError`], never a panic;
//! - `module-info` is never returned by `find`;
//! - resources (files that are not classes: under `classes/` in a jmod) are listed by
//!   [`ClassPath::resources`] and read by [`ClassPath::read_resource`] with the same order
//!   rule as classes; a jmod's `lib/` and `conf/` files (the JDK home's) are resources
//!   named with a leading `/` (`/lib/tzdb.dat`), which no class-relative name can be.
//!
//! A `ClassPath` can be shared by threads: each archive sits behind a `Mutex`, held while one
//! entry is decompressed.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use zip::ZipArchive;

use crate::classfile::parse_class;

/// The magic header of a `.jmod` file.
const JMOD_MAGIC: [u8; 4] = *b"JM\x01\x00";
/// Directory nesting limit when listing a class directory.
const MAX_DIR_DEPTH: usize = 64;

/// Where a class-path entry comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A directory of `.class` files laid out by package.
    Dir(PathBuf),
    /// A `.jar` or `.zip` archive.
    Jar(PathBuf),
    /// A `.jmod` file.
    Jmod(PathBuf),
    /// A single `.class` file.
    File(PathBuf),
    /// Classes added from memory, labelled by the caller.
    Memory(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Dir(p) | Origin::Jar(p) | Origin::Jmod(p) | Origin::File(p) => {
                write!(f, "{}", p.display())
            }
            Origin::Memory(label) => f.write_str(label),
        }
    }
}

/// The bytes of a found class and where they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassBytes {
    /// The class-file bytes.
    pub bytes: Vec<u8>,
    /// Human-readable location, e.g. `/x/app.jar!/a/B.class`.
    pub origin: String,
    /// True if the class comes from a user entry (see [`ClassPath::add_with_role`]).
    pub user: bool,
}

/// A class-path entry or class that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file or directory at fault.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

impl LoadError {
    fn new(path: &Path, message: impl fmt::Display) -> Self {
        LoadError {
            path: path.to_path_buf(),
            message: message.to_string(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for LoadError {}

/// A reader that hides the first `base` bytes of the underlying stream (the jmod header).
#[derive(Debug)]
struct SkipHeader<R> {
    inner: R,
    base: u64,
}

impl<R: Read> Read for SkipHeader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf)
    }
}

impl<R: Seek> Seek for SkipHeader<R> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        let pos = match pos {
            SeekFrom::Start(n) => SeekFrom::Start(n.checked_add(self.base).ok_or_else(bad_seek)?),
            other => other,
        };
        let abs = self.inner.seek(pos)?;
        abs.checked_sub(self.base).ok_or_else(bad_seek)
    }
}

fn bad_seek() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "seek before the start of the archive",
    )
}

type Archive = ZipArchive<SkipHeader<BufReader<File>>>;

/// How an entry stores its classes.
enum Source {
    Dir,
    Archive {
        archive: Mutex<Archive>,
        /// Internal class name -> index of the zip entry.
        index: HashMap<String, usize>,
        /// Resource name (path inside the archive, below `classes/` in a jmod) -> index.
        resources: HashMap<String, usize>,
    },
    Memory(HashMap<String, ClassBytes>),
}

struct Entry {
    origin: Origin,
    user: bool,
    source: Source,
}

/// An ordered class path.
#[derive(Default)]
pub struct ClassPath {
    entries: Vec<Entry>,
}

impl fmt::Debug for ClassPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.entries.iter().map(|e| e.origin.to_string()))
            .finish()
    }
}

impl ClassPath {
    /// An empty class path.
    pub fn new() -> Self {
        ClassPath::default()
    }

    /// Adds a user entry: a directory, `.jar`/`.zip`, `.jmod` or single `.class` file.
    pub fn add(&mut self, path: &Path) -> Result<(), LoadError> {
        self.add_with_role(path, true)
    }

    /// Adds an entry; `user` says whether its classes are listed by [`ClassPath::user_classes`].
    pub fn add_with_role(&mut self, path: &Path, user: bool) -> Result<(), LoadError> {
        let meta = std::fs::metadata(path).map_err(|e| LoadError::new(path, e))?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let (origin, source) = if meta.is_dir() {
            (Origin::Dir(path.to_path_buf()), Source::Dir)
        } else {
            match ext.as_deref() {
                Some("jar" | "zip") => (Origin::Jar(path.to_path_buf()), open_archive(path, false)?),
                Some("jmod") => (Origin::Jmod(path.to_path_buf()), open_archive(path, true)?),
                Some("class") => (Origin::File(path.to_path_buf()), single_class(path)?),
                _ => {
                    return Err(LoadError::new(
                        path,
                        "unsupported class path entry (expected a directory, .jar, .zip, .jmod or .class)",
                    ))
                }
            }
        };
        self.entries.push(Entry {
            origin,
            user,
            source,
        });
        Ok(())
    }

    /// Adds an in-memory user class; like every entry, an earlier class of the same name wins.
    pub fn add_bytes(&mut self, name: &str, bytes: Vec<u8>, origin: &str) {
        self.add_bytes_with_role(name, bytes, origin, true);
    }

    /// Adds an in-memory class; `user` as in [`ClassPath::add_with_role`].
    pub fn add_bytes_with_role(&mut self, name: &str, bytes: Vec<u8>, origin: &str, user: bool) {
        let class = ClassBytes {
            bytes,
            origin: origin.to_string(),
            user,
        };
        // Consecutive in-memory classes of the same role share one entry (order is preserved
        // because no other entry sits between them).
        if let Some(Entry {
            user: u,
            source: Source::Memory(map),
            ..
        }) = self.entries.last_mut()
        {
            if *u == user {
                map.entry(name.to_string()).or_insert(class);
                return;
            }
        }
        let map = HashMap::from([(name.to_string(), class)]);
        self.entries.push(Entry {
            origin: Origin::Memory(origin.to_string()),
            user,
            source: Source::Memory(map),
        });
    }

    /// The entries in lookup order.
    pub fn origins(&self) -> impl Iterator<Item = &Origin> {
        self.entries.iter().map(|e| &e.origin)
    }

    /// Finds a class by internal name; `None` if no entry has it.
    pub fn find(&self, internal_name: &str) -> Option<Result<ClassBytes, LoadError>> {
        if internal_name == "module-info" || !is_safe_name(internal_name) {
            return None;
        }
        self.entries.iter().find_map(|entry| {
            let found = find_in(entry, internal_name)?;
            Some(found.map(|class| ClassBytes {
                user: entry.user,
                ..class
            }))
        })
    }

    /// Internal names of all classes in user entries, sorted and without duplicates
    /// (`module-info` excluded).
    pub fn user_classes(&self) -> Vec<String> {
        let mut names = BTreeSet::new();
        for entry in self.entries.iter().filter(|e| e.user) {
            match (&entry.source, &entry.origin) {
                (Source::Dir, Origin::Dir(dir)) => walk_files(dir, "", 0, &mut |name, path| {
                    if let Some(stem) = name.strip_suffix(".class") {
                        if path.is_file() && !stem.rsplit('/').next().unwrap_or("").is_empty() {
                            names.insert(stem.to_string());
                        }
                    }
                }),
                (Source::Archive { index, .. }, _) => names.extend(index.keys().cloned()),
                (Source::Memory(map), _) => names.extend(map.keys().cloned()),
                _ => {}
            }
        }
        names.remove("module-info");
        names.into_iter().collect()
    }

    /// Names of the resources (files that are not classes) of all entries, sorted, each with
    /// whether the first entry that has it (the one [`ClassPath::read_resource`] reads) is a
    /// user entry.
    pub fn resources(&self) -> Vec<(String, bool)> {
        let mut found: std::collections::BTreeMap<String, bool> = Default::default();
        for entry in &self.entries {
            let mut add = |name: &str| {
                if is_safe_name(name.strip_prefix('/').unwrap_or(name)) {
                    found.entry(name.to_string()).or_insert(entry.user);
                }
            };
            match (&entry.source, &entry.origin) {
                (Source::Dir, Origin::Dir(dir)) => walk_files(dir, "", 0, &mut |name, path| {
                    if !name.ends_with(".class") && path.is_file() {
                        add(name);
                    }
                }),
                (Source::Archive { resources, .. }, _) => resources.keys().for_each(|n| add(n)),
                _ => {}
            }
        }
        found.into_iter().collect()
    }

    /// Reads a resource by name (as listed by [`ClassPath::resources`]) from the first entry
    /// that has it; `None` if none has it.
    pub fn read_resource(&self, name: &str) -> Option<Result<Vec<u8>, LoadError>> {
        if !is_safe_name(name.strip_prefix('/').unwrap_or(name)) {
            return None;
        }
        self.entries
            .iter()
            .find_map(|entry| match (&entry.source, &entry.origin) {
                (Source::Dir, Origin::Dir(dir)) if !name.starts_with('/') => {
                    let path = dir.join(name);
                    path.is_file()
                        .then(|| std::fs::read(&path).map_err(|e| LoadError::new(&path, e)))
                }
                (
                    Source::Archive {
                        archive, resources, ..
                    },
                    origin,
                ) => {
                    let i = *resources.get(name)?;
                    Some(read_archive_entry(archive, i, origin).map(|c| c.bytes))
                }
                _ => None,
            })
    }

    /// The `Main-Class` of a jar's manifest, as written (dotted), if any.
    pub fn jar_main_class(path: &Path) -> Result<Option<String>, LoadError> {
        let file = File::open(path).map_err(|e| LoadError::new(path, e))?;
        let mut zip = ZipArchive::new(BufReader::new(file))
            .map_err(|e| LoadError::new(path, format!("not a valid jar: {e}")))?;
        let mut text = Vec::new();
        match zip.by_name("META-INF/MANIFEST.MF") {
            Ok(mut f) => f
                .read_to_end(&mut text)
                .map_err(|e| LoadError::new(path, format!("cannot read manifest: {e}")))?,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(LoadError::new(path, format!("cannot read manifest: {e}"))),
        };
        Ok(manifest_main_class(&String::from_utf8_lossy(&text)))
    }
}

/// Rejects names that could escape a directory entry (`..`, absolute paths, backslashes).
fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.contains('\\')
        && !name.contains('\0')
        && name
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}

fn find_in(entry: &Entry, name: &str) -> Option<Result<ClassBytes, LoadError>> {
    match (&entry.source, &entry.origin) {
        (Source::Dir, Origin::Dir(dir)) => find_in_dir(dir, name),
        (Source::Archive { archive, index, .. }, origin) => {
            let i = *index.get(name)?;
            Some(read_archive_entry(archive, i, origin))
        }
        (Source::Memory(map), _) => map.get(name).cloned().map(Ok),
        _ => None,
    }
}

fn find_in_dir(dir: &Path, name: &str) -> Option<Result<ClassBytes, LoadError>> {
    let path = dir.join(format!("{name}.class"));
    if !path.is_file() {
        return None;
    }
    Some(
        std::fs::read(&path)
            .map(|bytes| ClassBytes {
                bytes,
                origin: path.display().to_string(),
                user: true,
            })
            .map_err(|e| LoadError::new(&path, e)),
    )
}

fn read_archive_entry(
    archive: &Mutex<Archive>,
    index: usize,
    origin: &Origin,
) -> Result<ClassBytes, LoadError> {
    let path = match origin {
        Origin::Jar(p) | Origin::Jmod(p) => p.as_path(),
        _ => Path::new(""),
    };
    let mut archive = archive
        .lock()
        .map_err(|_| LoadError::new(path, "a thread failed while reading this archive"))?;
    let mut file = archive
        .by_index(index)
        .map_err(|e| LoadError::new(path, format!("cannot read entry: {e}")))?;
    let entry_name = file.name().to_string();
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| LoadError::new(path, format!("cannot read {entry_name}: {e}")))?;
    Ok(ClassBytes {
        bytes,
        origin: format!("{}!/{entry_name}", path.display()),
        user: true,
    })
}

/// Opens a jar (or a jmod, skipping its header) and indexes its classes.
fn open_archive(path: &Path, jmod: bool) -> Result<Source, LoadError> {
    let mut file = File::open(path).map_err(|e| LoadError::new(path, e))?;
    let base = if jmod {
        let mut magic = [0u8; 4];
        file.read_exact(&mut magic)
            .map_err(|e| LoadError::new(path, format!("cannot read jmod header: {e}")))?;
        if magic != JMOD_MAGIC {
            return Err(LoadError::new(path, "bad jmod header (expected JM 01 00)"));
        }
        4
    } else {
        0
    };
    let reader = SkipHeader {
        inner: BufReader::new(file),
        base,
    };
    let archive = ZipArchive::new(reader)
        .map_err(|e| LoadError::new(path, format!("not a valid zip archive: {e}")))?;
    let prefix = if jmod { "classes/" } else { "" };
    let (index, resources) = index_archive(&archive, prefix);
    Ok(Source::Archive {
        archive: Mutex::new(archive),
        index,
        resources,
    })
}

/// Maps internal class names and resource names to zip entry indices; the first entry of a
/// name wins. Directory entries and entries outside `prefix` are neither.
fn index_archive(
    archive: &Archive,
    prefix: &str,
) -> (HashMap<String, usize>, HashMap<String, usize>) {
    let mut index = HashMap::with_capacity(archive.len());
    let mut resources = HashMap::new();
    for i in 0..archive.len() {
        let Some(entry) = archive.name_for_index(i) else {
            continue;
        };
        let Some(name) = entry.strip_prefix(prefix) else {
            // A jmod's `lib/` and `conf/` files are the JDK home's: resources named by their
            // path below the home with a leading `/` (`/lib/tzdb.dat`).
            if !prefix.is_empty()
                && is_jdk_home_data(entry)
                && is_safe_name(entry)
                && !entry.ends_with('/')
            {
                resources.entry(format!("/{entry}")).or_insert(i);
            }
            continue;
        };
        if !is_safe_name(name) || name.ends_with('/') {
            continue;
        }
        match name.strip_suffix(".class") {
            Some(class) if !class.starts_with("META-INF/") => {
                index.entry(class.to_string()).or_insert(i);
            }
            Some(_) => {}
            None => {
                resources.entry(name.to_string()).or_insert(i);
            }
        }
    }
    (index, resources)
}

/// Reads a single `.class` file and registers it under the name parsed from its bytes.
fn single_class(path: &Path) -> Result<Source, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::new(path, e))?;
    let class = parse_class(&bytes).map_err(|e| LoadError::new(path, e))?;
    let found = ClassBytes {
        bytes,
        origin: path.display().to_string(),
        user: true,
    };
    Ok(Source::Memory(HashMap::from([(class.name, found)])))
}

/// Calls `visit(relative name, path)` for every file below `dir` (whose relative names start
/// with `prefix`), at most [`MAX_DIR_DEPTH`] levels deep.
fn walk_files(dir: &Path, prefix: &str, depth: usize, visit: &mut dyn FnMut(&str, &Path)) {
    if depth > MAX_DIR_DEPTH {
        return;
    }
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for item in read.flatten() {
        let Ok(file_name) = item.file_name().into_string() else {
            continue;
        };
        let Ok(kind) = item.file_type() else {
            continue;
        };
        let path = item.path();
        if kind.is_dir() {
            walk_files(&path, &format!("{prefix}{file_name}/"), depth + 1, visit);
        } else {
            visit(&format!("{prefix}{file_name}"), &path);
        }
    }
}

/// Extracts `Main-Class` from the main section of a manifest (with continuation lines).
fn manifest_main_class(text: &str) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)) {
        if line.is_empty() {
            break;
        }
        match (line.strip_prefix(' '), lines.last_mut()) {
            (Some(cont), Some(last)) => last.push_str(cont),
            _ => lines.push(line.to_string()),
        }
    }
    lines.iter().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        let value = value.trim();
        (key.trim().eq_ignore_ascii_case("Main-Class") && !value.is_empty())
            .then(|| value.to_string())
    })
}

/// Is a jmod entry outside `classes/` a data file of the JDK home that the class library may
/// read (`lib/tzdb.dat`, `conf/security/java.security`)? HotSpot's native libraries, launchers
/// and the jrt file system's jar are code for a JVM, never data for compiled Java code (and
/// `lib/server/libjvm.so` alone is 24 MB).
fn is_jdk_home_data(entry: &str) -> bool {
    const NATIVE_CODE: [&str; 3] = ["lib/jexec", "lib/jspawnhelper", "lib/jrt-fs.jar"];
    (entry.starts_with("lib/") || entry.starts_with("conf/"))
        && !entry.ends_with(".so")
        && !NATIVE_CODE.contains(&entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    /// A minimal valid class file named `name` (no members).
    fn class_bytes(name: &str) -> Vec<u8> {
        let mut b = vec![0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 61, 0, 5];
        for s in [name, "java/lang/Object"] {
            b.push(1);
            b.extend_from_slice(&u16::try_from(s.len()).unwrap().to_be_bytes());
            b.extend_from_slice(s.as_bytes());
        }
        b.extend_from_slice(&[7, 0, 1, 7, 0, 2]);
        b.extend_from_slice(&[0, 0x21, 0, 3, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    fn write_zip(path: &Path, header: &[u8], files: &[(&str, Vec<u8>)]) {
        let mut out = File::create(path).unwrap();
        out.write_all(header).unwrap();
        let mut buf = io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        for (name, data) in files {
            zip.start_file(*name, SimpleFileOptions::default()).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap();
        out.write_all(buf.get_ref()).unwrap();
    }

    #[test]
    fn directory_entries_and_shadowing() {
        let tmp = tempfile::tempdir().unwrap();
        let (d1, d2) = (tmp.path().join("one"), tmp.path().join("two"));
        std::fs::create_dir_all(d1.join("a")).unwrap();
        std::fs::create_dir_all(d2.join("a")).unwrap();
        std::fs::write(d1.join("a/B.class"), class_bytes("a/B")).unwrap();
        std::fs::write(d2.join("a/B.class"), b"second").unwrap();
        std::fs::write(d2.join("a/C.class"), class_bytes("a/C")).unwrap();
        std::fs::write(d2.join("module-info.class"), b"x").unwrap();
        let mut cp = ClassPath::new();
        cp.add(&d1).unwrap();
        cp.add_with_role(&d2, false).unwrap();
        let b = cp.find("a/B").unwrap().unwrap();
        assert_eq!(b.bytes, class_bytes("a/B"));
        assert!(b.origin.ends_with("a/B.class"));
        assert!(cp.find("a/C").unwrap().is_ok());
        assert!(cp.find("a/D").is_none());
        assert!(cp.find("module-info").is_none());
        assert!(cp.find("../one/a/B").is_none());
        assert_eq!(cp.user_classes(), vec!["a/B".to_string()]);
        assert_eq!(cp.origins().count(), 2);
    }

    #[test]
    fn jar_and_jmod_entries() {
        let tmp = tempfile::tempdir().unwrap();
        let jar = tmp.path().join("app.jar");
        write_zip(
            &jar,
            &[],
            &[
                (
                    "META-INF/MANIFEST.MF",
                    b"Manifest-Version: 1.0\r\nMain-Class: a.Ma\r\n in\r\n\r\n".to_vec(),
                ),
                ("a/Main.class", class_bytes("a/Main")),
                ("META-INF/versions/11/a/Main.class", b"no".to_vec()),
                ("module-info.class", b"no".to_vec()),
                ("readme.txt", b"hi".to_vec()),
            ],
        );
        let jmod = tmp.path().join("m.jmod");
        write_zip(
            &jmod,
            &JMOD_MAGIC,
            &[
                ("classes/a/Main.class", b"shadowed".to_vec()),
                ("classes/b/X.class", class_bytes("b/X")),
                ("lib/tzdb.dat", b"tz".to_vec()),
                ("conf/net.properties", b"p".to_vec()),
                ("lib/server/libjvm.so", b"elf".to_vec()),
                ("lib/jspawnhelper", b"elf".to_vec()),
                ("bin/java", b"elf".to_vec()),
            ],
        );
        let mut cp = ClassPath::new();
        cp.add(&jar).unwrap();
        cp.add_with_role(&jmod, false).unwrap();
        let m = cp.find("a/Main").unwrap().unwrap();
        assert_eq!(m.bytes, class_bytes("a/Main"));
        assert_eq!(m.origin, format!("{}!/a/Main.class", jar.display()));
        let x = cp.find("b/X").unwrap().unwrap();
        assert_eq!(x.origin, format!("{}!/classes/b/X.class", jmod.display()));
        assert!(cp.find("module-info").is_none());
        assert_eq!(cp.user_classes(), vec!["a/Main".to_string()]);
        assert_eq!(
            ClassPath::jar_main_class(&jar).unwrap().as_deref(),
            Some("a.Main")
        );
        assert_eq!(ClassPath::jar_main_class(&jmod).ok().flatten(), None);
        // The JDK home's data files are resources; its native code is not.
        let jdk_home: Vec<String> = cp
            .resources()
            .into_iter()
            .filter(|(name, user)| !user && name.starts_with('/'))
            .map(|(name, _)| name)
            .collect();
        assert_eq!(jdk_home.len(), 2, "{jdk_home:?}");
        assert!(jdk_home.contains(&"/lib/tzdb.dat".to_string()));
        assert!(jdk_home.contains(&"/conf/net.properties".to_string()));
    }

    #[test]
    fn bad_entries_are_load_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let mut cp = ClassPath::new();
        let missing = tmp.path().join("missing.jar");
        let e = cp.add(&missing).unwrap_err();
        assert_eq!(e.path, missing);
        assert!(e.to_string().starts_with(&missing.display().to_string()));
        let not_zip = tmp.path().join("bad.jar");
        std::fs::write(&not_zip, b"this is not a zip file at all").unwrap();
        assert!(cp
            .add(&not_zip)
            .unwrap_err()
            .message
            .contains("not a valid zip"));
        let bad_jmod = tmp.path().join("bad.jmod");
        write_zip(&bad_jmod, b"JX\x01\x00", &[("classes/A.class", vec![1])]);
        assert!(cp
            .add(&bad_jmod)
            .unwrap_err()
            .message
            .contains("jmod header"));
        let short_jmod = tmp.path().join("short.jmod");
        std::fs::write(&short_jmod, b"JM").unwrap();
        assert!(cp.add(&short_jmod).is_err());
        let txt = tmp.path().join("notes.txt");
        std::fs::write(&txt, b"x").unwrap();
        assert!(cp.add(&txt).unwrap_err().message.contains("unsupported"));
        let bad_class = tmp.path().join("Bad.class");
        std::fs::write(&bad_class, b"\xCA\xFE").unwrap();
        assert!(cp
            .add(&bad_class)
            .unwrap_err()
            .message
            .contains("truncated"));
        assert!(ClassPath::jar_main_class(&not_zip).is_err());
        assert_eq!(cp.origins().count(), 0);
    }

    #[test]
    fn single_files_and_memory_classes() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("Whatever.class");
        std::fs::write(&file, class_bytes("p/Q")).unwrap();
        let mut cp = ClassPath::new();
        cp.add_bytes_with_role("java/lang/Object", b"sdk".to_vec(), "sdk", false);
        cp.add(&file).unwrap();
        cp.add_bytes("p/Q", b"later".to_vec(), "mem");
        cp.add_bytes("r/S", b"one".to_vec(), "mem:1");
        cp.add_bytes("r/S", b"two".to_vec(), "mem:2");
        assert_eq!(cp.find("p/Q").unwrap().unwrap().bytes, class_bytes("p/Q"));
        let s = cp.find("r/S").unwrap().unwrap();
        assert_eq!(
            (s.bytes.as_slice(), s.origin.as_str()),
            (&b"one"[..], "mem:1")
        );
        let object = cp.find("java/lang/Object").unwrap().unwrap();
        assert_eq!((object.origin.as_str(), object.user), ("sdk", false));
        assert!(cp.find("p/Q").unwrap().unwrap().user);
        assert_eq!(
            cp.user_classes(),
            vec!["p/Q".to_string(), "r/S".to_string()]
        );
        assert_eq!(
            Origin::File(file.clone()).to_string(),
            file.display().to_string()
        );
    }

    #[test]
    fn manifest_parsing() {
        assert_eq!(
            manifest_main_class("Main-Class: x.Y\n").as_deref(),
            Some("x.Y")
        );
        assert_eq!(manifest_main_class("A: b\n\nMain-Class: x.Y\n"), None);
        assert_eq!(
            manifest_main_class("main-class:  p.Long\n Name\n").as_deref(),
            Some("p.LongName")
        );
        assert_eq!(manifest_main_class(""), None);
    }
}
