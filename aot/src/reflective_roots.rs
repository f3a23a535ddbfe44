//! Classes that code creates reflectively, kept by reachability without user configuration.
//!
//! RTA only sees `new`; java.base also creates objects by name (`Class.forName(name)` +
//! `getDeclaredConstructor().newInstance()`), and the runtime creates some in natives. Three
//! rules make those classes instantiated and their constructors reachable:
//!
//! 1. [`RULES`]: a fixed list of JDK classes, each kept once its trigger method (the JDK code
//!    that instantiates it by name, or the native that allocates it) is reachable. Found by
//!    following the JDK's code paths (locale providers, resource bundles); extend it when a
//!    program fails with a "not compiled into this program" error on such a path.
//! 2. `Class.forName("constant", ...)` (an `ldc` string at most three instructions before the
//!    call, so `forName(String)` and `forName(String, boolean, ClassLoader)`): the named
//!    class is loaded and initialized, and when it is a concrete class with a no-argument
//!    constructor, instantiated with that constructor reachable (see `reach.rs`).
//! 3. Program classes (not JDK ones) named by a class literal or a constant `Class.forName`:
//!    when the program can reflect on constructors (`Class.getDeclaredConstructor` & co.),
//!    every constructor of those classes is kept.
//!
//! 4. The program's own classes (every class of the user's inputs, never the JDK's): when a
//!    program class calls a method that reflects on methods ([`is_method_reflection`]:
//!    `Class.getDeclaredMethods` & co., record components, enclosing methods, proxies) or
//!    `Class.forName` with a name that is not a constant, every
//!    such class is loaded and kept in full: concrete classes instantiated, every method
//!    with code compiled, and every virtual method a selector (so overriders in
//!    instantiated classes, lambda proxies included, are compiled for reflective dispatch);
//!    the classes named by their members' descriptors (arrays included) are loaded, so
//!    that reflection can report member types.
//!    JDK methods stay pruned: the metadata lists them without entry point and a reflective
//!    call of one throws an exception naming it. The same rule applies once
//!    `ClassLoader.defineClass1` is reachable (the program can define classes at run time,
//!    which the interpreter runs and which link against program classes by name).
//! 5. Dynamic loading, JDK side: once `ClassLoader.defineClass1` is reachable, the public
//!    and protected methods of the JDK classes the program already uses (a reachable method
//!    or an instance) in the core API packages ([`CORE_API_PACKAGES`]) are kept, iterated to
//!    the fixpoint, so that the core API runs compiled; any other pruned JDK method that
//!    interpreted code calls is interpreted from the embedded class library
//!    (`crate::jdk_bytecode`; ARCHITECTURE.md "Interpreter", "Pruned members").
//! 6. Service providers: once `ServiceLoader.load` is reachable, every class named in a
//!    `META-INF/services/<service>` file of the user's inputs is loaded and kept with its
//!    public no-argument constructor (the `ServiceLoader` of the application class loader
//!    instantiates it by name). A name that is not a class of the inputs is left to fail at
//!    run time with HotSpot's ServiceConfigurationError.
//!
//! Invariants: the rules only add reachability (RTA stays an over-approximation); each rule
//! and each literal class is applied once; [`extend`] reports whether it added anything, and
//! the analysis runs to a fixpoint around it.

use crate::program::{ClassId, Program};
use crate::reach::Reachability;

/// One keep-alive rule: when `trigger` (class, method name) is reachable, every class of
/// `keep` is instantiated with the constructor of the given descriptor (None: none).
pub struct Rule {
    /// The method whose reachability activates the rule.
    pub trigger: (&'static str, &'static str),
    /// Classes to instantiate, each with the constructor to make reachable.
    pub keep: &'static [(&'static str, Option<&'static str>)],
}

