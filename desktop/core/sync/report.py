"""What a sync pass did, per destination and overall, and the states the UI shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from desktop.core.sync import errors


@dataclass
class PassReport:
    destination: str
    queued: int = 0  # outbox rows this pass took on
    uploaded: int = 0  # objects verified remotely
    sent_bytes: int = 0
    deleted: int = 0
    resumed_parts: int = 0
    pulled: int = 0  # assets imported from other libraries
    merged: int = 0  # existing assets whose sidecar was merged
    received_bytes: int = 0
    conflicts: int = 0  # new or updated conflicts
    held: int = 0  # sidecars waiting for a conflict to be resolved
    backups: int = 0
    failed: int = 0
    corrupt: int = 0  # local files that no longer match their hash (not uploaded)
    pending: int = 0  # outbox rows left after the pass
    fatal: bool = False  # the destination could not be used at all (credentials, bucket)
    stopped: bool = False  # paused or stopped before the end
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Everything queued is verified at the destination and nothing failed."""
        return not (self.failed or self.corrupt or self.pending or self.fatal or self.errors
                    or self.stopped)

    @property
    def did_work(self) -> bool:
        return bool(self.uploaded or self.deleted or self.pulled or self.merged or self.backups)


@dataclass
class SyncReport:
    passes: list[PassReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(p.ok for p in self.passes)

    def by_destination(self) -> dict[str, PassReport]:
        return {p.destination: p for p in self.passes}


class AssetSyncState(StrEnum):
    """The cloud badge of an asset, summed over all destinations."""

    LOCAL_ONLY = "local_only"  # no destination configured (or not queued anywhere)
    PENDING = "pending"
    SYNCED = "synced"
    ERROR = "error"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class DestinationStatus:
    name: str
    url: str
    delete_policy: str
    pending: int
    failing: int
    verified_objects: int
    verified_bytes: int
    open_uploads: int
    open_conflicts: int
    waiting_manifest_lines: int
    last_run_at: float | None
    last_error: str | None


@dataclass(frozen=True)
class TestResult:
    ok: bool
    message: str
    # What failed, for a translated headline: "credentials", "bucket", "connection",
    # "verification", "destination" or "other"; "" when the test passed.
    problem: str = ""


def problem_of(exc: Exception) -> str:
    """The kind of failure a connection test met, from the error's type."""
    kinds = ((errors.CredentialsError, "credentials"), (errors.BucketNotFoundError, "bucket"),
             (errors.TransientRemoteError, "connection"), (errors.VerificationError, "verification"),
             (errors.DestinationNotFoundError, "destination"))
    return next((kind for cls, kind in kinds if isinstance(exc, cls)), "other")
