//! Joining: the key proven against the connection's challenge, the id bound
//! (cluster-wide in cluster mode), the member added to its room.

use std::sync::{Arc, OnceLock};

use super::{JoinedAs, Reader};
use crate::auth::{verify_join, PeerKey};
use crate::cluster::{BindError, RoomEvent};
use crate::protocol::{validate_join, ErrorCode, Rejection};
use crate::queue::Closing;
use crate::rooms::{JoinError, Member, Seat};

impl Reader<'_> {
    pub(super) async fn join(
        &mut self,
        room: &str,
        peer: &str,
        pubkey: &str,
        signature: &str,
        joined: &OnceLock<JoinedAs>,
    ) -> Result<(), Closing> {
        let key = match validate_join(room, peer).and_then(|()| verify_join(&self.nonce, room, peer, pubkey, signature))
        {
            Ok(key) => key,
            Err(rej) => return self.reject(rej),
        };
        let confirmed = match self.bind_in_cluster(room, peer, key).await {
            Ok(confirmed) => confirmed,
            Err(rej) => return self.reject(rej),
        };
        let since_ms = unix_ms();
        let member = Member { conn: self.conn, key, seat: Seat::Local(self.queue.clone()), since_ms };
        let limits = &self.shared.limits;
        let refused = match self.shared.rooms.join(room, peer, member, confirmed) {
            Ok(()) => {
                tracing::info!(room, peer, "peer joined");
                let as_ = (room.to_owned(), Arc::<str>::from(peer));
                self.joined = Some(as_.clone());
                let _ = joined.set(as_);
                if let Some(cluster) = &self.shared.cluster {
                    let event = RoomEvent::Join { peer: peer.to_owned(), conn: self.conn, key, since_ms };
                    cluster.joined(self.shared, room, event).await;
                }
                return Ok(());
            }
            Err(JoinError::KeyMismatch) => {
                Rejection::new(ErrorCode::PeerKeyMismatch, format!("peer id `{peer}` is bound to another key"))
            }
            Err(JoinError::RoomFull) => {
                Rejection::new(ErrorCode::RoomFull, format!("room `{room}` has {} peers", limits.max_peers_per_room))
            }
            Err(JoinError::TooManyRooms) => {
                Rejection::new(ErrorCode::ServerFull, format!("{} rooms are open; no new rooms", limits.max_rooms))
            }
        };
        self.reject(refused)
    }

    /// In cluster mode, binds the id cluster-wide first; `Ok(true)` if the
    /// cluster confirmed the binding, `Ok(false)` outside a cluster.
    async fn bind_in_cluster(&self, room: &str, peer: &str, key: PeerKey) -> Result<bool, Rejection> {
        let Some(cluster) = &self.shared.cluster else { return Ok(false) };
        match cluster.bind(room, peer, key).await {
            Ok(()) => Ok(true),
            Err(BindError::KeyMismatch) => {
                Err(Rejection::new(ErrorCode::PeerKeyMismatch, format!("peer id `{peer}` is bound to another key")))
            }
            Err(BindError::Unavailable(e)) => {
                tracing::warn!(room, peer, error = %e, "cluster binding store unavailable");
                Err(Rejection::new(ErrorCode::ServerBusy, "the cluster cannot check bindings now; try again later"))
            }
        }
    }
}

/// Wall-clock milliseconds, for the cluster's tie-break between two joins.
fn unix_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}
