//! Structure-aware mutation of any serde value, through its CBOR tree.
//!
//! A message (or a control message) is serialized into a `ciborium` value
//! tree, one of the [`Op`]s below is applied to one of its nodes, and the tree
//! is deserialized back into the Rust type: a tree that no longer fits the
//! type is dropped, one that fits is a well-formed message with one field
//! changed, ready to be signed and sent. Nothing here names a message type,
//! so message variants added later are mutated without any change here.
//!
//! Nodes are numbered depth first (a map's values, not its keys). Byte
//! strings (points, digests, ciphertexts, embedded packets) are arrays of
//! integers in this encoding, so the same ops reach single bytes.

use std::collections::{BTreeMap, HashSet};

use arbitrary::Arbitrary;
use ciborium::value::{Integer, Value};
use serde::{de::DeserializeOwned, Serialize};

/// A change to one node of a value tree.
#[derive(Arbitrary, Clone, Debug)]
pub enum Op {
    /// Change an integer (ids, counts, bytes of a point or digest).
    Int { node: u16, change: IntChange },
    /// Remove an element of an array (or an entry of a map).
    Remove { node: u16, index: u8 },
    /// Repeat an element of an array.
    Duplicate { node: u16, index: u8 },
    /// Swap two elements of an array.
    Swap { node: u16, a: u8, b: u8 },
    /// Cut an array (or a string) short.
    Truncate { node: u16, len: u8 },
    /// Replace a node with one from another recorded message: of the same
    /// shape (a point for a point, a share for a share), or of any shape.
    Splice { node: u16, donor: u16, any_shape: bool },
    /// Treat a byte array as an embedded signed packet (a nonce response
    /// inside a share request, a packet in an equivocation complaint):
    /// mutate its message and sign it again as its sender.
    Embedded { node: u16, ops: Vec<Op> },
}

#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum IntChange {
    Zero,
    One,
    Increment,
    Decrement,
    Max,
    FlipBit(u8),
    Set(u64),
}

/// A value as a tree, or `None` if it does not serialize.
pub fn to_tree<T: Serialize>(value: &T) -> Option<Value> {
    Value::serialized(value).ok()
}

/// The tree back as a `T`, or `None` if it no longer fits the type.
pub fn from_tree<T: DeserializeOwned>(tree: &Value) -> Option<T> {
    tree.deserialized().ok()
}

/// The number of nodes in a tree.
pub fn count(tree: &Value) -> usize {
    1 + match tree {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Map(entries) => entries.iter().map(|(_, v)| count(v)).sum(),
        Value::Tag(_, inner) => count(inner),
        _ => 0,
    }
}

/// The node numbered `n` (depth first, the root is 0).
pub fn nth_mut(tree: &mut Value, n: usize) -> Option<&mut Value> {
    fn walk<'a>(node: &'a mut Value, n: &mut usize) -> Option<&'a mut Value> {
        if *n == 0 {
            return Some(node);
        }
        *n -= 1;
        match node {
            Value::Array(items) => items.iter_mut().find_map(|item| walk(item, n)),
            Value::Map(entries) => entries.iter_mut().find_map(|(_, v)| walk(v, n)),
            Value::Tag(_, inner) => walk(inner, n),
            _ => None,
        }
    }
    let mut n = n;
    walk(tree, &mut n)
}

/// The node an op names, its index taken modulo the tree's size.
pub fn pick(tree: &mut Value, node: u16) -> Option<&mut Value> {
    let total = count(tree);
    nth_mut(tree, usize::from(node) % total)
}

/// What a node looks like, for splicing like onto like: its kind, and the
/// length of a byte string or the field names of a struct.
fn shape(node: &Value) -> String {
    match node {
        Value::Integer(_) => "int".into(),
        Value::Bytes(_) => "bytes".into(),
        Value::Float(_) => "float".into(),
        Value::Text(_) => "text".into(),
        Value::Bool(_) => "bool".into(),
        Value::Null => "null".into(),
        Value::Tag(t, _) => format!("tag{t}"),
        Value::Array(items) if items.iter().all(|i| matches!(i, Value::Integer(_))) => {
            format!("bytes{}", items.len())
        }
        Value::Array(_) => "array".into(),
        Value::Map(entries) => {
            let keys: Vec<String> = entries.iter().map(|(k, _)| format!("{k:?}")).collect();
            format!("map{}", keys.join(","))
        }
        _ => "other".into(),
    }
}

/// Every node of every recorded message, by shape.
#[derive(Default)]
pub struct DonorPool {
    by_shape: BTreeMap<String, Vec<Value>>,
    all: Vec<Value>,
    /// The encodings of the nodes in the pool, to keep each node once.
    seen: HashSet<Vec<u8>>,
}