/// The JDK's reflective instantiations roast knows about.
pub const RULES: &[Rule] = &[
    // LocaleProviderAdapter.forType instantiates the adapter of each provider type by name
    // (Type.getAdapterClassName); the default java.locale.providers is CLDR,COMPAT(=JRE),
    // with FALLBACK for the root locale.
    Rule {
        trigger: ("sun/util/locale/provider/LocaleProviderAdapter", "forType"),
        keep: &[
            ("sun/util/cldr/CLDRLocaleProviderAdapter", Some("()V")),
            (
                "sun/util/locale/provider/JRELocaleProviderAdapter",
                Some("()V"),
            ),
            (
                "sun/util/locale/provider/FallbackLocaleProviderAdapter",
                Some("()V"),
            ),
        ],
    },
    // Bundles.findBundleOf loads locale data bundles by name (Class.forName(Module, String))
    // and instantiates them through JavaUtilResourceBundleAccess.newResourceBundle: the
    // format data of the root, English and US English locales (the only ones java.base has
    // besides en_US_POSIX), CLDR and COMPAT.
    Rule {
        trigger: ("sun/util/resources/Bundles", "findBundleOf"),
        keep: &[
            ("sun/text/resources/cldr/FormatData", Some("()V")),
            ("sun/text/resources/cldr/FormatData_en", Some("()V")),
            ("sun/text/resources/FormatData", Some("()V")),
            ("sun/text/resources/FormatData_en", Some("()V")),
            ("sun/text/resources/FormatData_en_US", Some("()V")),
        ],
    },
    // The other locale bundles, each created by name when its LocaleData getter runs.
    Rule {
        trigger: ("sun/util/resources/LocaleData", "getTimeZoneNames"),
        keep: &[
            ("sun/util/resources/cldr/TimeZoneNames", Some("()V")),
            ("sun/util/resources/cldr/TimeZoneNames_en", Some("()V")),
            ("sun/util/resources/TimeZoneNames", Some("()V")),
            ("sun/util/resources/TimeZoneNames_en", Some("()V")),
        ],
    },
    Rule {
        trigger: ("sun/util/resources/LocaleData", "getCurrencyNames"),
        keep: &[
            ("sun/util/resources/cldr/CurrencyNames", Some("()V")),
            ("sun/util/resources/cldr/CurrencyNames_en", Some("()V")),
            ("sun/util/resources/CurrencyNames", Some("()V")),
            ("sun/util/resources/CurrencyNames_en_US", Some("()V")),
        ],
    },
    Rule {
        trigger: ("sun/util/resources/LocaleData", "getLocaleNames"),
        keep: &[
            ("sun/util/resources/cldr/LocaleNames", Some("()V")),
            ("sun/util/resources/cldr/LocaleNames_en", Some("()V")),
            ("sun/util/resources/LocaleNames", Some("()V")),
            ("sun/util/resources/LocaleNames_en", Some("()V")),
        ],
    },
    Rule {
        trigger: ("sun/util/resources/LocaleData", "getCalendarData"),
        keep: &[
            ("sun/util/resources/cldr/CalendarData", Some("()V")),
            ("sun/util/resources/CalendarData", Some("()V")),
            ("sun/util/resources/CalendarData_en", Some("()V")),
        ],
    },
    Rule {
        trigger: ("sun/util/resources/LocaleData", "getBreakIteratorInfo"),
        keep: &[("sun/text/resources/BreakIteratorInfo", Some("()V"))],
    },
    Rule {
        trigger: ("sun/util/resources/LocaleData", "getBreakIteratorResources"),
        keep: &[("sun/text/resources/BreakIteratorResources", Some("()V"))],
    },
    Rule {
        trigger: ("sun/util/resources/LocaleData", "getCollationData"),
        keep: &[("sun/text/resources/CollationData", Some("()V"))],
    },
    // Security providers create their engines by class name (Provider.Service.newInstance:
    // Class.forName + getConstructor): the SUN provider's message digests...
    Rule {
        trigger: ("java/security/MessageDigest", "getInstance"),
        keep: &[
            ("sun/security/provider/MD2", Some("()V")),
            ("sun/security/provider/MD5", Some("()V")),
            ("sun/security/provider/SHA", Some("()V")),
            ("sun/security/provider/SHA2$SHA224", Some("()V")),
            ("sun/security/provider/SHA2$SHA256", Some("()V")),
            ("sun/security/provider/SHA5$SHA384", Some("()V")),
            ("sun/security/provider/SHA5$SHA512", Some("()V")),
            ("sun/security/provider/SHA5$SHA512_224", Some("()V")),
            ("sun/security/provider/SHA5$SHA512_256", Some("()V")),
            ("sun/security/provider/SHA3$SHA224", Some("()V")),
            ("sun/security/provider/SHA3$SHA256", Some("()V")),
            ("sun/security/provider/SHA3$SHA384", Some("()V")),
            ("sun/security/provider/SHA3$SHA512", Some("()V")),
        ],
    },
    // ... and its random number generators (`new SecureRandom()`, getInstance), with and
    // without SecureRandomParameters.
    Rule {
        trigger: ("java/security/SecureRandom", "getDefaultPRNG"),
        keep: SECURE_RANDOM_ENGINES,
    },
    Rule {
        trigger: ("java/security/SecureRandom", "getInstance"),
        keep: SECURE_RANDOM_ENGINES,
    },
    // NativePRNG mixes its output with the SUN provider's SHA1PRNG, which digests with the
    // provider's SHA-1 class, created by name.
    Rule {
        trigger: ("sun/security/provider/SecureRandom", "init"),
        keep: &[("sun/security/provider/SHA", Some("()V"))],
    },
    // FileChannel.map wraps a mapping in a DirectByteBuffer (or the read-only
    // DirectByteBufferR) made through the constructor sun.nio.ch.Util looks up by name.
    Rule {
        trigger: ("sun/nio/ch/Util", "initDBBConstructor"),
        keep: &[(
            "java/nio/DirectByteBuffer",
            Some("(IJLjava/io/FileDescriptor;Ljava/lang/Runnable;ZLjdk/internal/access/foreign/MemorySegmentProxy;)V"),
        )],
    },
    Rule {
        trigger: ("sun/nio/ch/Util", "initDBBRConstructor"),
        keep: &[(
            "java/nio/DirectByteBufferR",
            Some("(IJLjava/io/FileDescriptor;Ljava/lang/Runnable;ZLjdk/internal/access/foreign/MemorySegmentProxy;)V"),
        )],
    },
    // The runtime builds Field objects natively (runtime/src/natives/members.rs), as
    // HotSpot's VM does.
    Rule {
        trigger: ("java/lang/Class", "newField0"),
        keep: &[("java/lang/reflect/Field", None)],
    },
    // The SDK builds Method and RecordComponent objects with Unsafe.allocateInstance
    // (sdk/java.base/java/lang/RoastMembers.java), as HotSpot's VM does.
    Rule {
        trigger: ("java/lang/RoastMembers", "newMethod"),
        keep: &[("java/lang/reflect/Method", None)],
    },
    Rule {
        trigger: ("java/lang/RoastMembers", "newRecordComponent"),
        keep: &[("java/lang/reflect/RecordComponent", None)],
    },
];

