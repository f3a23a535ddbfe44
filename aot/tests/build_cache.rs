//! Rebuilding a program that did not change: every unit — the code units lowered on several
//! threads and the data and resource units — comes from the object cache, and the two
//! executables are byte for byte the same (reproducible builds: nothing in the lowering may
//! depend on hash order or thread scheduling).

mod common;

use std::process::Command;

const PROGRAM: &str = r#"
import java.util.*;
import java.util.stream.*;
public class Rebuild {
    record Pair(String name, int value) {}
    public static void main(String[] args) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String w : "the quick brown fox jumps over the lazy dog the end".split(" ")) {
            counts.merge(w, 1, Integer::sum);
        }
        List<Pair> pairs = counts.entrySet().stream()
            .map(e -> new Pair(e.getKey(), e.getValue()))
            .collect(Collectors.toList());
        System.out.println(pairs + " " + String.format("%,d", 1234567));
    }
}
"#;

/// The `-v` progress line that starts with `prefix`, from a build's stderr.
fn progress_line<'a>(stderr: &'a str, prefix: &str) -> &'a str {
    stderr
        .lines()
        .find_map(|l| {
            l.split_once("] ")
                .and_then(|(_, rest)| rest.strip_prefix(prefix))
        })
        .unwrap_or_else(|| panic!("no progress line {prefix:?} in:\n{stderr}"))
}

#[test]
fn unchanged_rebuild_reuses_every_unit_and_is_reproducible() {
    let Ok(jdk) = roast_aot::jdk::Jdk::locate() else {
        eprintln!("skipped: no JDK found");
        return;
    };
    let roast = common::release_roast();
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("Rebuild.java");
    std::fs::write(&source, PROGRAM).unwrap();
    let build = |output: &str| {
        let out = Command::new(&roast)
            .args(["build", "-v", "--main", "Rebuild", "-o"])
            .arg(dir.path().join(output))
            .arg(&source)
            .output()
            .expect("run roast build");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "roast build failed:\n{stderr}");
        stderr
    };
    build("first");
    let second = build("second");

    // "lowered and compiled N code units, M from the cache (T threads)"
    let code = progress_line(&second, "lowered and compiled ");
    let words: Vec<&str> = code.split_whitespace().collect();
    assert_eq!(words[1..3], ["code", "units,"], "unexpected line {code:?}");
    assert_eq!(
        words[0].parse::<usize>().unwrap(),
        words[3].parse::<usize>().unwrap(),
        "a code unit of the unchanged program was compiled again: {code:?}"
    );
    let tail = progress_line(
        &second,
        "lowered and compiled the data and resource units, ",
    );
    assert!(
        tail.starts_with("2 from the cache"),
        "the data or resource unit was compiled again: {tail:?}"
    );

    let first = std::fs::read(dir.path().join("first")).unwrap();
    let second = std::fs::read(dir.path().join("second")).unwrap();
    assert!(
        first == second,
        "two builds of the same program differ ({} and {} bytes)",
        first.len(),
        second.len()
    );
    let run = Command::new(dir.path().join("second")).output().unwrap();
    assert!(run.status.success());
    // HotSpot runs the same source (single-file source launch).
    let java = Command::new(jdk.home.join("bin/java"))
        .arg(&source)
        .output()
        .expect("run java");
    assert!(java.status.success());
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&java.stdout)
    );
}