impl DonorPool {
    /// Add every node of `value`'s tree.
    pub fn add_message<T: Serialize>(&mut self, value: &T) {
        if let Some(tree) = to_tree(value) {
            self.add(&tree);
        }
    }

    fn add(&mut self, node: &Value) {
        let mut encoded = Vec::new();
        if ciborium::into_writer(node, &mut encoded).is_ok() && self.seen.insert(encoded) {
            self.by_shape.entry(shape(node)).or_default().push(node.clone());
            self.all.push(node.clone());
        }
        match node {
            Value::Array(items) => items.iter().for_each(|i| self.add(i)),
            Value::Map(entries) => entries.iter().for_each(|(_, v)| self.add(v)),
            Value::Tag(_, inner) => self.add(inner),
            _ => {}
        }
    }

    fn donor(&self, like: &Value, index: u16, any_shape: bool) -> Option<&Value> {
        let candidates = if any_shape { &self.all } else { self.by_shape.get(&shape(like))? };
        candidates.get(usize::from(index) % candidates.len().max(1))
    }

    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }
}

/// Re-signs an embedded packet after mutating its message (see [`Op::Embedded`]).
pub trait Resign {
    fn resign(&self, bytes: &[u8], ops: &[Op]) -> Option<Vec<u8>>;
}

/// Apply `op` to `tree`. False if the op does not fit the node it names.
pub fn apply(tree: &mut Value, op: &Op, donors: &DonorPool, resign: &dyn Resign) -> bool {
    let node = match op {
        Op::Int { node, .. }
        | Op::Remove { node, .. }
        | Op::Duplicate { node, .. }
        | Op::Swap { node, .. }
        | Op::Truncate { node, .. }
        | Op::Splice { node, .. }
        | Op::Embedded { node, .. } => *node,
    };
    let Some(target) = pick(tree, node) else { return false };
    match (op, target) {
        (Op::Int { change, .. }, Value::Integer(i)) => {
            *i = change_int(*i, *change);
            true
        }
        (Op::Remove { index, .. }, Value::Array(items)) if !items.is_empty() => {
            items.remove(usize::from(*index) % items.len());
            true
        }
        (Op::Remove { index, .. }, Value::Map(entries)) if !entries.is_empty() => {
            entries.remove(usize::from(*index) % entries.len());
            true
        }
        (Op::Duplicate { index, .. }, Value::Array(items)) if !items.is_empty() => {
            let at = usize::from(*index) % items.len();
            let copy = items[at].clone();
            items.insert(at, copy);
            true
        }
        (Op::Swap { a, b, .. }, Value::Array(items)) if !items.is_empty() => {
            let n = items.len();
            items.swap(usize::from(*a) % n, usize::from(*b) % n);
            true
        }
        (Op::Truncate { len, .. }, Value::Array(items)) => {
            items.truncate(usize::from(*len));
            true
        }
        (Op::Truncate { len, .. }, Value::Text(text)) => {
            let cut = (0..=usize::from(*len).min(text.len())).rev().find(|&i| text.is_char_boundary(i));
            text.truncate(cut.unwrap_or(0));
            true
        }
        (Op::Splice { donor, any_shape, .. }, target) => match donors.donor(target, *donor, *any_shape) {
            Some(d) => {
                *target = d.clone();
                true
            }
            None => false,
        },
        (Op::Embedded { ops, .. }, target) => {
            let Some(bytes) = as_bytes(target) else { return false };
            match resign.resign(&bytes, ops) {
                Some(new) => {
                    *target = Value::Array(new.into_iter().map(|b| Value::Integer(b.into())).collect());
                    true
                }
                None => false,
            }
        }
        _ => false,
    }
}

fn change_int(i: Integer, change: IntChange) -> Integer {
    let v = i128::from(i);
    let changed = match change {
        IntChange::Zero => 0,
        IntChange::One => 1,
        IntChange::Increment => v.saturating_add(1),
        IntChange::Decrement => v.saturating_sub(1),
        IntChange::Max => i128::from(u64::MAX),
        IntChange::FlipBit(bit) => v ^ (1i128 << (bit % 64)),
        IntChange::Set(x) => i128::from(x),
    };
    Integer::try_from(changed).unwrap_or(i)
}

/// A byte string, as this encoding writes one (an array of small integers).
fn as_bytes(node: &Value) -> Option<Vec<u8>> {
    match node {
        Value::Bytes(b) => Some(b.clone()),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::Integer(n) => u8::try_from(i128::from(*n)).ok(),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}
