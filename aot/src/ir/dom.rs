//! Dominance with exceptional edges, used by the verifier and by passes.
//!
//! A block whose instruction `k` has an exceptional successor is two nodes: the *pre* node
//! (instructions `0..=k`, whose exceptional edge leaves from it) and the *post* node (the
//! result of instruction `k` and everything after it). So the result of a throwing
//! instruction does not dominate its handler, while everything before it does.
//!
//! Invariants: nodes are `2 * block` (pre) and `2 * block + 1` (post); unreachable nodes have
//! no dominator; queries are O(1) after the tree is numbered.

use super::entity::{Block, EntityRef, Inst};
use super::function::Function;

/// The dominator tree of a function's split-node graph.
pub struct Dominators {
    /// Immediate dominator of each node (`None` for the entry and unreachable nodes).
    idom: Vec<Option<usize>>,
    /// Preorder interval of each node in the dominator tree.
    enter: Vec<u32>,
    exit: Vec<u32>,
    /// Children of each node in the dominator tree, in RPO order.
    children: Vec<Vec<usize>>,
    /// Index of the instruction with an exceptional edge, per block.
    split: Vec<Option<usize>>,
    entry: usize,
}

/// Where in a block a definition or use sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// The block.
    pub block: Block,
    /// Position in the block: parameters are -1, instruction `i` is `i`.
    pub pos: isize,
    /// True for a use on an exceptional edge (evaluated before the instruction).
    pub exc_edge: bool,
}

impl Dominators {
    /// Computes dominators (Cooper, Harvey and Kennedy, "A Simple, Fast Dominance Algorithm").
    pub fn compute(f: &Function) -> Dominators {
        let n = f.blocks.len() * 2;
        let split: Vec<Option<usize>> = f.blocks.keys().map(|b| split_index(f, b)).collect();
        let succs = node_successors(f);
        let entry = f.entry.map_or(0, |b| b.index() * 2);
        let order = postorder(entry, &succs);
        let mut rank = vec![usize::MAX; n];
        for (i, &v) in order.iter().enumerate() {
            rank[v] = i;
        }
        let idom = iterate(entry, &order, &rank, &succs);
        let mut children = vec![Vec::new(); n];
        for &v in order.iter().rev() {
            if let Some(d) = idom[v] {
                children[d].push(v);
            }
        }
        let mut dom = Dominators {
            idom,
            enter: vec![0; n],
            exit: vec![0; n],
            children,
            split,
            entry,
        };
        dom.number();
        dom
    }

    fn number(&mut self) {
        let mut clock = 0u32;
        let mut stack = vec![(self.entry, 0usize)];
        self.enter[self.entry] = 1;
        clock += 1;
        while let Some((v, i)) = stack.last_mut() {
            if let Some(&c) = self.children[*v].get(*i) {
                *i += 1;
                clock += 1;
                self.enter[c] = clock;
                stack.push((c, 0));
            } else {
                clock += 1;
                self.exit[*v] = clock;
                stack.pop();
            }
        }
    }

    /// True if node `a` dominates node `b` (both reachable).
    pub fn node_dominates(&self, a: usize, b: usize) -> bool {
        self.enter[a] != 0
            && self.enter[b] != 0
            && self.enter[a] <= self.enter[b]
            && self.exit[b] <= self.exit[a]
    }

    /// True if the node is reachable from the entry.
    pub fn is_reachable(&self, node: usize) -> bool {
        self.enter.get(node).is_some_and(|&e| e != 0)
    }

    /// The node of a point in a block.
    pub fn node_of(&self, p: Point) -> usize {
        let base = p.block.index() * 2;
        match self.split.get(p.block.index()).copied().flatten() {
            Some(k) if !p.exc_edge && p.pos >= k as isize => base + 1,
            _ => base,
        }
    }

    /// True if a definition at `def` is available at `user`.
    pub fn available(&self, def: Point, user: Point) -> bool {
        let (d, u) = (self.node_of(def), self.node_of(user));
        if d == u {
            return def.pos < user.pos;
        }
        self.node_dominates(d, u)
    }

    /// Children of a node in the dominator tree.
    pub fn children(&self, node: usize) -> &[usize] {
        &self.children[node]
    }

    /// The entry node.
    pub fn entry(&self) -> usize {
        self.entry
    }

    /// Index of the instruction with an exceptional edge in `block`, if any.
    pub fn split(&self, block: Block) -> Option<usize> {
        self.split.get(block.index()).copied().flatten()
    }

    /// The immediate dominator of a node.
    pub fn idom(&self, node: usize) -> Option<usize> {
        self.idom[node]
    }
}

/// The position of the (first) instruction with an exceptional edge.
pub fn split_index(f: &Function, b: Block) -> Option<usize> {
    f.blocks[b]
        .insts
        .iter()
        .position(|&i: &Inst| f.insts[i].exc.is_some())
}

fn node_successors(f: &Function) -> Vec<Vec<usize>> {
    let mut succs = vec![Vec::new(); f.blocks.len() * 2];
    for b in f.blocks.keys() {
        let (pre, post) = (b.index() * 2, b.index() * 2 + 1);
        succs[pre].push(post);
        for &i in &f.blocks[b].insts {
            let d = &f.insts[i];
            succs[post].extend(d.succs.iter().map(|c| c.block.index() * 2));
            if let Some(c) = &d.exc {
                succs[pre].push(c.block.index() * 2);
            }
        }
    }
    succs
}

fn postorder(entry: usize, succs: &[Vec<usize>]) -> Vec<usize> {
    let mut seen = vec![false; succs.len()];
    let mut out = Vec::new();
    let mut stack = vec![(entry, 0usize)];
    seen[entry] = true;
    while let Some((v, i)) = stack.last_mut() {
        if let Some(&s) = succs[*v].get(*i) {
            *i += 1;
            if !seen[s] {
                seen[s] = true;
                stack.push((s, 0));
            }
        } else {
            out.push(*v);
            stack.pop();
        }
    }
    out
}

fn iterate(
    entry: usize,
    post: &[usize],
    rank: &[usize],
    succs: &[Vec<usize>],
) -> Vec<Option<usize>> {
    let n = succs.len();
    let mut preds = vec![Vec::new(); n];
    for &v in post {
        for &s in &succs[v] {
            preds[s].push(v);
        }
    }
    let mut idom: Vec<Option<usize>> = vec![None; n];
    idom[entry] = Some(entry);
    let mut changed = true;
    while changed {
        changed = false;
        for &v in post.iter().rev().filter(|&&v| v != entry) {
            let mut new = None;
            for &p in preds[v].iter().filter(|&&p| idom[p].is_some()) {
                new = Some(match new {
                    None => p,
                    Some(q) => intersect(&idom, rank, p, q),
                });
            }
            if new.is_some() && idom[v] != new {
                idom[v] = new;
                changed = true;
            }
        }
    }
    idom[entry] = None;
    idom
}

fn intersect(idom: &[Option<usize>], rank: &[usize], mut a: usize, mut b: usize) -> usize {
    while a != b {
        while rank[a] < rank[b] {
            a = idom[a].unwrap_or(b);
        }
        while rank[b] < rank[a] {
            b = idom[b].unwrap_or(a);
        }
    }
    a
}
