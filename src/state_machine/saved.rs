//! Saved state, versioned: `save()` writes a header (a tag for which machine
//! wrote it, and a format version) before the state, and `restore()` checks
//! both before reading anything else, with a typed error for each mismatch
//! (as frost-core prefixes its serializations with a version). The previous
//! format is still read, through its own types converted to the current
//! ones (version 2: before epochs and reshares), so old saves restore.

use serde::{de::DeserializeOwned, Serialize};

use crate::crypto::encoding;

/// Which machine a saved state belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Machine {
    Signer,
    Coordinator,
}

/// The format of saved states this build reads and writes. Bump it whenever
/// a saved field changes.
pub const SAVED_STATE_VERSION: u16 = 3;
/// The previous format, still read.
pub const PREVIOUS_SAVED_STATE_VERSION: u16 = 2;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SavedStateError {
    #[error("saved state has no valid header")]
    Header,
    #[error("saved state is a {found:?}'s, not a {expected:?}'s")]
    WrongMachine { found: Machine, expected: Machine },
    #[error("saved state has format version {found}; this build reads version {supported}")]
    Version { found: u16, supported: u16 },
    #[error("saved state does not decode: {0}")]
    Decode(String),
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Header {
    machine: Machine,
    version: u16,
}

pub(crate) fn save<T: Serialize>(machine: Machine, state: &T) -> Vec<u8> {
    let mut bytes = encoding::to_bytes(&Header { machine, version: SAVED_STATE_VERSION });
    bytes.extend(encoding::to_bytes(state));
    bytes
}

/// Restore a state saved in the current format, or in the previous one as
/// `Previous` and converted.
pub(crate) fn restore<T, Previous>(machine: Machine, bytes: &[u8]) -> Result<T, SavedStateError>
where
    T: Serialize + DeserializeOwned,
    Previous: Serialize + DeserializeOwned + Into<T>,
{
    let (header, rest): (Header, &[u8]) = postcard::take_from_bytes(bytes).map_err(|_| SavedStateError::Header)?;
    if header.machine != machine {
        return Err(SavedStateError::WrongMachine { found: header.machine, expected: machine });
    }
    let decode = |e: crate::crypto::encoding::EncodingError| SavedStateError::Decode(e.to_string());
    match header.version {
        SAVED_STATE_VERSION => encoding::from_bytes(rest).map_err(decode),
        PREVIOUS_SAVED_STATE_VERSION => encoding::from_bytes::<Previous>(rest).map(Into::into).map_err(decode),
        found => Err(SavedStateError::Version { found, supported: SAVED_STATE_VERSION }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restore_checks_the_machine_and_the_version() {
        let bytes = save(Machine::Signer, &(7u32, "state".to_string()));
        assert_eq!(restore::<(u32, String), (u32, String)>(Machine::Signer, &bytes), Ok((7, "state".to_string())));
        assert_eq!(
            restore::<(u32, String), (u32, String)>(Machine::Coordinator, &bytes),
            Err(SavedStateError::WrongMachine { found: Machine::Signer, expected: Machine::Coordinator })
        );
        // The version follows the one-byte machine tag, as a varint.
        let mut old = bytes.clone();
        old[1] = 1;
        assert_eq!(
            restore::<(u32, String), (u32, String)>(Machine::Signer, &old),
            Err(SavedStateError::Version { found: 1, supported: SAVED_STATE_VERSION })
        );
        assert_eq!(restore::<(u32, String), (u32, String)>(Machine::Signer, &[]), Err(SavedStateError::Header));
        assert!(matches!(restore::<(u32, String), (u32, String)>(Machine::Signer, &bytes[..4]), Err(SavedStateError::Decode(_))));
    }
}
