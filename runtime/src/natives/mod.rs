//! Native methods of JDK classes (the list is `contract::NATIVES`). Each is exported under
//! the compiled-method symbol of the Java declaration and follows the compiled calling
//! convention: receiver (instance methods) then arguments; `int`-like values as i32,
//! references as raw addresses, exceptions through the pending-exception slot.

pub mod fdlibm;
pub mod hotspot;
pub mod invoke;
pub mod io;
pub mod lang;
pub mod members;
pub mod method_calls;
pub mod nio_fs;
pub mod reflect;
pub mod threads;
pub mod unsafe_mem;