/// The SUN provider's SecureRandom implementations, with the no-argument constructor and the
/// one taking SecureRandomParameters (the provider tries both; a class lacking one skips it).
const SECURE_RANDOM_ENGINES: &[(&str, Option<&str>)] = &[
    ("sun/security/provider/NativePRNG", Some("()V")),
    ("sun/security/provider/NativePRNG", Some(WITH_PARAMETERS)),
    ("sun/security/provider/NativePRNG$Blocking", Some("()V")),
    (
        "sun/security/provider/NativePRNG$Blocking",
        Some(WITH_PARAMETERS),
    ),
    ("sun/security/provider/NativePRNG$NonBlocking", Some("()V")),
    (
        "sun/security/provider/NativePRNG$NonBlocking",
        Some(WITH_PARAMETERS),
    ),
    ("sun/security/provider/DRBG", Some(WITH_PARAMETERS)),
    ("sun/security/provider/SecureRandom", Some("()V")),
];

/// The constructor descriptor of a SecureRandom engine taking parameters.
const WITH_PARAMETERS: &str = "(Ljava/security/SecureRandomParameters;)V";

/// Methods of `java.lang.Class` through which a program reflects on constructors.
const CONSTRUCTOR_REFLECTION: &[&str] = &[
    "getDeclaredConstructor",
    "getConstructor",
    "getDeclaredConstructors",
    "getConstructors",
];

