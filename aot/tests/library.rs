//! Differential tests of class-library areas that need runtime support beyond plain Java:
//! every program under `aot/tests/java/library/` is compiled with javac (files in
//! `<Name>.resources/` become class-path resources), run on HotSpot and built with the
//! release `roast`; stdout and the exit code must be the same. `ZipAndResources` covers
//! resources embedded in the executable (`Class.getResourceAsStream`, JDK data files such as
//! the Unicode name table) and `java.util.zip` over the statically linked zlib (checksums,
//! Deflater/Inflater byte for byte, dictionaries, errors, GZIP and zip streams); `FilesIo`
//! `java.io.File` and the file streams over the OS; `TimeZones` the time-zone database
//! embedded from the JDK home (`lib/tzdb.dat`) and, through `Date.toString`, a virtual call
//! to a method that does not override a package-private one of another package
//! (`ZoneInfo.getOffsets` vs `TimeZone.getOffsets`), which must use its own vtable slot;
//! `PlatformModules` java.logging and java.sql (`jdk::PLATFORM_MODULES`) and `Instant.now()`;
//! `AppLoader` the application class loader of the program's compiled classes (system and
//! context loader, `loadClass`, resources as streams and URLs) and `ServiceLoader` reading
//! the program's `META-INF/services` files.

mod common;

/// The test programs (class name = file stem under `aot/tests/java/library/`).
const PROGRAMS: &[&str] = &[
    "ZipAndResources",
    "FilesIo",
    "TimeZones",
    "PlatformModules",
    "AppLoader",
];

#[test]
fn library_programs_behave_as_on_hotspot() {
    common::check_all("library", PROGRAMS, &[]);
}
