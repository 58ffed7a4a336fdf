//! Saved state, versioned: `save()` writes a header (a tag for which machine
//! wrote it, and a format version) before the state, and `restore()` checks
//! both before reading anything else, with a typed error for each mismatch
//! (as frost-core prefixes its serializations with a version).

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
pub const SAVED_STATE_VERSION: u16 = 2;

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

pub(crate) fn restore<T: Serialize + DeserializeOwned>(machine: Machine, bytes: &[u8]) -> Result<T, SavedStateError> {
    let (header, rest): (Header, &[u8]) = postcard::take_from_bytes(bytes).map_err(|_| SavedStateError::Header)?;
    if header.machine != machine {
        return Err(SavedStateError::WrongMachine { found: header.machine, expected: machine });
    }
    if header.version != SAVED_STATE_VERSION {
        return Err(SavedStateError::Version { found: header.version, supported: SAVED_STATE_VERSION });
    }
    encoding::from_bytes(rest).map_err(|e| SavedStateError::Decode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restore_checks_the_machine_and_the_version() {
        let bytes = save(Machine::Signer, &(7u32, "state".to_string()));
        assert_eq!(restore::<(u32, String)>(Machine::Signer, &bytes), Ok((7, "state".to_string())));
        assert_eq!(
            restore::<(u32, String)>(Machine::Coordinator, &bytes),
            Err(SavedStateError::WrongMachine { found: Machine::Signer, expected: Machine::Coordinator })
        );
        // The version follows the one-byte machine tag, as a varint.
        let mut old = bytes.clone();
        old[1] = 1;
        assert_eq!(
            restore::<(u32, String)>(Machine::Signer, &old),
            Err(SavedStateError::Version { found: 1, supported: SAVED_STATE_VERSION })
        );
        assert_eq!(restore::<(u32, String)>(Machine::Signer, &[]), Err(SavedStateError::Header));
        assert!(matches!(restore::<(u32, String)>(Machine::Signer, &bytes[..4]), Err(SavedStateError::Decode(_))));
    }
}
