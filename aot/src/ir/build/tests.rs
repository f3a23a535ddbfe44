//! Unit tests of the SSA builder.