/// Methods through which a program reflects on methods (rule 4), as (class, name).
const METHOD_REFLECTION: &[(&str, &str)] = &[
    ("java/lang/Class", "getDeclaredMethods"),
    ("java/lang/Class", "getDeclaredMethod"),
    ("java/lang/Class", "getMethods"),
    ("java/lang/Class", "getMethod"),
    ("java/lang/Class", "getRecordComponents"),
    ("java/lang/Class", "getEnclosingMethod"),
    ("java/lang/Class", "getEnclosingConstructor"),
    ("java/lang/reflect/Proxy", "newProxyInstance"),
];

/// Is a call of `class.name` one through which a program reflects on methods? Only calls
/// in program classes count: java.base reaches these methods from code RTA cannot rule out
/// (annotation parsing, proxies, jimage) in every program.
pub fn is_method_reflection(class: &str, name: &str) -> bool {
    METHOD_REFLECTION
        .iter()
        .any(|&(c, n)| c == class && n == name)
}

/// Is a method `name` of class `class` reachable?
pub(crate) fn reachable(reach: &Reachability, program: &Program, class: &str, name: &str) -> bool {
    let Some(c) = program.lookup(class) else {
        return false;
    };
    program
        .class(c)
        .methods
        .iter()
        .any(|&m| program.method(m).name == name && reach.methods.contains(&m))
}

/// Instantiates `c` and makes its constructors reachable: the one with `descriptor`, or all
/// of them when `descriptor` is None. Interfaces are left alone; an abstract class keeps its
/// constructors (reflection lists them; `newInstance` throws InstantiationException) but is
/// not instantiated.
pub fn keep(reach: &mut Reachability, program: &mut Program, c: ClassId, descriptor: Option<&str>) {
    let class = program.class(c);
    if class.is_interface() {
        return;
    }
    let is_abstract = class.access() & crate::classfile::access::ABSTRACT != 0;
    let ctors: Vec<_> = class
        .methods
        .iter()
        .copied()
        .filter(|&m| {
            let meth = program.method(m);
            meth.name == "<init>" && descriptor.is_none_or(|d| meth.descriptor == d)
        })
        .collect();
    if ctors.is_empty() && descriptor.is_some() {
        return;
    }
    if !is_abstract {
        reach.instantiate(program, c);
    }
    for m in ctors {
        reach.add_root(program, m);
    }
}

/// Applies the rules whose conditions became true; true when something was added.
pub fn extend(reach: &mut Reachability, program: &mut Program) -> bool {
    let before = reach.methods.len() + reach.instantiated.len();
    for (i, rule) in RULES.iter().enumerate() {
        if reach.applied_rules.contains(&i)
            || !reachable(reach, program, rule.trigger.0, rule.trigger.1)
        {
            continue;
        }
        reach.applied_rules.insert(i);
        for &(name, ctor) in rule.keep {
            if let Ok(c) = program.load(name) {
                match ctor {
                    Some(d) => keep(reach, program, c, Some(d)),
                    None => reach.instantiate(program, c),
                }
            }
        }
    }
    let reflects = CONSTRUCTOR_REFLECTION
        .iter()
        .any(|n| reachable(reach, program, "java/lang/Class", n));
    if reflects {
        let pending: Vec<ClassId> = reach
            .literal_classes
            .iter()
            .copied()
            .filter(|c| !reach.reflected_literals.contains(c))
            .collect();
        for c in pending {
            reach.reflected_literals.insert(c);
            keep(reach, program, c, None);
        }
    }
    let loads_classes = reachable(reach, program, "java/lang/ClassLoader", "defineClass1");
    if !reach.kept_program_classes
        && (loads_classes || reach.dynamic_for_name || reach.program_reflects_on_methods)
    {
        reach.kept_program_classes = true;
        keep_program_classes(reach, program);
    }
    if loads_classes {
        keep_core_api(reach, program);
    }
    if !reach.kept_service_providers && reachable(reach, program, "java/util/ServiceLoader", "load")
    {
        reach.kept_service_providers = true;
        for name in service_providers(program) {
            if let Ok(c) = program.load(&name) {
                keep(reach, program, c, Some("()V"));
            }
        }
    }
    reach.methods.len() + reach.instantiated.len() != before
}

