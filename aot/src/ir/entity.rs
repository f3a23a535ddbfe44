//! Typed `u32` index newtypes and the dense maps keyed by them (in the style of cranelift's
//! `entity` crate, written from scratch).
//!
//! Invariants: an entity is only ever created by [`PrimaryMap::push`] of the map that owns it,
//! so indexing that map with it cannot fail; a [`SecondaryMap`] answers every key (keys it has
//! never stored read as the default value) and grows on write.

use std::fmt;
use std::marker::PhantomData;

/// A typed index into a [`PrimaryMap`].
pub trait EntityRef: Copy + Eq + Ord + std::hash::Hash + fmt::Debug {
    /// The entity with this index.
    fn new(index: usize) -> Self;
    /// The index of this entity.
    fn index(self) -> usize;
}

/// Declares a `u32` index newtype that prints as `<prefix><index>`.
macro_rules! entity {
    ($(#[$attr:meta])* $name:ident, $prefix:literal) => {
        $(#[$attr])*
        #[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u32);

        impl EntityRef for $name {
            fn new(index: usize) -> Self {
                $name(u32::try_from(index).unwrap_or(u32::MAX))
            }
            fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }
    };
}

entity!(
    /// A basic block.
    Block,
    "block"
);
entity!(
    /// An SSA value: an instruction result or a block parameter.
    Value,
    "v"
);
entity!(
    /// An instruction.
    Inst,
    "inst"
);

/// The map that creates and owns entities of type `K`.
#[derive(Clone, PartialEq)]
pub struct PrimaryMap<K: EntityRef, V> {
    items: Vec<V>,
    key: PhantomData<K>,
}

impl<K: EntityRef, V> Default for PrimaryMap<K, V> {
    fn default() -> Self {
        PrimaryMap {
            items: Vec::new(),
            key: PhantomData,
        }
    }
}

impl<K: EntityRef, V: fmt::Debug> fmt::Debug for PrimaryMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: EntityRef, V> PrimaryMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Stores `value` under a new entity and returns it.
    pub fn push(&mut self, value: V) -> K {
        self.items.push(value);
        K::new(self.items.len() - 1)
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True if no entity was created.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// True if `k` was created by this map.
    pub fn is_valid(&self, k: K) -> bool {
        k.index() < self.items.len()
    }

    /// The value of `k`, if `k` belongs to this map.
    pub fn get(&self, k: K) -> Option<&V> {
        self.items.get(k.index())
    }

    /// All entities in creation order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = K> + ExactSizeIterator {
        (0..self.items.len()).map(K::new)
    }

    /// All (entity, value) pairs in creation order.
    pub fn iter(&self) -> impl Iterator<Item = (K, &V)> {
        self.items.iter().enumerate().map(|(i, v)| (K::new(i), v))
    }
}

impl<K: EntityRef, V> std::ops::Index<K> for PrimaryMap<K, V> {
    type Output = V;
    fn index(&self, k: K) -> &V {
        &self.items[k.index()]
    }
}

impl<K: EntityRef, V> std::ops::IndexMut<K> for PrimaryMap<K, V> {
    fn index_mut(&mut self, k: K) -> &mut V {
        &mut self.items[k.index()]
    }
}

/// Extra data for entities of type `K`, densely stored, with a default for missing keys.
#[derive(Clone)]
pub struct SecondaryMap<K: EntityRef, V: Clone> {
    items: Vec<V>,
    default: V,
    key: PhantomData<K>,
}

impl<K: EntityRef, V: Clone + Default> Default for SecondaryMap<K, V> {
    fn default() -> Self {
        SecondaryMap::with_default(V::default())
    }
}

impl<K: EntityRef, V: Clone> SecondaryMap<K, V> {
    /// An empty map whose missing keys read as `default`.
    pub fn with_default(default: V) -> Self {
        SecondaryMap {
            items: Vec::new(),
            default,
            key: PhantomData,
        }
    }

    /// The value of `k` (the default if never written).
    pub fn get(&self, k: K) -> &V {
        self.items.get(k.index()).unwrap_or(&self.default)
    }

    /// Sets the value of `k`.
    pub fn set(&mut self, k: K, v: V) {
        *self.get_mut(k) = v;
    }

    /// A mutable reference to the value of `k`, growing the map if needed.
    pub fn get_mut(&mut self, k: K) -> &mut V {
        if k.index() >= self.items.len() {
            self.items.resize(k.index() + 1, self.default.clone());
        }
        &mut self.items[k.index()]
    }
}

impl<K: EntityRef, V: Clone> std::ops::Index<K> for SecondaryMap<K, V> {
    type Output = V;
    fn index(&self, k: K) -> &V {
        self.get(k)
    }
}

impl<K: EntityRef, V: Clone> std::ops::IndexMut<K> for SecondaryMap<K, V> {
    fn index_mut(&mut self, k: K) -> &mut V {
        self.get_mut(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_and_secondary_maps() {
        let mut p: PrimaryMap<Block, &str> = PrimaryMap::new();
        let a = p.push("a");
        let b = p.push("b");
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("block0".into(), "block1".into())
        );
        assert_eq!(p[b], "b");
        let mut s: SecondaryMap<Block, u32> = SecondaryMap::default();
        assert_eq!(s[b], 0);
        s[b] = 7;
        assert_eq!((s[a], s[b]), (0, 7));
        assert_eq!(p.keys().collect::<Vec<_>>(), vec![a, b]);
    }
}
