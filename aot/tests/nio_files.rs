//! Differential tests of `java.nio.file` through the JDK's own Unix provider
//! (`sun.nio.fs.UnixFileSystemProvider`, `UnixCopyFile`, `UnixDirectoryStream`,
//! `FileChannelImpl`) over the runtime's natives (`runtime/src/natives/nio_*.rs`): every
//! program under `aot/tests/java/nio/` runs on HotSpot and as a roast executable; stdout and
//! the exit code must be the same. `NioFiles` covers temporary files and directories,
//! creating, reading and writing (strings, bytes, lines, buffered readers and writers,
//! streams, byte channels, FileChannel positional/scatter reads, mappings, locks,
//! transfers), copy/move/delete with their options, attributes and permissions, directory
//! streams, `list`/`walk`/`find`/`walkFileTree`, links, file stores, and the exceptions of failures with
//! HotSpot's messages (NoSuchFileException, FileAlreadyExistsException,
//! DirectoryNotEmptyException, AccessDeniedException, NotDirectoryException, ...).
//! `NioInterrupts` covers interruptible channels: an interrupt closes the channel of the
//! interrupted thread (ClosedByInterruptException, through `Thread.blockedOn`), a close by
//! another thread ends its I/O.

mod common;

/// The test programs (class name = file stem under `aot/tests/java/nio/`).
const PROGRAMS: &[&str] = &["NioFiles", "NioInterrupts"];

#[test]
fn nio_programs_behave_as_on_hotspot() {
    common::check_all("nio", PROGRAMS, &[]);
}

/// The same file operations with a collection every 100 allocations of each thread: the
/// natives' byte arrays, attribute objects and blocking calls (GC safe regions) must stay
/// correct while objects move.
#[test]
fn nio_files_survive_gc_stress() {
    if let Err(e) = common::check_with("nio", "NioFiles", &[], &[], &[("ROAST_GC_STRESS", "100")]) {
        panic!("NioFiles under ROAST_GC_STRESS=100: {e}");
    }
}