/// The provider classes (internal names) that the `META-INF/services/` files of the user's
/// inputs list, in file and line order: `#` starts a comment, blank lines are skipped.
fn service_providers(program: &Program) -> Vec<String> {
    let classpath = program.classpath();
    let mut providers = Vec::new();
    for (name, user) in classpath.resources() {
        if !user || !name.starts_with("META-INF/services/") {
            continue;
        }
        let Some(Ok(bytes)) = classpath.read_resource(&name) else {
            continue;
        };
        for line in String::from_utf8_lossy(&bytes).lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if !line.is_empty() && !line.contains([' ', '\t', '/']) {
                providers.push(line.replace('.', "/"));
            }
        }
    }
    providers
}

/// JDK packages whose used classes keep their public API for classes loaded at run time.
pub const CORE_API_PACKAGES: &[&str] = &["java/lang", "java/util", "java/util/function"];

/// Is `c` a JDK class of the core API that the program uses?
fn used_core_api(reach: &Reachability, program: &Program, c: ClassId) -> bool {
    let class = program.class(c);
    let package = crate::program::layout::package_of(&class.name);
    class.in_jdk
        && CORE_API_PACKAGES.contains(&package)
        && (reach.instantiated.contains(&c)
            || class.methods.iter().any(|m| reach.methods.contains(m)))
}

/// Rule 5: the public and protected methods of the core-API JDK classes the program uses.
fn keep_core_api(reach: &mut Reachability, program: &mut Program) {
    let used: Vec<ClassId> = (0..program.classes.len() as u32)
        .map(ClassId)
        .filter(|&c| !reach.kept_for_loaders.contains(&c) && used_core_api(reach, program, c))
        .collect();
    for c in used {
        reach.kept_for_loaders.insert(c);
        let class = program.class(c);
        let api: Vec<_> = class
            .methods
            .iter()
            .copied()
            .filter(|&m| {
                let acc = program.method(m).access;
                acc & (crate::classfile::access::PUBLIC | crate::classfile::access::PROTECTED) != 0
                    && program.method_info(m).is_some_and(|i| {
                        i.code.is_some() || acc & crate::classfile::access::NATIVE != 0
                    })
            })
            .collect();
        for m in api {
            reach.add_root(program, m);
        }
    }
}

/// Loads the class a field descriptor names (arrays included), so that reflection can give
/// it as a member's type; primitives and classes that fail to load are left alone.
fn load_type(program: &mut Program, descriptor: &str) {
    let name = match descriptor.as_bytes().first() {
        Some(b'L') => &descriptor[1..descriptor.len() - 1],
        Some(b'[') => descriptor,
        _ => return,
    };
    let _ = program.load(name);
}

/// Rule 4: every class of the user's inputs kept in full (classes that fail to load are
/// left out, as they would fail at run time on HotSpot too).
fn keep_program_classes(reach: &mut Reachability, program: &mut Program) {
    for name in program.classpath().user_classes() {
        let Ok(c) = program.load(&name) else { continue };
        let class = program.class(c);
        let concrete =
            !class.is_interface() && class.access() & crate::classfile::access::ABSTRACT == 0;
        let methods = class.methods.clone();
        let field_types: Vec<String> = class
            .file
            .as_ref()
            .map(|f| f.fields.iter().map(|f| f.descriptor.clone()).collect())
            .unwrap_or_default();
        for d in &field_types {
            load_type(program, d);
        }
        if concrete {
            reach.instantiate(program, c);
        }
        reach.literal_classes.insert(c);
        for m in methods {
            let meth = program.method(m);
            let virtual_key = meth
                .is_virtual()
                .then(|| (meth.name.clone(), meth.descriptor.clone()));
            let descriptor = meth.descriptor.clone();
            if !meth.is_abstract() {
                reach.add_root(program, m);
            }
            if let Ok(md) = crate::classfile::descriptor::parse_method_descriptor(&descriptor) {
                for t in md.params.iter().chain(md.ret.iter()) {
                    load_type(program, &t.descriptor());
                }
            }
            if let Some((n, d)) = virtual_key {
                reach.add_selector_for(program, None, Some(c), &n, &d);
            }
        }
    }
}
